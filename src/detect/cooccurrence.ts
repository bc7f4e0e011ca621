/**
 * Co-occurrence rules (rules/cooccurrence.yaml): words that are innocent alone but harmful together —
 * a child + her feet or worn socks + a request for photos is `sexual_minor`; knowing where someone lives
 * + menace is `threat`. Every group of a rule must be present; each matched term becomes evidence.
 */
import { TermCatalog, type MatchMode } from './matcher/term-index.ts';
import type { CooccurrenceRule } from './rules-schema.ts';
import type { Detector, Finding, ScreenDoc } from './types.ts';

/** Where a term counts: group `group` (its index in the rule's groups) of rule `rule`. */
interface Payload {
  rule: number;
  group: number;
}

type Span = { start: number; end: number };

/** The most groups a rule may have: a text's groups found per rule are one bit each of a 32-bit mask. */
const MAX_GROUPS = 31;

export function cooccurrenceDetector(rules: CooccurrenceRule[], catalog: TermCatalog = new TermCatalog()): Detector {
  // One matcher term per distinct (term, match, phonetic, allow), carrying every (rule, group) it serves:
  // "你" or "you" sit in dozens of rules, and one hit each (not one per rule) keeps matching cheap.
  const byKey = new Map<string, { term: string; match: MatchMode; phonetic?: boolean; allow?: string[]; value: Payload[] }>();
  const full = new Uint32Array(rules.length);
  rules.forEach((rule, ri) => {
    const names = Object.keys(rule.groups);
    if (names.length > MAX_GROUPS) throw new Error(`rules/cooccurrence.yaml: rule ${rule.id}: at most ${MAX_GROUPS} groups`);
    full[ri] = (1 << names.length) - 1;
    names.forEach((name, gi) => {
      for (const t of rule.groups[name] ?? []) {
        const match = t.match ?? 'prefix';
        const key = JSON.stringify([t.term, match, t.phonetic ?? null, t.allow ?? null]);
        let spec = byKey.get(key);
        if (!spec) {
          spec = { term: t.term, match, ...(t.phonetic !== undefined ? { phonetic: t.phonetic } : {}), ...(t.allow !== undefined ? { allow: t.allow } : {}), value: [] };
          byKey.set(key, spec);
        }
        spec.value.push({ rule: ri, group: gi });
      }
    });
  });
  const index = catalog.add<Payload[]>(byKey.values(), 'rules/cooccurrence.yaml');
  /** Per rule, the bits of the groups found in the current text (zeroed again before detect returns). */
  const found = new Uint32Array(rules.length);
  return {
    id: 'cooccurrence',
    detect(doc: ScreenDoc): Finding[] {
      const hits = index.find(doc.normalized);
      if (hits.length === 0) return [];
      const touched: number[] = [];
      for (const hit of hits) {
        for (const p of hit.value) {
          if (found[p.rule] === 0) touched.push(p.rule);
          found[p.rule] = (found[p.rule] ?? 0) | (1 << p.group);
        }
      }
      const findings: Finding[] = [];
      for (const ri of touched) {
        const complete = found[ri] === full[ri];
        found[ri] = 0;
        if (!complete) continue;
        const rule = rules[ri];
        if (!rule) continue;
        if (rule.surfaces && (doc.surface === undefined || !rule.surfaces.includes(doc.surface))) continue;
        if (rule.kinds && !rule.kinds.includes(doc.kind)) continue;
        // every group's spans, groups in order of their first hit
        const groups: Span[][] = [];
        const slot = new Map<number, Span[]>();
        for (const hit of hits) {
          for (const p of hit.value) {
            if (p.rule !== ri) continue;
            let spans = slot.get(p.group);
            if (!spans) {
              slot.set(p.group, (spans = []));
              groups.push(spans);
            }
            spans.push({ start: hit.start, end: hit.end });
          }
        }
        const chosen = rule.window > 0 ? tightest(groups, rule.window, doc.normalized.skeleton.start) : groups.map((spans) => spans[0] ?? { start: 0, end: 0 });
        if (!chosen) continue;
        for (const span of chosen) {
          findings.push({ label: rule.label, rule: `cooc:${rule.id}`, start: span.start, end: span.end, score: rule.score, severity: rule.severity });
        }
      }
      return findings;
    },
  };
}

/** How many skeleton units begin before original offset `o` (the skeleton's starts never decrease). */
function unitsBefore(starts: Int32Array, o: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) < o) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One span per group, all within `window` characters (from the first start to the last end), choosing the
 * tightest such set; null when no set fits. A group's first mention may lie far away while a later one is
 * close ("your daughter … [long listing text] … send a video of her feet"). Width is counted in the skeleton
 * view, so padding does not push terms apart: "you're sooooo stuuuupid" is as close as "you're so stupid",
 * and zero-width characters or spaced letters count for nothing.
 */
function tightest(
  groups: readonly Span[][],
  window: number,
  skeletonStarts: Int32Array,
): Array<{ start: number; end: number }> | null {
  const all: Array<{ start: number; end: number; g: number }> = [];
  let gi = 0;
  for (const spans of groups) {
    for (const s of spans) all.push({ start: s.start, end: s.end, g: gi });
    gi++;
  }
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  const count = new Array<number>(gi).fill(0);
  let covered = 0;
  let best: Array<{ start: number; end: number }> | null = null;
  let bestWidth = Infinity;
  let lo = 0;
  for (let hi = 0; hi < all.length; hi++) {
    const h = all[hi];
    if (!h) continue;
    if ((count[h.g] = (count[h.g] ?? 0) + 1) === 1) covered++;
    while (covered === gi) {
      const l = all[lo];
      if (!l) break;
      let end = 0;
      const pick = new Array<{ start: number; end: number } | undefined>(gi);
      for (let k = lo; k <= hi; k++) {
        const x = all[k];
        if (!x) continue;
        if (pick[x.g] === undefined) pick[x.g] = x;
        end = Math.max(end, x.end);
      }
      const width = unitsBefore(skeletonStarts, end) - unitsBefore(skeletonStarts, l.start);
      if (width <= window && width < bestWidth) {
        bestWidth = width;
        best = pick.map((x) => ({ start: x?.start ?? 0, end: x?.end ?? 0 }));
      }
      if ((count[l.g] = (count[l.g] ?? 0) - 1) === 0) covered--;
      lo++;
    }
  }
  return best;
}

