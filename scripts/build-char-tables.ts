/**
 * Builds the per-character tables the normalizer reads at load, so that the engine needs
 * neither opencc-js nor pinyin-pro at run time:
 *   rules/generated/t2s.json     traditional → simplified, one character to one (opencc-js, hk/tw/t → cn)
 *   rules/generated/pinyin.json  simplified hanzi → its toneless pinyin readings, most common first, '|'-separated (pinyin-pro)
 *   rules/generated/homoglyphs.json  non-ASCII letter → the ASCII letter or digit it is confusable with (unhomoglyph's
 *                                    copy of Unicode's confusables, with rules/normalize/extra-homoglyphs.json over it),
 *                                    so start-up does not derive it (≈30 ms) and the
 *                                    result does not depend on the ICU version of the Node that runs the engine
 * Run: npx tsx scripts/build-char-tables.ts   (re-run after upgrading either package)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import homoglyphData from 'unhomoglyph/data.json' with { type: 'json' };

const ranges: Array<[number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];
const chars: string[] = [];
for (const [lo, hi] of ranges) for (let c = lo; c <= hi; c++) chars.push(String.fromCodePoint(c));

const converters = [
  OpenCC.Converter({ from: 'hk', to: 'cn' }),
  OpenCC.Converter({ from: 'tw', to: 'cn' }),
  OpenCC.Converter({ from: 't', to: 'cn' }),
];
const t2s: Record<string, string> = {};
for (const ch of chars) {
  for (const convert of converters) {
    const out = convert(ch);
    if (out !== ch && [...out].length === 1) {
      t2s[ch] = out;
      break;
    }
  }
}

const py: Record<string, string> = {};
const simplified = new Set<string>();
for (const ch of chars) simplified.add(t2s[ch] ?? ch);
const list = [...simplified];
// Every reading, most common first ("le|liao" for 了): the view reads the first, patterns expand to all.
for (const ch of list) {
  const readings = pinyin(ch, { toneType: 'none', multiple: true, type: 'array' })
    .map((r) => r.replace(/ü/g, 'v'))
    .filter((r) => /^[a-z]+$/.test(r));
  if (readings.length > 0) py[ch] = [...new Set(readings)].join('|');
}

function homoglyphs(): Record<string, string> {
  const data = homoglyphData as Record<string, string>;
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
  const map: Record<string, string> = {};
  const candidates = new Set(Object.keys(data));
  for (let cp = 0x80; cp < 0x2e80; cp++) candidates.add(String.fromCodePoint(cp));
  for (const ch of candidates) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch.length > 2 || cp < 0x80 || cp >= 0x2e80) continue; // CJK blocks: confusables map hanzi to radicals
    if (!/\p{L}|\p{N}/u.test(ch)) continue;
    const target = resolve(ch) ?? resolve(ch.toUpperCase());
    if (target !== null) map[ch] = target;
  }
  const extra = JSON.parse(readFileSync(new URL('../rules/normalize/extra-homoglyphs.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  for (const [section, table] of Object.entries(extra)) {
    if (section === 'note') continue;
    for (const [ch, target] of Object.entries(table as Record<string, string>)) {
      if (!/^[a-z]$/.test(target)) throw new Error(`extra-homoglyphs.json ${section}: ${ch} must map to one ASCII letter, got ${target}`);
      map[ch] = target;
    }
  }
  return map;
}

writeFileSync(new URL('../rules/generated/t2s.json', import.meta.url), JSON.stringify(t2s));
const homo = homoglyphs();
writeFileSync(new URL('../rules/generated/homoglyphs.json', import.meta.url), JSON.stringify(homo));
writeFileSync(new URL('../rules/generated/pinyin.json', import.meta.url), JSON.stringify(py));
console.log(`t2s: ${Object.keys(t2s).length} characters; pinyin: ${Object.keys(py).length} characters; homoglyphs: ${Object.keys(homo).length}`);
