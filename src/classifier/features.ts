/**
 * Feature hashing: turns a folded text into a sparse, L2-normalised vector of hashed n-gram counts.
 *
 * Features, each hashed into one table of 2^bucketBits buckets (FNV-1a over UTF-16 code units, murmur3
 * finalizer, separate seeds so a character n-gram and a word never share a hash by construction):
 * - character n-grams of the cleaned text (whitespace runs collapsed to one space, a space added at both
 *   ends so that word boundaries show up in the n-grams, @mentions reduced to "@", links to "http");
 * - word unigrams and bigrams: Latin / digit runs are words; runs of Han characters are cut into words by
 *   jieba's algorithm and dictionary (`segmenter.ts`, TypeScript, same cuts as @node-rs/jieba's
 *   `cut(text, false)`) when `hanWords` is "jieba", or give no word features when it is "none".
 * Scaling (`scaling`): "log-l2" (the default of older models) damps counts to 1 + ln(count) and scales the
 * vector to unit length; "sqrt-count" divides raw counts by the square root of the number of n-grams, which is
 * the same vector whenever no n-gram repeats, and lets a scorer add each n-gram's weight as it is hashed, with
 * no table to count repeats (`hashNgrams`, used by LinearClassifier).
 * Optional lexicon features come after the scaling: one bucket per lexicon (its name hashed), valued
 * weight · ln(1 + number of distinct lexicon terms found in the text) — a pooled "how many known slurs or
 * sexist terms" signal that rare terms alone, seen a few times each, cannot give the learner.
 *
 * The hasher owns reusable scratch arrays sized to the text (repeats are counted in a small per-text hash
 * table, not in arrays per bucket), so encoding allocates nothing but the returned view object. It is not
 * re-entrant: use one hasher per thread of work (JavaScript has one).
 */
import { hanSegmenter } from './segmenter.ts';

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
  /** How counts become values (see the file comment); "log-l2" when absent. */
  scaling?: FeatureScaling;
  /**
   * Shortest character n-gram without a Han character (default charMin): a lone Latin letter or digit says
   * next to nothing, while a lone Han character is often a word.
   */
  latinCharMin?: number;
}

export type FeatureScaling = 'log-l2' | 'sqrt-count';

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

/**
 * All lexicons' terms in one Aho–Corasick automaton over UTF-16 code units: one pass over the text finds
 * every occurrence of every term. The root's transitions are a direct table by code unit (most characters
 * start no term and cost one read); deeper ones live in an open-addressing table keyed by (node, unit).
 */
class TermAutomaton {
  /** Per lexicon, the number of terms. */
  readonly lexiconOf: Int32Array;
  /**
   * The root's children, for the character that starts every match attempt: a bit per code unit (8 KiB) says
   * whether any term starts with it, and a small open-addressing table (code unit → child) holds the few
   * thousand that do. Both stay in the first-level caches, where a direct 64 Ki-entry table (256 KiB) was read
   * at a random place for every character of every text and pushed the engine's own tables out of cache.
   */
  private readonly rootBits: Int32Array = new Int32Array(0x10000 >>> 5);
  private readonly rootKeys: Int32Array;
  private readonly rootChildren: Int32Array;
  private readonly rootMask: number;
  private readonly edges: Int32Array;
  private readonly edgeMask: number;
  private readonly fail: Int32Array;
  /** Nearest node on the fail chain (itself included) where some term ends, or −1. */
  private readonly outLink: Int32Array;
  /** Terms ending exactly at a node: outTerms[outStart[node] .. outStart[node + 1]). */
  private readonly outStart: Int32Array;
  private readonly outTerms: Int32Array;
  readonly stamp: Int32Array;

  constructor(lexicons: readonly (readonly string[])[]) {
    const children: Map<number, number>[] = [new Map()];
    const ending: number[][] = [[]];
    const lexiconOf: number[] = [];
    for (let l = 0; l < lexicons.length; l++) {
      for (const term of lexicons[l]!) {
        let node = 0;
        for (let k = 0; k < term.length; k++) {
          const c = term.charCodeAt(k);
          let child = children[node]!.get(c);
          if (child === undefined) {
            child = children.length;
            children.push(new Map());
            ending.push([]);
            children[node]!.set(c, child);
          }
          node = child;
        }
        ending[node]!.push(lexiconOf.length);
        lexiconOf.push(l);
      }
    }
    const nodes = children.length;
    this.lexiconOf = Int32Array.from(lexiconOf);
    this.stamp = new Int32Array(lexiconOf.length);
    let rootCapacity = 16;
    while (rootCapacity < children[0]!.size * 2) rootCapacity *= 2;
    this.rootMask = rootCapacity - 1;
    this.rootKeys = new Int32Array(rootCapacity).fill(-1);
    this.rootChildren = new Int32Array(rootCapacity);
    for (const [c, child] of children[0]!) {
      this.rootBits[c >>> 5] = this.rootBits[c >>> 5]! | (1 << (c & 31));
      let slot = Math.imul(c, 0x9e3779b1) >>> 16;
      for (;;) {
        slot &= this.rootMask;
        if (this.rootKeys[slot] === -1) break;
        slot++;
      }
      this.rootKeys[slot] = c;
      this.rootChildren[slot] = child;
    }
    let capacity = 64;
    while (capacity < nodes * 2) capacity *= 2;
    this.edgeMask = capacity - 1;
    this.edges = new Int32Array(capacity * 3).fill(-1);
    children.forEach((map, node) => map.forEach((child, c) => this.addEdge(node, c, child)));
    this.outStart = new Int32Array(nodes + 1);
    const outTerms: number[] = [];
    for (let node = 0; node < nodes; node++) {
      this.outStart[node] = outTerms.length;
      outTerms.push(...ending[node]!);
    }
    this.outStart[nodes] = outTerms.length;
    this.outTerms = Int32Array.from(outTerms);
    // Fail links breadth first: a node's fail is the longest proper suffix of its string that is in the trie.
    this.fail = new Int32Array(nodes);
    this.outLink = new Int32Array(nodes).fill(-1);
    const queue: number[] = [];
    for (const child of children[0]!.values()) queue.push(child);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      this.outLink[node] = ending[node]!.length > 0 ? node : this.outLink[this.fail[node]!]!;
      for (const [c, child] of children[node]!) {
        let f = this.fail[node]!;
        let to = this.edge(f, c);
        while (to < 0 && f !== 0) {
          f = this.fail[f]!;
          to = this.edge(f, c);
        }
        this.fail[child] = to >= 0 && to !== child ? to : 0;
        queue.push(child);
      }
    }
  }

  private addEdge(node: number, c: number, child: number): void {
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 0;
    for (;;) {
      slot &= this.edgeMask;
      if (this.edges[slot * 3 + 2] === -1) {
        this.edges[slot * 3] = node;
        this.edges[slot * 3 + 1] = c;
        this.edges[slot * 3 + 2] = child;
        return;
      }
      slot++;
    }
  }

  /** The child of `node` by unit `c`, or −1. */
  private edge(node: number, c: number): number {
    const edges = this.edges;
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 0;
    for (;;) {
      slot &= this.edgeMask;
      const at = slot * 3;
      const child = edges[at + 2]!;
      if (child === -1) return -1;
      if (edges[at] === node && edges[at + 1] === c) return child;
      slot++;
    }
  }

  /** The child of the root by unit `c`, or 0 (the root is never a child). */
  private rootChild(c: number): number {
    if ((this.rootBits[c >>> 5]! & (1 << (c & 31))) === 0) return 0;
    const keys = this.rootKeys;
    let slot = Math.imul(c, 0x9e3779b1) >>> 16;
    for (;;) {
      slot &= this.rootMask;
      if (keys[slot] === c) return this.rootChildren[slot]!;
      slot++;
    }
  }

  /** Adds to hits[l] the number of distinct terms of lexicon l found in `text` (stamps: `generation`). */
  count(text: string, generation: number, hits: Int32Array): void {
    const { fail, outLink, outStart, outTerms, stamp, lexiconOf } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (node === 0) {
        node = this.rootChild(c);
        if (node === 0) continue;
      } else {
        let to = this.edge(node, c);
        while (to < 0) {
          node = fail[node]!;
          if (node === 0) {
            to = this.rootChild(c);
            break;
          }
          to = this.edge(node, c);
        }
        node = to;
      }
      if (node === 0) continue;
      for (let out = outLink[node]!; out > 0; out = outLink[fail[out]!]!) {
        for (let k = outStart[out]!; k < outStart[out + 1]!; k++) {
          const t = outTerms[k]!;
          if (stamp[t] !== generation) {
            stamp[t] = generation;
            hits[lexiconOf[t]!]!++;
          }
        }
      }
    }
  }
}

/** Encodes texts into hashed feature vectors for one FeatureSpec. */
export class FeatureHasher {
  readonly spec: FeatureSpec;
  private readonly mask: number;
  private codes = new Int32Array(1024);
  private ids = new Int32Array(8192);
  private indices = new Int32Array(8192);
  private values = new Float32Array(8192);
  /** Where each Han run starts and ends in `codes` (pairs), and the segmenter's word ends. */
  private hanRuns = new Int32Array(64);
  private wordEnds = new Int32Array(1024);
  /**
   * A small open-addressing table that counts repeats within one text: slot s holds bucket `keys[s]` at
   * `slots[s]` of the output when `stamps[s]` is the current generation. Sized to the text (at least twice
   * its n-grams), so it stays in the first-level cache; the buckets are hash outputs, so their low bits
   * are the probe start.
   */
  private keys = new Int32Array(1024);
  private slots = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  private tableMask = 0;
  private generation = 0;
  private readonly hanCharMax: number;
  private readonly latinCharMin: number;
  /** "sqrt-count" scaling (else "log-l2"). */
  readonly sqrtCount: boolean;
  /** Per lexicon: its bucket and weight; all terms sit in one automaton. */
  private readonly lexicons: { bucket: number; weight: number }[];
  private readonly automaton: TermAutomaton | null;
  private readonly hits: Int32Array;

  constructor(spec: FeatureSpec) {
    if (!Number.isInteger(spec.bucketBits) || spec.bucketBits < 4 || spec.bucketBits > 26) {
      throw new Error(`feature spec: bucketBits must be an integer in 4..26, got ${spec.bucketBits}`);
    }
    if (spec.charMin < 1 || spec.charMax < spec.charMin || spec.charMax > 8) {
      throw new Error(`feature spec: need 1 <= charMin <= charMax <= 8, got ${spec.charMin}..${spec.charMax}`);
    }
    this.spec = spec;
    this.mask = (1 << spec.bucketBits) - 1;
    this.hanCharMax = Math.min(spec.charMax, spec.hanCharMax ?? spec.charMax);
    this.latinCharMin = spec.latinCharMin ?? spec.charMin;
    if (!Number.isInteger(this.latinCharMin) || this.latinCharMin < 1 || this.latinCharMin > spec.charMax) {
      throw new Error(`feature spec: latinCharMin must be an integer in 1..charMax, got ${spec.latinCharMin}`);
    }
    if (spec.scaling !== undefined && spec.scaling !== 'log-l2' && spec.scaling !== 'sqrt-count') {
      throw new Error(`feature spec: scaling must be "log-l2" or "sqrt-count", got ${JSON.stringify(spec.scaling)}`);
    }
    this.sqrtCount = spec.scaling === 'sqrt-count';
    const lexicons = spec.lexicons ?? [];
    if (lexicons.length > 8) throw new Error('feature spec: at most 8 lexicons');
    this.lexicons = lexicons.map((lexicon) => {
      let h = LEXICON_SEED;
      for (let k = 0; k < lexicon.name.length; k++) h = Math.imul(h ^ lexicon.name.charCodeAt(k), FNV_PRIME);
      return { bucket: finalize(h) & this.mask, weight: lexicon.weight };
    });
    this.automaton = lexicons.length > 0 ? new TermAutomaton(lexicons.map((l) => l.terms.filter((t) => t.length > 0))) : null;
    this.hits = new Int32Array(lexicons.length);
  }

  /** Number of buckets in the hash table. */
  get buckets(): number {
    return this.mask + 1;
  }

  /**
   * The buckets of every n-gram of a folded text, repeats included, in `rawIds[0 .. count)`; returns count.
   * With "sqrt-count" scaling, a text's vector is these buckets, each worth 1 / √count, plus the lexicon
   * features (`lexiconFeatures`). `rawIds` is overwritten by the next call of this or `encode`.
   */
  hashNgrams(text: string): number {
    const n = this.clean(text);
    this.reserve(n);
    return this.wordGrams(n, this.charGrams(n));
  }

  /** The scratch array `hashNgrams` fills. */
  get rawIds(): Int32Array {
    return this.ids;
  }

  /**
   * The lexicon features of `text` (the values `encode` adds after scaling): writes each lexicon with a term
   * in the text as `buckets[k]`, `values[k]` (room for 8, the most lexicons a spec may have) and returns how many.
   */
  lexiconFeatures(text: string, buckets: Int32Array, values: Float64Array): number {
    if (!this.countLexicons(text, ++this.generation)) return 0;
    let k = 0;
    for (let l = 0; l < this.lexicons.length; l++) {
      if (this.hits[l] === 0) continue;
      buckets[k] = this.lexicons[l]!.bucket;
      values[k++] = this.lexiconValue(l);
    }
    return k;
  }

  /** Fills `hits` with each lexicon's distinct terms found in `text` (automaton stamps: `generation`); false without lexicons. */
  private countLexicons(text: string, generation: number): boolean {
    if (!this.automaton) return false;
    this.hits.fill(0);
    this.automaton.count(text, generation, this.hits);
    return true;
  }

  /** Lexicon l's feature value for the counts in `hits`: weight · ln(1 + distinct terms found). */
  private lexiconValue(l: number): number {
    return this.lexicons[l]!.weight * Math.log(1 + this.hits[l]!);
  }

  /** Grows the scratch arrays for a cleaned text of n code units. */
  private reserve(n: number): void {
    const bound = n * (this.spec.charMax - Math.min(this.spec.charMin, this.latinCharMin) + 1) + 2 * n + 16 + this.lexicons.length;
    if (this.ids.length < bound) {
      this.ids = new Int32Array(bound * 2);
      this.indices = new Int32Array(bound * 2);
      this.values = new Float32Array(bound * 2);
    }
  }

  /** Encodes one folded text. The returned view is overwritten by the next call. */
  encode(text: string): SparseView {
    const n = this.clean(text);
    this.reserve(n);
    let count = this.charGrams(n);
    count = this.wordGrams(n, count);
    this.prepareTable(count + this.lexicons.length);
    const view = this.collapse(count);
    if (this.automaton) view.length = this.lexiconHits(text, view.length);
    return view;
  }

  /** Picks the dedupe table's size for `count` ids (a power of two, at least twice as many slots). */
  private prepareTable(count: number): void {
    let size = 64;
    while (size < count * 2) size *= 2;
    if (this.keys.length < size) {
      this.keys = new Int32Array(size);
      this.slots = new Int32Array(size);
      this.stamps = new Int32Array(size); // zeros: generation only grows, from 1, so no stamp is current
    }
    this.tableMask = size - 1;
    this.generation++;
  }

  /** The output slot of `id` in this text, adding it (value 0) if new; `length` is the next free slot. */
  private slotOf(id: number, length: number): number {
    const { keys, stamps, tableMask, generation } = this;
    let s = id & tableMask;
    for (;;) {
      if (stamps[s] !== generation) {
        stamps[s] = generation;
        keys[s] = id;
        this.slots[s] = length;
        this.indices[length] = id;
        this.values[length] = 0;
        return length;
      }
      if (keys[s] === id) return this.slots[s]!;
      s = (s + 1) & tableMask;
    }
  }

  /**
   * Adds each lexicon's feature (after the unit-length scaling): weight · ln(1 + distinct terms found).
   * One Aho–Corasick pass over the text finds the terms of all lexicons.
   */
  private lexiconHits(text: string, length: number): number {
    this.countLexicons(text, this.generation);
    for (let l = 0; l < this.lexicons.length; l++) {
      if (this.hits[l] === 0) continue;
      const slot = this.slotOf(this.lexicons[l]!.bucket, length);
      if (slot === length) length++;
      this.values[slot] = this.values[slot]! + this.lexiconValue(l);
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
    const latinMin = this.latinCharMin;
    let count = 0;
    for (let start = 0; start < n; start++) {
      let h = FNV_OFFSET;
      const end = Math.min(n, start + charMax);
      let han = false;
      for (let k = start; k < end; k++) {
        h = Math.imul(h ^ codes[k]!, FNV_PRIME);
        if (!han && isHan(codes[k]!)) han = true;
        if (han && k - start + 1 > hanMax) break;
        if (k - start + 1 >= (han ? charMin : latinMin)) {
          // A lone space says nothing: skip the 1-gram " ".
          if (k === start && codes[k] === SPACE) continue;
          ids[count++] = finalize(h) & mask;
        }
      }
    }
    return count;
  }

  /**
   * Word unigrams and bigrams. Latin words come from a scan of the codes; runs of Han characters are cut
   * into words by `HanSegmenter` (jieba's algorithm and dictionary, in TypeScript) after the scan, in text
   * order, so that all Latin words come first. Bigrams do not span punctuation, a change of script, or the
   * gap between two Han runs.
   */
  private wordGrams(n: number, count: number): number {
    const { wordMax, hanWords } = this.spec;
    if (wordMax <= 0) return count;
    const codes = this.codes;
    const ids = this.ids;
    const mask = this.mask;
    const bigrams = wordMax >= 2;
    let previous = 0;
    let hasPrevious = false;
    let runs = 0;
    let i = 0;
    while (i < n) {
      const c = codes[i]!;
      if (c < 0x80 ? (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) : isWordChar(c)) {
        let h = WORD_SEED;
        while (i < n && isWordChar(codes[i]!)) h = Math.imul(h ^ codes[i++]!, FNV_PRIME);
        ids[count++] = finalize(h) & mask;
        if (bigrams && hasPrevious) ids[count++] = finalize(Math.imul(previous ^ BIGRAM_SEED, FNV_PRIME) ^ h) & mask;
        previous = h;
        hasPrevious = true;
        continue;
      }
      if (c >= 0x3400 && isHan(c)) {
        const start = i;
        while (i < n && isHan(codes[i]!)) i++;
        if (hanWords === 'jieba') {
          if (this.hanRuns.length < runs + 2) {
            const grown = new Int32Array(this.hanRuns.length * 2);
            grown.set(this.hanRuns);
            this.hanRuns = grown;
          }
          this.hanRuns[runs++] = start;
          this.hanRuns[runs++] = i;
        }
        hasPrevious = false;
        continue;
      }
      if (c !== SPACE) hasPrevious = false;
      i++;
    }
    if (runs > 0) {
      const segmenter = hanSegmenter();
      if (this.wordEnds.length < n) this.wordEnds = new Int32Array(n * 2);
      const ends = this.wordEnds;
      for (let r = 0; r < runs; r += 2) {
        const words = segmenter.cut(codes, this.hanRuns[r]!, this.hanRuns[r + 1]!, ends);
        let start = this.hanRuns[r]!;
        hasPrevious = false;
        for (let w = 0; w < words; w++) {
          const end = ends[w]!;
          let h = WORD_SEED;
          for (let k = start; k < end; k++) h = Math.imul(h ^ codes[k]!, FNV_PRIME);
          ids[count++] = finalize(h) & mask;
          if (bigrams && hasPrevious) ids[count++] = finalize(Math.imul(previous ^ BIGRAM_SEED, FNV_PRIME) ^ h) & mask;
          previous = h;
          hasPrevious = true;
          start = end;
        }
      }
    }
    return count;
  }

  /**
   * Counts repeats with the per-text table (each id costs O(1), no sort), damps counts, scales to unit
   * length. Indices come out in first-seen order.
   */
  private collapse(count: number): SparseView {
    const { ids, values, indices, keys, slots, stamps, tableMask, generation } = this;
    let length = 0;
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      let s = id & tableMask;
      for (;;) {
        if (stamps[s] !== generation) {
          stamps[s] = generation;
          keys[s] = id;
          slots[s] = length;
          indices[length] = id;
          values[length] = 1;
          length++;
          break;
        }
        if (keys[s] === id) {
          const slot = slots[s]!;
          values[slot] = values[slot]! + 1;
          break;
        }
        s = (s + 1) & tableMask;
      }
    }
    let scale: number;
    if (this.sqrtCount) {
      scale = count > 0 ? 1 / Math.sqrt(count) : 0;
    } else {
      let norm = 0;
      for (let k = 0; k < length; k++) {
        const c = values[k]!;
        const v = c === 1 ? 1 : 1 + Math.log(c);
        values[k] = v;
        norm += v * v;
      }
      scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    }
    for (let k = 0; k < length; k++) values[k] = values[k]! * scale;
    return { indices: this.indices, values, length };
  }
}
