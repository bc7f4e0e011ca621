/**
 * The model file: a small header followed by the quantized weights.
 *
 *   bytes 0–7    magic "HAVENMDL"
 *   bytes 8–11   format version (uint32 little-endian), currently 1
 *   bytes 12–15  header length in bytes (uint32 LE)
 *   header       UTF-8 JSON: { card, spec, heads: [{ name, bias, scale }], buckets, weightsSha256 }
 *   rest         gzip of the int8 weights, interleaved by bucket: weights[bucket * heads + head]
 *
 * A weight is int8 · scale of its head. The SHA-256 of the unzipped weights is checked at load, so a file
 * that was cut short or altered is refused with a ModelLoadError instead of scoring garbage. The unzipped
 * weights of a file that loaded are cached (node_modules/.cache/haven/weights-<hash of the file>.bin) and
 * checked against the same SHA-256 when read back.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readCache, writeCache } from '../cache.ts';
import type { ModelCard } from './card.ts';
import { ModelLoadError } from './errors.ts';
import type { FeatureSpec } from './features.ts';
import { HEADS, type HeadName } from './heads.ts';

const MAGIC = 'HAVENMDL';
/** Weights this large (in bytes) are cached unzipped; the committed model has 4 MiB. */
const CACHE_MIN_WEIGHTS = 1 << 20;
const VERSION = 1;

/** One head as stored: its bias (already shifted so 0.5 is the decision point) and weight scale. */
export interface StoredHead {
  name: HeadName;
  bias: number;
  scale: number;
}

/** A model as it lives in memory after loading, and as it is written. */
export interface StoredModel {
  card: ModelCard;
  spec: FeatureSpec;
  heads: StoredHead[];
  /** int8 weights, interleaved by bucket: weights[bucket * heads.length + head]. */
  weights: Int8Array;
}

interface Header {
  card: ModelCard;
  spec: FeatureSpec;
  heads: StoredHead[];
  buckets: number;
  weightsSha256: string;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Serialises a model into the file format. Same model in, same bytes out. */
export function encodeModel(model: StoredModel): Buffer {
  const raw = new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength);
  const header: Header = {
    card: model.card,
    spec: model.spec,
    heads: model.heads,
    buckets: 2 ** model.spec.bucketBits,
    weightsSha256: sha256(raw),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(16);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(VERSION, 8);
  prefix.writeUInt32LE(headerBytes.length, 12);
  return Buffer.concat([prefix, headerBytes, gzipSync(raw, { level: 9 })]);
}

/** Parses a model file's bytes; `path` is only used in error messages. Throws ModelLoadError. */
export function decodeModel(bytes: Buffer, path: string): StoredModel {
  if (bytes.length < 16 || bytes.toString('latin1', 0, 8) !== MAGIC) {
    throw new ModelLoadError(path, 'not a Haven model file (bad magic bytes)');
  }
  const version = bytes.readUInt32LE(8);
  if (version !== VERSION) throw new ModelLoadError(path, `unsupported format version ${version} (this build reads ${VERSION})`);
  const headerLength = bytes.readUInt32LE(12);
  if (16 + headerLength > bytes.length) throw new ModelLoadError(path, 'file is truncated inside the header');
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 16, 16 + headerLength)) as Header;
  } catch (cause) {
    throw new ModelLoadError(path, 'header is not valid JSON', { cause });
  }
  const expectedHeads = HEADS.map((h) => h.name).join(',');
  if (!Array.isArray(header.heads) || header.heads.map((h) => h.name).join(',') !== expectedHeads) {
    throw new ModelLoadError(path, `heads do not match this build (expected ${expectedHeads})`);
  }
  if (!header.spec || typeof header.spec.bucketBits !== 'number' || header.buckets !== 2 ** header.spec.bucketBits) {
    throw new ModelLoadError(path, 'feature spec is missing or inconsistent');
  }
  // unzipping is most of a load (≈ 15 ms): the unzipped weights of a full-size model that loaded once are
  // cached (small models, such as the tests', unzip in no time)
  const size = header.buckets * header.heads.length;
  const cacheName = size >= CACHE_MIN_WEIGHTS ? `weights-${sha256(bytes).slice(0, 32)}.bin` : null;
  const cached = cacheName === null ? null : readCache(cacheName);
  if (cached !== null && cached.length === header.buckets * header.heads.length && sha256(cached) === header.weightsSha256) {
    return { card: header.card, spec: header.spec, heads: header.heads, weights: new Int8Array(cached.buffer, cached.byteOffset, cached.byteLength) };
  }
  let raw: Buffer;
  try {
    raw = gunzipSync(bytes.subarray(16 + headerLength));
  } catch (cause) {
    throw new ModelLoadError(path, 'weights are corrupt or truncated (gzip failed)', { cause });
  }
  if (raw.length !== header.buckets * header.heads.length) {
    throw new ModelLoadError(path, `expected ${header.buckets * header.heads.length} weight bytes, found ${raw.length}`);
  }
  if (sha256(raw) !== header.weightsSha256) throw new ModelLoadError(path, 'weights checksum mismatch (file altered?)');
  // keyed by the whole file, checked again by the header's checksum on every load; only the latest model is kept
  if (cacheName !== null) writeCache(cacheName, [raw], undefined, (other) => other.startsWith('weights-'));
  const weights = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  return { card: header.card, spec: header.spec, heads: header.heads, weights };
}
