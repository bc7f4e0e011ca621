/**
 * The evidence log: an append-only, hash-chained record of every blocked or held message and every
 * moderator decision, exportable as a bundle anyone can re-verify with nothing but SHA-256.
 *
 *   bodyHash = sha256_hex(entry)                 entry: the stored canonical JSON text (UTF-8)
 *   hash     = sha256_hex(prevHash + bodyHash)   prevHash: the previous entry's hash; 64 zeros for seq 1
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { lockEvidenceChain } from './dialect.ts';
import type { Database, EvidenceLogRow, EvidenceType } from './schema/index.ts';

export const GENESIS_HASH = '0'.repeat(64);
export const BUNDLE_FORMAT = 'haven-evidence-bundle/1';
export const HASHING = 'hash = sha256_hex(prevHash + sha256_hex(entry)); prevHash of seq 1 = 64 zeros; entry = the UTF-8 bytes of the stored canonical JSON';

/** What an entry says. The columns of `evidence_log` repeat the first six fields for filtering. */
export interface EvidenceEntry {
  type: EvidenceType;
  subject: string;
  recipient: string | null;
  channel: string | null;
  messageId: string;
  createdAt: string;
  [field: string]: unknown;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function chainHash(prevHash: string, entry: string): string {
  return sha256Hex(prevHash + sha256Hex(entry));
}

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Appends entries at the head of the chain, in order. Call inside a write transaction. */
export async function appendEvidence(trx: Transaction<Database>, entries: readonly EvidenceEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await lockEvidenceChain(trx);
  const head = await trx.selectFrom('evidence_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry) => {
    const text = canonicalJson(entry);
    const hash = chainHash(prevHash, text);
    seq += 1;
    const row = {
      seq,
      type: entry.type,
      subject: entry.subject,
      recipient: entry.recipient,
      channel: entry.channel,
      message_id: entry.messageId,
      created_at: entry.createdAt,
      entry: text,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 500) {
    await trx.insertInto('evidence_log').values(rows.slice(i, i + 500)).execute();
  }
}

/** An entry as the API returns it. */
export interface EvidenceRecord {
  seq: number;
  prevHash: string;
  hash: string;
  /** The stored canonical JSON, byte for byte what was hashed. */
  entry: string;
  /** The same, parsed, for reading. */
  data: EvidenceEntry;
}

export function toEvidenceRecord(row: EvidenceLogRow): EvidenceRecord {
  return { seq: row.seq, prevHash: row.prev_hash, hash: row.hash, entry: row.entry, data: JSON.parse(row.entry) as EvidenceEntry };
}

export interface EvidenceQuery {
  subject?: string;
  recipient?: string;
  channel?: string;
  /** ISO times, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  /** Only entries with seq greater than this (paging cursor). */
  after?: number;
  limit: number;
}

export async function listEvidence(db: Kysely<Database>, q: EvidenceQuery): Promise<EvidenceRecord[]> {
  let query = db.selectFrom('evidence_log').selectAll();
  if (q.subject !== undefined) query = query.where('subject', '=', q.subject);
  if (q.recipient !== undefined) query = query.where('recipient', '=', q.recipient);
  if (q.channel !== undefined) query = query.where('channel', '=', q.channel);
  if (q.from !== undefined) query = query.where('created_at', '>=', q.from);
  if (q.to !== undefined) query = query.where('created_at', '<', q.to);
  if (q.after !== undefined) query = query.where('seq', '>', q.after);
  const rows = await query.orderBy('seq').limit(q.limit).execute();
  return rows.map(toEvidenceRecord);
}

/** One link of the chain without its content: enough to check the chain runs unbroken between exported entries. */
export interface ChainLink {
  seq: number;
  prevHash: string;
  bodyHash: string;
  hash: string;
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** The last good entry. */
  head: { seq: number; hash: string } | null;
  /** The first broken link, when `ok` is false. */
  broken?: ChainBreak;
}

/** Checks one stored row against its predecessor; returns why it is broken, or null. */
export function checkLink(row: EvidenceLogRow, expectedSeq: number, expectedPrevHash: string): string | null {
  if (row.seq !== expectedSeq) return `expected entry ${expectedSeq} next, found ${row.seq} (an entry was deleted or inserted)`;
  if (row.prev_hash !== expectedPrevHash) return `prev_hash does not match the hash of entry ${expectedSeq - 1}`;
  if (chainHash(row.prev_hash, row.entry) !== row.hash) return 'hash does not match the entry (the entry or its hash was edited)';
  let entry: EvidenceEntry;
  try {
    entry = JSON.parse(row.entry) as EvidenceEntry;
  } catch {
    return 'entry is not valid JSON';
  }
  const mirrored: Array<[keyof EvidenceLogRow, unknown]> = [
    ['type', entry.type],
    ['subject', entry.subject],
    ['recipient', entry.recipient],
    ['channel', entry.channel],
    ['message_id', entry.messageId],
    ['created_at', entry.createdAt],
  ];
  for (const [column, value] of mirrored) {
    if (row[column] !== value) return `column ${column} differs from the hashed entry (the row was edited)`;
  }
  return null;
}

/** Walks the whole chain from seq 1 and reports the first broken link. */
export async function verifyEvidenceChain(db: Kysely<Database>, pageSize = 2000): Promise<ChainVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let head: ChainVerification['head'] = null;
  let lastSeq: number | null = null;
  for (;;) {
    let query = db.selectFrom('evidence_log').selectAll();
    if (lastSeq !== null) query = query.where('seq', '>', lastSeq);
    const rows = await query.orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      const reason = checkLink(row, expectedSeq, prevHash);
      if (reason) return { ok: false, entries: count, head, broken: { seq: row.seq, reason } };
      count += 1;
      head = { seq: row.seq, hash: row.hash };
      prevHash = row.hash;
      lastSeq = row.seq;
      expectedSeq = row.seq + 1;
    }
    if (rows.length < pageSize) return { ok: true, entries: count, head };
  }
}

export interface EvidenceBundle {
  format: typeof BUNDLE_FORMAT;
  generatedAt: string;
  hashing: string;
  filter: Omit<EvidenceQuery, 'limit' | 'after'>;
  entries: EvidenceRecord[];
  /** Every link from the first to the last exported entry, so gaps between filtered entries can be verified too. */
  links: ChainLink[];
  /** Head of the whole chain at export time. */
  head: { seq: number; hash: string } | null;
  /** The server's own check of the chain up to the head. */
  verification: ChainVerification;
  /** True when more entries matched than `limit`; continue with `after` = last seq. */
  truncated: boolean;
}

export async function exportEvidence(db: Kysely<Database>, q: EvidenceQuery): Promise<EvidenceBundle> {
  const found = await listEvidence(db, { ...q, limit: q.limit + 1 });
  const truncated = found.length > q.limit;
  const entries = found.slice(0, q.limit);
  const links: ChainLink[] = [];
  if (entries.length > 0) {
    const first = entries[0]!.seq;
    const last = entries[entries.length - 1]!.seq;
    const rows = await db
      .selectFrom('evidence_log')
      .select(['seq', 'prev_hash', 'hash', 'entry'])
      .where('seq', '>=', first)
      .where('seq', '<=', last)
      .orderBy('seq')
      .execute();
    for (const row of rows) links.push({ seq: row.seq, prevHash: row.prev_hash, bodyHash: sha256Hex(row.entry), hash: row.hash });
  }
  const verification = await verifyEvidenceChain(db);
  const { after: _after, limit: _limit, ...filter } = q;
  return {
    format: BUNDLE_FORMAT,
    generatedAt: new Date().toISOString(),
    hashing: HASHING,
    filter,
    entries,
    links,
    head: verification.head,
    verification,
    truncated,
  };
}
