/**
 * Accuracy on the hand-labelled fixtures (test/fixtures/*.jsonl), through the real normalizer:
 * per-type PII recall/precision on pii.jsonl, and doxxing recall / false positives on every fixture
 * file. Floors are what the detectors measured when they were written, minus a small margin; a drop
 * below them is a regression. The figures are printed so a run shows where they stand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../normalize/index.ts';
import type { Lang } from '../../types.ts';
import { doxxingDetector } from '../doxxing/index.ts';
import type { ScreenDoc } from '../types.ts';
import { PII_TYPES, piiDetector, type PiiType } from './index.ts';

interface Row {
  id: string;
  text: string;
  labels: string[];
  lang: Lang;
  pii?: { type: PiiType; value: string }[];
}

const dir = new URL('../../../test/fixtures/', import.meta.url);
function load(name: string): Row[] {
  const url = new URL(name, dir);
  if (!existsSync(url)) return [];
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
}

const doc = (r: Row): ScreenDoc => ({ original: r.text, normalized: normalize(r.text), lang: r.lang, kind: 'message' });

interface Tally {
  tp: number;
  fn: number;
  fp: number;
}
const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const fmt = (t: Tally): string => `recall ${ratio(t.tp, t.tp + t.fn).toFixed(2)} (${t.tp}/${t.tp + t.fn}) precision ${ratio(t.tp, t.tp + t.fp).toFixed(2)} (fp ${t.fp})`;

const piiRows = load('pii.jsonl');

describe.skipIf(piiRows.length === 0)('pii.jsonl', () => {
  // Measured when written (78 lines, 69 items): every type recall 1.00 and precision 1.00, 69/69 spans
  // exact. Per-type floors are loose because some types have 3–4 items; the pooled floors are tight.
  const PER_TYPE_FLOOR = 0.66;
  const POOLED_FLOOR = 0.95;

  it('per-type recall and precision stay above the floors', () => {
    const tally = Object.fromEntries(PII_TYPES.map((t) => [t, { tp: 0, fn: 0, fp: 0 }])) as Record<PiiType, Tally>;
    const misses: string[] = [];
    let exact = 0;
    for (const row of piiRows) {
      const found = piiDetector.detect(doc(row));
      const used = new Set<number>();
      for (const want of row.pii ?? []) {
        const at = row.text.indexOf(want.value);
        const span = { start: at, end: at + want.value.length };
        const i = found.findIndex((f, k) => !used.has(k) && f.detail === want.type && f.start < span.end && span.start < f.end);
        if (i >= 0) {
          used.add(i);
          tally[want.type].tp++;
          const f = found[i]!;
          if (f.start === span.start && f.end === span.end) exact++;
          else misses.push(`${row.id} span ${want.type}: got "${row.text.slice(f.start, f.end)}" want "${want.value}"`);
        } else {
          tally[want.type].fn++;
          misses.push(`${row.id} missed ${want.type} "${want.value}"`);
        }
      }
      found.forEach((f, k) => {
        if (used.has(k)) return;
        const t = f.detail as PiiType;
        if (tally[t]) tally[t].fp++;
        misses.push(`${row.id} false ${t} "${row.text.slice(f.start, f.end)}"`);
      });
    }
    const pooled: Tally = { tp: 0, fn: 0, fp: 0 };
    for (const t of PII_TYPES) for (const k of ['tp', 'fn', 'fp'] as const) pooled[k] += tally[t][k];
    console.log(
      [
        'pii.jsonl per type:',
        ...PII_TYPES.map((t) => `  ${t.padEnd(12)} ${fmt(tally[t])}`),
        `  pooled       ${fmt(pooled)}, exact spans ${exact}/${pooled.tp}`,
        ...misses.map((m) => `  ${m}`),
      ].join('\n'),
    );
    for (const t of PII_TYPES) {
      const { tp, fn, fp } = tally[t];
      expect(ratio(tp, tp + fn), `${t} recall`).toBeGreaterThanOrEqual(PER_TYPE_FLOOR);
      expect(ratio(tp, tp + fp), `${t} precision`).toBeGreaterThanOrEqual(PER_TYPE_FLOOR);
    }
    expect(ratio(pooled.tp, pooled.tp + pooled.fn), 'pooled recall').toBeGreaterThanOrEqual(POOLED_FLOOR);
    expect(ratio(pooled.tp, pooled.tp + pooled.fp), 'pooled precision').toBeGreaterThanOrEqual(POOLED_FLOOR);
    expect(ratio(exact, pooled.tp), 'exact spans').toBeGreaterThanOrEqual(0.9);
  });
});

const allRows = [...piiRows, ...load('harmful.jsonl'), ...load('must-not-flag.jsonl')];

describe.skipIf(allRows.length === 0)('doxxing over every fixture file', () => {
  it('recall on doxxing lines and false positives elsewhere stay within bounds', () => {
    const t: Tally = { tp: 0, fn: 0, fp: 0 };
    const notes: string[] = [];
    for (const row of allRows) {
      const hit = doxxingDetector.detect(doc(row)).length > 0;
      const want = row.labels.includes('doxxing');
      if (want && hit) t.tp++;
      else if (want) {
        t.fn++;
        notes.push(`  missed ${row.id}: ${row.text}`);
      } else if (hit) {
        t.fp++;
        notes.push(`  false ${row.id}: ${row.text}`);
      }
    }
    console.log([`doxxing over ${allRows.length} lines: ${fmt(t)}`, ...notes].join('\n'));
    // Measured when written: recall 0.95 (89/94), 2 false positives in 962 other lines (h-0027 is
    // labelled sexual_minor only but asks for a child's school; m-0118 quotes 人肉她 to condemn it).
    expect(ratio(t.tp, t.tp + t.fn)).toBeGreaterThanOrEqual(0.9);
    expect(t.fp).toBeLessThanOrEqual(4);
  });
});
