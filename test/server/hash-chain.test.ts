/**
 * The evidence log and the case audit log share one hash-chain module (src/store/hash-chain.ts). Chains stored
 * before that must still verify, appending onto them must still work, and the same appends must still produce
 * the same rows byte for byte (fixtures/hash-chains-60fa2e4.json was written by the code before the move).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain, type AuditEntry } from '../../src/cases/audit.ts';
import { loadConfig } from '../../src/config/index.ts';
import { appendEvidence, verifyEvidenceChain, type EvidenceEntry } from '../../src/store/evidence.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import type { CaseAuditRow, EvidenceLogRow } from '../../src/store/schema/index.ts';
import { DIALECTS, privateDatabase, type PrivateDatabase } from './helpers.ts';

const STORED = JSON.parse(readFileSync(new URL('./fixtures/hash-chains-60fa2e4.json', import.meta.url), 'utf8')) as {
  evidence: EvidenceLogRow[];
  audit: CaseAuditRow[];
};

/** The appends that wrote the fixture, transaction by transaction. */
const EVIDENCE_BATCHES: EvidenceEntry[][] = [
  [
    { type: 'message', subject: 'u1', recipient: 'u2', channel: 'general', messageId: 'm1', createdAt: '2026-11-20T10:00:00.000Z', verdict: 'block', labels: ['threat'], nested: { z: 1, a: [{ y: 2, b: 'é😀' }] } },
    { type: 'message', subject: 'u3', recipient: null, channel: null, messageId: 'm2', createdAt: '2026-11-20T10:01:00.000Z', skip: undefined },
  ],
  [{ type: 'decision', subject: 'u1', recipient: 'u2', channel: 'general', messageId: 'm1', createdAt: '2026-11-20T11:00:00.000Z', decision: 'block', reason: 'threat "quoted"' }],
];
const AUDIT_BATCHES: AuditEntry[][] = [
  [
    { caseId: null, action: 'org.imported', actor: 'system', at: '2026-11-20T09:00:00.000Z', details: { employees: 5, b: { y: 1, a: 2 } } },
    { caseId: null, action: 'key.created', actor: 'employee:c1', at: '2026-11-20T09:01:00.000Z', keyId: 'k_1' },
  ],
  [{ caseId: null, action: 'org.imported', actor: 'system', at: '2026-11-20T09:02:00.000Z' }],
];

describe.each(DIALECTS)('hash chains written before the shared module (%s)', (dialect) => {
  let db: PrivateDatabase | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    await db?.drop();
  });
  const open = async () => {
    db = await privateDatabase(dialect);
    store = await openStore(loadConfig({ env: {}, overrides: { database: db.database } }).database);
    return store;
  };

  it('still verify, and take new entries on top', async () => {
    const { db: kdb } = await open();
    await kdb.insertInto('evidence_log').values(STORED.evidence).execute();
    await kdb.insertInto('case_audit_log').values(STORED.audit).execute();
    const last = (rows: Array<{ seq: number; hash: string }>) => ({ seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash });
    expect(await verifyEvidenceChain(kdb)).toEqual({ ok: true, entries: 3, head: last(STORED.evidence) });
    expect(await verifyAuditChain(kdb)).toEqual({ ok: true, entries: 3, head: last(STORED.audit) });

    await kdb.transaction().execute(async (trx) => {
      await appendEvidence(trx, EVIDENCE_BATCHES[1]!);
      await appendAudit(trx, AUDIT_BATCHES[1]!);
    });
    const evidence = await verifyEvidenceChain(kdb);
    const audit = await verifyAuditChain(kdb);
    expect(evidence).toMatchObject({ ok: true, entries: 4, head: { seq: 4 } });
    expect(audit).toMatchObject({ ok: true, entries: 4, head: { seq: 4 } });
    expect(await kdb.selectFrom('evidence_log').select('prev_hash').where('seq', '=', 4).executeTakeFirst()).toEqual({ prev_hash: last(STORED.evidence).hash });
  });

  it('are what the same appends write today, byte for byte', async () => {
    const { db: kdb } = await open();
    await kdb.transaction().execute((trx) => appendEvidence(trx, EVIDENCE_BATCHES[0]!));
    await kdb.transaction().execute(async (trx) => {
      await appendEvidence(trx, EVIDENCE_BATCHES[1]!);
      await appendAudit(trx, AUDIT_BATCHES[0]!);
    });
    await kdb.transaction().execute((trx) => appendAudit(trx, AUDIT_BATCHES[1]!));
    expect(await kdb.selectFrom('evidence_log').selectAll().orderBy('seq').execute()).toEqual(STORED.evidence);
    expect(await kdb.selectFrom('case_audit_log').selectAll().orderBy('seq').execute()).toEqual(STORED.audit);
  });

  it('name the same first broken row as before', async () => {
    const { db: kdb } = await open();
    const [e1, e2, e3] = STORED.evidence;
    const [a1, , a3] = STORED.audit;
    await kdb.insertInto('evidence_log').values([e1!, e3!]).execute();
    await kdb.insertInto('case_audit_log').values([a1!, a3!]).execute();
    expect((await verifyEvidenceChain(kdb)).broken).toEqual({ seq: 3, reason: 'expected entry 2 next, found 3 (an entry was deleted or inserted)' });
    expect((await verifyAuditChain(kdb)).broken).toEqual({ seq: 2, reason: 'entries #2–#2 are missing (deleted)' });
    await kdb.insertInto('evidence_log').values({ ...e2!, prev_hash: 'f'.repeat(64) }).execute();
    expect((await verifyEvidenceChain(kdb)).broken).toEqual({ seq: 2, reason: 'prev_hash does not match the hash of entry 1' });
  });

  it('a chain rewritten with every hash recomputed walks clean, but not past a head recorded earlier', async () => {
    const { db: kdb } = await open();
    await kdb.transaction().execute((trx) => appendEvidence(trx, EVIDENCE_BATCHES[0]!));
    await kdb.transaction().execute((trx) => appendAudit(trx, AUDIT_BATCHES[0]!));
    const evidenceHead = (await verifyEvidenceChain(kdb)).head!;
    const auditHead = (await verifyAuditChain(kdb)).head!;
    // Someone with write access replaces entry 2 and rebuilds the chain from there: the walk cannot tell.
    await kdb.deleteFrom('evidence_log').where('seq', '=', 2).execute();
    await kdb.transaction().execute((trx) => appendEvidence(trx, [{ ...EVIDENCE_BATCHES[0]![1]!, subject: 'someone-else' }]));
    expect((await verifyEvidenceChain(kdb)).ok).toBe(true);
    expect((await verifyEvidenceChain(kdb, { recordedHeads: [evidenceHead] })).broken).toEqual({
      seq: 2,
      reason: 'entry #2 does not have the hash recorded earlier (the chain was rewritten from here or before)',
    });
    // A head beyond the end: entries deleted from the end.
    expect((await verifyAuditChain(kdb, { recordedHeads: [{ seq: auditHead.seq + 2, hash: auditHead.hash }] })).broken).toEqual({
      seq: 3,
      reason: 'entries #3–#4 are missing from the end (a head #4 was recorded earlier)',
    });
    expect((await verifyAuditChain(kdb, { recordedHeads: [auditHead] })).ok).toBe(true);
  });
});
