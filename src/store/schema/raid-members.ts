import type { Insertable, Selectable } from 'kysely';

/** `raid_members`: append-only — every account seen posting the raid's cluster, once per raid, with its first message. */
export interface RaidMembersTable {
  raid_id: string;
  account: string;
  message_id: string;
  joined_at: string;
}

export type RaidMemberRow = Selectable<RaidMembersTable>;
export type NewRaidMember = Insertable<RaidMembersTable>;
