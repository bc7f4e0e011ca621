/**
 * Chinese landline numbers: trunk 0, an area code (10, 2x, or three digits 3xx–9xx), and a 7- or
 * 8-digit subscriber number: 010-12345678, 0571-8888888, (021) 6666 8888.
 */
const WITH_TRUNK = /^0(?:10|2\d|[3-9]\d\d)[1-9]\d{6,7}$/;
const AREA_WITH_TRUNK = /^0(?:10|2\d|[3-9]\d\d)$/;
const WITHOUT_TRUNK = /^(?:10|2\d|[3-9]\d\d)[1-9]\d{6,7}$/;

/** `digits` with the trunk 0 (national form). */
export function isCnLandline(digits: string): boolean {
  return WITH_TRUNK.test(digits);
}

/** `digits` after +86, without the trunk 0. */
export function isCnLandlineInternational(digits: string): boolean {
  return WITHOUT_TRUNK.test(digits);
}

/** True when `group` is exactly a trunk-prefixed area code (010, 021, 0571), i.e. the number was written with the area code set apart. */
export function isCnAreaCode(group: string): boolean {
  return AREA_WITH_TRUNK.test(group);
}
