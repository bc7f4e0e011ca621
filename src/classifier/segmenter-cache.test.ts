import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HanSegmenter, loadHanSegmenter } from './segmenter.ts';

const fixtures = ['harmful.jsonl', 'must-not-flag.jsonl'].flatMap((f) =>
  readFileSync(new URL(`../../test/fixtures/${f}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text),
);
const hanRuns = fixtures.flatMap((t) => t.match(/[\u4e00-\u9fff]+/g) ?? []);

function cuts(segmenter: HanSegmenter): string[] {
  const out: string[] = [];
  const codes = new Int32Array(4096);
  const ends = new Int32Array(4096);
  for (const run of hanRuns) {
    for (let k = 0; k < run.length; k++) codes[k] = run.charCodeAt(k);
    const n = segmenter.cut(codes, 0, run.length, ends);
    out.push(Array.from(ends.subarray(0, n)).join(','));
  }
  return out;
}

const bytesOf = (s: HanSegmenter): Buffer => Buffer.concat(s.toCacheBytes(new Uint8Array(32)));

describe('the segmenter cache (start-up)', () => {
  const fresh = loadHanSegmenter(undefined, { cache: false });
  const expected = cuts(fresh);

  it('a cached segmenter is the freshly built one, table for table, and cuts the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-seg-'));
    const written = loadHanSegmenter(undefined, { cacheDir: dir });
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^segmenter-[0-9a-f]{32}\.bin$/);
    const loaded = loadHanSegmenter(undefined, { cacheDir: dir });
    expect(bytesOf(loaded).equals(bytesOf(fresh))).toBe(true);
    expect(bytesOf(written).equals(bytesOf(fresh))).toBe(true);
    expect(hanRuns.length).toBeGreaterThan(200);
    expect(cuts(loaded)).toEqual(expected);
  });

  it('a damaged, truncated or foreign cache file is rebuilt, never trusted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-seg-'));
    loadHanSegmenter(undefined, { cacheDir: dir });
    const file = join(dir, readdirSync(dir)[0]!);
    const good = readFileSync(file);
    const damaged = Buffer.from(good);
    damaged.fill(0, 64 + 4096 * 16, 64 + 4096 * 16 + 4096); // a zeroed page inside the table
    const cases = [damaged, good.subarray(0, good.length - 8), Buffer.from('HAVENSEG'), Buffer.alloc(good.length)];
    for (const bytes of cases) {
      expect(HanSegmenter.fromCacheBytes(bytes, good.subarray(32, 64))).toBeNull();
      writeFileSync(file, bytes);
      expect(cuts(loadHanSegmenter(undefined, { cacheDir: dir }))).toEqual(expected);
    }
    expect(readFileSync(file).equals(good)).toBe(true); // rewritten
  });

  it('an unwritable cache folder costs a rebuild, not an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-seg-'));
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    expect(cuts(loadHanSegmenter(undefined, { cacheDir: join(blocker, 'cache') }))).toEqual(expected);
  });
});
