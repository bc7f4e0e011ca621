/**
 * SQLite: one better-sqlite3 connection per process, in WAL mode.
 *
 * Durability: `synchronous = FULL` (default) fsyncs the WAL at every commit, so a message acknowledged after
 * its commit survives `kill -9` AND power loss. `NORMAL` survives `kill -9` (the WAL is in the OS page
 * cache) but may lose the last commits on power loss; group commit (../message-writer.ts) makes FULL cheap
 * enough that it stays the default.
 *
 * Two adjustments to Kysely's stock driver, both in the connection wrapper below:
 * - prepared statements are cached by SQL text (Kysely prepares every query anew);
 * - every transaction opens with `BEGIN IMMEDIATE`, taking the write lock up front, so two processes on
 *   one file (the server and `haven keys create`) wait for each other (busy_timeout) instead of failing
 *   with SQLITE_BUSY when a read lock is upgraded.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { DatabaseConfig } from '../../config/index.ts';
import type { Database } from '../schema/index.ts';

const STATEMENT_CACHE_SIZE = 256;

export interface SqliteConnection {
  db: Kysely<Database>;
  /** The underlying handle, for `PRAGMA`s and checkpoints. */
  raw: BetterSqlite3.Database;
}

export function connectSqlite(config: DatabaseConfig): SqliteConnection {
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
  const raw = new BetterSqlite3(config.path);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${config.sqliteSynchronous.toUpperCase()}`);
  raw.pragma('busy_timeout = 5000');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingDatabase(raw) }) });
  return { db, raw };
}

function cachingDatabase(raw: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => raw.close(),
    prepare(sql: string): SqliteStatement {
      const text = sql === 'begin' ? 'begin immediate' : sql;
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
        cache.set(text, stmt);
        return stmt;
      }
      stmt = raw.prepare(text) as unknown as SqliteStatement;
      cache.set(text, stmt);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}
