/**
 * A compiled set of terms found in one pass over the normalized views, with every hit verified
 * (word boundaries, stretched-letter runs, allowlisted innocent words) and mapped to the ORIGINAL text.
 *
 * Each term is compiled through the same normalizer as the text, so a lexicon written in traditional
 * characters, full width or capitals matches all forms. Latin terms match in the skeleton view (stretched
 * letters written once, run lengths checked so "Niger" never matches "nigger"); hanzi terms match in the
 * skeleton view and, when phonetic, in the phonetic view (煞笔, sha bi, 沙比 all read as shabi).
 * Bad configuration throws here, at build time, never while matching.
 */
import { isAlnum, isHan, isLatinLetter } from '../../normalize/chars.ts';
import { normalize } from '../../normalize/pipeline.ts';
import { PINYIN_READINGS } from '../../normalize/tables.ts';
import type { NormalizedText } from '../../normalize/types.ts';
import { AhoCorasick } from './aho-corasick.ts';

/** `word`: whole words only (Latin). `prefix`: the term starts a word (fuck → fucking). `substring`: anywhere (hanzi default). */
export type MatchMode = 'word' | 'prefix' | 'substring';

export interface TermSpec<T> {
  term: string;
  value: T;
  match?: MatchMode;
  /** Also match by sound (pinyin). Default false: the data opts in per term. */
  phonetic?: boolean;
  /** Innocent words that contain the term (Scunthorpe): a hit inside one of them is not a hit. */
  allow?: readonly string[];
}

export interface TermHit<T> {
  value: T;
  /** Half-open span in the ORIGINAL text. */
  start: number;
  end: number;
  via: 'text' | 'sound';
}

interface Compiled<T> {
  /** Index of the spec this came from: a hit by sound is dropped only where the SAME term matched by text. */
  id: number;
  value: T;
  mode: MatchMode;
  runs: Uint16Array;
  latinStart: boolean;
  latinEnd: boolean;
  /** Allowlisted phrases (skeleton form) and where the term sits inside each. */
  allow: Array<{ text: string; offset: number }>;
  /** Every allowlisted phrase in skeleton form, for hits by sound (which may only sound like the term). */
  allowRaw: readonly string[];
}

const MAX_READING_VARIANTS = 16;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function skeletonOf(text: string): { text: string; runs: Uint16Array } {
  const sk = normalize(text).skeleton;
  return { text: sk.text.trim(), runs: sk.runs.slice(sk.text.length - sk.text.trimStart().length, sk.text.trimEnd().length) };
}

function readingsOf(term: string): string[] {
  let variants = [''];
  for (const ch of normalize(term).compact.text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isHan(cp)) {
      if (isLatinLetter(cp)) variants = variants.map((v) => v + ch);
      continue;
    }
    const readings = PINYIN_READINGS.get(cp);
    if (readings === undefined) return [];
    const next: string[] = [];
    for (const v of variants) for (const r of readings) if (next.length < MAX_READING_VARIANTS) next.push(v + r);
    variants = next;
  }
  return variants.filter((v) => v.length > 0);
}

function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch.codePointAt(0) ?? 0)) n++;
  return n;
}

export class TermIndex<T> {
  private readonly textMatcher: AhoCorasick<Compiled<T>>;
  private readonly soundMatcher: AhoCorasick<Compiled<T>>;
  /** Terms made only of symbols and emoji (🔫, 🍆💦): matched in the fold view, where no symbol is dropped. */
  private readonly symbolMatcher: AhoCorasick<Compiled<T>>;

  constructor(specs: Iterable<TermSpec<T>>, where: string) {
    const textPatterns: Array<{ text: string; value: Compiled<T> }> = [];
    const soundPatterns: Array<{ text: string; value: Compiled<T> }> = [];
    const symbolPatterns: Array<{ text: string; value: Compiled<T> }> = [];
    let id = -1;
    for (const spec of specs) {
      id++;
      const folded = normalize(spec.term).fold.text.replace(/\s+/g, '');
      if (folded.length > 0 && !/[\p{L}\p{N}]/u.test(folded)) {
        const none = new Uint16Array(0);
        symbolPatterns.push({
          text: folded,
          value: { id, value: spec.value, mode: 'substring', runs: none, latinStart: false, latinEnd: false, allow: [], allowRaw: [] },
        });
        continue;
      }
      const sk = skeletonOf(spec.term);
      if (sk.text.length === 0) throw new Error(`${where}: term "${spec.term}" is empty after normalization`);
      const first = sk.text.codePointAt(0) ?? 0;
      const last = sk.text.codePointAt(sk.text.length - 1) ?? 0;
      const latinStart = isAlnum(first);
      const latinEnd = isAlnum(last);
      const mode: MatchMode = spec.match ?? (latinStart || latinEnd ? 'word' : 'substring');
      const allow: Compiled<T>['allow'] = [];
      const termReadings = spec.phonetic ? readingsOf(spec.term) : [];
      for (const phrase of spec.allow ?? []) {
        const a = skeletonOf(phrase).text;
        let at = a.indexOf(sk.text);
        if (at < 0) {
          // a phonetic term may allow an innocent word that only SOUNDS like it (贱人 ~ 收件人): checked on hits by sound
          const phraseReadings = readingsOf(phrase);
          if (termReadings.some((r) => phraseReadings.some((p) => p.includes(r)))) continue;
          throw new Error(`${where}: allow phrase "${phrase}" contains the term "${spec.term}" neither in writing nor by sound`);
        }
        while (at >= 0) {
          allow.push({ text: a, offset: at });
          at = a.indexOf(sk.text, at + 1);
        }
      }
      const compiled: Compiled<T> = { id, value: spec.value, mode, runs: sk.runs, latinStart, latinEnd, allow, allowRaw: (spec.allow ?? []).map((p) => skeletonOf(p).text) };
      textPatterns.push({ text: sk.text, value: compiled });
      // wildcard variants: one vowel written as '*' (f*ck, n*gger)
      if (latinStart && /^[a-z]+$/.test(sk.text)) {
        for (let i = 1; i < sk.text.length; i++) {
          if (VOWELS.has(sk.text[i] ?? '')) textPatterns.push({ text: `${sk.text.slice(0, i)}*${sk.text.slice(i + 1)}`, value: compiled });
        }
      }
      const hans = hanCount(sk.text);
      const phonetic = spec.phonetic ?? false; // by sound only where the data asks: homophones of common syllables abound (知道你家 ~ 到你家)
      if (phonetic && hans > 0) {
        for (const reading of readingsOf(spec.term)) soundPatterns.push({ text: reading, value: compiled });
      }
    }
    this.textMatcher = new AhoCorasick(textPatterns);
    this.soundMatcher = new AhoCorasick(soundPatterns);
    this.symbolMatcher = new AhoCorasick(symbolPatterns);
  }

  get size(): number {
    return this.textMatcher.size;
  }

  find(doc: NormalizedText): Array<TermHit<T>> {
    const out: Array<TermHit<T>> = [];
    const seen = new Set<string>();
    const sk = doc.skeleton;
    for (const hit of this.textMatcher.find(sk.text)) {
      const c = hit.value;
      if (!this.boundaryOk(sk.text, hit.start, hit.end, c)) continue;
      if (!this.runsOk(sk.runs, hit.start, c)) continue;
      if (this.allowed(sk.text, hit.start, c)) continue;
      const start = sk.start[hit.start] ?? 0;
      const end = sk.end[hit.end - 1] ?? 0;
      seen.add(`${c.id}:${start}:${end}`);
      out.push({ value: c.value, start, end, via: 'text' });
    }
    if (this.symbolMatcher.size > 0) {
      const f = doc.fold;
      for (const hit of this.symbolMatcher.find(f.text)) {
        out.push({ value: hit.value.value, start: f.start[hit.start] ?? 0, end: f.end[hit.end - 1] ?? 0, via: 'text' });
      }
    }
    if (this.soundMatcher.size > 0 && doc.phonetic.text.length > 0) {
      const ph = doc.phonetic;
      for (const hit of this.soundMatcher.find(ph.text)) {
        if (ph.tokenStart[hit.start] !== 1) continue;
        if (hit.end < ph.text.length && ph.tokenStart[hit.end] !== 1) continue;
        const start = ph.start[hit.start] ?? 0;
        const end = ph.end[hit.end - 1] ?? 0;
        if (seen.has(`${hit.value.id}:${start}:${end}`)) continue;
        if (this.allowedAround(doc, start, end, hit.value)) continue;
        out.push({ value: hit.value.value, start, end, via: 'sound' });
      }
    }
    return out;
  }

  private boundaryOk(text: string, s: number, e: number, c: Compiled<T>): boolean {
    if (c.mode === 'substring') return true;
    if (c.latinStart && s > 0 && isAlnum(text.charCodeAt(s - 1))) return false;
    if (c.mode === 'word' && c.latinEnd && e < text.length && isAlnum(text.charCodeAt(e))) return false;
    return true;
  }

  private runsOk(runs: Uint16Array, s: number, c: Compiled<T>): boolean {
    for (let k = 0; k < c.runs.length; k++) if ((runs[s + k] ?? 1) < (c.runs[k] ?? 1)) return false;
    return true;
  }

  private allowed(text: string, s: number, c: Compiled<T>): boolean {
    for (const a of c.allow) if (s >= a.offset && text.startsWith(a.text, s - a.offset)) return true;
    return false;
  }

  /** For a hit by sound: is the written text there one of the allowlisted innocent words? */
  private allowedAround(doc: NormalizedText, start: number, end: number, c: Compiled<T>): boolean {
    if (c.allowRaw.length === 0) return false;
    const window = doc.original.slice(Math.max(0, start - 8), Math.min(doc.original.length, end + 8));
    const text = normalize(window).skeleton.text;
    return c.allowRaw.some((phrase) => text.includes(phrase));
  }
}
