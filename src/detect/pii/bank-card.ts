/**
 * Payment card numbers: 13–19 digits passing the Luhn check, starting with a major-network digit
 * (2 Mastercard, 3 Amex/JCB/Diners, 4 Visa, 5 Mastercard, 6 UnionPay/Discover), written as one run
 * or in groups of four (Amex 4-6-5). A random order number fails Luhn nine times in ten; the rest
 * are caught by the "not personal" context words (订单号, tracking…) in the scanner.
 */

/** The Luhn (mod 10) check over a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const SHAPE = /^[2-6]\d{12,18}$/;
/** One repeated digit (4444 4444 4444 4448 passes Luhn but is a placeholder, not a card). */
const MONOTONE = /^(\d)\1+\d?$/;

/** How the digits were grouped is a shape a card is printed in: one run, fours, or Amex 4-6-5. */
export function isCardGrouping(groupLengths: readonly number[]): boolean {
  if (groupLengths.length === 1) return true;
  const [a, b, c] = groupLengths;
  if (groupLengths.length === 3 && a === 4 && b === 6 && (c === 5 || c === 4)) return true;
  for (let i = 0; i < groupLengths.length - 1; i++) if (groupLengths[i] !== 4) return false;
  const last = groupLengths[groupLengths.length - 1] ?? 0;
  return last >= 1 && last <= 4;
}

/** `digits`: the card number without separators; `groupLengths`: how it was written. */
export function isBankCard(digits: string, groupLengths: readonly number[] = [digits.length]): boolean {
  return SHAPE.test(digits) && !MONOTONE.test(digits) && isCardGrouping(groupLengths) && luhnValid(digits);
}
