/**
 * Data tables the normalizer reads once at load: generated character tables (scripts/build-char-tables.ts),
 * Unicode confusables (from the `unhomoglyph` package's data, filtered to letters that look like ASCII),
 * and the leetspeak map (rules/normalize/leet.json).
 */
import { createRequire } from 'node:module';
import { packagePath } from '../paths.ts';

const require = createRequire(import.meta.url);

function loadJson(path: string): unknown {
  return require(path) as unknown;
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

const pinyinEntries = Object.entries(asStringRecord(loadJson(packagePath('rules', 'generated', 'pinyin.json')), 'rules/generated/pinyin.json'));
/** Simplified hanzi → every toneless pinyin reading, most common first (了 → le, liao). */
export const PINYIN_READINGS: ReadonlyMap<number, readonly string[]> = new Map(
  pinyinEntries.map(([k, v]) => [k.codePointAt(0) ?? 0, v.split('|')]),
);
/** Simplified hanzi → its most common toneless pinyin reading: what the phonetic view writes. */
export const PINYIN: ReadonlyMap<number, string> = new Map(
  pinyinEntries.map(([k, v]) => [k.codePointAt(0) ?? 0, v.split('|')[0] ?? v]),
);

/**
 * Non-ASCII letters whose confusable skeleton is one ASCII letter or digit (Cyrillic а, Greek ο, …).
 * Built from Unicode's confusables data as shipped by the `unhomoglyph` package.
 */
export const HOMOGLYPHS: ReadonlyMap<number, string> = (() => {
  const data = asStringRecord(loadJson('unhomoglyph/data.json'), 'unhomoglyph/data.json');
  const ascii = /^[a-zA-Z0-9]$/;
  // Follow the skeleton chain (ᴛ → T), NFKD without marks, and the capital form (Cyrillic т looks like T).
  const resolve = (ch: string): string | null => {
    let x = ch;
    for (let i = 0; i < 4; i++) {
      if (ascii.test(x)) return x.toLowerCase();
      const next = data[x];
      if (next === undefined || next === x) {
        const bare = x.normalize('NFKD').replace(/\p{M}/gu, '');
        if (bare && bare !== x) {
          x = bare;
          continue;
        }
        return null;
      }
      x = next;
    }
    return ascii.test(x) ? x.toLowerCase() : null;
  };
  const map = new Map<number, string>();
  const candidates = new Set(Object.keys(data));
  for (let cp = 0x80; cp < 0x2e80; cp++) candidates.add(String.fromCodePoint(cp));
  for (const ch of candidates) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch.length > 2 || cp < 0x80 || cp >= 0x2e80) continue; // CJK blocks: confusables map hanzi to radicals
    if (!/\p{L}|\p{N}/u.test(ch)) continue;
    const target = resolve(ch) ?? resolve(ch.toUpperCase());
    if (target !== null) map.set(cp, target);
  }
  return map;
})();

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
