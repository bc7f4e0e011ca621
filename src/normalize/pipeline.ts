/**
 * The normalization pipeline: original text → fold → compact → skeleton / phonetic views.
 * It alone owns the maps from view positions back to the original text: every unit of every view
 * carries the half-open original span it came from, so evidence is always reported in original offsets.
 * Pure and synchronous; never throws on any string.
 */
import { isAlnum, isDigit, isHan, isLatinLetter } from './chars.ts';
import { FOLD_STEPS } from './steps.ts';
import { LEET, PINYIN, T2S, WILDCARDS } from './tables.ts';
import type { NormalizedText, PhoneticView, SkeletonView, View } from './types.ts';

/** A sequence of code points, each with the original span it came from. */
interface Units {
  cps: number[];
  s: number[];
  e: number[];
}

function emptyUnits(): Units {
  return { cps: [], s: [], e: [] };
}

function pushString(u: Units, str: string, s: number, e: number): void {
  for (let i = 0; i < str.length; ) {
    const cp = str.codePointAt(i) ?? 0;
    u.cps.push(cp);
    u.s.push(s);
    u.e.push(e);
    i += cp > 0xffff ? 2 : 1;
  }
}

function toView(u: Units): View {
  const n = u.cps.length;
  let astral = 0;
  for (let i = 0; i < n; i++) if ((u.cps[i] ?? 0) > 0xffff) astral++;
  const units = new Array<number>(n + astral);
  const start = new Int32Array(n + astral);
  const end = new Int32Array(n + astral);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const cp = u.cps[i] ?? 0;
    const s = u.s[i] ?? 0;
    const e = u.e[i] ?? 0;
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      units[k] = 0xd800 + (v >> 10);
      start[k] = s;
      end[k++] = e;
      units[k] = 0xdc00 + (v & 0x3ff);
    } else units[k] = cp;
    start[k] = s;
    end[k++] = e;
  }
  return { text: unitsToString(units), start, end };
}

function unitsToString(units: number[]): string {
  if (units.length < 4096) return String.fromCharCode.apply(null, units);
  let out = '';
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode.apply(null, units.slice(i, i + 4096));
  return out;
}

function applySteps(ch: string): string {
  let parts = ch;
  for (const step of FOLD_STEPS) {
    let next = '';
    for (const c of parts) next += step.apply(c, c.codePointAt(0) ?? 0);
    parts = next;
    if (parts === '') break;
  }
  return parts;
}

/** fold: every code point through FOLD_STEPS, with fast paths for ASCII and hanzi that give the same result. */
function fold(original: string): Units {
  const u = emptyUnits();
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    if (cp >= 0x20 && cp < 0x7f) {
      u.cps.push(cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp);
      u.s.push(i);
      u.e.push(i + 1);
    } else if (cp >= 0x4e00 && cp <= 0x9fff) {
      const simplified = T2S.get(cp);
      u.cps.push(simplified === undefined ? cp : (simplified.codePointAt(0) ?? cp));
      u.s.push(i);
      u.e.push(i + len);
    } else {
      pushString(u, applySteps(String.fromCodePoint(cp)), i, i + len);
    }
    i += len;
  }
  return u;
}

const SPACE = 0x20;

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200a);
}

/**
 * compact: on the fold units,
 *  1. leetspeak undone inside Latin words (k1ll → kill, @ss → ass; a trailing symbol stays punctuation);
 *  2. spaced-out single letters joined (f u c k, k.i.l.l → fuck, kill): three letters or more when spaces
 *     separate them, two when only symbols do (s.b, s-b: a space-separated 'a b' is too often two words);
 *  3. anything that is not a letter or digit between two hanzi dropped (傻 . 逼, 傻😀逼 → 傻逼);
 *  4. whitespace runs as one space.
 */
function compact(f: Units): Units {
  const n = f.cps.length;
  const cps = f.cps.slice();
  const isWordChar = (cp: number): boolean => isAlnum(cp) || LEET.has(cp) || WILDCARDS.has(cp);
  const keep = new Uint8Array(n).fill(1);

  // 2 (first, so a leet digit can be one of the spaced letters: K 1 L L). Spaced-out single letters:
  //    letter (sep{1,3} letter){2,}; a leet digit counts as a letter when the run also has real letters.
  const isSingle = (k: number): boolean => {
    const cp = cps[k] ?? 0;
    if (!isLatinLetter(cp) && !(isDigit(cp) && LEET.has(cp))) return false;
    return !(k > 0 && isWordChar(cps[k - 1] ?? 0)) && !(k + 1 < n && isWordChar(cps[k + 1] ?? 0));
  };
  const isSep = (k: number): boolean => {
    const cp = cps[k] ?? 0;
    return !isAlnum(cp) && !isHan(cp) && cp !== 0x2a;
  };
  for (let i = 0; i < n; i++) {
    if (!isSingle(i)) continue;
    const letters = [i];
    const gaps: Array<[number, number]> = [];
    let spaced = false;
    let k = i + 1;
    for (;;) {
      let g = k;
      while (g < n && g - k < 3 && isSep(g)) g++;
      if (g === k || g >= n || !isSingle(g)) break;
      for (let x = k; x < g; x++) if (isSpace(cps[x] ?? 0)) spaced = true;
      gaps.push([k, g]);
      letters.push(g);
      k = g + 1;
    }
    const realLetters = letters.filter((x) => isLatinLetter(cps[x] ?? 0)).length;
    if ((letters.length >= 3 || (letters.length === 2 && !spaced)) && realLetters >= 2) {
      for (const [a, b] of gaps) for (let x = a; x < b; x++) keep[x] = 0;
      i = k - 1;
    }
  }

  // 1. leet inside words (a word may now span joined letters: skip dropped separators)
  const next = (k: number): number => {
    let x = k + 1;
    while (x < n && !keep[x]) x++;
    return x;
  };
  for (let i = 0; i < n; ) {
    if (!keep[i] || !isWordChar(cps[i] ?? 0)) {
      i++;
      continue;
    }
    const members: number[] = [];
    let letters = 0;
    let j = i;
    while (j < n && isWordChar(cps[j] ?? 0)) {
      members.push(j);
      if (isLatinLetter(cps[j] ?? 0)) letters++;
      j = next(j);
    }
    // trailing symbols are punctuation: "kill!!"
    while (members.length > 0 && !isAlnum(cps[members[members.length - 1] ?? 0] ?? 0)) members.pop();
    if (letters > 0) {
      for (const k of members) {
        const cp = cps[k] ?? 0;
        if (isLatinLetter(cp) || WILDCARDS.has(cp)) continue; // '*' kept: the matcher knows wildcard variants
        const mapped = LEET.get(cp);
        if (mapped !== undefined) cps[k] = mapped.charCodeAt(0);
      }
    }
    i = j;
  }

  // 3. separators between hanzi
  for (let i = 0; i < n; i++) {
    if (!isHan(cps[i] ?? 0)) continue;
    let j = i + 1;
    while (j < n && !isHan(cps[j] ?? 0) && !isAlnum(cps[j] ?? 0)) j++;
    if (j < n && j > i + 1 && isHan(cps[j] ?? 0)) for (let x = i + 1; x < j; x++) keep[x] = 0;
    i = j - 1;
  }

  // 4. whitespace runs
  const out = emptyUnits();
  let lastSpace = true;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    let cp = cps[i] ?? 0;
    if (isSpace(cp)) {
      if (lastSpace) continue;
      cp = SPACE;
      lastSpace = true;
    } else lastSpace = false;
    out.cps.push(cp);
    out.s.push(f.s[i] ?? 0);
    out.e.push(f.e[i] ?? 0);
  }
  return out;
}

function skeleton(c: Units): SkeletonView {
  const u = emptyUnits();
  const runs: number[] = [];
  for (let i = 0; i < c.cps.length; ) {
    const cp = c.cps[i] ?? 0;
    let j = i + 1;
    if (isLatinLetter(cp)) while (j < c.cps.length && c.cps[j] === cp) j++;
    u.cps.push(cp);
    u.s.push(c.s[i] ?? 0);
    u.e.push(c.e[j - 1] ?? 0);
    runs.push(j - i);
    i = j;
  }
  const view = toView(u);
  // runs are per code point; expand to UTF-16 units (astral characters take two)
  const unitRuns: number[] = [];
  for (let i = 0; i < u.cps.length; i++) {
    const r = Math.min(runs[i] ?? 1, 0xffff);
    unitRuns.push(r);
    if ((u.cps[i] ?? 0) > 0xffff) unitRuns.push(r);
  }
  return { ...view, runs: Uint16Array.from(unitRuns) };
}

function phonetic(c: Units): PhoneticView {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  const tokenStart: number[] = [];
  let prevLatin = false;
  for (let i = 0; i < c.cps.length; i++) {
    const cp = c.cps[i] ?? 0;
    const s = c.s[i] ?? 0;
    const e = c.e[i] ?? 0;
    if (isLatinLetter(cp)) {
      text += String.fromCharCode(cp);
      start.push(s);
      end.push(e);
      tokenStart.push(prevLatin ? 0 : 1);
      prevLatin = true;
      continue;
    }
    prevLatin = false;
    const syllable = isHan(cp) ? PINYIN.get(cp) : undefined;
    if (syllable === undefined) continue;
    for (let k = 0; k < syllable.length; k++) {
      text += syllable[k];
      start.push(s);
      end.push(e);
      tokenStart.push(k === 0 ? 1 : 0);
    }
  }
  return { text, start: Int32Array.from(start), end: Int32Array.from(end), tokenStart: Uint8Array.from(tokenStart) };
}

/** Normalize a text into every view the detectors use. Never throws; accepts any string. */
export function normalize(original: string): NormalizedText {
  const f = fold(original);
  const c = compact(f);
  return { original, fold: toView(f), compact: toView(c), skeleton: skeleton(c), phonetic: phonetic(c) };
}

/** True when the code point is one the digit-reading detectors care about. Re-exported for PII rules. */
export { isDigit };
