/**
 * Chinese resident identity numbers (GB 11643-1999): 6-digit region code, 8-digit birth date
 * YYYYMMDD, 3-digit sequence, and a check character 0–9 or X (ISO 7064 MOD 11-2).
 * An 18-digit number whose check character or birth date is wrong is not an ID.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10x98765432';
const SHAPE = /^[1-9]\d{16}[\dxX]$/;
/** First digit of the region code: 1–6 mainland regions, 7 Taiwan, 8 Hong Kong / Macao. */
const REGION = /^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])/;

/** The check character (lower-case `x` for 10) for the first 17 digits. */
export function cnIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/** A plausible birth date: a real calendar day between 1900-01-01 and `today`. */
export function isPlausibleBirthDate(yyyymmdd: string, today: Date = new Date()): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (!(y >= 1900) || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() <= today.getTime();
}

/** `id`: 18 characters, digits and an optional final X/x. */
export function isCnResidentId(id: string, today?: Date): boolean {
  if (!SHAPE.test(id) || !REGION.test(id)) return false;
  if (!isPlausibleBirthDate(id.slice(6, 14), today)) return false;
  return cnIdCheckChar(id) === (id[17] ?? '').toLowerCase();
}
