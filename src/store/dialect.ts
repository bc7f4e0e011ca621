/** Which database a store runs on. Dialect-specific SQL lives in ./sqlite/ and ./postgres/ only. */
import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema/index.ts';
import { lockChainPostgres, type ChainName } from './postgres/connect.ts';

export type Dialect = 'sqlite' | 'postgres';

/** The dialect of a Kysely instance (useful inside migrations, which receive only `db`). */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Serializes appends to a hash chain (`evidence` or the case `audit` log) for the rest of the transaction.
 * SQLite transactions already hold the database's write lock (BEGIN IMMEDIATE, see ./sqlite/connect.ts);
 * PostgreSQL takes an advisory lock per chain.
 */
export async function lockChain(trx: Transaction<Database>, chain: ChainName): Promise<void> {
  if (dialectOf(trx) === 'postgres') await lockChainPostgres(trx, chain);
}
