/** Which database a store runs on. Dialect-specific SQL lives in ./sqlite/ and ./postgres/ only. */
import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema/index.ts';
import { lockEvidenceChainPostgres } from './postgres/connect.ts';

export type Dialect = 'sqlite' | 'postgres';

/** The dialect of a Kysely instance (useful inside migrations, which receive only `db`). */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Serializes appends to the hash chain for the rest of the transaction. SQLite transactions already hold
 * the database's write lock (BEGIN IMMEDIATE, see ./sqlite/connect.ts); PostgreSQL takes an advisory lock.
 */
export async function lockEvidenceChain(trx: Transaction<Database>): Promise<void> {
  if (dialectOf(trx) === 'postgres') await lockEvidenceChainPostgres(trx);
}
