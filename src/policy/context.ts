/**
 * Context that lowers a verdict (rules/context.yaml): quoting abuse to report or warn, news, education,
 * medical and sexual-health information. Each rule names the labels it lowers and says why.
 */
import { TermCatalog, type MatchMode, type TermList } from '../detect/matcher/term-index.ts';
import type { ContextRule } from '../detect/rules-schema.ts';
import type { NormalizedText } from '../normalize/types.ts';

export interface ContextHit {
  rule: ContextRule;
  /** The first cue of the rule in the text. */
  start: number;
  end: number;
  /** Every cue of the rule in the text, in order (a `reach: sentence` rule covers each cue's sentence). */
  cues: Array<{ start: number; end: number }>;
}

export class ContextRules {
  private readonly index: TermList<number>;

  constructor(
    private readonly rules: ContextRule[],
    catalog: TermCatalog = new TermCatalog(),
  ) {
    // rule i's terms carry i; its `except` terms carry -(i + 1)
    const entry = (value: number) => (t: { term: string; match?: MatchMode; allow?: string[] }) => ({
      term: t.term,
      value,
      match: t.match ?? 'prefix',
      ...(t.allow !== undefined ? { allow: t.allow } : {}),
      // a cue is not read through pinyin written into it (地zhi is not 抵制); an `except` term is (it only cancels)
      ...(value >= 0 ? { mixed: false } : {}),
    });
    this.index = catalog.add(
      rules.flatMap((r, i) => [...r.terms.map(entry(i)), ...(r.except ?? []).map(entry(-(i + 1)))]),
      'rules/context.yaml',
    );
  }

  /**
   * The context rules present in a text (one hit per rule, with all its cues), less those an `except` term
   * cancels: an `except` term cancels its rule anywhere in the message, whatever the rule's reach.
   */
  find(doc: NormalizedText): ContextHit[] {
    const found = this.index.find(doc);
    if (found.length === 0) return [];
    let cancelled: Set<number> | null = null;
    for (const hit of found) if (hit.value < 0) (cancelled ??= new Set()).add(-hit.value - 1);
    const byRule = new Map<number, ContextHit>();
    for (const hit of found) {
      if (hit.value < 0 || cancelled?.has(hit.value)) continue;
      const seen = byRule.get(hit.value);
      if (seen) {
        seen.cues.push({ start: hit.start, end: hit.end });
        continue;
      }
      const rule = this.rules[hit.value];
      if (rule) byRule.set(hit.value, { rule, start: hit.start, end: hit.end, cues: [{ start: hit.start, end: hit.end }] });
    }
    const hits = [...byRule.values()];
    for (const h of hits) h.cues.sort((a, b) => a.start - b.start);
    return hits;
  }
}
