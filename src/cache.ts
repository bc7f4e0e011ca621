/**
 * The start-up cache: structures that are slow to build (the segmenter's table, the term matchers) written to
 * node_modules/.cache/haven once and read back by later processes, each under a name that carries a hash of
 * everything it was built from. A changed input is therefore a new name, never a stale hit.
 *
 * Every failure is a miss: a cache that is absent, unreadable, corrupt (callers check their own headers and
 * checksums) or unwritable costs one rebuild, never an error.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CACHE_DIR, packagePath } from './paths.ts';

/** The cached bytes stored under `name`, or null. */
export function readCache(name: string, dir: string = CACHE_DIR): Buffer | null {
  try {
    return readFileSync(join(dir, name));
  } catch {
    return null;
  }
}

/**
 * Stores `chunks` under `name`, atomically: written aside and flushed to disk, then renamed, so a reader sees
 * the whole file or none. `supersedes`: which other cache files this one makes obsolete (they are deleted, so
 * that large caches of older code do not pile up). False when it could not.
 */
export function writeCache(name: string, chunks: readonly Uint8Array[], dir: string = CACHE_DIR, supersedes?: (other: string) => boolean): boolean {
  const file = join(dir, name);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      for (const chunk of chunks) for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    if (supersedes !== undefined) {
      for (const old of readdirSync(dir)) if (old !== name && !old.endsWith('.tmp') && supersedes(old)) rmSync(join(dir, old), { force: true });
    }
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
    return false; // a read-only install: build every time
  }
}

/**
 * Adds the given files (paths from the package root, or absolute) to a cache key, with the Node version (its
 * Unicode data and regular expressions shape what is built): a cached structure depends on the code and the
 * data that built it. False when one cannot be read (then: no cache).
 */
export function hashSources(hash: Hash, paths: readonly string[]): boolean {
  try {
    hash.update(`${process.version}\0`);
    for (const path of paths) hash.update(path).update('\0').update(readFileSync(isAbsolute(path) ? path : packagePath(path))).update('\0');
    return true;
  } catch {
    return false;
  }
}

/** A new SHA-256 for a cache key. */
export function keyHash(): Hash {
  return createHash('sha256');
}

/**
 * A 32-bit checksum (FNV-1a) of every `step`-th 32-bit word of `words`; `seed` chains several arrays. Cheap
 * enough to run on every load (a 16 MiB table sampled every 16th word: ≈ 1 ms), it catches a cache file
 * damaged in the middle (a zeroed or overwritten page), which is then rebuilt rather than trusted.
 */
export function checksumWords(words: Int32Array, seed = 0x811c9dc5 | 0, step = 1): number {
  let h = seed;
  for (let i = 0; i < words.length; i += step) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h;
}

/** Typed arrays a cache file can hold. */
export type CachedArray = Int32Array | Uint16Array;

/**
 * Typed arrays as cache bytes: per array a tag (1 = Int32Array, 2 = Uint16Array) and a length, then its
 * bytes, padded to 8 so that every array can be viewed in place by `unpackArrays`.
 */
export function packArrays(arrays: readonly CachedArray[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (const a of arrays) {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(a instanceof Int32Array ? 1 : 2, 0);
    head.writeUInt32LE(a.length, 4);
    chunks.push(head, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    const pad = (8 - (a.byteLength % 8)) % 8;
    if (pad > 0) chunks.push(new Uint8Array(pad));
  }
  return chunks;
}

/** `checksumWords` over several typed arrays, 16-bit ones read in pairs (they must lie 4-byte aligned). */
export function checksumArrays(arrays: readonly CachedArray[]): number {
  let h = 0x811c9dc5 | 0;
  for (const a of arrays) {
    h = checksumWords(a instanceof Int32Array ? a : new Int32Array(a.buffer, a.byteOffset, a.byteLength >> 2), h);
    if (a instanceof Uint16Array && a.length % 2 === 1) h = Math.imul(h ^ a[a.length - 1]!, 0x01000193);
  }
  return h;
}

/**
 * `count` arrays written by `packArrays`, from `offset` (a multiple of 8) in `bytes`, as views over its memory
 * (copied once if `bytes` itself is not 8-aligned); null if the bytes are not such arrays.
 */
export function unpackArrays(bytes: Uint8Array, offset: number, count: number): CachedArray[] | null {
  const b = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const arrays: CachedArray[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 8 > b.length) return null;
    const tag = view.getUint32(at, true);
    const length = view.getUint32(at + 4, true);
    const size = length * (tag === 1 ? 4 : 2);
    if ((tag !== 1 && tag !== 2) || at + 8 + size > b.length) return null;
    arrays.push(tag === 1 ? new Int32Array(b.buffer, b.byteOffset + at + 8, length) : new Uint16Array(b.buffer, b.byteOffset + at + 8, length));
    at += 8 + size + ((8 - (size % 8)) % 8);
  }
  return at === b.length ? arrays : null;
}
