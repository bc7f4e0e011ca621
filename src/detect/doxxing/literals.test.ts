/**
 * necessaryLiterals: every match of a pattern contains one of the strings it names — checked on hand-made
 * patterns, on every doxxing cue against real texts (fixtures and blind sets), and by fast-check on strings
 * made of the cues' own fragments, where matches are frequent.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize/index.ts';
import { packagePath } from '../../paths.ts';
import { CUE_KINDS, CUES } from './cues.ts';
import { necessaryLiterals } from './literals.ts';

describe('necessary literals', () => {
  it.each([
    ['abc', ['abc']],
    ['a|b', ['a', 'b']],
    ['(?:ab|cd)e', ['abe', 'cde']],
    ['x?y', ['y']],
    ['a{0,3}b', ['b']],
    ['(?:a|)b', ['b']],
    ['[人仁]肉+(?:搜索)?', ['肉']],
    ['(?<![a-z])rr\\s?(?:她|他)', ['rr']],
    ['\\bdox+(?:ed|ing)?\\s(?:him|her)', ['her', 'him']],
    ['\\?', ['?']],
  ])('%s → %j', (source, literals) => expect(necessaryLiterals(source)).toEqual(literals));
  it.each(['.*', 'a?', '\\d{11}', '[abc]+', 'a*|b', '(?:x|\\s)', '\\u4e00', '(?<n>a'])('%s → none (the pattern must always run)', (source) => {
    expect(necessaryLiterals(source)).toBeNull();
  });
});

const entries = CUE_KINDS.flatMap((kind) =>
  (['compact', 'phonetic'] as const).flatMap((view) => CUES.lists[kind][view].entries.map((e) => ({ id: `${kind}.${e.id}`, view, re: new RegExp(e.re.source, 'g'), literals: necessaryLiterals(e.re.source) }))),
);

function violations(text: string, view: 'compact' | 'phonetic'): string[] {
  const out: string[] = [];
  for (const e of entries) {
    if (e.view !== view || e.literals === null) continue;
    e.re.lastIndex = 0;
    for (const m of text.matchAll(e.re)) if (!e.literals.some((l) => m[0].includes(l))) out.push(`${e.id}: ${m[0]}`);
  }
  return out;
}

describe('on the doxxing cues', () => {
  it('names literals for almost every cue', () => {
    expect(entries.filter((e) => e.literals === null).map((e) => e.id)).toEqual([]);
  });
  it('every match in the fixtures and blind sets contains a named literal', () => {
    let matches = 0;
    for (const dir of ['test/fixtures', 'test/holdout']) {
      for (const f of readdirSync(packagePath(dir)).filter((n) => n.endsWith('.jsonl'))) {
        for (const line of readFileSync(packagePath(dir, f), 'utf8').split('\n')) {
          if (!line.trim()) continue;
          const n = normalize((JSON.parse(line) as { text: string }).text);
          for (const view of ['compact', 'phonetic'] as const) {
            expect(violations(n[view].text, view)).toEqual([]);
            for (const e of entries) if (e.view === view) matches += [...n[view].text.matchAll(e.re)].length;
          }
        }
      }
    }
    expect(matches).toBeGreaterThan(100); // the check saw real matches
  });
  it('holds on strings made of the cues’ own fragments (fast-check)', () => {
    const fragments = [...new Set(entries.flatMap((e) => e.re.source.match(/[\p{Script=Han}a-z' ]{1,6}/gu) ?? []))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments, ' ', '，', '?', '1'), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        return violations(text, 'compact').length === 0 && violations(text.replace(/[^a-z]/g, ''), 'phonetic').length === 0;
      }),
      { numRuns: 3000 },
    );
  });
});
