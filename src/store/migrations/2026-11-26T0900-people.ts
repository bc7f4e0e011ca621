/**
 * People, not only messages (issue 6): accounts and their fingerprints, blocks, strikes, sanctions, evasion
 * links, raids and channel shields. Portable DDL only (TEXT / INTEGER / DOUBLE PRECISION), one set for SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from 'kysely';

export const people: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text')
      .addColumn('verified', 'integer')
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('account_fingerprints')
      .addColumn('account', 'text', (c) => c.notNull())
      .addColumn('part', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('account_fingerprints_pk', ['account', 'part', 'value'])
      .execute();
    await db.schema.createIndex('account_fingerprints_value').on('account_fingerprints').columns(['part', 'value']).execute();

    await db.schema
      .createTable('blocks')
      .addColumn('blocker', 'text', (c) => c.notNull())
      .addColumn('blocked', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('link_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('blocks_pk', ['blocker', 'blocked'])
      .execute();
    await db.schema.createIndex('blocks_blocked').on('blocks').columns(['blocked', 'blocker']).execute();

    await db.schema
      .createTable('strikes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account', 'text', (c) => c.notNull())
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('cause', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('recipient', 'text')
      .addColumn('channel', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('strikes_account').on('strikes').columns(['account', 'created_at']).execute();
    await db.schema.createIndex('strikes_recipient').on('strikes').columns(['recipient', 'account']).execute();

    await db.schema
      .createTable('sanction_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('sanction_id', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('until', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('ref', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sanction_events_ref').on('sanction_events').columns(['ref']).execute();
    await db.schema.createIndex('sanction_events_account').on('sanction_events').columns(['account', 'id']).execute();

    await db.schema
      .createTable('account_sanctions')
      .addColumn('account', 'text', (c) => c.primaryKey())
      .addColumn('level', 'text')
      .addColumn('sanction_id', 'text')
      .addColumn('until', 'text')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('account_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account', 'text', (c) => c.notNull())
      .addColumn('linked_to', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('account_links_pair', ['account', 'linked_to'])
      .execute();
    await db.schema.createIndex('account_links_linked_to').on('account_links').columns(['linked_to']).execute();

    await db.schema
      .createTable('raids')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('detected_at', 'text', (c) => c.notNull())
      .addColumn('new_share', 'double precision', (c) => c.notNull())
      .addColumn('sample', 'text', (c) => c.notNull())
      .addColumn('representatives', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('raids_channel').on('raids').columns(['channel', 'id']).execute();
    await db.schema.createIndex('raids_status').on('raids').columns(['status', 'id']).execute();

    await db.schema
      .createTable('raid_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('raid_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('previous_status', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('raid_events_raid').on('raid_events').columns(['raid_id', 'id']).execute();

    await db.schema
      .createTable('raid_members')
      .addColumn('raid_id', 'text', (c) => c.notNull())
      .addColumn('account', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('raid_members_pk', ['raid_id', 'account'])
      .execute();
    await db.schema.createIndex('raid_members_account').on('raid_members').columns(['account', 'raid_id']).execute();

    await db.schema
      .createTable('shield_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('raid_id', 'text', (c) => c.notNull())
      .addColumn('until', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('shield_events_channel').on('shield_events').columns(['channel', 'id']).execute();

    await db.schema
      .createTable('shields')
      .addColumn('channel', 'text', (c) => c.primaryKey())
      .addColumn('raid_id', 'text', (c) => c.notNull())
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .addColumn('until', 'text', (c) => c.notNull())
      .addColumn('lifted_at', 'text')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
