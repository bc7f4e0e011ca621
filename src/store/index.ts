/**
 * The store: one Kysely query layer over SQLite (default, embedded) or PostgreSQL (`database.url`),
 * migrated to the latest schema when opened.
 *
 *   const store = await openStore(config.database);
 *   … store.db.selectFrom('messages') …
 *   await store.close();
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseConfig } from '../config/index.ts';
import type { Dialect } from './dialect.ts';
import { migrations } from './migrations/index.ts';
import { connectPostgres } from './postgres/connect.ts';
import type { Database } from './schema/index.ts';
import { connectSqlite } from './sqlite/connect.ts';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for the start-up banner (a file path, or the PostgreSQL URL without password). */
  location: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
}

export async function openStore(config: DatabaseConfig, options: OpenStoreOptions = {}): Promise<Store> {
  let store: Store;
  if (config.url) {
    const { db } = await connectPostgres(config);
    store = { db, dialect: 'postgres', location: redactUrl(config.url) + (config.schema ? ` (schema ${config.schema})` : ''), close: () => db.destroy() };
  } else {
    const { db } = connectSqlite(config);
    store = { db, dialect: 'sqlite', location: config.path, close: () => db.destroy() };
  }
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(store.db, store.dialect === 'postgres' ? await currentSchema(store.db) : undefined);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}

/** Applies every pending migration from ./migrations/index.ts; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: async () => Object.fromEntries(migrations) as Record<string, Migration>,
  };
  // The migrator looks its own tables up by name; name the schema, or a same-named table in another
  // schema of the database (another Haven, another test) would be taken for ours.
  const { error, results } = await new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`store: migration ${failed?.migrationName ?? '(unknown)'} failed: ${message}`);
  }
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('store: PostgreSQL has no current schema (check search_path or set database.schema)');
  return schema;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

export type { Dialect } from './dialect.ts';
export type * from './schema/index.ts';
