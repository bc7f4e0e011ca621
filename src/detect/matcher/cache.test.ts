import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize/pipeline.ts';
import { ContextRules } from '../../policy/context.ts';
import { cooccurrenceDetector } from '../cooccurrence.ts';
import { lexiconDetector } from '../lexicon.ts';
import { loadRuleSet } from '../rule-files.ts';
import { TermCatalog } from './term-index.ts';

const rules = loadRuleSet();
const texts = ['harmful.jsonl', 'must-not-flag.jsonl'].flatMap((f) =>
  readFileSync(new URL(`../../../test/fixtures/${f}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text),
);

/** The engine's catalog (lexicons, co-occurrence groups, context terms), built with the given cache folder. */
function engineCatalog(cacheDir: string | null): TermCatalog {
  const catalog = new TermCatalog({ cacheDir });
  lexiconDetector(rules.lexicons, catalog);
  cooccurrenceDetector(rules.cooccurrence, catalog);
  new ContextRules(rules.context, catalog);
  catalog.seal();
  return catalog;
}

function hitsOf(catalog: TermCatalog): unknown[] {
  return texts.map((t) => catalog.findAll(normalize(t)));
}

/** The built tables of the three matchers, as plain arrays. */
function tablesOf(catalog: TermCatalog): number[][] {
  const m = (catalog as unknown as { matchers: Record<'text' | 'sound' | 'symbols', { arrays: ArrayLike<number>[] }> }).matchers;
  return [m.text, m.sound, m.symbols].flatMap((a) => a.arrays.map((x) => Array.from(x)));
}

describe('the matcher cache (start-up)', () => {
  const fresh = engineCatalog(null);
  const expected = hitsOf(fresh);
  const expectedTables = tablesOf(fresh);

  it('a catalog from the cache finds exactly what a freshly built one finds, with the same tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-terms-'));
    const first = engineCatalog(dir);
    const files = readdirSync(dir);
    expect(files.filter((f) => /^terms-[0-9a-f]{8}-[0-9a-f]{32}\.json$/.test(f)).length).toBe(3);
    expect(files.filter((f) => /^automata-[0-9a-f]{8}-[0-9a-f]{32}\.bin$/.test(f)).length).toBe(1);
    const cached = engineCatalog(dir);
    expect(texts.length).toBeGreaterThan(900);
    expect(hitsOf(first)).toEqual(expected);
    expect(hitsOf(cached)).toEqual(expected);
    expect(tablesOf(cached)).toEqual(expectedTables);
  });

  it('damaged or truncated cache files are rebuilt, never trusted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-terms-'));
    engineCatalog(dir);
    for (const damage of [(b: Buffer) => b.subarray(0, b.length >> 1), (b: Buffer) => Buffer.from(b).fill(7, b.length >> 1, (b.length >> 1) + 64), (b: Buffer) => Buffer.from(b).fill(0x61, b.length >> 1, (b.length >> 1) + 1)]) {
      for (const f of readdirSync(dir)) {
        const path = join(dir, f);
        const good = readFileSync(path);
        writeFileSync(path, damage(good));
        const rebuilt = engineCatalog(dir);
        expect(hitsOf(rebuilt)).toEqual(expected);
        expect(tablesOf(rebuilt)).toEqual(expectedTables);
        writeFileSync(path, good);
      }
    }
  });

  it('cache files of other code are deleted when this code writes its own; other lists of the same code stay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-terms-'));
    const stale = ['terms-00000000-00000000000000000000000000000000.json', 'automata-00000000-00000000000000000000000000000000.bin'];
    for (const f of stale) writeFileSync(join(dir, f), 'old');
    writeFileSync(join(dir, 'segmenter-x.bin'), 'not mine');
    engineCatalog(dir);
    const files = readdirSync(dir);
    for (const f of stale) expect(files).not.toContain(f);
    expect(files).toContain('segmenter-x.bin');
    expect(files.length).toBe(5);
  });

  it('an unwritable cache folder costs a rebuild, not an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-terms-'));
    writeFileSync(join(dir, 'a-file'), '');
    expect(hitsOf(engineCatalog(join(dir, 'a-file', 'cache')))).toEqual(expected);
  });

  it('a bad term still throws at build time with a warm cache, naming its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-terms-'));
    engineCatalog(dir);
    const first = rules.lexicons[0]!;
    const bad = { ...first, entries: [...first.entries, { ...first.entries[0]!, term: '\u200b' }] };
    expect(() => lexiconDetector([bad, ...rules.lexicons.slice(1)], new TermCatalog({ cacheDir: dir }))).toThrow(/rules\/lexicon: term "\u200b" is empty/);
  });
});
