import type { Insertable, Selectable } from 'kysely';

/** `shield_events`: append-only — a channel's shield raised (by a raid) or lifted (by a moderator or a dismissal). */
export interface ShieldEventsTable {
  id: string;
  channel: string;
  type: 'raise' | 'lift';
  raid_id: string;
  /** For `raise`: when it expires by itself (ISO). */
  until: string | null;
  reason: string;
  actor: string;
  created_at: string;
}

export type ShieldEventRow = Selectable<ShieldEventsTable>;
export type NewShieldEvent = Insertable<ShieldEventsTable>;
