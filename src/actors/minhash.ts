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

/** The letters and digits of the skeleton view, lower-cased and folded. */
export function denseText(text: string): string {
  const skeleton = normalize(text).skeleton.text;
  let out = '';
  for (const ch of skeleton) if (/[\p{L}\p{N}]/u.test(ch)) out += ch;
  return out;
}

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
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
  const cps = Array.from(dense);
  const out = new Set<number>();
  if (cps.length === 0) return out;
  if (cps.length <= SHINGLE) {
    out.add(fnv1a(cps.join('')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= cps.length; i++) out.add(fnv1a(cps.slice(i, i + SHINGLE).join('')));
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
 * `sig` may be a slab of many signatures, `at` the offset of the one to key.
 */
export function bandKeys(sig: Signature, at = 0): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix(b + 1, 0x165667b1);
    for (let r = 0; r < BAND_ROWS; r++) h = mix(h ^ sig[at + b * BAND_ROWS + r]!, 0x9e3779b1);
    keys.push(h);
  }
  return keys;
}

export interface TextSignature {
  dense: string;
  /** Letters and digits, in code points. */
  chars: number;
  shingles: Set<number>;
  signature: Signature;
}

/** Everything near-duplicate matching needs from one text, computed once. */
export function textSignature(text: string): TextSignature {
  const dense = denseText(text);
  const shingles = shingleHashes(dense);
  return { dense, chars: Array.from(dense).length, shingles, signature: minhash(shingles) };
}

/** Signatures as stored (JSON-friendly arrays of numbers) and back. */
export function signatureToJson(sig: Signature): number[] {
  return Array.from(sig);
}

export function signatureFromJson(value: unknown): Signature | null {
  if (!Array.isArray(value) || value.length !== SIGNATURE_SIZE || !value.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff)) return null;
  return Uint32Array.from(value as number[]);
}
