/**
 * When a commit is on disk. PostgreSQL: when `COMMIT` returns. SQLite: also when the commit returns, unless the
 * transaction called `commitLater(trx)` — then its WAL fsync runs on libuv's thread pool, and whoever acknowledges
 * work that depends on it first awaits `synced(db)`. The group commit (./message-writer.ts) uses this so that the
 * event loop keeps serving requests while a batch reaches the disk (./sqlite/connect.ts, `WalSync`).
 *
 *   await db.transaction().execute(async (trx) => { commitLater(trx); … });
 *   await synced(db);   // now durable; acknowledge
 */
import type { Kysely } from 'kysely';
import { walSyncOf } from './sqlite/connect.ts';

/**
 * Inside a transaction: its commit may return before it is on disk. Only for work whose acknowledgement waits for
 * `synced(db)` — a message path that always ends in the group commit, which does.
 */
export function commitLater(trx: Kysely<any>): void {
  walSyncOf(trx)?.deferCommitSync();
}

/** Resolves once every commit made so far is on disk; null when it already is. */
export function synced(db: Kysely<any>): Promise<void> | null {
  return walSyncOf(db)?.synced() ?? null;
}

/**
 * SQLite: when the WAL has grown long, a function that has the checkpoint thread copy it into the database file,
 * so that the next write transaction starts the WAL over (./sqlite/checkpointer.ts). Call it while no write is
 * under way: a write during the pass leaves frames behind. Null when nothing is due (and always on PostgreSQL).
 */
export function checkpointIfDue(db: Kysely<any>): (() => Promise<void>) | null {
  return walSyncOf(db)?.checkpointIfDue() ?? null;
}
