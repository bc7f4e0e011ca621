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

/** Keys of the transaction-scoped advisory locks that serialize appends to each hash chain across nodes. */
const CHAIN_LOCKS = {
  evidence: 0x48_41_56_45, // "HAVE"
  audit: 0x48_41_56_41, // "HAVA"
} as const;

export type ChainName = keyof typeof CHAIN_LOCKS;

/** Holds the lock of one hash chain until the transaction ends. */
export async function lockChainPostgres(trx: Transaction<Database>, chain: ChainName): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCKS[chain]})`.execute(trx);
}
