/** Store pieces that are pure, plus the group-commit writer against every dialect. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS_HASH, sha256Hex } from '../../src/store/evidence.ts';
import { newId } from '../../src/store/ids.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { MessageWriter } from '../../src/store/message-writer.ts';
import { evidenceForStorage, type IncomingMessage } from '../../src/store/messages.ts';
import { nextQueueStatus, QueueTransitionError } from '../../src/store/queue-status.ts';
import { loadConfig } from '../../src/config/index.ts';
import { DIALECTS, fakeScreen, privateDatabase, type PrivateDatabase } from './helpers.ts';

describe('queue transitions', () => {
  it('pending → allowed | blocked; reversals allowed; repeats are already_in_state', () => {
    expect(nextQueueStatus('pending', 'allow')).toBe('allowed');
    expect(nextQueueStatus('pending', 'block')).toBe('blocked');
    expect(nextQueueStatus('allowed', 'block')).toBe('blocked');
    expect(nextQueueStatus('blocked', 'allow')).toBe('allowed');
    for (const [from, decision] of [['allowed', 'allow'], ['blocked', 'block']] as const) {
      const err = (() => {
        try {
          nextQueueStatus(from, decision);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(QueueTransitionError);
      expect((err as QueueTransitionError).reason).toBe('already_in_state');
    }
  });
});

describe('ids', () => {
  it('sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newId('q', 1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    expect(newId('q', 1_700_000_000_001) > ids.at(-1)!).toBe(true);
  });
});

describe('evidence hashing', () => {
  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });
  it('hash = sha256(prevHash + sha256(entry))', () => {
    expect(chainHash(GENESIS_HASH, '{}')).toBe(sha256Hex(GENESIS_HASH + sha256Hex('{}')));
  });
  it('masks every excerpt that overlaps PII when the text is stored redacted', () => {
    const result = fakeScreen({ text: 'idiot 555-0100' });
    result.evidence.push({ label: 'doxxing', rule: 'r', start: 3, end: 10, excerpt: 'ot 555-', score: 1 });
    const stored = evidenceForStorage(result, true);
    expect(stored.map((e) => e.excerpt)).toEqual(['idiot', '[redacted]', '[redacted]']);
    expect(evidenceForStorage(result, false)).toBe(result.evidence);
  });
});

describe.each(DIALECTS)('group-commit writer (%s)', (dialect) => {
  let db: PrivateDatabase;
  let store: Store;
  beforeAll(async () => {
    db = await privateDatabase(dialect);
    store = await openStore(loadConfig({ env: {}, overrides: { database: db.database } }).database);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const message = (id: string, text: string): IncomingMessage => ({
    id,
    sender: 's',
    recipient: null,
    channel: null,
    kind: 'message',
    surface: null,
    text,
    result: fakeScreen({ text }),
    redact: true,
    sentAt: null,
    receivedAt: new Date().toISOString(),
    submittedBy: 'key_test',
  });

  it('commits concurrent writes in few transactions, dedupes ids within a batch, and resolves each', async () => {
    const batches: number[] = [];
    const writer = new MessageWriter(store.db, { batchMax: 64, onBatch: (n) => batches.push(n) });
    const writes = Array.from({ length: 200 }, (_, i) => writer.write(message(`w-${i % 150}`, i % 2 ? 'idiot' : 'hello')));
    const results = await Promise.all(writes);
    await writer.close();
    expect(results.filter((r) => r.created)).toHaveLength(150);
    expect(results[150]!).toMatchObject({ created: false, message: { id: 'w-0' } });
    expect(batches.reduce((a, b) => a + b, 0)).toBe(200);
    expect(batches.length).toBeLessThanOrEqual(5);
    const count = await store.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(150);
  });

  it('a failing message fails only its own write', async () => {
    const writer = new MessageWriter(store.db);
    const bad = message('bad-1', 'hello');
    (bad as { sender: unknown }).sender = null; // violates NOT NULL
    const [ok1, failed, ok2] = await Promise.allSettled([writer.write(message('good-1', 'hello')), writer.write(bad), writer.write(message('good-2', 'idiot'))]);
    await writer.close();
    expect(ok1.status).toBe('fulfilled');
    expect(failed.status).toBe('rejected');
    expect(ok2.status).toBe('fulfilled');
  });
});
