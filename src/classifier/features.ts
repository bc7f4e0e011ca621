/**
 * Feature hashing: turns a folded text into a sparse, L2-normalised vector of hashed n-gram counts.
 *
 * Features, each hashed into one table of 2^bucketBits buckets (FNV-1a over UTF-16 code units, murmur3
 * finalizer, separate seeds so a character n-gram and a word never share a hash by construction):
 * - character n-grams of the cleaned text (whitespace runs collapsed to one space, a space added at both
 *   ends so that word boundaries show up in the n-grams, @mentions reduced to "@", links to "http");
 * - word unigrams and bigrams: Latin / digit runs are words; runs of Han characters are cut into words by
 *   jieba when `hanWords` is "jieba", or give no word features when it is "none" (character n-grams only).
 * Counts are damped to 1 + ln(count) and the vector is scaled to unit length.
 * Optional lexicon features come after the scaling: one bucket per lexicon (its name hashed), valued
 * weight · ln(1 + number of distinct lexicon terms found in the text) — a pooled "how many known slurs or
 * sexist terms" signal that rare terms alone, seen a few times each, cannot give the learner.
 *
 * The hasher owns reusable scratch arrays (two of 4 bytes per bucket), so encoding allocates nothing but
 * jieba's word list. It is not re-entrant: use one hasher per thread of work (JavaScript has one).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** How texts become features. Stored in the model file: inference must use the training spec. */
export interface FeatureSpec {
  /** log2 of the number of hash buckets. */
  bucketBits: number;
  /** Shortest and longest character n-gram. */
  charMin: number;
  charMax: number;
  /** Longest word n-gram (1 = unigrams only, 2 = with bigrams, 0 = no word features). */
  wordMax: number;
  /** How runs of Han characters become words. */
  hanWords: 'jieba' | 'none';
  /**
   * Longest character n-gram that contains a Han character (default charMax). Chinese characters carry
   * about a word each, so Han 4-grams are mostly unique noise, while Latin text needs 4-grams.
   */
  hanCharMax?: number;
  /** Term lists whose hit counts become features (terms already folded with foldForModel). */
  lexicons?: LexiconSpec[];
}

/** A lexicon feature: the terms (folded) and the weight of its ln(1 + distinct hits) value. */
export interface LexiconSpec {
  name: string;
  weight: number;
  terms: string[];
}

/** A sparse vector view over the hasher's scratch space: valid until the next `encode`. */
export interface SparseView {
  indices: Int32Array;
  values: Float32Array;
  length: number;
}

const FNV_OFFSET = 0x811c9dc5;
const LEXICON_SEED = 0x27d4eb2f;
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x9e3779b9;
const BIGRAM_SEED = 0x85ebca6b;
const SPACE = 0x20;

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Letters and digits outside Han: the characters of a Latin-style word. */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (isHan(c) || (c >= 0xd800 && c <= 0xdfff)) return false;
  return WORD_CHAR.test(String.fromCharCode(c));
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029;
}

/** The string of code units codes[start, end), built in chunks so long runs cannot overflow the stack. */
function codesToString(codes: Int32Array, start: number, end: number): string {
  let out = '';
  for (let k = start; k < end; k += 4096) out += String.fromCharCode(...codes.subarray(k, Math.min(end, k + 4096)));
  return out;
}

let sharedJieba: Jieba | null = null;
function jieba(): Jieba {
  sharedJieba ??= Jieba.withDict(dict);
  return sharedJieba;
}

/** Encodes texts into hashed feature vectors for one FeatureSpec. */
export class FeatureHasher {
  readonly spec: FeatureSpec;
  private readonly mask: number;
  private codes = new Int32Array(1024);
  private ids = new Int32Array(8192);
  private indices = new Int32Array(8192);
  private values = new Float32Array(8192);
  private readonly seenIn: Int32Array;
  private readonly slotOf: Int32Array;
  private generation = 0;
  private readonly hanCharMax: number;
  /** Per lexicon: its bucket, weight, terms by first code unit, and a per-term stamp for distinct hits. */
  private readonly lexicons: { bucket: number; weight: number; byFirst: Map<number, number[]>; terms: string[]; stamp: Int32Array }[];
  /** Bit L of firstOf[c] is set when some term of lexicon L starts with code unit c (a cheap pre-filter). */
  private readonly firstOf: Uint8Array | null;

  constructor(spec: FeatureSpec) {
    if (!Number.isInteger(spec.bucketBits) || spec.bucketBits < 4 || spec.bucketBits > 26) {
      throw new Error(`feature spec: bucketBits must be an integer in 4..26, got ${spec.bucketBits}`);
    }
    if (spec.charMin < 1 || spec.charMax < spec.charMin || spec.charMax > 8) {
      throw new Error(`feature spec: need 1 <= charMin <= charMax <= 8, got ${spec.charMin}..${spec.charMax}`);
    }
    this.spec = spec;
    this.mask = (1 << spec.bucketBits) - 1;
    this.seenIn = new Int32Array(this.mask + 1);
    this.slotOf = new Int32Array(this.mask + 1);
    this.hanCharMax = Math.min(spec.charMax, spec.hanCharMax ?? spec.charMax);
    this.lexicons = (spec.lexicons ?? []).map((lexicon) => {
      let h = LEXICON_SEED;
      for (let k = 0; k < lexicon.name.length; k++) h = Math.imul(h ^ lexicon.name.charCodeAt(k), FNV_PRIME);
      const terms = lexicon.terms.filter((t) => t.length > 0);
      // Keyed by the first two code units (a one-unit term: its unit and U+FFFF, which text never holds).
      const byFirst = new Map<number, number[]>();
      terms.forEach((term, t) => {
        const key = term.charCodeAt(0) * 0x10000 + (term.length > 1 ? term.charCodeAt(1) : 0xffff);
        const list = byFirst.get(key) ?? [];
        list.push(t);
        byFirst.set(key, list);
      });
      return { bucket: finalize(h) & this.mask, weight: lexicon.weight, byFirst, terms, stamp: new Int32Array(terms.length) };
    });
    if (this.lexicons.length > 8) throw new Error('feature spec: at most 8 lexicons');
    this.firstOf = this.lexicons.length > 0 ? new Uint8Array(0x10000) : null;
    this.lexicons.forEach((lexicon, l) => {
      for (const key of lexicon.byFirst.keys()) {
        const first = Math.floor(key / 0x10000);
        this.firstOf![first] = this.firstOf![first]! | (1 << l);
      }
    });
  }

  /** Number of buckets in the hash table. */
  get buckets(): number {
    return this.mask + 1;
  }

  /** Encodes one folded text. The returned view is overwritten by the next call. */
  encode(text: string): SparseView {
    const n = this.clean(text);
    const bound = n * (this.spec.charMax - this.spec.charMin + 1) + 2 * n + 16 + (this.spec.lexicons?.length ?? 0);
    if (this.ids.length < bound) {
      this.ids = new Int32Array(bound * 2);
      this.indices = new Int32Array(bound * 2);
      this.values = new Float32Array(bound * 2);
    }
    let count = this.charGrams(n);
    count = this.wordGrams(n, count);
    const view = this.collapse(count);
    if (this.lexicons.length > 0) view.length = this.lexiconHits(text, view.length);
    return view;
  }

  /**
   * Adds each lexicon's feature (after the unit-length scaling): weight · ln(1 + distinct terms found).
   * Terms are looked up by their first two code units (after a bitmap check of the first), so a text
   * costs about one array read per character and a map probe only where a term could start.
   */
  private lexiconHits(text: string, length: number): number {
    const generation = this.generation;
    const firstOf = this.firstOf!;
    for (let l = 0; l < this.lexicons.length; l++) {
      const lexicon = this.lexicons[l]!;
      const bit = 1 << l;
      let hits = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if ((firstOf[c]! & bit) === 0) continue;
        for (let pass = 0; pass < 2; pass++) {
          if (pass === 1 && i + 1 >= text.length) break;
          const candidates = lexicon.byFirst.get(c * 0x10000 + (pass === 0 ? 0xffff : text.charCodeAt(i + 1)));
          if (!candidates) continue;
          for (const t of candidates) {
            if (lexicon.stamp[t] !== generation && text.startsWith(lexicon.terms[t]!, i)) {
              lexicon.stamp[t] = generation;
              hits++;
            }
          }
        }
      }
      if (hits === 0) continue;
      const value = lexicon.weight * Math.log(1 + hits);
      const bucket = lexicon.bucket;
      if (this.seenIn[bucket] === generation) {
        const slot = this.slotOf[bucket]!;
        this.values[slot] = this.values[slot]! + value;
      } else {
        this.seenIn[bucket] = generation;
        this.slotOf[bucket] = length;
        this.indices[length] = bucket;
        this.values[length] = value;
        length++;
      }
    }
    return length;
  }

  /** Copies the text's code units into `codes`, collapsing whitespace and reducing mentions and links. */
  private clean(text: string): number {
    const len = text.length;
    if (this.codes.length < len + 2) this.codes = new Int32Array(len * 2 + 2);
    const codes = this.codes;
    let n = 0;
    codes[n++] = SPACE;
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        if (codes[n - 1] !== SPACE) codes[n++] = SPACE;
        i++;
        continue;
      }
      if (c === 0x40 /* @ */ && i + 1 < len && isWordChar(text.charCodeAt(i + 1))) {
        codes[n++] = c;
        i++;
        while (i < len && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === 0x5f)) i++;
        continue;
      }
      if (c === 0x68 /* h */ && text.startsWith('http', i) && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
        for (const k of [0x68, 0x74, 0x74, 0x70]) codes[n++] = k;
        while (i < len && !isSpace(text.charCodeAt(i))) i++;
        continue;
      }
      codes[n++] = c;
      i++;
    }
    if (codes[n - 1] !== SPACE) codes[n++] = SPACE;
    return n;
  }

  private charGrams(n: number): number {
    const { charMin, charMax } = this.spec;
    const codes = this.codes;
    const ids = this.ids;
    const mask = this.mask;
    const hanMax = this.hanCharMax;
    let count = 0;
    for (let start = 0; start < n; start++) {
      let h = FNV_OFFSET;
      const end = Math.min(n, start + charMax);
      let han = false;
      for (let k = start; k < end; k++) {
        h = Math.imul(h ^ codes[k]!, FNV_PRIME);
        if (!han && isHan(codes[k]!)) han = true;
        if (han && k - start + 1 > hanMax) break;
        if (k - start + 1 >= charMin) {
          // A lone space says nothing: skip the 1-gram " ".
          if (k === start && codes[k] === SPACE) continue;
          ids[count++] = finalize(h) & mask;
        }
      }
    }
    return count;
  }

  /**
   * Word unigrams and bigrams. Latin words come from a scan of the codes; Han runs are gathered and cut by
   * jieba in ONE call per text (joined with newlines, which jieba never joins across), because the native
   * call, not the cutting, is most of jieba's cost on short messages. Bigrams do not span punctuation,
   * a change of script, or the gap between two Han runs.
   */
  private wordGrams(n: number, count: number): number {
    const { wordMax, hanWords } = this.spec;
    if (wordMax <= 0) return count;
    const codes = this.codes;
    const ids = this.ids;
    const mask = this.mask;
    let previous = 0;
    let hasPrevious = false;
    const emit = (h: number): void => {
      ids[count++] = finalize(h) & mask;
      if (wordMax >= 2 && hasPrevious) {
        ids[count++] = finalize(Math.imul(previous ^ BIGRAM_SEED, FNV_PRIME) ^ h) & mask;
      }
      previous = h;
      hasPrevious = true;
    };
    let hanText = '';
    let i = 0;
    while (i < n) {
      const c = codes[i]!;
      if (isWordChar(c)) {
        let h = WORD_SEED;
        while (i < n && isWordChar(codes[i]!)) h = Math.imul(h ^ codes[i++]!, FNV_PRIME);
        emit(h);
        continue;
      }
      if (isHan(c)) {
        const start = i;
        while (i < n && isHan(codes[i]!)) i++;
        if (hanWords === 'jieba') hanText += (hanText ? '\n' : '') + codesToString(codes, start, i);
        hasPrevious = false;
        continue;
      }
      if (c !== SPACE) hasPrevious = false;
      i++;
    }
    if (hanText) {
      hasPrevious = false;
      for (const word of jieba().cut(hanText, false)) {
        if (word === '\n') {
          hasPrevious = false;
          continue;
        }
        let h = WORD_SEED;
        for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
        emit(h);
      }
    }
    return count;
  }

  /**
   * Counts repeats without sorting: `seenIn[bucket]` holds the encode call that last saw the bucket and
   * `slotOf[bucket]` where its count lives, so each id costs O(1). Damps counts, scales to unit length.
   * Indices come out in first-seen order.
   */
  private collapse(count: number): SparseView {
    const generation = ++this.generation;
    const { ids, indices, values, seenIn, slotOf } = this;
    let length = 0;
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      if (seenIn[id] === generation) {
        const slot = slotOf[id]!;
        values[slot] = values[slot]! + 1;
      } else {
        seenIn[id] = generation;
        slotOf[id] = length;
        indices[length] = id;
        values[length] = 1;
        length++;
      }
    }
    let norm = 0;
    for (let k = 0; k < length; k++) {
      const c = values[k]!;
      const v = c === 1 ? 1 : 1 + Math.log(c);
      values[k] = v;
      norm += v * v;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < length; k++) values[k] = values[k]! * scale;
    return { indices, values, length };
  }
}
