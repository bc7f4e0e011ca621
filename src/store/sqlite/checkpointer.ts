/**
 * WAL checkpoints on a worker thread. SQLite's automatic checkpoint runs inside the COMMIT that crosses its
 * threshold, on the committing thread: it copies the WAL into the database file and fsyncs that file, which in
 * the service meant a 5–40 ms stall of the event loop every few thousand messages (every request in flight
 * waited). Here a second connection, on its own thread, runs `PRAGMA wal_checkpoint(PASSIVE)` — which neither
 * waits for nor blocks the writer or the readers — every `intervalMs`, copying the WAL while messages are written.
 *
 * A WAL is only started over from its beginning when a write transaction begins with every frame copied; under a
 * steady stream of commits a background pass rarely ends before the next commit, so the WAL would keep growing.
 * So once it holds `catchUpPages`, `due` turns true and the group commit (../message-writer.ts, through
 * `checkpointIfDue` in ../durability.ts) runs one `catchUp()` pass during a batch's fsync and starts the next
 * batch only when it is done: the pass copies the few frames written since the last background pass, with no
 * write under way, and the next batch starts the WAL over. The event loop never waits for it.
 *
 * The main connection keeps SQLite's automatic checkpoint at a higher threshold
 * (`FALLBACK_AUTOCHECKPOINT_PAGES`), so the WAL stays bounded if this thread falls behind or fails to start.
 *
 * The worker is plain JavaScript (`eval`): it needs only better-sqlite3, and a worker started by the `haven`
 * command has no TypeScript loader.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages (4 KiB) in the WAL at which the main connection checkpoints by itself (SQLite's default is 1000). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 4000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.lib);
const db = new Database(workerData.path, { fileMustExist: true });
function pass(id) {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    return { id, log: r.log, checkpointed: r.checkpointed };
  } catch (err) {
    return { id, error: String((err && err.message) || err) };
  }
}
function tick() {
  parentPort.postMessage(pass(null));
  timer = setTimeout(tick, workerData.intervalMs);
}
let timer = setTimeout(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m.type === 'pass') parentPort.postMessage(pass(m.id));
  if (m.type === 'stop') {
    clearTimeout(timer);
    db.close();
    parentPort.close();
  }
});
`;

interface PassReport {
  id: number | null;
  log?: number;
  checkpointed?: number;
  error?: string;
}

export interface CheckpointerOptions {
  /** Between background passes (default 50 ms). */
  intervalMs?: number;
  /** WAL pages at which `due` turns true (default 1000, SQLite's own checkpoint threshold). */
  catchUpPages?: number;
}

export class Checkpointer {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;
  readonly #catchUpPages: number;
  /** WAL length in pages, as of the last pass. */
  #pages = 0;
  #nextId = 1;
  readonly #waiting = new Map<number, () => void>();
  #catchingUp: Promise<void> | null = null;
  #stopping: Promise<void> | null = null;
  #failed = false;

  /** Starts checkpointing the WAL of the database file at `path` (which must exist and be in WAL mode). */
  constructor(path: string, options: CheckpointerOptions = {}) {
    this.#catchUpPages = options.catchUpPages ?? 1000;
    const lib = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER, { eval: true, workerData: { lib, path, intervalMs: options.intervalMs ?? 50 } });
    // A short-lived `haven` command must be able to exit without closing its store first.
    this.#worker.unref();
    this.#worker.on('message', (r: PassReport) => {
      if (r.error !== undefined) process.emitWarning(`sqlite checkpoint of ${path} failed: ${r.error} (the main connection checkpoints instead)`);
      // After a complete catch-up pass the next write transaction starts the WAL over.
      else if (r.log !== undefined) this.#pages = r.id !== null && r.checkpointed === r.log ? 0 : r.log;
      if (r.id !== null) {
        this.#waiting.get(r.id)?.();
        this.#waiting.delete(r.id);
      }
    });
    this.#worker.on('error', (err) => {
      this.#failed = true;
      process.emitWarning(`sqlite checkpoint thread for ${path} stopped: ${err.message} (the main connection checkpoints instead)`);
    });
    this.#exited = new Promise((resolve) =>
      this.#worker.once('exit', () => {
        this.#failed = true;
        for (const resolveWaiting of this.#waiting.values()) resolveWaiting();
        this.#waiting.clear();
        resolve();
      }),
    );
  }

  /** True when the WAL is long enough that the writer should pause for `catchUp()` between two batches. */
  get due(): boolean {
    return !this.#failed && this.#stopping === null && this.#catchingUp === null && this.#pages >= this.#catchUpPages;
  }

  /** One checkpoint pass now; resolves when it is done (never rejects: a failed pass is reported as a warning). */
  catchUp(): Promise<void> {
    if (this.#failed || this.#stopping) return Promise.resolve();
    this.#catchingUp ??= new Promise<void>((resolve) => {
      const id = this.#nextId++;
      this.#waiting.set(id, resolve);
      this.#worker.postMessage({ type: 'pass', id });
    }).finally(() => {
      this.#catchingUp = null;
    });
    return this.#catchingUp;
  }

  /** Closes the worker's connection and waits for the thread to end. Idempotent. */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      this.#worker.ref();
      this.#worker.postMessage({ type: 'stop' });
      await this.#exited;
    })();
    return this.#stopping;
  }
}
