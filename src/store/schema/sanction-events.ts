import type { Insertable, Selectable } from 'kysely';
import type { SanctionLevel } from '../../actors/policy.ts';
import type { SanctionSource } from '../../actors/sanctions.ts';

/**
 * `sanction_events`: append-only — every sanction imposed and every lift, with who and why. An account's
 * current sanction is derived from these by `currentSanction` (src/actors/sanctions.ts) and kept in
 * `account_sanctions` in the same transaction.
 */
export interface SanctionEventsTable {
  id: string;
  account: string;
  type: 'impose' | 'lift';
  /** The sanction the event is about: an `impose` event's own id; the lifted one for `lift`. */
  sanction_id: string;
  level: SanctionLevel;
  /** When it ends by itself (ISO); null: until lifted. */
  until: string | null;
  source: SanctionSource;
  /** The raid or evasion link that caused it (`source` raid / link), so a dismissal can lift exactly those. */
  ref: string | null;
  reason: string;
  /** `system`, or the id of the API key that acted. */
  actor: string;
  created_at: string;
}

export type SanctionEventRow = Selectable<SanctionEventsTable>;
export type NewSanctionEvent = Insertable<SanctionEventsTable>;
