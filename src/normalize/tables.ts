/**
 * Data tables the normalizer reads once at load: generated character tables (scripts/build-char-tables.ts),
 * Unicode confusables (from the `unhomoglyph` package's data, filtered to letters that look like ASCII),
 * and the leetspeak map (rules/normalize/leet.json).
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.ts';

/** Parsed, not `require`d: require would keep each file's object (20,000 keys for pinyin) alive for good. */
function loadJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function asStringRecord(value: unknown, what: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what}: expected an object`);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new Error(`${what}: value of "${k}" is not a string`);
  }
  return value as Record<string, string>;
}

/**
 * Traditional → simplified, one character to one. A character that is itself the simplified form of another
 * (么, the target of 麼) keeps its own shape: the table's chains (麼 → 么 → 幺) would otherwise make folding
 * depend on how many times it runs, and 你怎么 would read "zen yao" by sound.
 */
export const T2S: ReadonlyMap<number, string> = (() => {
  const entries = Object.entries(asStringRecord(loadJson(packagePath('rules', 'generated', 't2s.json')), 'rules/generated/t2s.json'));
  const targets = new Set(entries.filter(([k, v]) => k !== v).map(([, v]) => v));
  return new Map(entries.filter(([k]) => !targets.has(k)).map(([k, v]) => [k.codePointAt(0) ?? 0, v]));
})();

/**
 * Simplified hanzi → its most common toneless pinyin reading: what the phonetic view writes, and what a term is
 * read as (the file lists every reading, most common first; the others matched innocent words: 约炮 as yao pao
 * matched 要跑).
 */
export const PINYIN: ReadonlyMap<number, string> = new Map(
  Object.entries(asStringRecord(loadJson(packagePath('rules', 'generated', 'pinyin.json')), 'rules/generated/pinyin.json')).map(([k, v]) => {
    const bar = v.indexOf('|');
    return [k.codePointAt(0) ?? 0, bar < 0 ? v : v.slice(0, bar)];
  }),
);

/**
 * Non-ASCII letters whose confusable skeleton is one ASCII letter or digit (Cyrillic а, Greek ο, …).
 * Built from Unicode's confusables data as shipped by the `unhomoglyph` package, by scripts/build-char-tables.ts
 * into rules/generated/homoglyphs.json (deriving it here cost ≈30 ms of start-up).
 */
export const HOMOGLYPHS: ReadonlyMap<number, string> = new Map(
  Object.entries(asStringRecord(loadJson(packagePath('rules', 'generated', 'homoglyphs.json')), 'rules/generated/homoglyphs.json')).map(([k, v]) => [k.codePointAt(0) ?? 0, v]),
);

interface LeetFile {
  map: Record<string, string>;
  wildcards: string[];
}

const leet = loadJson(packagePath('rules', 'normalize', 'leet.json')) as LeetFile;
/** Digits and symbols that stand for letters inside a Latin word. */
export const LEET: ReadonlyMap<number, string> = new Map(
  Object.entries(asStringRecord(leet.map, 'rules/normalize/leet.json: map')).map(([k, v]) => [k.codePointAt(0) ?? 0, v]),
);
/** Symbols that stand for any one letter inside a word (f*ck). */
export const WILDCARDS: ReadonlySet<number> = new Set(leet.wildcards.map((w) => w.codePointAt(0) ?? 0));
