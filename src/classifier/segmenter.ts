/**
 * Chinese word segmentation in TypeScript: jieba's "accurate mode without HMM" (`jieba.cut(text, false)`),
 * re-implemented over code units so that a text costs no native call, no string and no array.
 *
 * The algorithm is jieba's: for each character, the DAG of dictionary words that start there (a character
 * that starts no word is a word of frequency 1), then the route of greatest total log probability from the
 * end backwards, ln(freq) − ln(total) per word, ties going to the longer word. The dictionary is the one
 * @node-rs/jieba ships (dict.txt, 349 046 words). Only words made of Han characters are kept, since the
 * segmenter only ever sees runs of Han characters; `total` counts every word, as jieba's does.
 *
 * Lookup is an open-addressing table keyed by two independent 32-bit hashes of a word or word prefix
 * (so the DAG walk needs no substring): a false match needs both to collide (≈ 10⁻¹³ per probe).
 * `test/classifier.test.ts` checks that the cuts equal @node-rs/jieba's on sample texts; on every Han run of
 * the three training corpora they were compared in full when this was written (docs/classifier.md).
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { checksumWords, hashSources, keyHash, readCache, writeCache } from '../cache.ts';

const H1_SEED = 0x811c9dc5;
const H2_SEED = 0x3c6ef372;
const FNV_PRIME = 0x01000193;
const H2_PRIME = 0x5bd1e995;
/**
 * A slot is 16 bytes, one aligned quarter of a cache line: int32 hash1, int32 hash2, then a float64 that is
 * 0 for an empty slot, PREFIX for a prefix that is not a word, else the word's ln(freq) − ln(total) (< 0).
 */
const STRIDE = 4;
const PREFIX = 1;
/** The prefix filter: 2^23 bits. */
const FILTER_WORDS = 1 << 18;

function isHanUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

/** A jieba-compatible segmenter for runs of Han characters. Not re-entrant (shared scratch arrays). */
export class HanSegmenter {
  private readonly table: Int32Array;
  private readonly values: Float64Array;
  /**
   * One bit per hash of every key of two or more characters (2^23 bits, 1 MiB): a clear bit proves a
   * prefix absent without touching the 16 MiB table. The walk from each character ends on such an absent
   * prefix, so this saves about one cache miss per character (≈ 6 % of the clear-bit answers are wrong,
   * and go on to the table).
   */
  private filter: Int32Array = new Int32Array(FILTER_WORDS);
  private readonly mask: number;
  private readonly logTotal: number;
  private readonly maxLength: number;
  private score = new Float64Array(256);
  private next = new Int32Array(256);

  private constructor(table: Int32Array, mask: number, logTotal: number, maxLength: number) {
    this.table = table;
    this.values = new Float64Array(table.buffer, table.byteOffset, table.length / 2);
    this.mask = mask;
    this.logTotal = logTotal;
    this.maxLength = maxLength;
  }

  /** Builds the segmenter from a jieba dictionary ("word freq [tag]" per line). */
  static fromDictionary(text: string): HanSegmenter {
    const words: string[] = [];
    const freqs: number[] = [];
    let total = 0;
    let maxLength = 1;
    let prefixes = 0;
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      const space = line.indexOf(' ');
      if (space <= 0) continue;
      const next = line.indexOf(' ', space + 1);
      const freq = Number(line.slice(space + 1, next < 0 ? undefined : next));
      if (!Number.isFinite(freq)) continue;
      total += freq;
      const word = line.slice(0, space);
      let han = true;
      for (let k = 0; k < word.length && han; k++) han = isHanUnit(word.charCodeAt(k));
      if (!han) continue;
      words.push(word);
      freqs.push(freq);
      prefixes += word.length;
      if (word.length > maxLength) maxLength = word.length;
    }
    // `prefixes` bounds the distinct keys (498 000 for the default dictionary, out of 960 000 prefix
    // characters), loosely: the table is compacted once built (see `compacted`).
    let capacity = 1024;
    while (capacity < prefixes * 1.1) capacity *= 2;
    const table = new Int32Array(capacity * STRIDE);
    const mask = capacity - 1;
    const segmenter = new HanSegmenter(table, mask, Math.log(total), maxLength);
    const values = segmenter.values;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      let h1 = H1_SEED;
      let h2 = H2_SEED;
      for (let k = 0; k < word.length; k++) {
        const c = word.charCodeAt(k);
        h1 = Math.imul(h1 ^ c, FNV_PRIME);
        h2 = Math.imul(h2 + c, H2_PRIME) ^ (h2 >>> 15);
        if (k > 0) {
          const bit = Math.imul(h1 ^ h2, 0x27d4eb2f) >>> 9;
          segmenter.filter[bit >>> 5] = segmenter.filter[bit >>> 5]! | (1 << (bit & 31));
        }
        const slot = segmenter.slotFor(h1, h2);
        const at = slot * STRIDE;
        if (values[slot * 2 + 1] === 0) {
          table[at] = h1;
          table[at + 1] = h2;
          values[slot * 2 + 1] = PREFIX;
        }
        // A word with frequency 0 stays a prefix, as in jieba (ln 0 would make it unusable anyway).
        // The same expression jieba evaluates per edge, ln(freq) − ln(total), so the sums match bit for bit.
        if (k === word.length - 1 && freqs[w]! > 0) values[slot * 2 + 1] = Math.log(freqs[w]!) - segmenter.logTotal;
      }
    }
    return segmenter.compacted();
  }

  /**
   * The same segmenter in the smallest table that is at most half full: 2^20 slots (16 MiB) for the default
   * dictionary rather than the 2^21 its prefix count asks for before the keys are known. Half the memory to
   * read back from the cache; the cuts are the same (a lookup compares both hashes, wherever the key sits).
   */
  private compacted(): HanSegmenter {
    const values = this.values;
    let used = 0;
    for (let slot = 0; slot <= this.mask; slot++) if (values[slot * 2 + 1] !== 0) used++;
    let capacity = 1024;
    while (capacity < used * 2) capacity *= 2;
    if (capacity >= this.mask + 1) return this;
    const smaller = new HanSegmenter(new Int32Array(capacity * STRIDE), capacity - 1, this.logTotal, this.maxLength);
    smaller.filter = this.filter;
    for (let slot = 0; slot <= this.mask; slot++) {
      const value = values[slot * 2 + 1]!;
      if (value === 0) continue;
      const h1 = this.table[slot * STRIDE]!;
      const h2 = this.table[slot * STRIDE + 1]!;
      const to = smaller.slotFor(h1, h2);
      smaller.table[to * STRIDE] = h1;
      smaller.table[to * STRIDE + 1] = h2;
      smaller.values[to * 2 + 1] = value;
    }
    return smaller;
  }

  /**
   * The segmenter as cache bytes: a header, then the table and the filter exactly as they lie in memory, so
   * that loading is one read and two typed-array views over it (no copy, no parse).
   *
   *   bytes 0–7    magic "HAVENSEG"        bytes 24–31  ln(total), float64 LE
   *   bytes 8–11   capacity (slots)        bytes 32–63  key: what it was built from (see `hanSegmenter`)
   *   bytes 12–15  longest word           from 64      table (capacity × 16 bytes), then filter (1 MiB)
   *   bytes 16–19  checksum of the filter and every 16th word of the table (`checksumWords`)
   */
  toCacheBytes(key: Uint8Array): Uint8Array[] {
    const header = Buffer.alloc(CACHE_HEADER);
    header.write(CACHE_MAGIC, 0, 'latin1');
    header.writeUInt32LE(this.mask + 1, 8);
    header.writeUInt32LE(this.maxLength, 12);
    header.writeInt32LE(checksumWords(this.filter, checksumWords(this.table, undefined, 16)), 16);
    header.writeDoubleLE(this.logTotal, 24);
    header.set(key.subarray(0, 32), 32);
    const bytes = (a: Int32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    return [header, bytes(this.table), bytes(this.filter)];
  }

  /** The segmenter stored by `toCacheBytes` with this key, or null when `bytes` is anything else. */
  static fromCacheBytes(bytes: Uint8Array, key: Uint8Array): HanSegmenter | null {
    if (bytes.length < CACHE_HEADER) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (Buffer.from(bytes.buffer, bytes.byteOffset, 8).toString('latin1') !== CACHE_MAGIC) return null;
    if (Buffer.compare(bytes.subarray(32, 64), key.subarray(0, 32)) !== 0) return null;
    const capacity = view.getUint32(8, true);
    if (capacity < 1 || (capacity & (capacity - 1)) !== 0 || bytes.length !== CACHE_HEADER + capacity * STRIDE * 4 + FILTER_WORDS * 4) return null;
    // typed arrays over the bytes themselves: Float64Array needs an 8-byte aligned offset
    const aligned = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
    const table = new Int32Array(aligned.buffer, aligned.byteOffset + CACHE_HEADER, capacity * STRIDE);
    const filter = new Int32Array(aligned.buffer, aligned.byteOffset + CACHE_HEADER + table.byteLength, FILTER_WORDS);
    if (checksumWords(filter, checksumWords(table, undefined, 16)) !== view.getInt32(16, true)) return null;
    const segmenter = new HanSegmenter(table, capacity - 1, view.getFloat64(24, true), view.getUint32(12, true));
    segmenter.filter = filter;
    return segmenter;
  }

  /** The slot holding (h1, h2), or the empty slot where it would go. */
  private slotFor(h1: number, h2: number): number {
    const table = this.table;
    const values = this.values;
    const mask = this.mask;
    let slot = mix(h1 ^ h2) & mask;
    for (;;) {
      const at = slot * STRIDE;
      if (values[slot * 2 + 1] === 0 || (table[at] === h1 && table[at + 1] === h2)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Cuts codes[start, end) — Han characters only — into words, writing each word's end offset into `ends`
   * (which must have room for end − start entries), and returns the number of words.
   */
  cut(codes: Int32Array, start: number, end: number, ends: Int32Array): number {
    const n = end - start;
    if (this.score.length < n + 1) {
      this.score = new Float64Array(n * 2 + 1);
      this.next = new Int32Array(n * 2 + 1);
    }
    const score = this.score;
    const next = this.next;
    const table = this.table;
    const values = this.values;
    const filter = this.filter;
    const mask = this.mask;
    const logTotal = this.logTotal;
    score[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      let best = -Infinity;
      let bestEnd = -1;
      let h1 = H1_SEED;
      let h2 = H2_SEED;
      const limit = Math.min(n, i + this.maxLength);
      for (let j = i; j < limit; j++) {
        const c = codes[start + j]!;
        h1 = Math.imul(h1 ^ c, FNV_PRIME);
        h2 = Math.imul(h2 + c, H2_PRIME) ^ (h2 >>> 15);
        if (j > i) {
          const bit = Math.imul(h1 ^ h2, 0x27d4eb2f) >>> 9;
          if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) break; // not even a prefix
        }
        let slot = mix(h1 ^ h2) & mask;
        let value = 0;
        for (;;) {
          value = values[slot * 2 + 1]!;
          if (value === 0 || (table[slot * STRIDE] === h1 && table[slot * STRIDE + 1] === h2)) break;
          slot = (slot + 1) & mask;
        }
        if (value === 0) break; // not even a prefix: no longer word starts here
        if (value < 0) {
          const s = value + score[j + 1]!;
          // jieba takes the max of (score, end): on a tie the longer word wins.
          if (s >= best) {
            best = s;
            bestEnd = j + 1;
          }
        }
      }
      if (bestEnd < 0) {
        best = 0 - logTotal + score[i + 1]!;
        bestEnd = i + 1;
      }
      score[i] = best;
      next[i] = bestEnd;
    }
    let count = 0;
    for (let i = 0; i < n; i = next[i]!) ends[count++] = start + next[i]!;
    return count;
  }
}

const CACHE_MAGIC = 'HAVENSEG';
const CACHE_HEADER = 64;
/** The code that lays the table out: a change to it is a new cache key. */
const SEGMENTER_SOURCES = ['src/classifier/segmenter.ts', 'src/cache.ts'];

/**
 * The segmenter over the dictionary `dictPath` (by default @node-rs/jieba's dict.txt). Building it takes
 * ≈ 0.2 s, so it is cached (node_modules/.cache/haven/segmenter-<key>.bin, 16 MiB) and later processes load it
 * in a few milliseconds. The key hashes this code and the dictionary file's path, size and modification time
 * (reading and hashing its 5 MB would cost more than loading the cache; it only changes with a reinstall of
 * @node-rs/jieba, which replaces node_modules and the cache with it). `cache: false` always builds.
 */
export function loadHanSegmenter(dictPath: string = DEFAULT_DICT, options: { cache?: boolean; cacheDir?: string } = {}): HanSegmenter {
  const build = (): HanSegmenter => HanSegmenter.fromDictionary(readFileSync(dictPath, 'utf8'));
  if (options.cache === false) return build();
  let stat: Stats;
  try {
    stat = statSync(dictPath);
  } catch {
    return build(); // throws the reason
  }
  const hash = keyHash().update(`${resolve(dictPath)}\0${stat.size}\0${stat.mtimeMs}\0`);
  if (!hashSources(hash, SEGMENTER_SOURCES)) return build();
  const key = hash.digest();
  const name = `segmenter-${key.toString('hex').slice(0, 32)}.bin`;
  const cached = readCache(name, options.cacheDir);
  const loaded = cached && HanSegmenter.fromCacheBytes(cached, key);
  if (loaded) return loaded;
  const built = build();
  writeCache(name, built.toCacheBytes(key), options.cacheDir, (other) => other.startsWith('segmenter-'));
  return built;
}

const DEFAULT_DICT = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');

let shared: HanSegmenter | null = null;

/** The segmenter over @node-rs/jieba's default dictionary, loaded on first use (see `loadHanSegmenter`) and shared. */
export function hanSegmenter(): HanSegmenter {
  shared ??= loadHanSegmenter();
  return shared;
}
