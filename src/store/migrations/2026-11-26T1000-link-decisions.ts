/**
 * Moderators' decisions on ban/block-evasion links (`link_decisions`, append-only): confirm or reject a link;
 * a rejected link no longer counts (docs/people.md). Portable DDL, one set for SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from 'kysely';

export const linkDecisions: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('link_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('link_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .addColumn('previous_status', 'text', (c) => c.notNull())
      .addUniqueConstraint('link_decisions_seq', ['link_id', 'seq'])
      .execute();
  },
};
