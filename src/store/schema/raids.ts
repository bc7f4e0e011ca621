import type { Insertable, Selectable } from 'kysely';
import type { RaidStatus } from '../../actors/raid-status.ts';

/**
 * `raids`: one row per detected raid. `status` is a projection of its `raid_events` by `nextRaidStatus`
 * (src/actors/raid-status.ts), written in the same transaction as the event.
 */
export interface RaidsTable {
  id: string;
  channel: string;
  status: RaidStatus;
  detected_at: string;
  /** Share of new or unverified accounts when it was detected. */
  new_share: number;
  /** The cluster's first message, normalized (letters and digits). */
  sample: string;
  /** JSON array of MinHash signatures (arrays of 64 numbers): the cluster's representatives. */
  representatives: string;
  updated_at: string;
}

export type RaidRow = Selectable<RaidsTable>;
export type NewRaid = Insertable<RaidsTable>;
