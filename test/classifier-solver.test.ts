import { describe, expect, it } from 'vitest';
import type { FeatureMatrix } from '../src/classifier/matrix.ts';
import { DEFAULT_SOLVER, primalObjective, solveLinear } from '../src/classifier/solver.ts';

function matrix(rows: Array<Array<[number, number]>>): FeatureMatrix {
  const offsets = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  rows.forEach((row, r) => {
    for (const [j, v] of row) {
      indices.push(j);
      values.push(v);
    }
    offsets[r + 1] = indices.length;
  });
  return { rows: rows.length, offsets, indices: Int32Array.from(indices), values: Float32Array.from(values) };
}

describe('exact dual coordinate descent solver', () => {
  // One feature, no bias, x = +1 (y = 1) and x = −1 (y = 0): both rows have margin w.
  const pair = matrix([[[0, 1]], [[0, -1]]]);
  const pairLabels = Uint8Array.from([1, 0]);

  it('matches the hand-computed L2-loss SVM optimum: ½w² + 2C(1 − w)² gives w = 4C / (1 + 4C)', () => {
    for (const C of [0.25, 1, 3]) {
      const solved = solveLinear(pair, pairLabels, 1, { ...DEFAULT_SOLVER, loss: 'l2svm', C, biasFeature: 0, eps: 1e-8 });
      expect(solved.converged).toBe(true);
      expect(solved.weights[0]).toBeCloseTo((4 * C) / (1 + 4 * C), 6);
    }
  });

  it('matches the hand-computed logistic regression optimum: ½w² + 2 ln(1 + e^−w) gives w = 2 / (1 + e^w) ≈ 0.674832', () => {
    const solved = solveLinear(pair, pairLabels, 1, { ...DEFAULT_SOLVER, loss: 'lr', C: 1, biasFeature: 0, eps: 1e-8 });
    expect(solved.converged).toBe(true);
    expect(solved.weights[0]).toBeCloseTo(0.674832, 5);
    const w = solved.weights[0]!;
    expect(w - 2 / (1 + Math.exp(w))).toBeCloseTo(0, 6);
  });

  it('converges on separable toy data, classifies it, and reaches the primal optimum (no nearby point is lower)', () => {
    // Sparse rows over 6 features + bias: positives carry feature 0 or 1, negatives 2 or 3, all share noise 4 / 5.
    const rows: Array<Array<[number, number]>> = [];
    const labels: number[] = [];
    for (let i = 0; i < 40; i++) {
      const y = i % 2;
      rows.push([[y ? i % 4 < 2 ? 0 : 1 : i % 4 < 2 ? 2 : 3, 0.8], [4 + (i % 3 === 0 ? 1 : 0), 0.6]]);
      labels.push(y);
    }
    const m = matrix(rows);
    const y = Uint8Array.from(labels);
    for (const loss of ['lr', 'l2svm'] as const) {
      const options = { ...DEFAULT_SOLVER, loss, C: 10, eps: 1e-6 };
      const solved = solveLinear(m, y, 6, options);
      expect(solved.converged).toBe(true);
      for (let r = 0; r < m.rows; r++) {
        let z = solved.bias;
        for (let k = m.offsets[r]!; k < m.offsets[r + 1]!; k++) z += solved.weights[m.indices[k]!]! * m.values[k]!;
        expect(z > 0 ? 1 : 0).toBe(y[r]);
      }
      // Optimality: nudging any weight (or the bias) raises the objective.
      for (let j = 0; j <= 6; j++) {
        for (const step of [1e-3, -1e-3]) {
          const w = Float64Array.from(solved.weights);
          let b = solved.bias;
          if (j < 6) w[j] = w[j]! + step;
          else b += step;
          expect(primalObjective(m, y, w, b, options)).toBeGreaterThan(solved.objective - 1e-9);
        }
      }
      // Deterministic for a seed.
      expect(Array.from(solveLinear(m, y, 6, options).weights)).toEqual(Array.from(solved.weights));
    }
  });
});
