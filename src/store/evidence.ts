/**
 * The evidence log: an append-only, hash-chained record of every blocked or held message and every
 * moderator decision, exportable as a bundle anyone can re-verify with nothing but SHA-256.
 *
 *   bodyHash = sha256_hex(entry)                 entry: the stored canonical JSON text (UTF-8)
 *   hash     = sha256_hex(prevHash + bodyHash)   prevHash: the previous entry's hash; 64 zeros for seq 1
 */
import type { Kysely, Transaction } from 'kysely';
import { lockForTransaction } from './dialect.ts';
import { canonicalJson, checkChainRow, checkRecordedHeads, linkEntries, sha256Hex, walkChain, type ChainFormat, type ChainHead, type ChainVerification } from './hash-chain.ts';
import type { Database, EvidenceLogRow, EvidenceType } from './schema/index.ts';
import { hotStatementsOf } from './sqlite/hot-statements.ts';

export { canonicalJson, chainHash, GENESIS_HASH, sha256Hex, type ChainBreak, type ChainVerification } from './hash-chain.ts';

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

/** Appends entries at the head of the chain, in order. Call inside a write transaction. */
export async function appendEvidence(trx: Transaction<Database>, entries: readonly EvidenceEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await lockForTransaction(trx, 'evidence');
  // SQLite: statements prepared once (./sqlite/hot-statements.ts); PostgreSQL: through Kysely.
  const hot = hotStatementsOf(trx);
  const head = hot ? hot.evidenceHead() : await trx.selectFrom('evidence_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const rows = linkEntries(head, entries, canonicalJson).map(({ item: entry, seq, entry: text, prev_hash, hash }) => ({
    seq,
    entry: text,
    prev_hash,
    hash,
    type: entry.type,
    subject: entry.subject,
    recipient: entry.recipient,
    channel: entry.channel,
    message_id: entry.messageId,
    created_at: entry.createdAt,
  }));
  if (hot) for (const row of rows) hot.insertEvidence(row);
  else
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

const EVIDENCE_CHAIN: ChainFormat<EvidenceLogRow> = {
  seqBreak: (expected, found) => ({ seq: found, reason: `expected entry ${expected} next, found ${found} (an entry was deleted or inserted)` }),
  prevHashReason: (seq) => `prev_hash does not match the hash of entry ${seq - 1}`,
  mirrored: (entry) => [
    ['type', entry.type],
    ['subject', entry.subject],
    ['recipient', entry.recipient],
    ['channel', entry.channel],
    ['message_id', entry.messageId],
    ['created_at', entry.createdAt],
  ],
};

/** Checks one stored row against its predecessor; returns why it is broken, or null. */
export function checkLink(row: EvidenceLogRow, expectedSeq: number, expectedPrevHash: string): string | null {
  return checkChainRow(EVIDENCE_CHAIN, row, expectedSeq, expectedPrevHash)?.reason ?? null;
}

/**
 * Walks the whole chain from seq 1 and reports the first broken link; then checks the heads recorded earlier
 * outside the database, if any (./hash-chain.ts `checkRecordedHeads`: deletions from the end, a rewritten chain).
 */
export async function verifyEvidenceChain(db: Kysely<Database>, options: { pageSize?: number; recordedHeads?: readonly ChainHead[] } = {}): Promise<ChainVerification> {
  const walked = await walkChain(EVIDENCE_CHAIN, (after, limit) => {
    let query = db.selectFrom('evidence_log').selectAll();
    if (after !== null) query = query.where('seq', '>', after);
    return query.orderBy('seq').limit(limit).execute();
  }, options.pageSize ?? 2000);
  return checkRecordedHeads(walked, options.recordedHeads ?? [], async (seq) => (await db.selectFrom('evidence_log').select('hash').where('seq', '=', seq).executeTakeFirst())?.hash);
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
