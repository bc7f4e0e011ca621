/**
 * Context that lowers a verdict (rules/context.yaml): quoting abuse to report or warn, news, education,
 * medical and sexual-health information. Each rule names the labels it lowers and says why.
 */
import { TermCatalog, type TermList } from '../detect/matcher/term-index.ts';
import type { ContextRule } from '../detect/rules-schema.ts';
import type { NormalizedText } from '../normalize/types.ts';

export interface ContextHit {
  rule: ContextRule;
  start: number;
  end: number;
}

export class ContextRules {
  private readonly index: TermList<number>;

  constructor(
    private readonly rules: ContextRule[],
    catalog: TermCatalog = new TermCatalog(),
  ) {
    this.index = catalog.add(
      rules.flatMap((r, i) =>
        r.terms.map((t) => ({
          term: t.term,
          value: i,
          match: t.match ?? 'prefix',
          ...(t.allow !== undefined ? { allow: t.allow } : {}),
        })),
      ),
      'rules/context.yaml',
    );
  }

  /** The context rules present in a text (one hit per rule, the first). */
  find(doc: NormalizedText): ContextHit[] {
    const seen = new Set<number>();
    const hits: ContextHit[] = [];
    for (const hit of this.index.find(doc)) {
      if (seen.has(hit.value)) continue;
      seen.add(hit.value);
      const rule = this.rules[hit.value];
      if (rule) hits.push({ rule, start: hit.start, end: hit.end });
    }
    return hits;
  }
}
