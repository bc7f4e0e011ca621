/**
 * SQLite: one better-sqlite3 connection per process, in WAL mode.
 *
 * Durability: with `synchronous = full` (the default) every commit is on disk — the WAL fsynced — before the
 * transaction's promise resolves, so a message acknowledged after its commit survives `kill -9` AND power loss.
 * `normal` survives `kill -9` (the WAL is in the OS page cache) but may lose the last commits on power loss.
 *
 * The fsync is Haven's, not SQLite's (`WalSync` below): the connection runs `PRAGMA synchronous = NORMAL`, which
 * in WAL mode writes each commit to the WAL without syncing it, and the commit statement is followed by an
 * fdatasync of the WAL file — the same guarantee as SQLite's FULL, which syncs exactly that file at each commit.
 * Doing it ourselves lets the group commit (../message-writer.ts) take the fsync OFF the event loop: a
 * transaction that calls `commitLater(trx)` (../durability.ts) skips the synchronous fsync, and its caller
 * awaits `synced(db)` — an fdatasync on libuv's thread pool — before it acknowledges anything. Requests keep
 * being parsed and screened while the disk flushes. Every other transaction fsyncs synchronously at commit,
 * as before.
 *
 * WAL checkpoints run on a worker thread with a connection of its own (./checkpointer.ts), not inside the
 * commits of this one.
 *
 * Two more adjustments to Kysely's stock driver, in the connection wrapper below:
 * - prepared statements are cached by SQL text (Kysely prepares every query anew; the group commit's inserts
 *   skip Kysely altogether, ./hot-statements.ts);
 * - every transaction opens with `BEGIN IMMEDIATE`, taking the write lock up front, so two processes on
 *   one file (the server and `haven keys create`) wait for each other (busy_timeout) instead of failing
 *   with SQLITE_BUSY when a read lock is upgraded.
 */
import { closeSync, fdatasync, fdatasyncSync, fstatSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { DatabaseConfig } from '../../config/index.ts';
import { Checkpointer, FALLBACK_AUTOCHECKPOINT_PAGES } from './checkpointer.ts';
import { prepareHotStatements, type HasHotStatements, type HotStatements } from './hot-statements.ts';
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
  const wal = raw.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  // Haven syncs the WAL itself when FULL is asked for (see above); without a WAL, SQLite does as configured.
  const full = config.sqliteSynchronous === 'full';
  raw.pragma(`synchronous = ${full && !wal ? 'FULL' : 'NORMAL'}`);
  raw.pragma('busy_timeout = 5000');
  raw.pragma('foreign_keys = ON');
  // Checkpoints run on a worker thread (./checkpointer.ts); the main connection's own is the fallback.
  const checkpointer = wal ? new Checkpointer(resolve(raw.name)) : null;
  if (checkpointer) raw.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const sync = new WalSync(full && wal ? resolve(raw.name) + '-wal' : null, checkpointer);
  const dialect = new SqliteDialect({ database: cachingDatabase(raw, sync) });
  const adapter = new SyncingSqliteAdapter(sync, raw);
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => adapter,
      createDriver: () => {
        const driver = dialect.createDriver();
        const destroy = driver.destroy.bind(driver);
        // The checkpoint thread's connection closes first, so that the main one is the last (it then
        // checkpoints everything and removes the WAL).
        driver.destroy = async () => {
          await checkpointer?.stop();
          await destroy();
        };
        return driver;
      },
      createIntrospector: (k) => dialect.createIntrospector(k),
      createQueryCompiler: () => dialect.createQueryCompiler(),
    },
  });
  return { db, raw };
}

/** The WAL syncing of one connection; `walSyncOf(db)` finds it from the Kysely instance or a transaction. */
export class WalSync {
  /** The WAL file, or null when there is nothing to sync (synchronous=normal, or no WAL). */
  readonly #path: string | null;
  #fd: number | null = null;
  /** Set by `commitLater` inside a transaction: its commit does not fsync. */
  #deferNext = false;
  /** Commits made / commits known to be on disk (counters, for coalescing the syncs). */
  #committed = 0;
  #synced = 0;
  #syncing: Promise<void> | null = null;
  #closed = false;

  readonly #checkpointer: Checkpointer | null;

  constructor(walPath: string | null, checkpointer: Checkpointer | null = null) {
    this.#path = walPath;
    this.#checkpointer = checkpointer;
  }

  /** The transaction now running skips the fsync at commit; someone awaits `synced()` before acknowledging it. */
  deferCommitSync(): void {
    if (this.#path !== null) this.#deferNext = true;
  }

  /** Called right after a COMMIT statement succeeded. */
  committed(): void {
    if (this.#path === null) return;
    this.#committed++;
    if (this.#deferNext) {
      this.#deferNext = false;
      return;
    }
    fdatasyncSync(this.#walFd());
    this.#synced = this.#committed;
  }

  /** Called after a ROLLBACK (the deferral, if any, ends with the transaction). */
  rolledBack(): void {
    this.#deferNext = false;
  }

  /** Resolves once every commit made so far is on disk. Null when it already is (nothing to wait for). */
  synced(): Promise<void> | null {
    if (this.#synced >= this.#committed || this.#closed) return null;
    return this.#syncTo(this.#committed);
  }

  /** The checkpoint thread's catch-up pass when the WAL has grown long (`Checkpointer.due`), else null. */
  checkpointIfDue(): (() => Promise<void>) | null {
    const checkpointer = this.#checkpointer;
    return checkpointer?.due ? () => checkpointer.catchUp() : null;
  }

  async #syncTo(target: number): Promise<void> {
    while (this.#synced < target) {
      if (this.#syncing) {
        await this.#syncing;
        continue;
      }
      // One fdatasync serves every commit made before it starts.
      const upTo = this.#committed;
      const fd = this.#walFd();
      this.#syncing = new Promise<void>((resolve, reject) => {
        fdatasync(fd, (err) => {
          this.#syncing = null;
          if (err) reject(err);
          else {
            if (upTo > this.#synced) this.#synced = upTo;
            resolve();
          }
        });
      });
      await this.#syncing;
    }
  }

  /**
   * The WAL's descriptor, kept open for the connection's life. Reopened if the file was replaced (SQLite
   * deletes the WAL when the last connection closes, e.g. another process's, and creates it anew).
   * SQLite takes no locks on the WAL file itself (they are on the -shm file), so this descriptor cannot
   * release one of SQLite's POSIX locks when it is closed.
   */
  #walFd(): number {
    const path = this.#path!;
    if (this.#fd !== null) {
      const held = fstatSync(this.#fd);
      let current: { ino: number; dev: number } | null = null;
      try {
        current = statSync(path);
      } catch {
        current = null;
      }
      if (current && current.ino === held.ino && current.dev === held.dev) return this.#fd;
      closeSync(this.#fd);
      this.#fd = null;
    }
    this.#fd = openSync(path, 'r');
    return this.#fd;
  }

  /** After the database closed (SQLite checkpointed and synced the database file itself). */
  close(): void {
    this.#closed = true;
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }
}

/**
 * The SQLite adapter, carrying the connection's `WalSync` and the group commit's prepared statements
 * (./hot-statements.ts; the adapter is shared by a Kysely instance and its transactions).
 */
export class SyncingSqliteAdapter extends SqliteAdapter implements HasHotStatements {
  readonly walSync: WalSync;
  readonly #raw: BetterSqlite3.Database | null;
  #hot: HotStatements | null = null;
  constructor(walSync: WalSync, raw: BetterSqlite3.Database | null = null) {
    super();
    this.walSync = walSync;
    this.#raw = raw;
  }

  /** Prepared on first use (after the migrations created the tables). */
  hotStatements(): HotStatements {
    if (!this.#raw) throw new Error('sqlite: no connection for the prepared statements');
    return (this.#hot ??= prepareHotStatements(this.#raw));
  }
}

export function walSyncOf(db: Kysely<any>): WalSync | null {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof SyncingSqliteAdapter ? adapter.walSync : null;
}

function cachingDatabase(raw: BetterSqlite3.Database, sync: WalSync): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  const prepare = (text: string): SqliteStatement => raw.prepare(text) as unknown as SqliteStatement;
  const commit = prepare('commit');
  const rollback = prepare('rollback');
  const statements: Record<string, SqliteStatement> = {
    begin: prepare('begin immediate'),
    commit: {
      reader: false,
      all: () => [],
      iterate: () => [][Symbol.iterator](),
      run: (...args) => {
        const result = commit.run(...args);
        sync.committed();
        return result;
      },
    },
    rollback: {
      reader: false,
      all: () => [],
      iterate: () => [][Symbol.iterator](),
      run: (...args) => {
        const result = rollback.run(...args);
        sync.rolledBack();
        return result;
      },
    },
  };
  return {
    close: () => {
      raw.close();
      sync.close();
    },
    prepare(sql: string): SqliteStatement {
      const fixed = statements[sql];
      if (fixed) return fixed;
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
        cache.set(sql, stmt);
        return stmt;
      }
      stmt = prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}
