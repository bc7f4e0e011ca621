/**
 * Drops the index `messages_channel` (channel, received_at): no query reads messages by channel (the review queue
 * filters `queue_items.channel`, which keeps its own index), and it was the most written index of a stored message —
 * one leaf page per active channel per group commit (≈ 7 of the ≈ 77 WAL pages a 13-message raid-shaped batch wrote,
 * docs/service.md "Memory and the tail"). Only an index: no row or column changes. Works on SQLite and PostgreSQL,
 * on a new database and on one that has the index.
 */
import type { Kysely, Migration } from 'kysely';

export const dropMessagesChannel: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('messages_channel').ifExists().execute();
  },
};
