/**
 * The group commit's prepared statements on SQLite (src/store/sqlite/hot-statements.ts) store exactly what the
 * Kysely inserts stored: the same batches, written once through a store's own connection and once through Kysely's
 * stock SQLite dialect (no prepared statements, so the Kysely path, as on PostgreSQL), leave identical rows in every
 * table the writer touches and return identical results.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { openStore, type Database, type Store } from '../../src/store/index.ts';
import { storeBatch } from '../../src/store/message-writer.ts';
import type { IncomingMessage } from '../../src/store/messages.ts';
import { hotStatementsOf } from '../../src/store/sqlite/hot-statements.ts';
import { verifyEvidenceChain } from '../../src/store/evidence.ts';
import { fakeScreen } from './helpers.ts';

// Queue item ids are random; the same sequence on both sides makes the rows (and the evidence hashes) comparable.
let nextId = 0;
vi.mock('../../src/store/ids.ts', () => ({ newId: (prefix: string) => `${prefix}_${String(++nextId).padStart(8, '0')}` }));

const message = (id: string, text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({
  id,
  sender: `s-${id.length % 3}`,
  recipient: id.endsWith('1') ? null : 'r',
  channel: id.endsWith('2') ? null : 'c',
  kind: 'message',
  surface: null,
  text,
  result: fakeScreen({ text }),
  redact: true,
  sentAt: null,
  receivedAt: `2026-11-26T12:00:00.${String(id.length).padStart(3, '0')}Z`,
  submittedBy: 'key_test',
  ...extra,
});

const BATCHES: IncomingMessage[][] = [
  [
    message('a0', 'hello'),
    message('a1', 'you idiot'),
    message('a2', 'I will kill you, idiot'),
    message('a3', 'call 555-0100 on wechat', { surface: 'marketplace', sentAt: '2026-11-26T11:59:00.000Z' }),
    message('a1', 'a duplicate in the batch'),
    message('a4', 'idiot idiot wechat', { redact: false, kind: 'listing' }),
  ],
  [message('a2', 'stored already'), message('b1', 'kill'), message('b2', 'fine'), message('b3', 'wechat me')],
];

async function writeAll(db: Kysely<Database>): Promise<unknown[]> {
  nextId = 0;
  const results: unknown[] = [];
  for (const batch of BATCHES) results.push(await db.transaction().execute((trx) => storeBatch(trx, batch)));
  return results;
}

async function dump(db: Kysely<Database>) {
  return {
    messages: await db.selectFrom('messages').selectAll().orderBy('id').execute(),
    queue_items: await db.selectFrom('queue_items').selectAll().orderBy('id').execute(),
    queue_labels: await db.selectFrom('queue_labels').selectAll().orderBy('item_id').orderBy('label').execute(),
    evidence_log: await db.selectFrom('evidence_log').selectAll().orderBy('seq').execute(),
  };
}

describe('SQLite prepared statements of the group commit', () => {
  let dir: string;
  let hot: Store;
  let plainStore: Store;
  let plain: Kysely<Database>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'haven-hot-'));
    hot = await openStore(loadConfig({ env: {}, overrides: { database: { path: join(dir, 'hot.db') } } }).database);
    // Migrated by a store, then written through Kysely's stock dialect.
    plainStore = await openStore(loadConfig({ env: {}, overrides: { database: { path: join(dir, 'plain.db') } } }).database);
    await plainStore.close();
    plain = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dir, 'plain.db')) }) });
  });
  afterAll(async () => {
    await hot?.close();
    await plain?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are used on a store connection only', async () => {
    await hot.db.transaction().execute(async (trx) => expect(hotStatementsOf(trx)).not.toBeNull());
    await plain.transaction().execute(async (trx) => expect(hotStatementsOf(trx)).toBeNull());
  });

  it('store the same rows and return the same results as the Kysely inserts', async () => {
    const viaHot = await writeAll(hot.db);
    const viaKysely = await writeAll(plain);
    expect(viaHot).toEqual(viaKysely);
    const rows = await dump(hot.db);
    expect(rows).toEqual(await dump(plain));
    expect(rows.messages).toHaveLength(8);
    expect(rows.queue_items.length).toBeGreaterThan(0);
    expect(rows.queue_labels.length).toBeGreaterThan(rows.queue_items.length);
    expect(rows.evidence_log.length).toBeGreaterThan(0);
    expect((viaHot[1] as Array<{ created: boolean }>)[0]!.created).toBe(false);
    expect(await verifyEvidenceChain(hot.db)).toMatchObject({ ok: true });
  });
});
