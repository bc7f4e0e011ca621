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

/**
 * A sequence of code points, each with the half-open original span it came from and one extra number
 * (a run length, a token start). The steps write into working buffers that live as long as the module and
 * are reused by every call (normalize() is synchronous); only the finished views get memory of their own.
 */
class Units {
  cps: Int32Array = new Int32Array(256);
  s: Int32Array = new Int32Array(256);
  e: Int32Array = new Int32Array(256);
  x: Int32Array = new Int32Array(256);
  length = 0;

  /** Empty the buffer, with room for `capacity` units (it still grows if a step writes more). */
  reset(capacity: number): void {
    this.length = 0;
    if (capacity > this.cps.length || (this.cps.length > RETAINED_UNITS && capacity <= RETAINED_UNITS)) this.resize(Math.max(256, capacity));
  }

  push(cp: number, s: number, e: number, x = 0): void {
    if (this.length === this.cps.length) this.resize(this.cps.length * 2);
    const k = this.length++;
    this.cps[k] = cp;
    this.s[k] = s;
    this.e[k] = e;
    this.x[k] = x;
  }

  private resize(capacity: number): void {
    const keep = Math.min(this.length, capacity);
    const grown = (old: Int32Array): Int32Array => {
      const a = new Int32Array(capacity);
      a.set(old.subarray(0, keep));
      return a;
    };
    this.cps = grown(this.cps);
    this.s = grown(this.s);
    this.e = grown(this.e);
    this.x = grown(this.x);
  }
}

/** Working buffers above this many units (a very long text) are given back after the call. */
const RETAINED_UNITS = 1 << 16;

interface Buffers {
  fold: Units;
  compact: Units;
  skeleton: Units;
  phonetic: Units;
  /** compact()'s copy of the fold code points, which it rewrites, and which of them it keeps. */
  cps: Int32Array;
  keep: Uint8Array;
}

function newBuffers(): Buffers {
  return { fold: new Units(), compact: new Units(), skeleton: new Units(), phonetic: new Units(), cps: new Int32Array(256), keep: new Uint8Array(256) };
}

const shared = newBuffers();
let sharedInUse = false;

function pushString(u: Units, str: string, s: number, e: number): void {
  for (let i = 0; i < str.length; ) {
    const cp = str.codePointAt(i) ?? 0;
    u.push(cp, s, e);
    i += cp > 0xffff ? 2 : 1;
  }
}

/** UTF-16 code units (or code points known to be below 0x10000) → string, in chunks that fit in one call. */
function unitsToString(units: Int32Array | Uint16Array, n: number): string {
  if (n < 4096) return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return out;
}

/** How many UTF-16 units the code points of u take. */
function utf16Length(u: Units): number {
  let n = u.length;
  for (let i = 0; i < u.length; i++) if ((u.cps[i] as number) > 0xffff) n++;
  return n;
}

/**
 * Write u as UTF-16 with its map: start/end (and, when given, x as extra) get one entry per UTF-16 unit;
 * an astral code point's two units both map to its span. Returns the text (`text`, when the caller knows it).
 */
function writeView(u: Units, start: Int32Array, end: Int32Array, extra: Uint16Array | Uint8Array | null, text: string | null): string {
  const n = u.length;
  if (start.length === n) {
    start.set(u.s.subarray(0, n));
    end.set(u.e.subarray(0, n));
    if (extra) for (let i = 0; i < n; i++) extra[i] = Math.min(u.x[i] as number, 0xffff);
    return text ?? unitsToString(u.cps, n);
  }
  const units = text === null ? new Uint16Array(start.length) : null;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const cp = u.cps[i] as number;
    const s = u.s[i] as number;
    const e = u.e[i] as number;
    const x = Math.min(u.x[i] as number, 0xffff);
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      if (units) units[k] = 0xd800 + (v >> 10);
      start[k] = s;
      end[k] = e;
      if (extra) extra[k] = x;
      k++;
      if (units) units[k] = 0xdc00 + (v & 0x3ff);
    } else if (units) units[k] = cp;
    start[k] = s;
    end[k] = e;
    if (extra) extra[k] = x;
    k++;
  }
  return text ?? unitsToString(units as Uint16Array, k);
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

/**
 * FOLD_STEPS over one code point, remembered: the steps are pure functions of the code point, so each
 * result is computed once per process. Every BMP code point is remembered; astral ones (emoji) up to a bound.
 */
const foldedBmp: Array<string | undefined> = new Array<string | undefined>(0x10000);
const foldedAstral = new Map<number, string>();
const MAX_ASTRAL_REMEMBERED = 4096;

function foldCodePoint(cp: number): string {
  if (cp < 0x10000) return (foldedBmp[cp] ??= applySteps(String.fromCharCode(cp)));
  let folded = foldedAstral.get(cp);
  if (folded === undefined) {
    folded = applySteps(String.fromCodePoint(cp));
    if (foldedAstral.size < MAX_ASTRAL_REMEMBERED) foldedAstral.set(cp, folded);
  }
  return folded;
}

/** The fold fast path for the common hanzi block: traditional → simplified as a dense table (0: unchanged). */
const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;
const T2S_HAN = (() => {
  const table = new Int32Array(HAN_LAST - HAN_FIRST + 1);
  for (const [cp, simplified] of T2S) if (cp >= HAN_FIRST && cp <= HAN_LAST) table[cp - HAN_FIRST] = simplified.codePointAt(0) ?? cp;
  return table;
})();

/**
 * fold: every code point through FOLD_STEPS, with fast paths for ASCII and hanzi that give the same result.
 * True when the folded text is the original itself.
 */
function fold(original: string, u: Units): boolean {
  u.reset(original.length);
  let same = true;
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    if (cp >= 0x20 && cp < 0x7f) {
      if (cp >= 0x41 && cp <= 0x5a) {
        u.push(cp + 32, i, i + 1);
        same = false;
      } else u.push(cp, i, i + 1);
    } else if (cp >= HAN_FIRST && cp <= HAN_LAST) {
      const simplified = T2S_HAN[cp - HAN_FIRST] as number;
      if (simplified === 0 || simplified === cp) u.push(cp, i, i + len);
      else {
        u.push(simplified, i, i + len);
        same = false;
      }
    } else {
      const folded = foldCodePoint(cp);
      if (folded.length === 1) {
        const unit = folded.charCodeAt(0);
        u.push(unit, i, i + len);
        if (unit !== cp) same = false;
      } else {
        pushString(u, folded, i, i + len);
        if (folded.length !== len || folded.codePointAt(0) !== cp) same = false;
      }
    }
    i += len;
  }
  return same;
}

const SPACE = 0x20;

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200a);
}

// Character classes compact() asks about, as bits: one table look-up per question (BMP), functions beyond it.
const LATIN = 1;
const DIGIT = 2;
const HAN = 4;
const SPACES = 8;
/** A word character: letter, digit, leet symbol or wildcard. */
const WORD = 16;
/** A digit that leetspeak reads as a letter (1 → i). */
const LEET_DIGIT = 32;
const WILDCARD = 64;

function classify(cp: number): number {
  let c = 0;
  if (isLatinLetter(cp)) c |= LATIN;
  if (isDigit(cp)) c |= DIGIT;
  if (isHan(cp)) c |= HAN;
  if (isSpace(cp)) c |= SPACES;
  if (isAlnum(cp) || LEET.has(cp) || WILDCARDS.has(cp)) c |= WORD;
  if (isDigit(cp) && LEET.has(cp)) c |= LEET_DIGIT;
  if (WILDCARDS.has(cp)) c |= WILDCARD;
  return c;
}

const CLASS_BMP = (() => {
  const table = new Uint8Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) table[cp] = classify(cp);
  return table;
})();

function classOf(cp: number): number {
  return cp < 0x10000 ? (CLASS_BMP[cp] as number) : classify(cp);
}

/** A single letter standing alone (its neighbours are not word characters); a leet digit counts. */
function isSingle(cps: Int32Array, n: number, k: number): boolean {
  if ((classOf(cps[k] as number) & (LATIN | LEET_DIGIT)) === 0) return false;
  return !(k > 0 && classOf(cps[k - 1] as number) & WORD) && !(k + 1 < n && classOf(cps[k + 1] as number) & WORD);
}

/** What may separate spaced-out letters: anything but a letter, digit, hanzi or '*'. */
function isSep(cp: number): boolean {
  return (classOf(cp) & (LATIN | DIGIT | HAN)) === 0 && cp !== 0x2a;
}

/**
 * A leet symbol standing alone (@, $, !… but not a digit; its neighbours are not word characters): inside
 * spaced-out letters it is one of them ('t e l 3 g r @ m', 'w h @ t s a p p'), so it is no separator there.
 */
function isLoneLeetSymbol(cps: Int32Array, n: number, k: number): boolean {
  const cp = cps[k] as number;
  if (!LEET.has(cp) || classOf(cp) & (LATIN | DIGIT)) return false;
  return !(k > 0 && classOf(cps[k - 1] as number) & WORD) && !(k + 1 < n && classOf(cps[k + 1] as number) & WORD);
}

/** The end of the separators after k (at most 3), stopping at a lone leet symbol. */
function sepEnd(cps: Int32Array, n: number, k: number): number {
  let g = k;
  while (g < n && g - k < 3 && isSep(cps[g] as number) && !isLoneLeetSymbol(cps, n, g)) g++;
  return g;
}

/**
 * The next spaced-out letter after the letter ending at k (k: the position after it), or -1: a single letter
 * or leet digit after separators, or a lone leet symbol between two real letters with the same gap on both sides.
 */
function nextSpacedLetter(cps: Int32Array, n: number, k: number): number {
  const g = sepEnd(cps, n, k);
  if (g === k || g >= n) return -1;
  if (isSingle(cps, n, g)) return g;
  if (!isLoneLeetSymbol(cps, n, g) || !(classOf(cps[k - 1] as number) & LATIN)) return -1;
  const h = sepEnd(cps, n, g + 1);
  if (h === g + 1 || h >= n || !isSingle(cps, n, h) || !(classOf(cps[h] as number) & LATIN)) return -1;
  return gapKind(cps, k, g) === gapKind(cps, g + 1, h) ? g : -1;
}

const GAP_SYMBOLS = 0;
const GAP_ONE_SPACE = 1;
const GAP_WIDE = 2;

/** What separates two spaced-out letters: symbols only (k.i.l.l), one space (f u c k), or more (f . u . c . k). */
function gapKind(cps: Int32Array, from: number, to: number): number {
  let spaces = 0;
  for (let x = from; x < to; x++) if (classOf(cps[x] as number) & SPACES) spaces++;
  if (spaces === 0) return GAP_SYMBOLS;
  return spaces === 1 && to - from === 1 ? GAP_ONE_SPACE : GAP_WIDE;
}

/** The first position after k that is still kept. */
function nextKept(keep: Uint8Array, n: number, k: number): number {
  let x = k + 1;
  while (x < n && !keep[x]) x++;
  return x;
}

/**
 * compact: on the fold units (true when it changed nothing),
 *  1. leetspeak undone inside Latin words (k1ll → kill, @ss → ass; a trailing symbol stays punctuation);
 *  2. spaced-out single letters joined (f u c k, k.i.l.l → fuck, kill): three letters or more when spaces
 *     separate them, two when only symbols do (s.b, s-b: a space-separated 'a b' is too often two words);
 *  3. anything that is not a letter or digit between two hanzi dropped (傻 . 逼, 傻😀逼 → 傻逼);
 *  4. whitespace runs as one space.
 */
function compact(f: Units, b: Buffers): boolean {
  const n = f.length;
  if (b.cps.length < n) {
    b.cps = new Int32Array(n);
    b.keep = new Uint8Array(n);
  }
  const cps = b.cps;
  cps.set(f.cps.subarray(0, n));
  const keep = b.keep;
  keep.fill(1, 0, n);
  let same = true;

  // 2 (first, so a leet digit can be one of the spaced letters: K 1 L L). Spaced-out single letters:
  //    letter (sep{1,3} letter){2,}; a leet digit counts as a letter when the run also has real letters.
  for (let i = 0; i < n; i++) {
    if (!isSingle(cps, n, i)) continue;
    // the s of a possessive or the t of a contraction belongs to the word before it: daughter's f e e t, it's f u n
    if (i > 0 && (cps[i - 1] === 0x27 || cps[i - 1] === 0x2019)) continue;
    let letters = 1;
    let realLetters = classOf(cps[i] as number) & LATIN ? 1 : 0;
    let symbols = 0;
    let spaced = false;
    let firstGap = -1; // the kind of the first gap: every gap of one spaced-out word is alike
    let k = i + 1;
    for (;;) {
      const g = nextSpacedLetter(cps, n, k);
      if (g < 0) break;
      const kind = gapKind(cps, k, g);
      // a gap unlike the first ends the word: "b.l.a.c.k.s a.r.e" is two words, "s e n d  n u d e s" too
      if (firstGap >= 0 && kind !== firstGap) break;
      firstGap = kind;
      if (kind !== GAP_SYMBOLS) spaced = true;
      letters++;
      if (classOf(cps[g] as number) & LATIN) realLetters++;
      else if (!(classOf(cps[g] as number) & DIGIT)) symbols++;
      k = g + 1;
    }
    // a run with a leet symbol in it needs three real letters ('a @ b' stays apart)
    if ((letters >= 3 || (letters === 2 && !spaced)) && realLetters >= (symbols > 0 ? 3 : 2)) {
      // walk the same gaps again (nothing has changed) and drop them
      let a = i + 1;
      for (let gap = 1; gap < letters; gap++) {
        const b = nextSpacedLetter(cps, n, a);
        for (let x = a; x < b; x++) keep[x] = 0;
        if (b > a) same = false;
        a = b + 1;
      }
      i = k - 1;
    }
  }

  // 1. leet inside words (a word may now span joined letters: skip dropped separators)
  for (let i = 0; i < n; ) {
    if (!keep[i] || !(classOf(cps[i] as number) & WORD)) {
      i++;
      continue;
    }
    let letters = 0;
    let lastAlnum = -1; // trailing symbols are punctuation: "kill!!"
    let j = i;
    for (let c = classOf(cps[j] as number); j < n && c & WORD; c = j < n ? classOf(cps[j] as number) : 0) {
      if (c & LATIN) letters++;
      if (c & (LATIN | DIGIT)) lastAlnum = j;
      j = nextKept(keep, n, j);
    }
    if (letters > 0) {
      for (let k = i; k <= lastAlnum; k = nextKept(keep, n, k)) {
        const cp = cps[k] as number;
        if (classOf(cp) & (LATIN | WILDCARD)) continue; // '*' kept: the matcher knows wildcard variants
        let mapped = LEET.get(cp);
        // a doubled 1 reads as ll (ki11, a11), a 1 ending a word after an l or between i and l as l (kil1, ki1l);
        // any other 1 as i (k1ll, l1ve)
        if (cp === 0x31) {
          const nx = nextKept(keep, n, k);
          const next = nx < n ? (cps[nx] as number) : 0;
          const prev = k > i ? (cps[k - 1] as number) : 0;
          const nextIsLetter = next >= 0x61 && next <= 0x7a;
          if (next === 0x31 || (prev === 0x6c && !nextIsLetter) || (prev === 0x69 && next === 0x6c)) mapped = 'l';
        }
        if (mapped !== undefined) {
          cps[k] = mapped.charCodeAt(0);
          same = false;
        }
      }
    }
    i = j;
  }

  // 3. separators between hanzi
  for (let i = 0; i < n; i++) {
    if (!(classOf(cps[i] as number) & HAN)) continue;
    let j = i + 1;
    while (j < n && !(classOf(cps[j] as number) & (HAN | LATIN | DIGIT))) j++;
    if (j < n && j > i + 1 && classOf(cps[j] as number) & HAN) {
      for (let x = i + 1; x < j; x++) keep[x] = 0;
      same = false;
    }
    i = j - 1;
  }

  // 4. whitespace runs
  const out = b.compact;
  out.reset(n);
  let lastSpace = true;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    let cp = cps[i] as number;
    if (classOf(cp) & SPACES) {
      if (lastSpace) {
        same = false;
        continue;
      }
      if (cp !== SPACE) same = false;
      cp = SPACE;
      lastSpace = true;
    } else lastSpace = false;
    out.push(cp, f.s[i] as number, f.e[i] as number);
  }
  return same;
}

/**
 * 著 is both a character of its own in simplified Chinese (著名, 显著) and the traditional form of the particle
 * 着 (等著瞧 = 等着瞧), so the traditional → simplified fold keeps it. The skeleton, which terms are matched in,
 * reads it as 着: a term is written once and matches both. The compact view (and so the model) keeps 著.
 */
const ZHU = 0x8457;
const ZHE = 0x7740;

/** skeleton: compact with every run of one repeated Latin letter written once; x holds the run's length. True when there was no run. */
function skeleton(c: Units, u: Units): boolean {
  const n = c.length;
  u.reset(n);
  let same = true;
  for (let i = 0; i < n; ) {
    let cp = c.cps[i] as number;
    if (cp === ZHU) {
      cp = ZHE;
      same = false;
    }
    let j = i + 1;
    if (isLatinLetter(cp)) while (j < n && c.cps[j] === cp) j++;
    if (j > i + 1) same = false;
    u.push(cp, c.s[i] as number, c.e[j - 1] as number, j - i);
    i = j;
  }
  return same;
}

/** The toneless pinyin of each BMP hanzi as a dense table ('' where none); astral hanzi are looked up in PINYIN. */
const PINYIN_BMP = (() => {
  const table = new Array<string>(0x10000).fill('');
  for (const [cp, syllable] of PINYIN) if (cp < 0x10000 && isHan(cp)) table[cp] = syllable;
  return table;
})();

/** Sentence punctuation: a break that a match by sound must not cross (人，要 is not 人妖). ASCII '.' is not one: it is a common spacer (傻.逼). */
const SENTENCE_BREAKS = new Set([0xff0c, 0x3002, 0xff01, 0xff1f, 0xff1b, 0xff1a, 0x3001, 0x2c, 0x21, 0x3f, 0x3b, 0x0a, 0x0d, 0x2026]);

function hasBreak(original: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (SENTENCE_BREAKS.has(original.charCodeAt(k))) return true;
  return false;
}

/**
 * phonetic: hanzi as their most common toneless pinyin, Latin letters kept, the rest dropped; x is 1 where a
 * syllable or word begins, 2 where it begins after sentence punctuation.
 */
function phonetic(c: Units, u: Units, original: string): void {
  u.reset(c.length + 16);
  let prevLatin = false;
  let prevEnd = 0;
  for (let i = 0; i < c.length; i++) {
    const cp = c.cps[i] as number;
    const s = c.s[i] as number;
    const e = c.e[i] as number;
    const start = i > 0 && s > prevEnd && hasBreak(original, prevEnd, s) ? 2 : 1;
    prevEnd = e;
    if (isLatinLetter(cp)) {
      u.push(cp, s, e, prevLatin && start === 1 ? 0 : start);
      prevLatin = true;
      continue;
    }
    prevLatin = false;
    const syllable = cp < 0x10000 ? (PINYIN_BMP[cp] as string) : isHan(cp) ? (PINYIN.get(cp) ?? '') : '';
    for (let x = 0; x < syllable.length; x++) u.push(syllable.charCodeAt(x), s, e, x === 0 ? start : 0);
  }
}

/**
 * Normalize a text into every view the detectors use. Never throws; accepts any string.
 * A view that equals the one it came from (no capitals to fold, nothing to compact, no stretched letters)
 * shares that view's text and maps; all maps live in one allocation.
 */
export function normalize(original: string): NormalizedText {
  const b = sharedInUse ? newBuffers() : shared;
  sharedInUse = true;
  try {
    const foldSame = fold(original, b.fold);
    const compactSame = compact(b.fold, b);
    const skeletonSame = skeleton(b.compact, b.skeleton);
    phonetic(b.compact, b.phonetic, original);
    const lf = utf16Length(b.fold);
    const lc = compactSame ? lf : utf16Length(b.compact);
    const ls = skeletonSame ? lc : utf16Length(b.skeleton);
    const lp = b.phonetic.length;
    // start/end of fold, compact (unless shared), skeleton (unless shared), phonetic; skeleton runs; token starts
    const ints = 2 * (lf + (compactSame ? 0 : lc) + (skeletonSame ? 0 : ls) + lp);
    const memory = new ArrayBuffer(4 * ints + 2 * ls + lp);
    let at = 0;
    const fStart = new Int32Array(memory, at, lf);
    const fEnd = new Int32Array(memory, (at += 4 * lf), lf);
    at += 4 * lf;
    const fv: View = { text: writeView(b.fold, fStart, fEnd, null, foldSame ? original : null), start: fStart, end: fEnd };
    let cv = fv;
    if (!compactSame) {
      const start = new Int32Array(memory, at, lc);
      const end = new Int32Array(memory, (at += 4 * lc), lc);
      at += 4 * lc;
      cv = { text: writeView(b.compact, start, end, null, null), start, end };
    }
    const runs = new Uint16Array(memory, 4 * ints, ls);
    let sv: SkeletonView;
    if (skeletonSame) {
      runs.fill(1);
      sv = { text: cv.text, start: cv.start, end: cv.end, runs };
    } else {
      const start = new Int32Array(memory, at, ls);
      const end = new Int32Array(memory, (at += 4 * ls), ls);
      at += 4 * ls;
      sv = { text: writeView(b.skeleton, start, end, runs, null), start, end, runs };
    }
    const pStart = new Int32Array(memory, at, lp);
    const pEnd = new Int32Array(memory, at + 4 * lp, lp);
    const tokenStart = new Uint8Array(memory, 4 * ints + 2 * ls, lp);
    const pv: PhoneticView = { text: writeView(b.phonetic, pStart, pEnd, tokenStart, null), start: pStart, end: pEnd, tokenStart };
    return { original, fold: fv, compact: cv, skeleton: sv, phonetic: pv };
  } finally {
    if (b === shared) {
      sharedInUse = false;
      if (b.cps.length > RETAINED_UNITS) {
        b.cps = new Int32Array(256);
        b.keep = new Uint8Array(256);
      }
      b.fold.reset(0);
      b.compact.reset(0);
      b.skeleton.reset(0);
      b.phonetic.reset(0);
    }
  }
}
