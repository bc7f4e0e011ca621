/**
 * Near-duplicate text: character shingles of the normalized text, MinHash signatures, and LSH band keys.
 *
 * The text is first brought to its `skeleton` view (../normalize: NFKC, case, zero-width characters dropped,
 * homoglyphs folded, leetspeak undone, spaced-out letters joined, stretched letters written once), then every
 * character that is not a letter or digit is dropped (spaces, punctuation, emoji), so the altered copies of one
 * template — `fr33 m0ney`, `ｆｒｅｅ  ｍｏｎｅｙ`, `f.r.e.e 💰 money`, `freeee money` — become one string.
 * Shingles are overlapping character 3-grams of that string; MinHash estimates the Jaccard similarity of two
 * shingle sets from 64 minimum hashes, and 32 bands of 2 rows let a bucket lookup find the candidates.
 *
 *   const a = textSignature('Join the raid at t.me/x'); const b = textSignature('j0in  the r@id at t.me/x!!');
 *   estimateSimilarity(a!.signature, b!.signature) // ≈ 1
 */
import { normalize } from '../normalize/index.ts';

export const SIGNATURE_SIZE = 64;
export const BAND_ROWS = 2;
export const BANDS = SIGNATURE_SIZE / BAND_ROWS;
export const SHINGLE = 3;

export type Signature = Uint32Array;

/**
 * The letters and digits of the skeleton view, lower-cased and folded. `skeleton`, when given, is
 * `normalize(text).skeleton.text` as the caller already has it (the engine computed it to screen the text).
 */
export function denseText(text: string, skeleton?: string): string {
  // Every code point that is not a letter or digit goes (a lone surrogate too), in one pass.
  return (skeleton ?? normalize(text).skeleton.text).replace(NOT_LETTER_OR_DIGIT, '');
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** 32-bit FNV-1a of the UTF-16 units `text[start..end)`. */
function fnv1a(text: string, start = 0, end = text.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Where each code point of `text` starts (as `for…of` splits it: a lone surrogate is one), then `text.length`. */
function codePointStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  starts.push(text.length);
  return starts;
}

/** A 32-bit finalizer (murmur3 fmix32): spreads one hash into an independent-looking one per seed. */
function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS: readonly number[] = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab, 0x27d4eb2f));

/** Hashes of the overlapping character 3-grams (a shorter text is one shingle). Code points, not UTF-16 units. */
export function shingleHashes(dense: string): Set<number> {
  return shinglesOf(dense, codePointStarts(dense));
}

/** Each shingle is hashed where it lies in `dense` (the same UTF-16 units as the 3-gram's own string). */
function shinglesOf(dense: string, starts: readonly number[]): Set<number> {
  const count = starts.length - 1;
  const out = new Set<number>();
  if (count === 0) return out;
  if (count <= SHINGLE) {
    out.add(fnv1a(dense));
    return out;
  }
  for (let i = 0; i + SHINGLE <= count; i++) out.add(fnv1a(dense, starts[i]!, starts[i + SHINGLE]!));
  return out;
}

/** Exact Jaccard similarity of two shingle sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / (a.size + b.size - shared);
}

export function minhash(shingles: ReadonlySet<number>): Signature {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h, SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/**
 * The share of equal positions: an unbiased estimate of the Jaccard similarity of the two shingle sets.
 * `b` may be a slab of many signatures, `bAt` the offset of the one to compare.
 */
export function estimateSimilarity(a: Signature, b: Signature, bAt = 0): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[bAt + i]) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * One key per band (band index mixed in), for bucket lookups: similar signatures share at least one key.
 * `sig` may be a slab of many signatures, `at` the offset of the one to key. Written into `out` (BANDS slots) as
 * signed 32-bit integers (`key | 0`: one-to-one, and small integers make cheaper map keys than the unsigned
 * numbers above 2³¹), so a hot loop allocates nothing.
 */
export function bandKeysInto(sig: Signature, at: number, out: Int32Array): void {
  for (let b = 0; b < BANDS; b++) out[b] = bandKey(sig, at, b);
}

/** Each band's starting hash, `mix(b + 1, 0x165667b1)`, computed once. */
const BAND_SEEDS: readonly number[] = Array.from({ length: BANDS }, (_, b) => mix(b + 1, 0x165667b1));

function bandKey(sig: Signature, at: number, b: number): number {
  let h = BAND_SEEDS[b]!;
  for (let r = 0; r < BAND_ROWS; r++) h = mix(h ^ sig[at + b * BAND_ROWS + r]!, 0x9e3779b1);
  return h;
}

export interface TextSignature {
  dense: string;
  /** Letters and digits, in code points. */
  chars: number;
  shingles: Set<number>;
  signature: Signature;
}

/**
 * Everything near-duplicate matching needs from one text, computed once. `skeleton`: the text's skeleton view
 * (`normalize(text).skeleton.text`) when the caller has it, so the text is not normalized a second time.
 */
export function textSignature(text: string, skeleton?: string): TextSignature {
  const dense = denseText(text, skeleton);
  const starts = codePointStarts(dense);
  const shingles = shinglesOf(dense, starts);
  return { dense, chars: starts.length - 1, shingles, signature: minhash(shingles) };
}

/** Signatures as stored (JSON-friendly arrays of numbers) and back. */
export function signatureToJson(sig: Signature): number[] {
  return Array.from(sig);
}

export function signatureFromJson(value: unknown): Signature | null {
  if (!Array.isArray(value) || value.length !== SIGNATURE_SIZE || !value.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff)) return null;
  return Uint32Array.from(value as number[]);
}
