/** Classification figures: accuracy, macro precision / recall / F1 and per-class F1 from predictions. */

/** Figures for one evaluation. Precision and recall are macro-averaged over classes, like macro-F1. */
export interface ClassificationFigures {
  n: number;
  accuracy: number;
  precision: number;
  recall: number;
  macro_f1: number;
  /** F1 of each class, by class number. */
  class_f1: number[];
}

/** Computes the figures for `classes` classes from true and predicted class numbers. */
export function classificationFigures(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): ClassificationFigures {
  const n = truth.length;
  const tp = new Float64Array(classes);
  const fp = new Float64Array(classes);
  const fn = new Float64Array(classes);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (t === p) {
      correct++;
      tp[t]!++;
    } else {
      fp[p]!++;
      fn[t]!++;
    }
  }
  const classF1: number[] = [];
  let precision = 0;
  let recall = 0;
  for (let c = 0; c < classes; c++) {
    const pc = tp[c]! + fp[c]! > 0 ? tp[c]! / (tp[c]! + fp[c]!) : 0;
    const rc = tp[c]! + fn[c]! > 0 ? tp[c]! / (tp[c]! + fn[c]!) : 0;
    precision += pc;
    recall += rc;
    classF1.push(pc + rc > 0 ? (2 * pc * rc) / (pc + rc) : 0);
  }
  return {
    n,
    accuracy: n > 0 ? correct / n : 0,
    precision: precision / classes,
    recall: recall / classes,
    macro_f1: classF1.reduce((a, b) => a + b, 0) / classes,
    class_f1: classF1,
  };
}

/**
 * The probability threshold that maximises binary macro-F1 on a tuning split (predict 1 when p ≥ threshold).
 * Scans every distinct score; ties resolve to the midpoint between neighbouring scores.
 */
export function bestThreshold(scores: Float64Array | number[], labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]! ? 1 : 0;
  const negatives = n - positives;
  // Start with everything predicted 0, then move rows to 1 in descending score order.
  let tp = 0;
  let fp = 0;
  let best = -1;
  let bestThreshold = 0.5;
  for (let k = 0; k <= n; k++) {
    if (k === n || k === 0 || scores[order[k]!]! !== scores[order[k - 1]!]!) {
      const fn = positives - tp;
      const tn = negatives - fp;
      const f1pos = tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
      const f1neg = tn > 0 ? (2 * tn) / (2 * tn + fn + fp) : 0;
      const macro = (f1pos + f1neg) / 2;
      if (macro > best) {
        best = macro;
        const above = k > 0 ? scores[order[k - 1]!]! : 1;
        const below = k < n ? scores[order[k]!]! : 0;
        bestThreshold = k === 0 ? Math.min(1, above + 1e-9) : (above + below) / 2;
      }
    }
    if (k < n) {
      if (labels[order[k]!]) tp++;
      else fp++;
    }
  }
  return bestThreshold;
}

/** Binary macro-F1 of predicting 1 where score ≥ threshold: the figure `bestThreshold` maximised. */
export function macroF1At(scores: Float64Array | number[], labels: ArrayLike<number>, threshold: number): number {
  const predicted = Array.from(scores, (p) => (p >= threshold ? 1 : 0));
  return classificationFigures(labels, predicted, 2).macro_f1;
}
