import type { Insertable, Selectable } from 'kysely';
import type { RaidStatus } from '../../actors/raid-status.ts';

export const RAID_EVENT_TYPES = ['detected', 'hold-all', 'suspend-all', 'dismiss'] as const;
export type RaidEventType = (typeof RAID_EVENT_TYPES)[number];

/** `raid_events`: append-only — the detection and every moderator action on a raid, with who, when and why. */
export interface RaidEventsTable {
  id: string;
  raid_id: string;
  type: RaidEventType;
  previous_status: RaidStatus | null;
  status: RaidStatus;
  reason: string;
  /** `system`, or the id of the API key that acted. */
  actor: string;
  created_at: string;
}

export type RaidEventRow = Selectable<RaidEventsTable>;
export type NewRaidEvent = Insertable<RaidEventsTable>;
