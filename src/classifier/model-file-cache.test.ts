import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR } from '../paths.ts';
import { DEFAULT_MODEL_PATH } from './index.ts';
import { decodeModel } from './model-file.ts';

describe('the model weights cache (start-up)', () => {
  const bytes = readFileSync(DEFAULT_MODEL_PATH);
  const headerLength = bytes.readUInt32LE(12);
  const unzipped = gunzipSync(bytes.subarray(16 + headerLength));
  const cacheFile = join(CACHE_DIR, `weights-${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.bin`);

  it('weights read back from the cache are the unzipped weights; a damaged cache is rebuilt, never trusted', () => {
    expect(Buffer.from(decodeModel(bytes, 'm').weights).equals(unzipped)).toBe(true);
    expect(readFileSync(cacheFile).equals(unzipped)).toBe(true);
    expect(Buffer.from(decodeModel(bytes, 'm').weights).equals(unzipped)).toBe(true);
    const damaged = Buffer.from(unzipped);
    damaged[damaged.length >> 1] = damaged[damaged.length >> 1]! ^ 1;
    for (const bad of [damaged, unzipped.subarray(0, 1000)]) {
      writeFileSync(cacheFile, bad);
      expect(Buffer.from(decodeModel(bytes, 'm').weights).equals(unzipped)).toBe(true);
      expect(readFileSync(cacheFile).equals(unzipped)).toBe(true);
    }
  });

  it('a damaged model file is still refused while its original is cached', () => {
    decodeModel(bytes, 'm');
    const altered = Buffer.from(bytes);
    altered[altered.length - 20] = altered[altered.length - 20]! ^ 0xff;
    expect(() => decodeModel(altered, 'altered.model')).toThrow(/altered\.model/);
  });
});
