import type { Insertable, Selectable } from 'kysely';

/**
 * `accounts`: what the platform last said about each sender (`POST /v1/messages` with `sender` as an object),
 * and when Haven first saw it. Facts, not moderation state: sanctions live in `sanction_events`.
 */
export interface AccountsTable {
  id: string;
  /** The platform's account creation time (ISO); null when it never said. */
  created_at: string | null;
  /** 1 verified, 0 unverified, null when the platform never said. */
  verified: number | null;
  first_seen_at: string;
  updated_at: string;
}

export type AccountRow = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
