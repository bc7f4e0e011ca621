/**
 * SQLite durability outside the event loop (src/store/durability.ts, src/store/sqlite/connect.ts): a commit that
 * defers its fsync is not reported synced until the WAL's fdatasync returned; every other commit is synced at
 * commit; the checkpoint thread keeps the WAL from growing without bound under a steady stream of batches.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { commitLater, synced } from '../../src/store/durability.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { MessageWriter } from '../../src/store/message-writer.ts';
import { FALLBACK_AUTOCHECKPOINT_PAGES } from '../../src/store/sqlite/checkpointer.ts';
import { fakeScreen } from './helpers.ts';

describe('SQLite WAL sync and checkpoints', () => {
  let dir: string;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(synchronous: 'full' | 'normal'): Promise<Store> {
    dir = mkdtempSync(join(tmpdir(), 'haven-wal-'));
    const config = loadConfig({ env: {}, overrides: { database: { path: join(dir, 'haven.db'), sqliteSynchronous: synchronous } } });
    store = await openStore(config.database);
    return store;
  }

  it('full: a deferred commit is pending until its fdatasync returns; any other commit is synced at commit', async () => {
    const { db } = await open('full');
    expect(await sql<{ s: number }>`pragma synchronous`.execute(db).then((r) => Object.values(r.rows[0]!)[0])).toBe(1); // NORMAL + Haven's fsync
    await db.transaction().execute(async (trx) => {
      commitLater(trx);
      await trx.insertInto('accounts').values({ id: 'a', created_at: null, verified: null, first_seen_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
    });
    const pending = synced(db);
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(synced(db)).toBeNull();

    await db.transaction().execute(async (trx) => {
      await trx.insertInto('accounts').values({ id: 'b', created_at: null, verified: null, first_seen_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
    });
    expect(synced(db)).toBeNull();

    // A deferral ends with its transaction, even when that transaction rolls back.
    await expect(
      db.transaction().execute(async (trx) => {
        commitLater(trx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('accounts').values({ id: 'c', created_at: null, verified: null, first_seen_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
    });
    expect(synced(db)).toBeNull();
  });

  it('normal: nothing to wait for', async () => {
    const { db } = await open('normal');
    await db.transaction().execute(async (trx) => {
      commitLater(trx);
      await trx.insertInto('accounts').values({ id: 'a', created_at: null, verified: null, first_seen_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
    });
    expect(synced(db)).toBeNull();
  });

  it('the WAL stays bounded under back-to-back batches, and the store closes with the checkpoint thread', async () => {
    const { db } = await open('full');
    const writer = new MessageWriter(db, { batchMax: 64 });
    const text = 'you are an idiot '.repeat(40);
    const result = fakeScreen({ text });
    let n = 0;
    const walPath = join(dir, 'haven.db-wal');
    let largest = 0;
    const started = Date.now();
    while (Date.now() - started < 3_000) {
      const batch = Array.from({ length: 64 }, () => {
        n += 1;
        return writer.write({ id: `m${n}`, sender: `s${n % 50}`, recipient: null, channel: null, kind: 'message', surface: null, text, result, redact: true, sentAt: null, receivedAt: new Date().toISOString(), submittedBy: 'k' });
      });
      await Promise.all(batch);
      largest = Math.max(largest, statSync(walPath).size);
    }
    await writer.close();
    // Several WAL lengths were written, yet the WAL stayed bounded: the checkpoint thread resets it, and when
    // it falls behind (a loaded machine: CI once saw 16.45 MB against the 16.38 MB threshold) the main
    // connection's fallback auto-checkpoint does, a batch or so late. Unbounded growth would be many times this.
    const written = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(written.n)).toBe(n);
    expect(largest).toBeLessThan(2 * FALLBACK_AUTOCHECKPOINT_PAGES * 4096);
  }, 20_000);
});
