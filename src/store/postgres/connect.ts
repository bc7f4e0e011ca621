/**
 * PostgreSQL: a pg pool. With `database.schema` set, the schema is created if missing and every
 * connection's `search_path` points at it (used by tests for isolation, and by operators who share a database).
 */
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../config/index.ts';
import type { Database } from '../schema/index.ts';

export interface PostgresConnection {
  db: Kysely<Database>;
  pool: pg.Pool;
}

export async function connectPostgres(config: DatabaseConfig): Promise<PostgresConnection> {
  if (!config.url) throw new Error('connectPostgres: database.url is required');
  if (config.schema) {
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${config.schema}"`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    ...(config.schema ? { options: `-c search_path="${config.schema}"` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}

/**
 * Keys of the transaction-scoped advisory locks that serialize work across nodes: appends to each hash chain,
 * and the creation of a new database's first admin key.
 */
const TRANSACTION_LOCKS = {
  evidence: 0x48_41_56_45, // "HAVE"
  audit: 0x48_41_56_41, // "HAVA"
  bootstrap: 0x48_41_56_4b, // "HAVK"
} as const;

export type LockName = keyof typeof TRANSACTION_LOCKS;

/** Holds one named lock until the transaction ends. */
export async function lockPostgres(trx: Transaction<Database>, name: LockName): Promise<void> {
  await sql`select pg_advisory_xact_lock(${TRANSACTION_LOCKS[name]})`.execute(trx);
}
