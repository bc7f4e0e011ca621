/**
 * Compiled sets of terms found in one pass over the normalized views, with every hit verified
 * (word boundaries, stretched-letter runs, allowlisted innocent words) and mapped to the ORIGINAL text.
 * A `TermCatalog` holds several term lists (the lexicons, the co-occurrence groups, the context rules) in
 * one set of matchers, so one pass over each view serves them all; a `TermIndex` is a catalog of one list.
 *
 * Each term is compiled through the same normalizer as the text, so a lexicon written in traditional
 * characters, full width or capitals matches all forms. Latin terms match in the skeleton view (stretched
 * letters written once, run lengths checked so "Niger" never matches "nigger"); hanzi terms match in the
 * skeleton view and, when phonetic, in the phonetic view (煞笔, sha bi, 沙比 all read as shabi).
 * Bad configuration throws here, at build time, never while matching.
 */
import { readdirSync } from 'node:fs';
import { checksumArrays, hashSources, keyHash, packArrays, readCache, unpackArrays, writeCache } from '../../cache.ts';
import { isAlnum, isDigit, isHan, isLatinLetter } from '../../normalize/chars.ts';
import { normalize } from '../../normalize/pipeline.ts';
import { PINYIN } from '../../normalize/tables.ts';
import type { NormalizedText, View } from '../../normalize/types.ts';
import { CACHE_DIR, packagePath } from '../../paths.ts';
import { AhoCorasick, Occurrences, type AutomatonArrays } from './aho-corasick.ts';

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
  /**
   * A term of hanzi only, not phonetic: also found where pinyin is written into it (加wei信, da麻), by sound but
   * only across Latin letters and hanzi together. Default true; context cues opt out (a cue only lowers).
   */
  mixed?: boolean;
}

export interface TermHit<T> {
  value: T;
  /** Half-open span in the ORIGINAL text. */
  start: number;
  end: number;
  via: 'text' | 'sound';
}

interface Compiled {
  /** Which term of the catalog this came from: a hit by sound is dropped only where the SAME term matched by text. */
  id: number;
  /** Which list of the catalog the term belongs to. */
  list: number;
  value: unknown;
  mode: MatchMode;
  runs: Uint16Array;
  latinStart: boolean;
  latinEnd: boolean;
  /** Allowlisted phrases (skeleton form) and where the term sits inside each. */
  allow: Array<{ text: string; offset: number }>;
  /** Every allowlisted phrase in skeleton form, for hits by sound (which may only sound like the term). */
  allowSkeletons: readonly string[];
  /** A Chinese term not marked phonetic: found by sound only where the hit mixes pinyin and hanzi (wei信, da麻). */
  mixedOnly?: boolean;
}

interface Pattern {
  text: string;
  value: Compiled;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** The skeleton view without leading and trailing spaces, and its run lengths. */
function trimmedSkeleton(n: NormalizedText): { text: string; runs: Uint16Array } {
  const sk = n.skeleton;
  return { text: sk.text.trim(), runs: sk.runs.slice(sk.text.length - sk.text.trimStart().length, sk.text.trimEnd().length) };
}

function skeletonOf(text: string): { text: string; runs: Uint16Array } {
  return trimmedSkeleton(normalize(text));
}

function readingsOf(n: NormalizedText): string[] {
  let variants = [''];
  for (const ch of n.compact.text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isHan(cp)) {
      if (isLatinLetter(cp)) variants = variants.map((v) => v + ch);
      continue;
    }
    // the main reading only: the view writes each hanzi with its main reading, and every other reading of a
    // term's characters matched innocent words (约炮 read as yao pao matched 要跑)
    const reading = PINYIN.get(cp);
    if (reading === undefined) return [];
    variants = variants.map((v) => v + reading);
  }
  return variants.filter((v) => v.length > 0);
}

function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch.codePointAt(0) ?? 0)) n++;
  return n;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const EMOJI_OR_SYMBOL = /[\p{So}\p{Sk}\p{Extended_Pictographic}]/u;
const NO_RUNS = new Uint16Array(0);
const NO_HITS: ReadonlyArray<TermHit<never>> = Object.freeze([]);

/**
 * A term as compiled: everything about it but its value, so that it can be cached. Either a term made only of
 * symbols and emoji (`symbol`: its fold form), or the patterns it adds to the text and sound matchers (`texts`:
 * its skeleton and wildcard variants; `sounds`: its pinyin readings, for phonetic terms) with what a hit is
 * checked against.
 */
interface CompiledTerm {
  symbol?: string;
  mode: MatchMode;
  runs: number[];
  latinStart: boolean;
  latinEnd: boolean;
  allow: Array<{ text: string; offset: number }>;
  allowSkeletons: string[];
  texts: string[];
  sounds: string[];
  /** Readings of a Chinese term not marked phonetic, matched only where pinyin is written into it (wei信). */
  mixed?: string[];
}

/** Compiles one term through the normalizer; throws, naming `where`, for a bad one. */
function compileTerm(spec: TermSpec<unknown>, where: string): CompiledTerm {
  const n = normalize(spec.term);
  const folded = n.fold.text.replace(/\s+/g, '');
  if (folded.length > 0 && !LETTER_OR_DIGIT.test(folded)) {
    return { symbol: folded, mode: 'substring', runs: [], latinStart: false, latinEnd: false, allow: [], allowSkeletons: [], texts: [], sounds: [] };
  }
  const sk = trimmedSkeleton(n);
  if (sk.text.length === 0) throw new Error(`${where}: term "${spec.term}" is empty after normalization`);
  // An emoji or symbol between hanzi is dropped from the text (傻😀逼 reads 傻逼), so it would be dropped from
  // the term too: 你🐴的 would match every 你的. Such a term must be a co-occurrence rule instead.
  for (const ch of folded) {
    if (EMOJI_OR_SYMBOL.test(ch) && !sk.text.includes(ch)) {
      throw new Error(`${where}: term "${spec.term}" loses "${ch}" in normalization (symbols between hanzi are dropped); match the symbol in a co-occurrence rule instead`);
    }
  }
  const first = sk.text.codePointAt(0) ?? 0;
  const last = sk.text.codePointAt(sk.text.length - 1) ?? 0;
  const latinStart = isAlnum(first);
  const latinEnd = isAlnum(last);
  const mode: MatchMode = spec.match ?? (latinStart || latinEnd ? 'word' : 'substring');
  const allow: CompiledTerm['allow'] = [];
  const allowSkeletons: string[] = [];
  const termReadings = spec.phonetic ? readingsOf(n) : [];
  for (const phrase of spec.allow ?? []) {
    const a = skeletonOf(phrase).text;
    allowSkeletons.push(a);
    let at = a.indexOf(sk.text);
    if (at < 0) {
      // a phonetic term may allow an innocent word that only SOUNDS like it (贱人 ~ 收件人): checked on hits by sound
      const phraseReadings = readingsOf(normalize(phrase));
      if (termReadings.some((r) => phraseReadings.some((p) => p.includes(r)))) continue;
      throw new Error(`${where}: allow phrase "${phrase}" contains the term "${spec.term}" neither in writing nor by sound`);
    }
    while (at >= 0) {
      allow.push({ text: a, offset: at });
      at = a.indexOf(sk.text, at + 1);
    }
  }
  const texts = [sk.text];
  // wildcard variants: one vowel written as '*' (f*ck, n*gger)
  if (latinStart && /^[a-z]+$/.test(sk.text)) {
    for (let i = 1; i < sk.text.length; i++) {
      if (VOWELS.has(sk.text[i] ?? '')) texts.push(`${sk.text.slice(0, i)}*${sk.text.slice(i + 1)}`);
    }
  }
  const phonetic = spec.phonetic ?? false; // by sound only where the data asks: homophones of common syllables abound (知道你家 ~ 到你家)
  const sounds = phonetic && hanCount(sk.text) > 0 ? readingsOf(n) : [];
  // Pinyin written into a Chinese term (加wei信, 出售da麻, 住zhi, shen份证): every term of two or more hanzi and
  // nothing else is also read by sound, but a hit counts only where the original mixes Latin letters and hanzi
  // (see mixesPinyin), so homophones in plain hanzi (威信, 大妈) and whole pinyin words stay apart.
  const han = hanCount(sk.text);
  const mixed = spec.mixed !== false && !phonetic && han >= 2 && han === [...sk.text].length ? readingsOf(n) : [];
  return { mode, runs: [...sk.runs], latinStart, latinEnd, allow, allowSkeletons, texts, sounds, ...(mixed.length > 0 ? { mixed } : {}) };
}

/**
 * Lists and catalogs this small are built, not cached: building them takes under a millisecond, and tests and
 * operator policies would otherwise leave a cache file behind for every list they try.
 */
const CACHE_MIN_TERMS = 64;
const CACHE_MIN_PATTERNS = 256;

let codeKey: Buffer | null | undefined;

/** Cache files of this kind written by other code (another `matcherCodeKey`): obsolete once this code writes. */
function supersededBy(code: Buffer, kind: string): (name: string) => boolean {
  const mine = `${kind}${code.toString('hex').slice(0, 8)}-`;
  return (name) => name.startsWith(kind) && !name.startsWith(mine);
}

/**
 * What a compiled term or a built matcher depends on besides its terms: the normalizer's code and data (with
 * the Node version: Unicode tables, regular expressions) and the matchers' code. Null when any is unreadable.
 */
function matcherCodeKey(): Buffer | null {
  if (codeKey !== undefined) return codeKey;
  try {
    const normalizeFiles = readdirSync(packagePath('src', 'normalize'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort()
      .map((f) => `src/normalize/${f}`);
    const sources = [
      ...normalizeFiles,
      'rules/generated/t2s.json',
      'rules/generated/pinyin.json',
      'rules/normalize/leet.json',
      'rules/generated/homoglyphs.json',
      'src/detect/matcher/term-index.ts',
      'src/detect/matcher/aho-corasick.ts',
      'src/cache.ts',
    ];
    const hash = keyHash();
    codeKey = hashSources(hash, sources) ? hash.digest() : null;
  } catch {
    codeKey = null;
  }
  return codeKey;
}

/**
 * Compiles a list of terms, through the start-up cache (node_modules/.cache/haven/terms-<key>.json) keyed by
 * the terms (with their match, phonetic and allow fields) and `matcherCodeKey`, and checked by its SHA-256.
 * A bad term is never cached: it throws on every build.
 */
function compileTerms(specs: ReadonlyArray<TermSpec<unknown>>, where: string, cacheDir: string | null = CACHE_DIR): CompiledTerm[] {
  const code = specs.length >= CACHE_MIN_TERMS ? matcherCodeKey() : null;
  if (code === null || cacheDir === null) return specs.map((spec) => compileTerm(spec, where));
  const key = keyHash()
    .update(code)
    .update(JSON.stringify(specs.map((s) => [s.term, s.match ?? null, s.phonetic ?? null, s.allow ?? null, s.mixed ?? null])))
    .digest('hex')
    .slice(0, 32);
  const name = `terms-${code.toString('hex').slice(0, 8)}-${key}.json`;
  // the file: the SHA-256 of the rest (64 hex digits), a newline, then JSON { key, terms }
  const cached = readCache(name, cacheDir);
  if (cached !== null && cached.length > 65 && keyHash().update(cached.subarray(65)).digest('hex') === cached.toString('latin1', 0, 64)) {
    try {
      const terms = JSON.parse(cached.toString('utf8', 65)) as { key: string; terms: StoredTerm[] };
      if (terms.key === key && Array.isArray(terms.terms) && terms.terms.length === specs.length) return terms.terms.map(fromStored);
    } catch {
      // not what this code writes: build again
    }
  }
  const terms = specs.map((spec) => compileTerm(spec, where));
  const body = Buffer.from(JSON.stringify({ key, terms: terms.map(toStored) }));
  writeCache(name, [Buffer.from(`${keyHash().update(body).digest('hex')}\n`), body], cacheDir, supersededBy(code, 'terms-'));
  return terms;
}

/**
 * A compiled term as the cache stores it, five times smaller than the object (so quicker to parse): a symbol
 * term as [its text]; else [flags, texts, runs, sounds, allow, allowSkeletons, mixed], where flags = mode (0 word,
 * 1 prefix, 2 substring) + 4 × latinStart + 8 × latinEnd, runs is 0 when every run is 1, allow is flattened
 * to text, offset, text, offset…, and empty trailing fields are left out.
 */
type StoredTerm = [string] | [number, string[], (number[] | 0)?, string[]?, Array<string | number>?, string[]?, string[]?];
const MODES: readonly MatchMode[] = ['word', 'prefix', 'substring'];

function toStored(t: CompiledTerm): StoredTerm {
  if (t.symbol !== undefined) return [t.symbol];
  const flags = MODES.indexOf(t.mode) + (t.latinStart ? 4 : 0) + (t.latinEnd ? 8 : 0);
  const stored: StoredTerm = [flags, t.texts, t.runs.every((r) => r === 1) ? 0 : t.runs, t.sounds, t.allow.flatMap((a) => [a.text, a.offset]), t.allowSkeletons, t.mixed ?? []];
  while (stored.length > 2 && (stored[stored.length - 1] === 0 || (stored[stored.length - 1] as unknown[]).length === 0)) stored.pop();
  return stored;
}

function fromStored(stored: StoredTerm): CompiledTerm {
  if (typeof stored[0] === 'string') {
    return { symbol: stored[0], mode: 'substring', runs: [], latinStart: false, latinEnd: false, allow: [], allowSkeletons: [], texts: [], sounds: [] };
  }
  const [flags, texts, runs, sounds, allow, allowSkeletons, mixed] = stored as [number, string[], (number[] | 0)?, string[]?, Array<string | number>?, string[]?, string[]?];
  const pairs: CompiledTerm['allow'] = [];
  for (let k = 0; allow !== undefined && k < allow.length; k += 2) pairs.push({ text: allow[k] as string, offset: allow[k + 1] as number });
  return {
    mode: MODES[flags & 3]!,
    runs: runs === undefined || runs === 0 ? new Array<number>(texts[0]!.length).fill(1) : runs,
    latinStart: (flags & 4) !== 0,
    latinEnd: (flags & 8) !== 0,
    allow: pairs,
    allowSkeletons: allowSkeletons ?? [],
    texts,
    sounds: sounds ?? [],
    ...(mixed !== undefined && mixed.length > 0 ? { mixed } : {}),
  };
}

const AUTOMATA_MAGIC = 'HAVENTRM';

/**
 * The three matchers, through the start-up cache (node_modules/.cache/haven/automata-<key>.bin) keyed by the
 * pattern texts in order and `matcherCodeKey`: the built tables of each (`AhoCorasick.arrays`), after a header
 * with the key and a checksum of every word.
 */
function buildMatchers(text: Pattern[], sound: Pattern[], symbols: Pattern[], mixed: Pattern[], cacheDir: string | null = CACHE_DIR): Matchers {
  const build = (): Matchers => ({ text: new AhoCorasick(text), sound: new AhoCorasick(sound), symbols: new AhoCorasick(symbols), mixed: new AhoCorasick(mixed) });
  const code = text.length + sound.length + symbols.length + mixed.length >= CACHE_MIN_PATTERNS ? matcherCodeKey() : null;
  if (code === null || cacheDir === null) return build();
  const hash = keyHash().update(code);
  for (const patterns of [text, sound, symbols, mixed]) hash.update(`${patterns.length}\0${patterns.map((p) => p.text).join('\0')}\0`);
  const key = hash.digest();
  const name = `automata-${code.toString('hex').slice(0, 8)}-${key.toString('hex').slice(0, 32)}.bin`;
  const cached = readCache(name, cacheDir);
  if (cached !== null && cached.length >= 48 && cached.toString('latin1', 0, 8) === AUTOMATA_MAGIC && cached.subarray(8, 40).equals(key)) {
    const arrays = unpackArrays(cached, 48, 32);
    if (arrays !== null && checksumArrays(arrays) === cached.readInt32LE(40)) {
      try {
        return {
          text: new AhoCorasick(text, arrays.slice(0, 8) as unknown as AutomatonArrays),
          sound: new AhoCorasick(sound, arrays.slice(8, 16) as unknown as AutomatonArrays),
          symbols: new AhoCorasick(symbols, arrays.slice(16, 24) as unknown as AutomatonArrays),
          mixed: new AhoCorasick(mixed, arrays.slice(24, 32) as unknown as AutomatonArrays),
        };
      } catch {
        // tables of another shape: build again
      }
    }
  }
  const built = build();
  const arrays = [...built.text.arrays, ...built.sound.arrays, ...built.symbols.arrays, ...built.mixed.arrays];
  const header = Buffer.alloc(48);
  header.write(AUTOMATA_MAGIC, 0, 'latin1');
  key.copy(header, 8);
  header.writeInt32LE(checksumArrays(arrays), 40);
  writeCache(name, [header, ...packArrays(arrays)], cacheDir, supersededBy(code, 'automata-'));
  return built;
}

/** The matchers of a catalog, built once every list has been added. */
interface Matchers {
  text: AhoCorasick<Compiled>;
  sound: AhoCorasick<Compiled>;
  /** Terms made only of symbols and emoji (🔫, 🍆💦): matched in the fold view, where no symbol is dropped. */
  symbols: AhoCorasick<Compiled>;
  /**
   * Readings of Chinese terms not marked phonetic (加wei信, da麻): matched in the phonetic view, only in a text
   * where a hanzi touches a Latin letter, and a hit counts only where the original mixes the two.
   */
  mixed: AhoCorasick<Compiled>;
}

/** One list of terms in a catalog: what a detector holds. */
export class TermList<T> {
  constructor(
    private readonly catalog: TermCatalog,
    private readonly list: number,
  ) {}

  /** This list's hits in the text (computed once per text for every list of the catalog). Do not modify. */
  find(doc: NormalizedText): ReadonlyArray<TermHit<T>> {
    return this.catalog.findAll(doc)[this.list] as ReadonlyArray<TermHit<T>>;
  }
}

/**
 * Several term lists compiled into one set of matchers. Each list is compiled (and checked: bad terms throw,
 * naming `where`) when it is added; the matchers are built on the first find, after which no list may be added.
 */
export class TermCatalog {
  private readonly textPatterns: Pattern[] = [];
  private readonly soundPatterns: Pattern[] = [];
  private readonly symbolPatterns: Pattern[] = [];
  private readonly mixedPatterns: Pattern[] = [];
  private lists = 0;
  private terms = 0;
  private matchers: Matchers | null = null;
  /** Scratch for the matchers' occurrences, reused by every find (matching is synchronous). */
  private readonly found = new Occurrences();
  /** The last text searched and its hits by list: the detectors sharing the catalog each ask for the same text. */
  private lastDoc: NormalizedText | null = null;
  private lastHits: ReadonlyArray<ReadonlyArray<TermHit<unknown>>> = [];

  /**
   * @param options.cacheDir - where compiled lists and built matchers are cached (node_modules/.cache/haven by
   *   default); `null`: always build
   */
  constructor(private readonly options: { cacheDir?: string | null } = {}) {}

  add<T>(specs: Iterable<TermSpec<T>>, where: string): TermList<T> {
    if (this.matchers) throw new Error(`${where}: a term list was added to a catalog already in use`);
    const all = [...specs];
    const terms = compileTerms(all, where, this.options.cacheDir);
    const list = this.lists++;
    for (let k = 0; k < all.length; k++) this.place(terms[k]!, all[k]!.value, list);
    return new TermList<T>(this, list);
  }

  /** Adds a compiled term's patterns to the matchers to be built. */
  private place(term: CompiledTerm, value: unknown, list: number): void {
    const id = this.terms++;
    if (term.symbol !== undefined) {
      this.symbolPatterns.push({
        text: term.symbol,
        value: { id, list, value, mode: 'substring', runs: NO_RUNS, latinStart: false, latinEnd: false, allow: [], allowSkeletons: [] },
      });
      return;
    }
    const compiled: Compiled = {
      id,
      list,
      value,
      mode: term.mode,
      runs: runsArray(term.runs),
      latinStart: term.latinStart,
      latinEnd: term.latinEnd,
      allow: term.allow,
      allowSkeletons: term.allowSkeletons,
    };
    for (const text of term.texts) this.textPatterns.push({ text, value: compiled });
    for (const text of term.sounds) this.soundPatterns.push({ text, value: compiled });
    if (term.mixed !== undefined) {
      const mixedOnly: Compiled = { ...compiled, mixedOnly: true };
      for (const text of term.mixed) this.mixedPatterns.push({ text, value: mixedOnly });
    }
  }

  /** Build the matchers now (otherwise the first find does). */
  seal(): void {
    if (this.matchers) return;
    this.matchers = buildMatchers(this.textPatterns, this.soundPatterns, this.symbolPatterns, this.mixedPatterns, this.options.cacheDir);
    // The automata hold what matching needs; the patterns (tens of thousands of small objects, marked by every
    // full GC of a long-running server) are not read again.
    for (const patterns of [this.textPatterns, this.soundPatterns, this.symbolPatterns, this.mixedPatterns]) patterns.length = 0;
  }

  /** Every list's hits, by list number: text hits first (skeleton view, then symbols in the fold view), then hits by sound. */
  findAll(doc: NormalizedText): ReadonlyArray<ReadonlyArray<TermHit<unknown>>> {
    if (doc === this.lastDoc) return this.lastHits;
    this.seal();
    const m = this.matchers as Matchers;
    const byList: Array<Array<TermHit<unknown>> | undefined> = new Array(this.lists);
    // the hits by text as (term, start, end): a hit by sound of the same term at the same span is not reported twice
    let byText: number[] | null = null;
    const found = this.found;
    const sk = doc.skeleton;
    found.clear();
    m.text.scan(sk.text, found);
    for (let i = 0; i < found.count; i++) {
      const p = found.pattern(i);
      const e = found.end(i);
      const c = m.text.values[p] as Compiled;
      const s = e - (m.text.lengths[p] as number);
      if (!boundaryOk(sk, doc.original, s, e, c)) continue;
      if (!runsOk(sk.runs, s, c)) continue;
      if (c.allow.length > 0 && allowed(sk.text, s, c)) continue;
      const start = sk.start[s] ?? 0;
      const end = sk.end[e - 1] ?? 0;
      (byText ??= []).push(c.id, start, end);
      (byList[c.list] ??= []).push({ value: c.value, start, end, via: 'text' });
    }
    // 黑s鬼: one Latin letter slipped between the characters of a Chinese term (rare, so checked for first).
    const lettered = hanWithoutLoneLetters(sk.text);
    if (lettered !== null) {
      found.clear();
      m.text.scan(lettered.text, found);
      for (let i = 0; i < found.count; i++) {
        const p = found.pattern(i);
        const e = found.end(i);
        const c = m.text.values[p] as Compiled;
        const s = e - (m.text.lengths[p] as number);
        if (c.latinStart || c.latinEnd || !lettered.dropsInside(s, e)) continue; // Chinese terms, across a dropped letter
        if (c.allow.length > 0 && allowed(lettered.text, s, c)) continue;
        const start = sk.start[lettered.at[s] as number] ?? 0;
        const end = sk.end[lettered.at[e - 1] as number] ?? 0;
        (byText ??= []).push(c.id, start, end);
        (byList[c.list] ??= []).push({ value: c.value, start, end, via: 'text' });
      }
    }
    if (m.symbols.size > 0) {
      const f = doc.fold;
      found.clear();
      m.symbols.scan(f.text, found);
      for (let i = 0; i < found.count; i++) {
        const p = found.pattern(i);
        const e = found.end(i);
        const c = m.symbols.values[p] as Compiled;
        const s = e - (m.symbols.lengths[p] as number);
        (byList[c.list] ??= []).push({ value: c.value, start: f.start[s] ?? 0, end: f.end[e - 1] ?? 0, via: 'text' });
      }
    }
    if (doc.phonetic.text.length > 0) {
      if (m.sound.size > 0) this.bySound(m.sound, doc, byText, byList);
      // pinyin written into a Chinese term: only a text with both hanzi and Latin letters can hold one
      if (m.mixed.size > 0 && mixesPinyin(doc.original, 0, doc.original.length)) this.bySound(m.mixed, doc, byText, byList);
    }
    const result: Array<ReadonlyArray<TermHit<unknown>>> = new Array(this.lists);
    for (let k = 0; k < this.lists; k++) result[k] = byList[k] ?? NO_HITS;
    this.lastDoc = doc;
    this.lastHits = result;
    return result;
  }

  /** The hits of one automaton over the phonetic view (hits by sound), after the text hits `byText`. */
  private bySound(automaton: AhoCorasick<Compiled>, doc: NormalizedText, byText: number[] | null, byList: Array<Array<TermHit<unknown>> | undefined>): void {
    const ph = doc.phonetic;
    const found = this.found;
    found.clear();
    automaton.scan(ph.text, found);
    for (let i = 0; i < found.count; i++) {
      const p = found.pattern(i);
      const e = found.end(i);
      const s = e - (automaton.lengths[p] as number);
      if (ph.tokenStart[s] === 0) continue;
      if (e < ph.text.length && ph.tokenStart[e] === 0) continue;
      if (crossesBreak(ph.tokenStart, s, e)) continue;
      const start = ph.start[s] ?? 0;
      const end = ph.end[e - 1] ?? 0;
      const c = automaton.values[p] as Compiled;
      if (c.mixedOnly === true && !mixesPinyin(doc.original, start, end)) continue;
      if (acrossNumber(doc.original, start, end)) continue;
      if (byText !== null && foundByText(byText, c.id, start, end)) continue;
      if (allowedAround(doc, start, end, c)) continue;
      (byList[c.list] ??= []).push({ value: c.value, start, end, via: 'sound' });
    }
  }
}

/** One shared array per length for the usual runs, every letter written once (most terms): fewer heap objects. */
const SINGLE_RUNS: Uint16Array[] = [];
function runsArray(runs: readonly number[]): Uint16Array {
  if (runs.some((r) => r !== 1)) return Uint16Array.from(runs);
  return (SINGLE_RUNS[runs.length] ??= new Uint16Array(runs.length).fill(1));
}

/** A compiled set of terms on its own: a catalog of one list, built at once. */
export class TermIndex<T> {
  private readonly terms: TermList<T>;

  constructor(specs: Iterable<TermSpec<T>>, where: string) {
    const catalog = new TermCatalog();
    this.terms = catalog.add(specs, where);
    catalog.seal();
  }

  find(doc: NormalizedText): Array<TermHit<T>> {
    return this.terms.find(doc).slice();
  }
}

const HAN_CHAR = /\p{Script=Han}/u;
const LATIN_CHAR = /\p{Script=Latin}/u;

/**
 * Does the original span mix hanzi and Latin letters (加wei信, da麻, 出y4n)? Only there is a Chinese term not
 * marked phonetic found by sound: pinyin written into the term, not a homophone in plain hanzi.
 */
function mixesPinyin(original: string, start: number, end: number): boolean {
  const span = original.slice(start, end);
  return HAN_CHAR.test(span) && LATIN_CHAR.test(span);
}

/**
 * Does a hit by sound run across a number of two or more digits (打印纸 500张 read as 智障)? The views drop what
 * stands between two hanzi, and a quantity is not an evasion; one digit (傻2逼, 出y4n) still is.
 */
function acrossNumber(original: string, start: number, end: number): boolean {
  return /[0-9０-９]{2,}/u.test(original.slice(start, end));
}

/** Did term `id` match by text at [start, end)? `byText` holds (term, start, end) triples. */
function foundByText(byText: readonly number[], id: number, start: number, end: number): boolean {
  for (let k = 0; k < byText.length; k += 3) if (byText[k] === id && byText[k + 1] === start && byText[k + 2] === end) return true;
  return false;
}

function boundaryOk(view: View, original: string, s: number, e: number, c: Compiled): boolean {
  if (c.mode === 'substring') return true;
  const text = view.text;
  if (c.latinStart && s > 0 && isAlnum(text.charCodeAt(s - 1)) && !afterSpacedArticle(view, original, s)) return false;
  if (c.mode === 'word' && c.latinEnd && e < text.length && isAlnum(text.charCodeAt(e))) return false;
  return true;
}

/**
 * "such a l o s e r": the normalizer joins spaced-out letters into one word ("aloser"), and cannot know that the
 * first letter was the word "a" (or "I") without a dictionary — "a s s" must stay "ass". The matcher can: a hit
 * that starts on the second letter of a joined run whose first letter is a or i, where both that letter and the
 * hit's first two letters were spaced apart in the original, starts a word. ("c l a s s" holds no such hit: its
 * run does not begin with a or i.)
 */
function afterSpacedArticle(view: View, original: string, s: number): boolean {
  const prev = view.text.charCodeAt(s - 1);
  if (prev !== 0x61 && prev !== 0x69) return false; // a, i (the views are lower case)
  if (s >= 2 && isAlnum(view.text.charCodeAt(s - 2))) return false;
  return spacedApart(view, original, s - 1) && spacedApart(view, original, s);
}

/** Were view units k and k + 1 separated by whitespace in the original? */
function spacedApart(view: View, original: string, k: number): boolean {
  const from = view.end[k] ?? 0;
  const to = view.start[k + 1] ?? 0;
  for (let x = from; x < to; x++) if (/\s/.test(original[x] as string)) return true;
  return false;
}

/**
 * The skeleton text with every lone Latin letter between two hanzi left out (黑s鬼 → 黑鬼), with `at[k]`, the
 * skeleton position of each kept unit; null when there is none (the usual case). Only Chinese terms are looked
 * for in it, and only across a dropped letter: 买A货 holds no term, so Chinese text with a letter in it (A货,
 * B站, 维C) costs nothing and flags nothing.
 */
const LONE_LETTER_IN_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][a-z][\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/; // isHan's BMP ranges

function hanWithoutLoneLetters(text: string): { text: string; at: Int32Array; dropsInside(s: number, e: number): boolean } | null {
  const m = LONE_LETTER_IN_HAN.exec(text); // the usual case (none) is settled natively
  if (m === null) return null;
  const first = m.index + 1;
  const at = new Int32Array(text.length);
  const droppedBefore: number[] = []; // positions k of the shorter text with a letter dropped between k - 1 and k
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (i >= first && i + 1 < text.length && isLatinLetter(text.charCodeAt(i)) && isHan(text.charCodeAt(i - 1)) && isHan(text.charCodeAt(i + 1))) {
      droppedBefore.push(out.length);
      continue;
    }
    at[out.length] = i;
    out += text[i];
  }
  return { text: out, at, dropsInside: (s, e) => droppedBefore.some((k) => k > s && k < e) };
}

/** Does a match by sound over [s, e) cross sentence punctuation (a syllable marked 2 inside it)? */
function crossesBreak(tokenStart: Uint8Array, s: number, e: number): boolean {
  for (let k = s + 1; k < e; k++) if (tokenStart[k] === 2) return true;
  return false;
}

/**
 * Letter runs: the text's run must equal the term's (rapper is not rape, Niger is not nigger) or be stretched
 * to three or more (fuuuuck, killll).
 */
function runsOk(runs: Uint16Array, s: number, c: Compiled): boolean {
  for (let k = 0; k < c.runs.length; k++) {
    const got = runs[s + k] ?? 1;
    const want = c.runs[k] ?? 1;
    if (got !== want && (got < 3 || got < want)) return false;
  }
  return true;
}

/**
 * Is the hit at s inside one of the term's allowlisted innocent words? A Latin allow phrase must start a
 * word there: "our daughter" must not hide "your daughter" (it may run on: "screenshot" covers "screenshots"),
 * except that a phrase starting with a digit may continue a number ("0 cnm" covers "50 cNm", round 34).
 */
function allowed(text: string, s: number, c: Compiled): boolean {
  for (const a of c.allow) {
    const at = s - a.offset;
    if (at < 0 || !text.startsWith(a.text, at)) continue;
    const first = a.text.charCodeAt(0);
    // a phrase that starts with a digit may continue a longer number ('0 cnm' covers '50 cNm', a unit)
    if (isAlnum(first) && at > 0 && isAlnum(text.charCodeAt(at - 1)) && !(isDigit(first) && isDigit(text.charCodeAt(at - 1)))) continue;
    return true;
  }
  return false;
}

/** For a hit by sound: is the written text there one of the allowlisted innocent words? */
function allowedAround(doc: NormalizedText, start: number, end: number, c: Compiled): boolean {
  if (c.allowSkeletons.length === 0) return false;
  const window = doc.original.slice(Math.max(0, start - 8), Math.min(doc.original.length, end + 8));
  const n = normalize(window);
  const text = n.skeleton.text;
  if (c.allowSkeletons.some((phrase) => text.includes(phrase))) return true;
  // pinyin written into an allowed word (打ma将 for 麻将 next to 大麻): compared by sound
  return c.mixedOnly === true && c.allowSkeletons.some((phrase) => n.phonetic.text.includes(normalize(phrase).phonetic.text));
}
