/**
 * The engine over the labelled fixtures (test/fixtures/harmful.jsonl and must-not-flag.jsonl), with and
 * without the learned model: the headline figures must stay at or above the floors measured when the rules
 * were last tuned (set a little below, so a real regression fails and fixture growth does not).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../../src/default-engine.ts';
import { parseCase, scoreOutcomes, type FixtureReport, type LabelledCase } from '../../src/eval/fixtures.ts';

function load(name: string): LabelledCase[] {
  const path = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, n]) => parseCase(line, n));
}

const cases = [...load('harmful.jsonl'), ...load('must-not-flag.jsonl')];

function run(model: boolean): FixtureReport {
  const engine = createDefaultEngine({ model });
  return scoreOutcomes(
    cases.map((c) => ({
      case: c,
      got: engine.screen({ text: c.text, ...(c.kind ? { kind: c.kind } : {}), ...(c.surface ? { surface: c.surface } : {}), ...(c.lang ? { lang: c.lang } : {}) }),
    })),
  );
}

/**
 * Measured (978 cases): rules alone — verdict accuracy 98.9%, harm recall 98.8%, severe misses 1.5%,
 * false positives 0.0%; with the model the same. Floors sit a little below.
 */
const FLOORS = { verdictAccuracy: 0.96, harmRecall: 0.96, severeMissesAtMost: 0.03, falsePositivesAtMost: 0.02 };

describe.each([
  ['rules alone', false],
  ['rules and model', true],
])('fixtures, %s', (_name, model) => {
  const report = run(model);
  const why = (): string => report.failures.slice(0, 20).map((f) => `${f.id ?? ''} ${f.expect}→${f.got} ${f.text.slice(0, 60)}`).join('\n');

  it(`verdict accuracy ≥ ${FLOORS.verdictAccuracy}`, () => {
    expect(report.verdictAccuracy.value, why()).toBeGreaterThanOrEqual(FLOORS.verdictAccuracy);
  });
  it(`harm recall ≥ ${FLOORS.harmRecall}`, () => {
    expect(report.harmRecall.value, why()).toBeGreaterThanOrEqual(FLOORS.harmRecall);
  });
  it(`severe misses ≤ ${FLOORS.severeMissesAtMost}`, () => {
    expect(report.severeMisses.value, why()).toBeLessThanOrEqual(FLOORS.severeMissesAtMost);
  });
  it(`false-positive rate on must-not-flag ≤ ${FLOORS.falsePositivesAtMost}`, () => {
    expect(report.falsePositiveRate.value, why()).toBeLessThanOrEqual(FLOORS.falsePositivesAtMost);
  });
  it('every label keeps recall ≥ 0.75', () => {
    const low = Object.entries(report.perLabel).filter(([, v]) => v.recall.of > 0 && v.recall.value < 0.75);
    expect(low.map(([l, v]) => `${l} ${v.recall.hit}/${v.recall.of}`)).toEqual([]);
  });
});
