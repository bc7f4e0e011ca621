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
import { sql, type Kysely, type Transaction } from 'kysely';
import { dialectOf } from '../store/dialect.ts';
import { canonicalJson, chainHash, GENESIS_HASH } from '../store/evidence.ts';
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

/** Advisory-lock key that serializes appends to the case audit chain across PostgreSQL nodes. */
const AUDIT_CHAIN_LOCK = 0x48_41_56_41; // "HAVA"

async function lockAuditChain(trx: Transaction<Database>): Promise<void> {
  // SQLite transactions already hold the write lock (BEGIN IMMEDIATE).
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
}

/** Appends entries in order; call inside the transaction that does what they record. */
export async function appendAudit(trx: Transaction<Database>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await lockAuditChain(trx);
  const head = await trx.selectFrom('case_audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const lastByCase = new Map<string, number>();
  for (const e of entries) {
    seq += 1;
    const entry = canonicalJson({ seq, caseId: e.caseId, action: e.action, actor: e.actor, at: e.at, keyId: e.keyId ?? null, details: e.details ?? {} });
    const hash = chainHash(prevHash, entry);
    await trx
      .insertInto('case_audit_log')
      .values({ seq, case_id: e.caseId, action: e.action, actor: e.actor, at: e.at, entry, prev_hash: prevHash, hash })
      .execute();
    prevHash = hash;
    if (e.caseId) lastByCase.set(e.caseId, seq);
  }
  for (const [caseId, last] of lastByCase) {
    await trx.updateTable('cases').set({ last_audit_seq: last }).where('id', '=', caseId).execute();
  }
}

export interface AuditBreak {
  seq: number;
  reason: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  broken?: AuditBreak;
}

function checkRow(row: CaseAuditRow, expectedSeq: number, expectedPrev: string): string | null {
  if (row.seq !== expectedSeq) {
    return row.seq > expectedSeq
      ? `entries #${expectedSeq}–#${row.seq - 1} are missing (deleted)`
      : `entry #${row.seq} is out of order (inserted)`;
  }
  if (row.prev_hash !== expectedPrev) return `prev_hash does not match the hash of entry #${expectedSeq - 1} (an entry before it was replaced)`;
  if (chainHash(row.prev_hash, row.entry) !== row.hash) return 'hash does not match the entry (the entry or its hash was edited)';
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(row.entry) as Record<string, unknown>;
  } catch {
    return 'entry is not valid JSON';
  }
  const mirrored: Array<[keyof CaseAuditRow, unknown]> = [
    ['seq', entry.seq],
    ['case_id', entry.caseId],
    ['action', entry.action],
    ['actor', entry.actor],
    ['at', entry.at],
  ];
  for (const [column, value] of mirrored) {
    if (row[column] !== value) return `column ${column} differs from the hashed entry (the row was edited)`;
  }
  return null;
}

/** Walks the whole chain, then checks every case's last entry is still there. */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = 2000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let head: AuditVerification['head'] = null;
  for (;;) {
    const rows = await db.selectFrom('case_audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      const reason = checkRow(row, expectedSeq, prevHash);
      if (reason) return { ok: false, entries: count, head, broken: { seq: expectedSeq === row.seq ? row.seq : expectedSeq, reason } };
      count += 1;
      head = { seq: row.seq, hash: row.hash };
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
    }
    if (rows.length < pageSize) break;
  }
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
