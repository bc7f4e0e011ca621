/**
 * Co-occurrence rules (rules/cooccurrence.yaml): words that are innocent alone but harmful together —
 * a child + her feet or worn socks + a request for photos is `sexual_minor`; knowing where someone lives
 * + menace is `threat`. Every group of a rule must be present; each matched term becomes evidence.
 */
import { TermCatalog } from './matcher/term-index.ts';
import type { CooccurrenceRule } from './rules-schema.ts';
import type { Detector, Finding, ScreenDoc } from './types.ts';

interface Payload {
  rule: number;
  group: string;
}

export function cooccurrenceDetector(rules: CooccurrenceRule[], catalog: TermCatalog = new TermCatalog()): Detector {
  const specs = rules.flatMap((rule, ri) =>
    Object.entries(rule.groups).flatMap(([group, terms]) =>
      terms.map((t) => ({
        term: t.term,
        value: { rule: ri, group } satisfies Payload,
        match: t.match ?? 'prefix',
        ...(t.phonetic !== undefined ? { phonetic: t.phonetic } : {}),
        ...(t.allow !== undefined ? { allow: t.allow } : {}),
      })),
    ),
  );
  const index = catalog.add<Payload>(specs, 'rules/cooccurrence.yaml');
  return {
    id: 'cooccurrence',
    detect(doc: ScreenDoc): Finding[] {
      const byRule = new Map<number, Map<string, Array<{ start: number; end: number }>>>();
      for (const hit of index.find(doc.normalized)) {
        let groups = byRule.get(hit.value.rule);
        if (!groups) byRule.set(hit.value.rule, (groups = new Map()));
        const spans = groups.get(hit.value.group) ?? [];
        spans.push({ start: hit.start, end: hit.end });
        groups.set(hit.value.group, spans);
      }
      const findings: Finding[] = [];
      for (const [ri, groups] of byRule) {
        const rule = rules[ri];
        if (!rule) continue;
        if (groups.size < Object.keys(rule.groups).length) continue;
        if (rule.surfaces && (doc.surface === undefined || !rule.surfaces.includes(doc.surface))) continue;
        if (rule.kinds && !rule.kinds.includes(doc.kind)) continue;
        const chosen =
          rule.window > 0
            ? tightest(groups, rule.window, doc.normalized.skeleton.start)
            : [...groups.values()].map((spans) => spans[0] ?? { start: 0, end: 0 });
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
  groups: Map<string, Array<{ start: number; end: number }>>,
  window: number,
  skeletonStarts: Int32Array,
): Array<{ start: number; end: number }> | null {
  const all: Array<{ start: number; end: number; g: number }> = [];
  let gi = 0;
  for (const spans of groups.values()) {
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

