/** Which database a store runs on. Dialect-specific SQL lives in ./sqlite/ and ./postgres/ only. */
import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema/index.ts';
import { lockPostgres, type LockName } from './postgres/connect.ts';

export type Dialect = 'sqlite' | 'postgres';

/** The dialect of a Kysely instance (useful inside migrations, which receive only `db`). */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Serializes, for the rest of the transaction, work that two nodes must not do at once: appends to a hash chain
 * (`evidence` or the case `audit` log), or creating a new database's first admin key (`bootstrap`).
 * SQLite transactions already hold the database's write lock (BEGIN IMMEDIATE, see ./sqlite/connect.ts);
 * PostgreSQL takes an advisory lock per name.
 */
export async function lockForTransaction(trx: Transaction<Database>, name: LockName): Promise<void> {
  if (dialectOf(trx) === 'postgres') await lockPostgres(trx, name);
}
