import type { Insertable, Selectable } from 'kysely';

export const BLOCK_SOURCES = ['user', 'link'] as const;
/** `user`: the blocker blocked the account (`POST /v1/blocks`). `link`: inherited over an evasion link. */
export type BlockSource = (typeof BLOCK_SOURCES)[number];

/** `blocks`: append-only — who blocked whom, once per pair. */
export interface BlocksTable {
  blocker: string;
  blocked: string;
  source: BlockSource;
  /** The evasion link it was inherited over (`source = link`). */
  link_id: string | null;
  created_at: string;
}

export type BlockRow = Selectable<BlocksTable>;
export type NewBlock = Insertable<BlocksTable>;
