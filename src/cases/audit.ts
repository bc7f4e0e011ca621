/**
 * The case audit log: every read, assignment, note, message, status change and escalation, appended to one
 * hash chain in the same transaction as what it records.
 *
 *   hash = sha256_hex(prevHash + sha256_hex(entry))     entry: canonical JSON; prevHash of seq 1: 64 zeros
 *
 * `verifyAuditChain` walks it from seq 1 and names the first broken row: an edited entry or hash, an edited
 * mirrored column, a deleted or inserted row (seq gap, prev_hash mismatch), and — because each case row keeps
 * the seq of its last entry — rows deleted from the end.
 */
import type { Kysely, Transaction } from 'kysely';
import { lockForTransaction } from '../store/dialect.ts';
import { canonicalJson, checkRecordedHeads, linkEntries, walkChain, type ChainBreak, type ChainFormat, type ChainHead, type ChainVerification } from '../store/hash-chain.ts';
import type { CaseAuditRow, Database } from '../store/schema/index.ts';

export interface AuditEntry {
  caseId: string | null;
  /** `case.read`, `case.escalated`, `receipt.message`, … */
  action: string;
  /** `reporter`, `system`, or `employee:<id>`. */
  actor: string;
  at: string;
  /** The API key used, when there was one. */
  keyId?: string | undefined;
  /** Non-confidential details (tiers, reasons, event numbers) — never report content. */
  details?: Record<string, unknown>;
}

/** Appends entries in order; call inside the transaction that does what they record. */
export async function appendAudit(trx: Transaction<Database>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await lockForTransaction(trx, 'audit');
  const head = await trx.selectFrom('case_audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const links = linkEntries(head, entries, (e, seq) =>
    canonicalJson({ seq, caseId: e.caseId, action: e.action, actor: e.actor, at: e.at, keyId: e.keyId ?? null, details: e.details ?? {} }),
  );
  const lastByCase = new Map<string, number>();
  for (const { item: e, ...link } of links) {
    await trx.insertInto('case_audit_log').values({ ...link, case_id: e.caseId, action: e.action, actor: e.actor, at: e.at }).execute();
    if (e.caseId) lastByCase.set(e.caseId, link.seq);
  }
  for (const [caseId, last] of lastByCase) {
    await trx.updateTable('cases').set({ last_audit_seq: last }).where('id', '=', caseId).execute();
  }
}

export type AuditBreak = ChainBreak;

export type AuditVerification = ChainVerification;

const AUDIT_CHAIN: ChainFormat<CaseAuditRow> = {
  seqBreak: (expected, found) => ({
    seq: expected,
    reason: found > expected ? `entries #${expected}–#${found - 1} are missing (deleted)` : `entry #${found} is out of order (inserted)`,
  }),
  prevHashReason: (seq) => `prev_hash does not match the hash of entry #${seq - 1} (an entry before it was replaced)`,
  mirrored: (entry) => [
    ['seq', entry.seq],
    ['case_id', entry.caseId],
    ['action', entry.action],
    ['actor', entry.actor],
    ['at', entry.at],
  ],
};

/**
 * Walks the whole chain, checks the heads recorded earlier outside the database if any, then checks every case's
 * last entry is still there.
 */
export async function verifyAuditChain(db: Kysely<Database>, options: { pageSize?: number; recordedHeads?: readonly ChainHead[] } = {}): Promise<AuditVerification> {
  const walked = await checkRecordedHeads(
    await walkChain(AUDIT_CHAIN, (after, limit) =>
      db.selectFrom('case_audit_log').selectAll().where('seq', '>', after ?? 0).orderBy('seq').limit(limit).execute(), options.pageSize ?? 2000),
    options.recordedHeads ?? [],
    async (seq) => (await db.selectFrom('case_audit_log').select('hash').where('seq', '=', seq).executeTakeFirst())?.hash,
  );
  if (!walked.ok) return walked;
  const { entries: count, head } = walked;
  // Deletions from the end leave no gap; each case remembers the seq of its last entry.
  const lastSeq = head?.seq ?? 0;
  const cases = await db.selectFrom('cases').select(['id', 'last_audit_seq']).where('last_audit_seq', '>', 0).orderBy('last_audit_seq', 'desc').execute();
  for (const c of cases) {
    if (c.last_audit_seq > lastSeq) {
      return { ok: false, entries: count, head, broken: { seq: lastSeq + 1, reason: `entries #${lastSeq + 1}–#${c.last_audit_seq} are missing from the end (case ${c.id} was last audited at #${c.last_audit_seq})` } };
    }
    const row = await db.selectFrom('case_audit_log').select(['case_id']).where('seq', '=', c.last_audit_seq).executeTakeFirst();
    if (row?.case_id !== c.id) {
      return { ok: false, entries: count, head, broken: { seq: c.last_audit_seq, reason: `entry #${c.last_audit_seq} should be case ${c.id}'s last entry but is not (rows were replaced)` } };
    }
  }
  return { ok: true, entries: count, head };
}

/** The audit entries about one case, oldest first. */
export async function caseAuditTrail(db: Kysely<Database>, caseId: string): Promise<Array<{ seq: number; action: string; actor: string; at: string; details: unknown }>> {
  const rows = await db.selectFrom('case_audit_log').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  return rows.map((r) => {
    const e = JSON.parse(r.entry) as { details?: unknown };
    return { seq: r.seq, action: r.action, actor: r.actor, at: r.at, details: e.details ?? {} };
  });
}
