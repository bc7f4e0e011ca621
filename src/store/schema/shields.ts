import type { Insertable, Selectable } from 'kysely';

/**
 * `shields`: one row per channel that ever had a shield — the projection of its latest `shield_events` row.
 * Up while `lifted_at` is null and now < `until`; expiry needs no write.
 */
export interface ShieldsTable {
  channel: string;
  raid_id: string;
  raised_at: string;
  until: string;
  lifted_at: string | null;
  event_id: string;
  updated_at: string;
}

export type ShieldRow = Selectable<ShieldsTable>;
export type NewShield = Insertable<ShieldsTable>;
