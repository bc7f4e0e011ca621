/**
 * The doxxing cue lists from rules/doxxing/cues.json, compiled once at load. Macros are expanded
 * (macros may use macros) and every pattern is constructed alone, so a syntax error throws here naming its
 * id, never while screening; `emptyMatches` lists the patterns that would match the empty string (a test
 * keeps that list empty).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { hashSources, keyHash, readCache, writeCache } from '../../cache.ts';
import { AhoCorasick, Occurrences } from '../matcher/aho-corasick.ts';
import { minimalLiterals, necessaryLiterals } from './literals.ts';
import { CACHE_DIR, packagePath } from '../../paths.ts';

const VIEWS = ['compact', 'phonetic'] as const;
/** Which normalized view a cue is matched on. */
export type CueView = (typeof VIEWS)[number];

const entry = z.object({
  id: z.string().min(1),
  pattern: z.string().min(1),
  note: z.string().optional(),
  /** A third-party cue that names no owner (身份证号是): any own-data cue nearby overrides it. */
  weak: z.boolean().optional(),
  /** `compact` (default) or `phonetic` (pinyin: renrou, kaihe). */
  view: z.enum(VIEWS).optional(),
});
const schema = z.object({
  macros: z.record(z.string(), z.string()),
  thirdParty: z.array(entry).min(1),
  ownData: z.array(entry).min(1),
  probing: z.array(entry).min(1),
  hunting: z.array(entry).min(1),
  publishThreat: z.array(entry).min(1),
  revealing: z.array(entry),
  plates: z.array(z.object({ id: z.string().min(1), pattern: z.string().min(1), note: z.string().optional() })).min(1),
});

export const CUE_KINDS = ['thirdParty', 'ownData', 'probing', 'hunting', 'publishThreat', 'revealing'] as const;
export type CueKind = (typeof CUE_KINDS)[number];

/** One cue list on one view: all entries as one alternation (to find), and each alone (to name the one that fired). */
export interface CueList {
  readonly any: RegExp | null;
  readonly entries: readonly { id: string; re: RegExp; weak: boolean }[];
}

/** One cue found in a view: [start, end) in VIEW positions. */
export interface CueHit {
  id: string;
  weak: boolean;
  start: number;
  end: number;
}

/**
 * Per view, which kinds of cue a text can possibly hold: every entry's necessary literals (literals.ts) in one
 * Aho–Corasick automaton whose values are kind bits; `always` has the bits of kinds with an entry that names
 * none. A kind whose bit is clear cannot match, so its patterns are neither run nor compiled.
 */
export interface CuePrefilter {
  readonly automaton: AhoCorasick<number>;
  readonly always: number;
}

export interface CompiledCues {
  lists: Record<CueKind, Record<CueView, CueList>>;
  plates: RegExp;
  prefilter: Record<CueView, CuePrefilter>;
}

/** The bit of a cue kind in a prefilter mask. */
export function kindBit(kind: CueKind): number {
  return 1 << CUE_KINDS.indexOf(kind);
}

const found = new Occurrences();

/** The kinds (as bits) whose cues `text` may hold on `view`; a clear bit is a proof of no match. */
export function possibleKinds(cues: CompiledCues, view: CueView, text: string): number {
  const { automaton, always } = cues.prefilter[view];
  let mask = always;
  found.clear();
  automaton.scan(text, found);
  for (let i = 0; i < found.count; i++) mask |= automaton.values[found.pattern(i)]!;
  return mask;
}

const FILE = 'rules/doxxing/cues.json';

function expand(pattern: string, macros: Record<string, string>, where: string, depth = 0): string {
  if (depth > 5) throw new Error(`${FILE}: ${where}: macros nest too deep`);
  return pattern.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const body = macros[name];
    if (body === undefined) throw new Error(`${FILE}: ${where}: unknown macro {${name}}`);
    return expand(body, macros, where, depth + 1);
  });
}

function compile(source: string, flags: string, where: string): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (cause) {
    throw new Error(`${FILE}: ${where}: bad pattern: ${(cause as Error).message}`);
  }
  // Whether a pattern matches the empty string is checked by src/detect/doxxing/index.test.ts, not here: the
  // check runs the pattern, which makes V8 compile all 66 of them at start-up (≈ 60 ms), where screening only
  // ever compiles the few it runs.
  return re;
}

/**
 * @param cacheDir - where the prefilter's literals are cached (node_modules/.cache/haven by default; `null`: always
 *   derive them). Deriving them parses every pattern (~25 ms of each process's start).
 */
export function compileCues(raw: unknown, cacheDir: string | null = CACHE_DIR): CompiledCues {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${FILE}: ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}`);
  }
  const data = parsed.data;
  const lists = {} as Record<CueKind, Record<CueView, CueList>>;
  for (const kind of CUE_KINDS) {
    const seen = new Set<string>();
    const entries = data[kind].map((e) => {
      if (seen.has(e.id)) throw new Error(`${FILE}: ${kind}: duplicate id ${e.id}`);
      seen.add(e.id);
      const where = `${kind}.${e.id}`;
      const source = expand(e.pattern, data.macros, where);
      return { id: e.id, source, view: e.view ?? 'compact', re: compile(source, 'y', where), weak: e.weak === true };
    });
    const byView = {} as Record<CueView, CueList>;
    for (const view of VIEWS) {
      const mine = entries.filter((e) => e.view === view);
      byView[view] = {
        any: mine.length > 0 ? compile(mine.map((e) => `(?:${e.source})`).join('|'), 'g', `${kind} (${view})`) : null,
        entries: mine.map(({ id, re, weak }) => ({ id, re, weak })),
      };
    }
    lists[kind] = byView;
  }
  const plates = compile(data.plates.map((p) => `(?:${expand(p.pattern, data.macros, `plates.${p.id}`)})`).join('|'), 'g', 'plates');
  const prefilter = {} as Record<CueView, CuePrefilter>;
  const literals = prefilterLiterals(lists, cacheDir);
  for (const view of VIEWS) {
    const { always, pairs } = literals[view];
    prefilter[view] = { automaton: new AhoCorasick(pairs.map(([text, value]) => ({ text, value }))), always };
  }
  return { lists, plates, prefilter };
}

type PrefilterLiterals = Record<CueView, { always: number; pairs: Array<[string, number]> }>;

/**
 * Per view, the literals that must occur for each kind of cue to match (kind bits), and the kinds that need none.
 * Derived by parsing every pattern (./literals.ts), or read from the start-up cache under a name that hashes the
 * patterns and the code that derives them.
 */
function prefilterLiterals(lists: Record<CueKind, Record<CueView, CueList>>, cacheDir: string | null): PrefilterLiterals {
  const derive = (): PrefilterLiterals => {
    const out = {} as PrefilterLiterals;
    for (const view of VIEWS) {
      const bits = new Map<string, number>();
      let always = 0;
      for (const kind of CUE_KINDS) {
        for (const e of lists[kind][view].entries) {
          const found = necessaryLiterals(e.re.source);
          if (found === null) always |= kindBit(kind);
          else for (const l of found) bits.set(l, (bits.get(l) ?? 0) | kindBit(kind));
        }
      }
      out[view] = { always, pairs: [...minimalLiterals(bits)] };
    }
    return out;
  };
  if (cacheDir === null) return derive();
  const hash = keyHash();
  if (!hashSources(hash, ['src/detect/doxxing/literals.ts', 'src/detect/doxxing/cues.ts'])) return derive();
  for (const kind of CUE_KINDS) for (const view of VIEWS) hash.update(`${kind}\0${view}\0${lists[kind][view].entries.map((e) => e.re.source).join('\0')}\0`);
  const name = `cues-prefilter-${hash.digest('hex').slice(0, 32)}.json`;
  const cached = readCache(name, cacheDir);
  if (cached !== null) {
    try {
      const parsed = JSON.parse(cached.toString('utf8')) as PrefilterLiterals;
      if (VIEWS.every((v) => Number.isInteger(parsed[v]?.always) && Array.isArray(parsed[v]?.pairs))) return parsed;
    } catch {
      // damaged: derive again
    }
  }
  const derived = derive();
  writeCache(name, [Buffer.from(JSON.stringify(derived))], cacheDir, (other) => other.startsWith('cues-prefilter-'));
  return derived;
}

/** Ids of the patterns that match the empty string (each would fire on every text). Runs every pattern. */
export function emptyMatches(cues: CompiledCues): string[] {
  const out: string[] = [];
  for (const kind of CUE_KINDS) {
    for (const view of VIEWS) {
      for (const e of cues.lists[kind][view].entries) if (new RegExp(e.re.source).test('')) out.push(`${kind}.${e.id}`);
    }
  }
  if (new RegExp(cues.plates.source).test('')) out.push('plates');
  return out;
}

export const CUES: CompiledCues = compileCues(JSON.parse(readFileSync(packagePath('rules', 'doxxing', 'cues.json'), 'utf8')));

/** Every cue of one list in `text`, non-overlapping, leftmost first. */
export function findCues(list: CueList, text: string): CueHit[] {
  const any = list.any;
  if (any === null) return [];
  const out: CueHit[] = [];
  any.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = any.exec(text)) !== null) {
    const at = m.index;
    // The alternation takes the first entry that matches here; the same entry, tried alone, names it.
    let id = 'unknown';
    let weak = false;
    for (const e of list.entries) {
      e.re.lastIndex = at;
      if (e.re.test(text)) {
        id = e.id;
        weak = e.weak;
        break;
      }
    }
    out.push({ id, weak, start: at, end: at + m[0].length });
    if (m[0].length === 0) any.lastIndex++;
  }
  return out;
}
