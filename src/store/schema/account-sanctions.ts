import type { Insertable, Selectable } from 'kysely';
import type { SanctionLevel } from '../../actors/policy.ts';

/**
 * `account_sanctions`: one row per sanctioned account — a projection of its `sanction_events` by
 * `currentSanction`, written in the same transaction as the event; `level` null when nothing is active.
 * A mute past its `until` is over even if the row still names it (readers compare `until` with now).
 */
export interface AccountSanctionsTable {
  account: string;
  level: SanctionLevel | null;
  sanction_id: string | null;
  until: string | null;
  /** The event that produced this row. */
  event_id: string;
  updated_at: string;
}

export type AccountSanctionRow = Selectable<AccountSanctionsTable>;
export type NewAccountSanction = Insertable<AccountSanctionsTable>;
