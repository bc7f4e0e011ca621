/**
 * International numbers through libphonenumber-js. Only called on candidates the digit scanner already
 * found (never on whole messages: a call costs a few microseconds).
 * A '+' (or 00) prefix plus a length that is possible for that country is enough: people write
 * reserved and fictional ranges (+44 7700 900123, +1 555 0100) and they are still phone numbers.
 * National formats without a prefix need their written shape (see numbers.ts) and a plausible start.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** `e164ish`: '+' and digits. True for a number of a known country code with a possible length. */
export function isIntlPhone(e164ish: string): boolean {
  if (e164ish.length < 8 || e164ish.length > 17) return false;
  const parsed = parsePhoneNumberFromString(e164ish);
  return parsed !== undefined && parsed.isPossible();
}

/** North American national number: area code does not start with 0 or 1 (NANP). */
const NANP = /^1?[2-9]\d{2}\d{7}$/;
/** Toll-free and service prefixes: US 8xx toll-free, China 400/800 company hotlines (400-820-8820). Not personal. */
const SERVICE = /^1?(?:400|800|888|877|866|855|844|833)/;
/** UK national number: trunk 0, then 9 or 10 digits. */
const UK = /^0[1-9]\d{8,9}$/;

export function isUsNational(digits: string): boolean {
  if (!NANP.test(digits) || SERVICE.test(digits)) return false;
  const parsed = parsePhoneNumberFromString(digits, 'US');
  return parsed !== undefined && parsed.isPossible();
}

export function isUkNational(digits: string): boolean {
  if (!UK.test(digits)) return false;
  const parsed = parsePhoneNumberFromString(digits, 'GB');
  return parsed !== undefined && parsed.isPossible();
}
