/** The kinds of personal data the PII detector recognises; each is reported as rule `pii:<type>`. */
export const PII_TYPES = [
  'phone_cn',
  'landline_cn',
  'phone_intl',
  'email',
  'cn_id',
  'bank_card',
  'address_cn',
  'address_us',
  'address_uk',
] as const;
export type PiiType = (typeof PII_TYPES)[number];

/** A piece of personal data found in a view: half-open [start, end) in VIEW positions. */
export interface PiiMatch {
  type: PiiType;
  start: number;
  end: number;
}
