/**
 * Co-occurrence rules (rules/cooccurrence.yaml): words that are innocent alone but harmful together —
 * a child + her feet or worn socks + a request for photos is `sexual_minor`; knowing where someone lives
 * + menace is `threat`. Every group of a rule must be present; each matched term becomes evidence.
 */
import { TermIndex } from './matcher/term-index.ts';
import type { CooccurrenceRule } from './rules-schema.ts';
import type { Detector, Finding, ScreenDoc } from './types.ts';

interface Payload {
  rule: number;
  group: string;
}

export function cooccurrenceDetector(rules: CooccurrenceRule[]): Detector {
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
  const index = new TermIndex<Payload>(specs, 'rules/cooccurrence.yaml');
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
        const chosen = [...groups.values()].map((spans) => spans[0] ?? { start: 0, end: 0 });
        if (rule.window > 0) {
          const lo = Math.min(...chosen.map((s) => s.start));
          const hi = Math.max(...chosen.map((s) => s.end));
          if (hi - lo > rule.window) continue;
        }
        for (const span of chosen) {
          findings.push({ label: rule.label, rule: `cooc:${rule.id}`, start: span.start, end: span.end, score: rule.score, severity: rule.severity });
        }
      }
      return findings;
    },
  };
}
