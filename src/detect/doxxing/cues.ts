/**
 * The doxxing cue lists from rules/doxxing/cues.json, compiled once at load. Macros are expanded and
 * every pattern is compiled alone, so a bad entry throws here naming its id, never while screening.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const entry = z.object({
  id: z.string().min(1),
  pattern: z.string().min(1),
  note: z.string().optional(),
  /** A third-party cue that names no owner (身份证号是): any own-data cue nearby overrides it. */
  weak: z.boolean().optional(),
});
const schema = z.object({
  macros: z.record(z.string(), z.string()),
  thirdParty: z.array(entry).min(1),
  ownData: z.array(entry).min(1),
  probing: z.array(entry).min(1),
  hunting: z.array(entry).min(1),
  publishThreat: z.array(entry).min(1),
  revealing: z.array(entry),
  plate: z.string().min(1),
});

export type CueKind = 'thirdParty' | 'ownData' | 'probing' | 'hunting' | 'publishThreat' | 'revealing';

/** One cue list: all entries as one alternation (to find), and each alone (to name the one that fired). */
export interface CueList {
  readonly any: RegExp;
  readonly entries: readonly { id: string; re: RegExp; weak: boolean }[];
}

/** One cue found in a view: [start, end) in VIEW positions. */
export interface CueHit {
  id: string;
  weak: boolean;
  start: number;
  end: number;
}

function expand(pattern: string, macros: Record<string, string>, where: string): string {
  return pattern.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const body = macros[name];
    if (body === undefined) throw new Error(`rules/doxxing/cues.json: ${where}: unknown macro {${name}}`);
    return body;
  });
}

function compile(source: string, flags: string, where: string): RegExp {
  try {
    const re = new RegExp(source, flags);
    if (re.test('')) throw new Error('matches the empty string');
    return re;
  } catch (cause) {
    throw new Error(`rules/doxxing/cues.json: ${where}: bad pattern: ${(cause as Error).message}`);
  }
}

export function compileCues(raw: unknown): { lists: Record<CueKind, CueList>; plate: RegExp } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`rules/doxxing/cues.json: ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}`);
  }
  const data = parsed.data;
  const kinds: CueKind[] = ['thirdParty', 'ownData', 'probing', 'hunting', 'publishThreat', 'revealing'];
  const lists = {} as Record<CueKind, CueList>;
  for (const kind of kinds) {
    const seen = new Set<string>();
    const entries = data[kind].map((e) => {
      if (seen.has(e.id)) throw new Error(`rules/doxxing/cues.json: ${kind}: duplicate id ${e.id}`);
      seen.add(e.id);
      const source = expand(e.pattern, data.macros, `${kind}.${e.id}`);
      return { id: e.id, source, re: compile(source, 'y', `${kind}.${e.id}`), weak: e.weak === true };
    });
    const any = entries.length > 0 ? compile(entries.map((e) => `(?:${e.source})`).join('|'), 'g', kind) : /(?!)/g;
    lists[kind] = { any, entries: entries.map(({ id, re, weak }) => ({ id, re, weak })) };
  }
  return { lists, plate: compile(data.plate, 'g', 'plate') };
}

export const CUES = compileCues(JSON.parse(readFileSync(new URL('../../../rules/doxxing/cues.json', import.meta.url), 'utf8')));

/** Every cue of one list in `text`, non-overlapping, leftmost first. */
export function findCues(list: CueList, text: string): CueHit[] {
  const out: CueHit[] = [];
  const any = list.any;
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
