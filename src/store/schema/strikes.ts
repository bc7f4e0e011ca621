import type { Insertable, Selectable } from 'kysely';
import type { Label } from '../../types.ts';

export const STRIKE_CAUSES = ['blocked', 'confirmed'] as const;
/** `blocked`: screening blocked the message. `confirmed`: it was held and a moderator decided `block`. */
export type StrikeCause = (typeof STRIKE_CAUSES)[number];

/** `strikes`: append-only — one row per offending message (unique `message_id`), worth `points` by its most severe label. */
export interface StrikesTable {
  id: string;
  account: string;
  points: number;
  label: Label;
  cause: StrikeCause;
  message_id: string;
  recipient: string | null;
  channel: string | null;
  created_at: string;
}

export type StrikeRow = Selectable<StrikesTable>;
export type NewStrike = Insertable<StrikesTable>;
