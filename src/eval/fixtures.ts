/**
 * Scores the engine on a labelled JSON Lines file: each line {"text", "expect": verdict, "labels": [...],
 * "kind"?, "surface"?, "lang"?, "evasion"?, "class"?}. Pure: takes the lines and a screen function.
 */
import { LABELS, VERDICTS, type Label, type ScreenInput, type ScreenResult, type Verdict } from '../types.ts';

export interface LabelledCase {
  id?: string;
  text: string;
  expect: Verdict;
  labels: Label[];
  kind?: ScreenInput['kind'];
  surface?: ScreenInput['surface'];
  lang?: ScreenInput['lang'];
  evasion?: string;
  class?: string;
}

export interface CaseOutcome {
  case: LabelledCase;
  got: ScreenResult;
}

export interface Ratio {
  hit: number;
  of: number;
  value: number;
}

export interface FixtureReport {
  n: number;
  verdictAccuracy: Ratio;
  /** Harmful items (expect ≠ allow) that were not allowed. */
  harmRecall: Ratio;
  /** Items expected `block` that were allowed. */
  severeMisses: Ratio;
  /** Items expected `allow` that were held or blocked. */
  falsePositiveRate: Ratio;
  perLabel: Record<string, { precision: Ratio; recall: Ratio }>;
  /** Harm recall per evasion class. */
  perEvasion: Record<string, Ratio>;
  /** False-positive rate per must-not-flag class. */
  perClass: Record<string, Ratio>;
  failures: Array<{ id?: string; text: string; expect: Verdict; got: Verdict; labels: Label[]; gotLabels: Label[] }>;
}

export class FixtureLineError extends Error {
  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.name = 'FixtureLineError';
  }
}

/** Parse one line of a labelled file; throws FixtureLineError naming the line and field. */
export function parseCase(line: string, lineNo: number): LabelledCase {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new FixtureLineError(lineNo, 'invalid JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw new FixtureLineError(lineNo, 'must be a JSON object');
  const o = raw as Record<string, unknown>;
  if (typeof o.text !== 'string') throw new FixtureLineError(lineNo, 'text: must be a string');
  if (!VERDICTS.includes(o.expect as Verdict)) throw new FixtureLineError(lineNo, `expect: must be one of ${VERDICTS.join(', ')}`);
  const labels = o.labels ?? [];
  if (!Array.isArray(labels) || !labels.every((l) => LABELS.includes(l as Label))) throw new FixtureLineError(lineNo, 'labels: must be a list of known labels');
  return { ...(o as object), text: o.text, expect: o.expect as Verdict, labels: labels as Label[] } as LabelledCase;
}

const ratio = (hit: number, of: number): Ratio => ({ hit, of, value: of === 0 ? 1 : hit / of });

export function scoreOutcomes(outcomes: CaseOutcome[]): FixtureReport {
  let correct = 0;
  let harmful = 0;
  let harmCaught = 0;
  let blocks = 0;
  let severe = 0;
  let allows = 0;
  let fp = 0;
  const tp: Record<string, number> = {};
  const predicted: Record<string, number> = {};
  const actual: Record<string, number> = {};
  const evasion: Record<string, [number, number]> = {};
  const klass: Record<string, [number, number]> = {};
  const failures: FixtureReport['failures'] = [];
  for (const { case: c, got } of outcomes) {
    if (got.verdict === c.expect) correct++;
    else failures.push({ ...(c.id ? { id: c.id } : {}), text: c.text, expect: c.expect, got: got.verdict, labels: c.labels, gotLabels: got.labels });
    if (c.expect !== 'allow') {
      harmful++;
      const caught = got.verdict !== 'allow';
      if (caught) harmCaught++;
      const key = c.evasion ?? 'none';
      const e = (evasion[key] ??= [0, 0]);
      e[1]++;
      if (caught) e[0]++;
    } else {
      allows++;
      const flagged = got.verdict !== 'allow';
      if (flagged) fp++;
      const k = (klass[c.class ?? 'unclassified'] ??= [0, 0]);
      k[1]++;
      if (flagged) k[0]++;
    }
    if (c.expect === 'block') {
      blocks++;
      if (got.verdict === 'allow') severe++;
    }
    for (const l of c.labels) actual[l] = (actual[l] ?? 0) + 1;
    for (const l of got.labels) {
      predicted[l] = (predicted[l] ?? 0) + 1;
      if (c.labels.includes(l)) tp[l] = (tp[l] ?? 0) + 1;
    }
  }
  const perLabel: FixtureReport['perLabel'] = {};
  for (const l of LABELS) {
    if (!actual[l] && !predicted[l]) continue;
    perLabel[l] = { precision: ratio(tp[l] ?? 0, predicted[l] ?? 0), recall: ratio(tp[l] ?? 0, actual[l] ?? 0) };
  }
  return {
    n: outcomes.length,
    verdictAccuracy: ratio(correct, outcomes.length),
    harmRecall: ratio(harmCaught, harmful),
    severeMisses: ratio(severe, blocks),
    falsePositiveRate: ratio(fp, allows),
    perLabel,
    perEvasion: Object.fromEntries(Object.entries(evasion).map(([k, [h, o]]) => [k, ratio(h, o)])),
    perClass: Object.fromEntries(Object.entries(klass).map(([k, [h, o]]) => [k, ratio(h, o)])),
    failures,
  };
}
