/**
 * Chinese mobile numbers: 1[3-9] and nine more digits (11 in all), as written after any +86 / 0086
 * prefix has been removed. Grouping (138 0013 8000, 138-0013-8000) is the scanner's concern.
 */
const MOBILE = /^1[3-9]\d{9}$/;

/** `digits` is a bare digit string without country prefix. */
export function isCnMobile(digits: string): boolean {
  return MOBILE.test(digits);
}
