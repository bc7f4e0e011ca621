/**
 * Builds the per-character tables the normalizer reads at load, so that the engine needs
 * neither opencc-js nor pinyin-pro at run time:
 *   rules/generated/t2s.json     traditional → simplified, one character to one (opencc-js, hk/tw/t → cn)
 *   rules/generated/pinyin.json  simplified hanzi → its toneless pinyin readings, most common first, '|'-separated (pinyin-pro)
 * Run: npx tsx scripts/build-char-tables.ts   (re-run after upgrading either package)
 */
import { writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

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

writeFileSync(new URL('../rules/generated/t2s.json', import.meta.url), JSON.stringify(t2s));
writeFileSync(new URL('../rules/generated/pinyin.json', import.meta.url), JSON.stringify(py));
console.log(`t2s: ${Object.keys(t2s).length} characters; pinyin: ${Object.keys(py).length} characters`);
