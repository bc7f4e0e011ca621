/**
 * Migrations that change an existing database: each runs on a database built by the migrations before it, with
 * rows in it, on SQLite and (with DATABASE_URL) PostgreSQL.
 */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { openStore, type Database, type Store } from '../../src/store/index.ts';
import { DIALECTS, privateDatabase, type PrivateDatabase } from './helpers.ts';

/** Indexes of `table` in the store's own schema. */
async function indexesOf(store: Store, table: string): Promise<string[]> {
  const q =
    store.dialect === 'postgres'
      ? sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = ${table}`
      : sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = ${table}`;
  return (await q.execute(store.db)).rows.map((r) => r.name).sort();
}

/** Applies the migrations up to (not including) `name`. */
async function migrateUpTo(db: Kysely<Database>, name: string, schema: string | undefined): Promise<void> {
  const before = migrations.slice(0, migrations.findIndex(([n]) => n === name));
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(before) as Record<string, Migration> },
    ...(schema ? { migrationTableSchema: schema } : {}),
  }).migrateToLatest();
  if (error) throw error;
}

describe.each(DIALECTS)('migrations on an existing database (%s)', (dialect) => {
  let db: PrivateDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it('2026-11-26T1200-drop-messages-channel drops the unused messages_channel index and keeps the rows', async () => {
    db = await privateDatabase(dialect);
    const config = loadConfig({ env: {}, overrides: { database: db.database } }).database;
    const old = await openStore(config, { migrate: false });
    try {
      await migrateUpTo(old.db, '2026-11-26T1200-drop-messages-channel', config.schema);
      expect(await indexesOf(old, 'messages')).toContain('messages_channel');
      await old.db
        .insertInto('messages')
        .values({ id: 'm1', sender: 's', recipient: null, channel: 'c', kind: 'message', surface: null, lang: 'en', text: 'hi', text_redacted: 0, verdict: 'allow', labels: '[]', scores: '{}', evidence: '[]', sent_at: null, received_at: '2026-11-26T00:00:00.000Z', submitted_by: 'k' })
        .execute();
    } finally {
      await old.close();
    }

    const store = await openStore(config);
    try {
      const indexes = await indexesOf(store, 'messages');
      expect(indexes).not.toContain('messages_channel');
      expect(indexes).toContain('messages_sender');
      expect(await store.db.selectFrom('messages').select(['id', 'channel']).execute()).toEqual([{ id: 'm1', channel: 'c' }]);
    } finally {
      await store.close();
    }
    // A database created from scratch ends with the same indexes.
    const fresh = await privateDatabase(dialect);
    const created = await openStore(loadConfig({ env: {}, overrides: { database: fresh.database } }).database);
    try {
      expect(await indexesOf(created, 'messages')).not.toContain('messages_channel');
    } finally {
      await created.close();
      await fresh.drop();
    }
  });
});
