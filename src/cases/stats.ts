/**
 * Aggregate statistics for leadership (pure): counts by category and by unit, median hours to acknowledge
 * and to decide, the share escalated. Every cell computed from fewer than `minCell` cases (default 5) is
 * suppressed — and when a dimension would have exactly one suppressed cell next to a shown total, the next
 * smallest cell is suppressed too, so nobody can subtract their way to a small number.
 */
import type { Category } from './routing.ts';

export const MIN_CELL = 5;

export interface StatsCase {
  category: Category;
  unit: string;
  createdAt: string;
  acknowledgedAt: string | null;
  decidedAt: string | null;
  escalated: boolean;
}

/** A number, or null with `suppressed: true`. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export interface CaseStats {
  minCell: number;
  total: Cell;
  byCategory: Record<string, Cell>;
  byUnit: Record<string, Cell>;
  medianHoursToAcknowledge: Cell;
  medianHoursToDecide: Cell;
  shareEscalated: Cell;
}

const shown = (value: number): Cell => ({ value, suppressed: false });
const hidden: Cell = { value: null, suppressed: true };

export function caseStats(cases: readonly StatsCase[], minCell = MIN_CELL): CaseStats {
  const total = cases.length;
  const cell = (n: number, value: number = n): Cell => (n >= minCell ? shown(value) : hidden);
  const counts = (key: (c: StatsCase) => string): Record<string, Cell> => {
    const raw = new Map<string, number>();
    for (const c of cases) raw.set(key(c), (raw.get(key(c)) ?? 0) + 1);
    const out: Record<string, Cell> = {};
    const sorted = [...raw.entries()].sort((a, b) => a[0].localeCompare(b[0]));
    for (const [k, n] of sorted) out[k] = cell(n);
    // Complementary suppression: one hidden cell beside a shown total could be recovered by subtraction.
    const hiddenKeys = sorted.filter(([k]) => out[k]!.suppressed);
    if (hiddenKeys.length === 1 && total >= minCell) {
      const next = sorted.filter(([k]) => !out[k]!.suppressed).sort((a, b) => a[1] - b[1])[0];
      if (next) out[next[0]] = hidden;
    }
    return out;
  };
  const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;
  const acks = cases.filter((c) => c.acknowledgedAt).map((c) => hours(c.createdAt, c.acknowledgedAt!));
  const decisions = cases.filter((c) => c.decidedAt).map((c) => hours(c.createdAt, c.decidedAt!));
  const escalated = cases.filter((c) => c.escalated).length;
  return {
    minCell,
    total: cell(total),
    byCategory: counts((c) => c.category),
    byUnit: counts((c) => c.unit),
    medianHoursToAcknowledge: acks.length >= minCell ? shown(round(median(acks))) : hidden,
    medianHoursToDecide: decisions.length >= minCell ? shown(round(median(decisions))) : hidden,
    // A share hides its numerator too: both the escalated and the not-escalated count must be large enough.
    shareEscalated: total >= minCell && (escalated === 0 || escalated >= minCell) && (total - escalated === 0 || total - escalated >= minCell) ? shown(round(escalated / total, 3)) : hidden,
  };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
