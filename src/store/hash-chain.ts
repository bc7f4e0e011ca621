/**
 * The hash chain shared by Haven's append-only logs (the evidence log, the case audit log). Each log keeps its
 * own table, entry format and wording; this module only links entries and walks the links.
 *
 *   hash = sha256_hex(prevHash + sha256_hex(entry))     entry: canonical JSON text; prevHash of seq 1: 64 zeros
 *
 * A chained row stores `seq`, `entry` (the exact text hashed), `prev_hash` and `hash`; other columns repeat
 * fields of the entry for filtering, and a walk checks they still do.
 */
import * as crypto from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** One-shot `crypto.hash` where Node has it (20.12+; no Hash object per call), else `createHash`: the same digest. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

export function chainHash(prevHash: string, entry: string): string {
  return sha256Hex(prevHash + sha256Hex(entry));
}

/**
 * JSON with object keys sorted at every level (undefined fields dropped), so the same entry always hashes the same.
 *
 * Defined as `JSON.stringify(sortKeys(value))`, and that stays the reference; it is written out directly here
 * (no sorted copy of every object, which made the evidence log the largest source of short-lived objects on the
 * message path). Values outside plain JSON data — a key that starts with a digit (JSON.stringify would put
 * integer-like keys of the sorted copy first), a `toJSON` or `__proto__` key, a bigint — take the reference path, so the bytes
 * are the same for every input.
 */
export function canonicalJson(value: unknown): string {
  try {
    return writeCanonical(value) as string;
  } catch (err) {
    if (err !== UNUSUAL) throw err;
    return JSON.stringify(sortKeys(value));
  }
}

/** Thrown by the direct writer for a value it leaves to the reference path. */
const UNUSUAL = new Error('canonicalJson: not plain JSON data');

/** The canonical text of `value`, or undefined where JSON.stringify leaves the value out (undefined, functions, symbols). */
function writeCanonical(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    case 'bigint':
      throw UNUSUAL;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // A hole, undefined, a function or a symbol is written null inside an array.
      out += (i in value ? writeCanonical(value[i]) : undefined) ?? 'null';
    }
    return out + ']';
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const c = key.charCodeAt(0);
    if ((c >= 48 && c <= 57) || key === 'toJSON' || key === '__proto__') throw UNUSUAL;
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const text = writeCanonical(v);
    if (text === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + text;
    first = false;
  }
  return out + '}';
}

/** A copy of `value` with every object's keys sorted and undefined members dropped: canonical JSON's definition. */
export function sortKeys(value: unknown): unknown {
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

/** The columns every chained table has. */
export interface ChainLinkColumns {
  seq: number;
  /** The canonical JSON text, byte for byte what was hashed. */
  entry: string;
  prev_hash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Links items onto `head` (undefined: an empty chain) in order. `entryOf` gives an item's canonical entry
 * text; it receives the item's seq, for logs whose entry includes it.
 */
export function linkEntries<T>(
  head: ChainHead | undefined,
  items: readonly T[],
  entryOf: (item: T, seq: number) => string,
): Array<{ item: T } & ChainLinkColumns> {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return items.map((item) => {
    seq += 1;
    const entry = entryOf(item, seq);
    const hash = chainHash(prevHash, entry);
    const link = { item, seq, entry, prev_hash: prevHash, hash };
    prevHash = hash;
    return link;
  });
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
  head: ChainHead | null;
  /** The first broken link, when `ok` is false. */
  broken?: ChainBreak;
}

/** What a walk needs to know about one log: its wording for a broken sequence, and its mirrored columns. */
export interface ChainFormat<Row extends ChainLinkColumns> {
  /** The break to report when the row after `expected - 1` has seq `found` (rows deleted or inserted). */
  seqBreak(expected: number, found: number): ChainBreak;
  /** Why `prev_hash` of entry `seq` does not match the hash before it. */
  prevHashReason(seq: number): string;
  /** The columns that repeat fields of the (parsed) entry, each with the value it must equal. */
  mirrored(entry: Record<string, unknown>): Array<[keyof Row & string, unknown]>;
}

/** Checks one stored row against its predecessor; returns the break, or null when the link holds. */
export function checkChainRow<Row extends ChainLinkColumns>(format: ChainFormat<Row>, row: Row, expectedSeq: number, expectedPrevHash: string): ChainBreak | null {
  if (row.seq !== expectedSeq) return format.seqBreak(expectedSeq, row.seq);
  const reason = checkLinkedRow(format, row, expectedPrevHash);
  return reason === null ? null : { seq: row.seq, reason };
}

function checkLinkedRow<Row extends ChainLinkColumns>(format: ChainFormat<Row>, row: Row, expectedPrevHash: string): string | null {
  if (row.prev_hash !== expectedPrevHash) return format.prevHashReason(row.seq);
  if (chainHash(row.prev_hash, row.entry) !== row.hash) return 'hash does not match the entry (the entry or its hash was edited)';
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(row.entry) as Record<string, unknown>;
  } catch {
    return 'entry is not valid JSON';
  }
  for (const [column, value] of format.mirrored(entry)) {
    if (row[column] !== value) return `column ${column} differs from the hashed entry (the row was edited)`;
  }
  return null;
}

/**
 * Checks a walked chain against heads recorded earlier, outside the database (`haven evidence verify --head`,
 * the `head` of an exported bundle): each must still be in the chain with the same hash. A walk alone cannot
 * see entries deleted from the end, nor a chain rewritten from some entry on with every hash recomputed; a head
 * kept elsewhere can. `hashAt(seq)` reads the stored hash of one entry (undefined: no such entry).
 */
export async function checkRecordedHeads(
  walked: ChainVerification,
  recorded: readonly ChainHead[],
  hashAt: (seq: number) => Promise<string | undefined>,
): Promise<ChainVerification> {
  if (!walked.ok) return walked;
  const lastSeq = walked.head?.seq ?? 0;
  for (const want of [...recorded].sort((a, b) => a.seq - b.seq)) {
    if (want.seq > lastSeq) {
      return { ...walked, ok: false, broken: { seq: lastSeq + 1, reason: `entries #${lastSeq + 1}–#${want.seq} are missing from the end (a head #${want.seq} was recorded earlier)` } };
    }
    const hash = await hashAt(want.seq);
    if (hash !== want.hash) {
      return { ...walked, ok: false, broken: { seq: want.seq, reason: `entry #${want.seq} does not have the hash recorded earlier (the chain was rewritten from here or before)` } };
    }
  }
  return walked;
}

/** Parses a recorded head written as `SEQ:HASH` (what `verify` prints as "head #SEQ HASH"). */
export function parseChainHead(text: string): ChainHead {
  const m = /^#?(\d+)[:\s]+([0-9a-f]{64})$/i.exec(text.trim());
  if (!m || Number(m[1]) < 1) throw new Error(`a head is SEQ:HASH (a positive entry number and 64 hex digits), got "${text}"`);
  return { seq: Number(m[1]), hash: m[2]!.toLowerCase() };
}

/**
 * Walks a chain from seq 1 and reports the first broken link. `readPage(after, limit)` returns up to `limit`
 * rows in seq order — all of them from the start when `after` is null, else those with seq greater than `after`.
 */
export async function walkChain<Row extends ChainLinkColumns>(
  format: ChainFormat<Row>,
  readPage: (after: number | null, limit: number) => Promise<Row[]>,
  pageSize: number,
): Promise<ChainVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let head: ChainHead | null = null;
  let lastSeq: number | null = null;
  for (;;) {
    const rows = await readPage(lastSeq, pageSize);
    for (const row of rows) {
      const broken = checkChainRow(format, row, expectedSeq, prevHash);
      if (broken) return { ok: false, entries: count, head, broken };
      count += 1;
      head = { seq: row.seq, hash: row.hash };
      prevHash = row.hash;
      lastSeq = row.seq;
      expectedSeq = row.seq + 1;
    }
    if (rows.length < pageSize) return { ok: true, entries: count, head };
  }
}
