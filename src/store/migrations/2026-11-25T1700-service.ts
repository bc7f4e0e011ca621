/**
 * The service's first tables: API keys, messages, the review queue and the evidence log (issue 5).
 * Portable DDL only (TEXT / INTEGER columns), so the same migration runs on SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from 'kysely';

export const service: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sender', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text')
      .addColumn('channel', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('surface', 'text')
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('text_redacted', 'integer', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('labels', 'text', (c) => c.notNull())
      .addColumn('scores', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('messages_sender').on('messages').columns(['sender', 'received_at']).execute();
    await db.schema.createIndex('messages_channel').on('messages').columns(['channel', 'received_at']).execute();

    await db.schema
      .createTable('queue_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('sender', 'text', (c) => c.notNull())
      .addColumn('surface', 'text')
      .addColumn('channel', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('decision_id', 'text')
      .execute();
    await db.schema.createIndex('queue_items_status').on('queue_items').columns(['status', 'id']).execute();
    await db.schema.createIndex('queue_items_channel').on('queue_items').columns(['channel', 'id']).execute();

    await db.schema
      .createTable('queue_labels')
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('queue_labels_pk', ['item_id', 'label'])
      .execute();
    await db.schema.createIndex('queue_labels_label').on('queue_labels').columns(['label', 'item_id']).execute();

    await db.schema
      .createTable('queue_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .addColumn('previous_status', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('queue_decisions_item').on('queue_decisions').columns(['item_id', 'decided_at']).execute();

    await db.schema
      .createTable('evidence_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text')
      .addColumn('channel', 'text')
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('entry', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .execute();
    await db.schema.createIndex('evidence_log_subject').on('evidence_log').columns(['subject', 'seq']).execute();
  },
};
