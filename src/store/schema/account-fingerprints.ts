import type { Insertable, Selectable } from 'kysely';
import type { FingerprintPart } from '../../actors/evasion.ts';

/** `account_fingerprints`: append-only — every fingerprint value (opaque hash) ever seen for an account, per part. */
export interface AccountFingerprintsTable {
  account: string;
  part: FingerprintPart;
  value: string;
  first_seen_at: string;
}

export type AccountFingerprintRow = Selectable<AccountFingerprintsTable>;
export type NewAccountFingerprint = Insertable<AccountFingerprintsTable>;
