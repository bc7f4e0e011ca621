/**
 * The shapes of the rule data under rules/, and the checks that run when they are loaded.
 * A bad file throws at load with its path and the bad field, never while screening.
 */
import { LABELS, SURFACES, TEXT_KINDS, type Label, type Surface, type TextKind } from '../types.ts';
import type { MatchMode } from './matcher/term-index.ts';
import type { Severity } from './types.ts';

export interface LexiconEntry {
  term: string;
  severity: Severity;
  score: number;
  match?: MatchMode;
  phonetic?: boolean;
  allow?: string[];
  surfaces?: Surface[];
  kinds?: TextKind[];
  note?: string;
}

export interface LexiconFile {
  label: Label;
  lang: 'zh' | 'en' | 'any';
  entries: LexiconEntry[];
}

export interface CooccurrenceRule {
  id: string;
  label: Label;
  severity: Severity;
  score: number;
  /** Every group must have at least one term in the text. */
  groups: Record<string, Array<{ term: string; match?: MatchMode; phonetic?: boolean; allow?: string[] }>>;
  /** The matched terms must lie within this many characters of one another (0: anywhere in the text). */
  window: number;
  surfaces?: Surface[];
  kinds?: TextKind[];
  note?: string;
}

export interface ContextRule {
  id: string;
  reason: string;
  /** Labels whose verdict this context lowers. */
  lowers: Label[];
  /** The verdict those labels are lowered to. */
  to: 'allow' | 'hold';
  terms: Array<{ term: string; match?: MatchMode; allow?: string[] }>;
  /** Does not apply when any of these labels is also present (e.g. a report that itself threatens). */
  unless?: Label[];
  /**
   * Does not apply when any of these terms is anywhere in the text: words that step outside the context
   * ("irl", "your address" in game chat), so one context word cannot excuse a whole message.
   */
  except?: Array<{ term: string; match?: MatchMode; allow?: string[] }>;
  /**
   * `all` (default): lowers the label whatever raised it. `model`: lowers a label only where the learned
   * model alone raised it — an exclamation ("fuck yeah, we won") or a child's shoe size is not abuse, but
   * a lexicon hit in the same text still counts.
   */
  scope?: 'all' | 'model';
  /**
   * Where in the message a cue lowers findings (round 25). `sentence` (default): only findings in the cue's own
   * sentence, in the next sentence when the cue's sentence ends with a colon, and inside quoted spans — so
   * "I reported him. You're a worthless piece of shit" keeps the writer's own insult. `message`: anywhere in
   * the message, for genre cues (game chat, a buyer's own delivery data, a joke about spoilers) whose context
   * is the whole message; their `except` terms are what steps outside it.
   */
  reach?: 'sentence' | 'message';
}

export class RuleFileError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'RuleFileError';
  }
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SEVERITIES = ['block', 'hold', 'allow'] as const;
const MODES = ['word', 'prefix', 'substring'] as const;

function oneOf<T extends string>(file: string, field: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new RuleFileError(file, field, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)})`);
  }
  return v as T;
}

function str(file: string, field: string, v: unknown): string {
  if (typeof v !== 'string' || v.length === 0) throw new RuleFileError(file, field, 'must be a non-empty string');
  return v;
}

function num01(file: string, field: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new RuleFileError(file, field, 'must be a number from 0 to 1');
  return v;
}

function strList(file: string, field: string, v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw new RuleFileError(file, field, 'must be a list of strings');
  return v.map((x, i) => str(file, `${field}[${i}]`, x));
}

function enumList<T extends string>(file: string, field: string, v: unknown, allowed: readonly T[]): T[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw new RuleFileError(file, field, 'must be a list');
  return v.map((x, i) => oneOf(file, `${field}[${i}]`, x, allowed));
}

function checkKeys(file: string, field: string, o: Obj, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new RuleFileError(file, `${field}.${k}`, `unknown field (allowed: ${allowed.join(', ')})`);
}

function term(file: string, field: string, v: unknown): { term: string; match?: MatchMode; phonetic?: boolean; allow?: string[]; note?: string } {
  if (typeof v === 'string') return { term: str(file, field, v) };
  if (!isObj(v)) throw new RuleFileError(file, field, 'must be a string or an object with "term"');
  checkKeys(file, field, v, ['term', 'match', 'phonetic', 'allow', 'note']);
  return {
    term: str(file, `${field}.term`, v.term),
    ...(v.match !== undefined ? { match: oneOf(file, `${field}.match`, v.match, MODES) } : {}),
    ...(v.phonetic !== undefined ? { phonetic: Boolean(v.phonetic) } : {}),
    ...(v.allow !== undefined ? { allow: strList(file, `${field}.allow`, v.allow) } : {}),
    ...(v.note !== undefined ? { note: str(file, `${field}.note`, v.note) } : {}),
  };
}

export function parseLexicon(file: string, raw: unknown): LexiconFile {
  if (!isObj(raw)) throw new RuleFileError(file, '(root)', 'must be a mapping');
  checkKeys(file, '(root)', raw, ['label', 'lang', 'severity', 'score', 'entries', 'note']);
  const label = oneOf(file, 'label', raw.label, LABELS);
  const lang = oneOf(file, 'lang', raw.lang, ['zh', 'en', 'any'] as const);
  const severity = oneOf(file, 'severity', raw.severity ?? 'block', SEVERITIES);
  const score = num01(file, 'score', raw.score, 0.9);
  if (!Array.isArray(raw.entries)) throw new RuleFileError(file, 'entries', 'must be a list');
  const entries = raw.entries.map((e: unknown, i: number): LexiconEntry => {
    const field = `entries[${i}]`;
    if (typeof e === 'string') return { term: str(file, field, e), severity, score };
    if (!isObj(e)) throw new RuleFileError(file, field, 'must be a string or a mapping');
    checkKeys(file, field, e, ['term', 'severity', 'score', 'match', 'phonetic', 'allow', 'surfaces', 'kinds', 'note']);
    const t = term(file, field, { term: e.term, match: e.match, phonetic: e.phonetic, allow: e.allow, note: e.note });
    return {
      ...t,
      severity: e.severity === undefined ? severity : oneOf(file, `${field}.severity`, e.severity, SEVERITIES),
      score: num01(file, `${field}.score`, e.score, score),
      ...(e.surfaces !== undefined ? { surfaces: enumList(file, `${field}.surfaces`, e.surfaces, SURFACES) } : {}),
      ...(e.kinds !== undefined ? { kinds: enumList(file, `${field}.kinds`, e.kinds, TEXT_KINDS) } : {}),
    };
  });
  return { label, lang, entries };
}

export function parseCooccurrence(file: string, raw: unknown): CooccurrenceRule[] {
  if (!isObj(raw) || !Array.isArray(raw.rules)) throw new RuleFileError(file, 'rules', 'must be a list');
  return raw.rules.map((r: unknown, i: number): CooccurrenceRule => {
    const field = `rules[${i}]`;
    if (!isObj(r)) throw new RuleFileError(file, field, 'must be a mapping');
    checkKeys(file, field, r, ['id', 'label', 'severity', 'score', 'groups', 'window', 'surfaces', 'kinds', 'note']);
    if (!isObj(r.groups) || Object.keys(r.groups).length < 2) throw new RuleFileError(file, `${field}.groups`, 'needs at least two named groups');
    const groups: CooccurrenceRule['groups'] = {};
    for (const [name, list] of Object.entries(r.groups)) {
      if (!Array.isArray(list) || list.length === 0) throw new RuleFileError(file, `${field}.groups.${name}`, 'must be a non-empty list');
      groups[name] = list.map((t: unknown, j: number) => term(file, `${field}.groups.${name}[${j}]`, t));
    }
    const window = r.window === undefined ? 0 : r.window;
    if (typeof window !== 'number' || window < 0) throw new RuleFileError(file, `${field}.window`, 'must be a number ≥ 0');
    return {
      id: str(file, `${field}.id`, r.id),
      label: oneOf(file, `${field}.label`, r.label, LABELS),
      severity: oneOf(file, `${field}.severity`, r.severity ?? 'block', SEVERITIES),
      score: num01(file, `${field}.score`, r.score, 0.9),
      groups,
      window,
      ...(r.surfaces !== undefined ? { surfaces: enumList(file, `${field}.surfaces`, r.surfaces, SURFACES) } : {}),
      ...(r.kinds !== undefined ? { kinds: enumList(file, `${field}.kinds`, r.kinds, TEXT_KINDS) } : {}),
      ...(r.note !== undefined ? { note: str(file, `${field}.note`, r.note) } : {}),
    };
  });
}

export function parseContext(file: string, raw: unknown): ContextRule[] {
  if (!isObj(raw) || !Array.isArray(raw.rules)) throw new RuleFileError(file, 'rules', 'must be a list');
  return raw.rules.map((r: unknown, i: number): ContextRule => {
    const field = `rules[${i}]`;
    if (!isObj(r)) throw new RuleFileError(file, field, 'must be a mapping');
    checkKeys(file, field, r, ['id', 'reason', 'lowers', 'to', 'terms', 'unless', 'except', 'scope', 'reach']);
    if (r.except !== undefined && (!Array.isArray(r.except) || r.except.length === 0)) throw new RuleFileError(file, `${field}.except`, 'must be a non-empty list');
    if (!Array.isArray(r.terms) || r.terms.length === 0) throw new RuleFileError(file, `${field}.terms`, 'must be a non-empty list');
    return {
      id: str(file, `${field}.id`, r.id),
      reason: str(file, `${field}.reason`, r.reason),
      lowers: enumList(file, `${field}.lowers`, r.lowers, LABELS) ?? [],
      to: oneOf(file, `${field}.to`, r.to ?? 'allow', ['allow', 'hold'] as const),
      terms: r.terms.map((t: unknown, j: number) => term(file, `${field}.terms[${j}]`, t)),
      ...(r.unless !== undefined ? { unless: enumList(file, `${field}.unless`, r.unless, LABELS) } : {}),
      ...(Array.isArray(r.except) ? { except: r.except.map((t: unknown, j: number) => term(file, `${field}.except[${j}]`, t)) } : {}),
      ...(r.scope !== undefined ? { scope: oneOf(file, `${field}.scope`, r.scope, ['all', 'model'] as const) } : {}),
      ...(r.reach !== undefined ? { reach: oneOf(file, `${field}.reach`, r.reach, ['sentence', 'message'] as const) } : {}),
    };
  });
}

/** A Chinese entry of rules/sentences.yaml: matched anywhere, not when one of `notBefore` follows. */
export interface SentenceTerm {
  term: string;
  notBefore?: string[];
}

/** Latin words matched as whole words, and Chinese terms matched anywhere. */
export interface SentenceWordList {
  en: string[];
  zh: SentenceTerm[];
}

/**
 * rules/sentences.yaml: the words that decide how far a `reach: sentence` cue reaches (src/policy/sentences.ts
 * combines them; the file's comments say what each list is for).
 */
export interface SentenceWords {
  colons: string[];
  reader: SentenceWordList;
  third: SentenceWordList;
  first: SentenceWordList;
  speechVerbs: SentenceWordList;
  ownWords: {
    opening: { discourse: string[]; en: string[]; zh: SentenceTerm[] };
    verdict: {
      en: { subjects: string[]; contractions: string[]; verbs: string[]; intensifiers: string[]; words: string[] };
      zh: Array<{ subjects: string[]; adverbs: string[]; copulas: string[]; measures?: string[] }>;
    };
    groupCommand: {
      en: { leads: string[]; between: string[]; commands: string[] };
      zh: { leads: string[]; between: string[]; commands: string[]; alone: string[] };
    };
  };
}

function mapping(file: string, field: string, v: unknown, keys: readonly string[]): Obj {
  if (!isObj(v)) throw new RuleFileError(file, field, 'must be a mapping');
  checkKeys(file, field, v, keys);
  return v;
}

/** A word or phrase that does not begin or end with white space (a pattern built from it would then need it). */
function word(file: string, field: string, v: unknown): string {
  const w = str(file, field, v);
  if (w.trim() !== w) throw new RuleFileError(file, field, `must not begin or end with white space (got ${JSON.stringify(w)})`);
  return w;
}

function words(file: string, field: string, v: unknown): string[] {
  if (!Array.isArray(v) || v.length === 0) throw new RuleFileError(file, field, 'must be a non-empty list of strings');
  return v.map((x, i) => word(file, `${field}[${i}]`, x));
}

function sentenceTerms(file: string, field: string, v: unknown): SentenceTerm[] {
  if (!Array.isArray(v) || v.length === 0) throw new RuleFileError(file, field, 'must be a non-empty list');
  return v.map((x, i): SentenceTerm => {
    const f = `${field}[${i}]`;
    if (typeof x === 'string') return { term: word(file, f, x) };
    const o = mapping(file, f, x, ['term', 'not_before', 'note']);
    if (o.note !== undefined) str(file, `${f}.note`, o.note);
    return {
      term: word(file, `${f}.term`, o.term),
      ...(o.not_before !== undefined ? { notBefore: words(file, `${f}.not_before`, o.not_before) } : {}),
    };
  });
}

function wordList(file: string, field: string, v: unknown): SentenceWordList {
  const o = mapping(file, field, v, ['en', 'zh']);
  return { en: words(file, `${field}.en`, o.en), zh: sentenceTerms(file, `${field}.zh`, o.zh) };
}

export function parseSentences(file: string, raw: unknown): SentenceWords {
  const root = mapping(file, '(root)', raw, ['colons', 'reader', 'third', 'first', 'speech_verbs', 'own_words']);
  const own = mapping(file, 'own_words', root.own_words, ['opening', 'verdict', 'group_command']);
  const opening = mapping(file, 'own_words.opening', own.opening, ['discourse', 'en', 'zh']);
  const verdict = mapping(file, 'own_words.verdict', own.verdict, ['en', 'zh']);
  const verdictEn = mapping(file, 'own_words.verdict.en', verdict.en, ['subjects', 'contractions', 'verbs', 'intensifiers', 'words']);
  if (!Array.isArray(verdict.zh) || verdict.zh.length === 0) throw new RuleFileError(file, 'own_words.verdict.zh', 'must be a non-empty list');
  const group = mapping(file, 'own_words.group_command', own.group_command, ['en', 'zh']);
  const groupEn = mapping(file, 'own_words.group_command.en', group.en, ['leads', 'between', 'commands']);
  const groupZh = mapping(file, 'own_words.group_command.zh', group.zh, ['leads', 'between', 'commands', 'alone']);
  const at = (field: string, o: Obj, key: string): string[] => words(file, `${field}.${key}`, o[key]);
  return {
    colons: words(file, 'colons', root.colons),
    reader: wordList(file, 'reader', root.reader),
    third: wordList(file, 'third', root.third),
    first: wordList(file, 'first', root.first),
    speechVerbs: wordList(file, 'speech_verbs', root.speech_verbs),
    ownWords: {
      opening: {
        discourse: at('own_words.opening', opening, 'discourse'),
        en: at('own_words.opening', opening, 'en'),
        zh: sentenceTerms(file, 'own_words.opening.zh', opening.zh),
      },
      verdict: {
        en: {
          subjects: at('own_words.verdict.en', verdictEn, 'subjects'),
          contractions: at('own_words.verdict.en', verdictEn, 'contractions'),
          verbs: at('own_words.verdict.en', verdictEn, 'verbs'),
          intensifiers: at('own_words.verdict.en', verdictEn, 'intensifiers'),
          words: at('own_words.verdict.en', verdictEn, 'words'),
        },
        zh: verdict.zh.map((form: unknown, i: number) => {
          const field = `own_words.verdict.zh[${i}]`;
          const o = mapping(file, field, form, ['subjects', 'adverbs', 'copulas', 'measures']);
          return {
            subjects: at(field, o, 'subjects'),
            adverbs: at(field, o, 'adverbs'),
            copulas: at(field, o, 'copulas'),
            ...(o.measures !== undefined ? { measures: at(field, o, 'measures') } : {}),
          };
        }),
      },
      groupCommand: {
        en: {
          leads: at('own_words.group_command.en', groupEn, 'leads'),
          between: at('own_words.group_command.en', groupEn, 'between'),
          commands: at('own_words.group_command.en', groupEn, 'commands'),
        },
        zh: {
          leads: at('own_words.group_command.zh', groupZh, 'leads'),
          between: at('own_words.group_command.zh', groupZh, 'between'),
          commands: at('own_words.group_command.zh', groupZh, 'commands'),
          alone: at('own_words.group_command.zh', groupZh, 'alone'),
        },
      },
    },
  };
}
