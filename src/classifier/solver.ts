/**
 * Exact solvers for L2-regularised linear models over sparse rows: dual coordinate descent as in liblinear.
 *
 * - `loss: 'lr'`: logistic regression, min_w ½‖w‖² + C Σ log(1 + exp(−y wᵀx)), solved in the dual
 *   (Yu, Huang & Lin 2011, "Dual coordinate descent methods for logistic regression and maximum entropy
 *   models"; liblinear's solve_l2r_lr_dual): each α_i ∈ (0, C) is moved by a few Newton steps on its
 *   one-variable sub-problem, with w = Σ y_i α_i x_i kept up to date.
 * - `loss: 'l2svm'`: L2-loss (squared hinge) linear SVM, min_w ½‖w‖² + C Σ max(0, 1 − y wᵀx)²
 *   (Hsieh et al. 2008, "A dual coordinate descent method for large-scale linear SVM"; solve_l2r_l1l2_svc).
 *
 * The bias is an extra feature of constant value `biasFeature` (liblinear's -B), so it is regularised like
 * the other weights. Rows are visited in a seeded random order each pass: deterministic for a seed. Stops when
 * the largest (projected) gradient of a pass is below `eps` — liblinear's stopping rule — or after `maxIter`.
 */
import type { FeatureMatrix } from './matrix.ts';
import { seededRandom, shuffleInPlace } from './random.ts';

/** Knobs of an exact solve. */
export interface SolverOptions {
  loss: 'lr' | 'l2svm';
  /** Inverse regularisation strength (larger C: less regularisation). */
  C: number;
  /** Stopping tolerance on the largest gradient of a pass (liblinear's default for both duals is 0.1). */
  eps: number;
  /** Most passes over the data. */
  maxIter: number;
  /** Value of the constant bias feature (0: no bias). */
  biasFeature: number;
  /** Weight of positive rows' C (C₊ = C · positiveWeight), liblinear's -w1. */
  positiveWeight: number;
  seed: number;
}

/** The defaults used unless a plan says otherwise. */
export const DEFAULT_SOLVER: SolverOptions = { loss: 'lr', C: 1, eps: 0.01, maxIter: 1000, biasFeature: 1, positiveWeight: 1, seed: 1 };

/** A solved model: weights per feature, the bias (weight of the bias feature times its value), and how it went. */
export interface SolvedModel {
  weights: Float64Array;
  bias: number;
  /** Passes made. */
  iterations: number;
  /** True when the stopping rule was met before maxIter. */
  converged: boolean;
  /** Primal objective at the end. */
  objective: number;
}

/** Primal objective of (weights, bias) on the rows: ½(‖w‖² + b²/B²) + Σ C_i loss_i. */
export function primalObjective(
  matrix: FeatureMatrix,
  labels: Uint8Array,
  weights: Float64Array,
  bias: number,
  options: Pick<SolverOptions, 'loss' | 'C' | 'biasFeature' | 'positiveWeight'>,
): number {
  let reg = 0;
  for (let j = 0; j < weights.length; j++) reg += weights[j]! * weights[j]!;
  if (options.biasFeature > 0) reg += (bias / options.biasFeature) ** 2;
  let loss = 0;
  for (let r = 0; r < matrix.rows; r++) {
    let z = bias;
    for (let k = matrix.offsets[r]!; k < matrix.offsets[r + 1]!; k++) z += weights[matrix.indices[k]!]! * matrix.values[k]!;
    const y = labels[r] ? 1 : -1;
    const c = labels[r] ? options.C * options.positiveWeight : options.C;
    const m = y * z;
    if (options.loss === 'lr') loss += c * (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
    else if (m < 1) loss += c * (1 - m) * (1 - m);
  }
  return reg / 2 + loss;
}

/**
 * Solves one binary problem (labels 0/1) over `dims` features. Deterministic for a seed.
 */
export function solveLinear(matrix: FeatureMatrix, labels: Uint8Array, dims: number, options: SolverOptions): SolvedModel {
  if (labels.length !== matrix.rows) throw new Error(`solver: ${labels.length} labels for ${matrix.rows} rows`);
  if (!(options.C > 0)) throw new Error(`solver: C must be > 0, got ${options.C}`);
  const { offsets, indices, values } = matrix;
  const n = matrix.rows;
  const B = options.biasFeature;
  const w = new Float64Array(dims);
  let wb = 0; // weight of the bias feature
  const QD = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let s = B * B;
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) s += values[k]! * values[k]!;
    QD[r] = s;
    upper[r] = labels[r] ? options.C * options.positiveWeight : options.C;
  }
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[r] = r;
  const random = seededRandom(options.seed);
  const dot = (r: number): number => {
    let z = wb * B;
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) z += w[indices[k]!]! * values[k]!;
    return z;
  };
  const addRow = (r: number, d: number): void => {
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) w[indices[k]!] = w[indices[k]!]! + d * values[k]!;
    wb += d * B;
  };
  let iterations = 0;
  let converged = false;
  if (options.loss === 'lr') {
    // alpha[2i] = α_i, alpha[2i+1] = C_i − α_i (both kept to avoid cancellation near the bounds).
    const alpha = new Float64Array(2 * n);
    for (let r = 0; r < n; r++) {
      alpha[2 * r] = Math.min(0.001 * upper[r]!, 1e-8);
      alpha[2 * r + 1] = upper[r]! - alpha[2 * r]!;
      addRow(r, (labels[r] ? 1 : -1) * alpha[2 * r]!);
    }
    const maxInner = 100;
    const innerMin = Math.min(1e-8, options.eps);
    let innerEps = 1e-2;
    while (iterations < options.maxIter) {
      shuffleInPlace(order, random);
      let newtonIter = 0;
      let gMax = 0;
      for (let s = 0; s < n; s++) {
        const i = order[s]!;
        const yi = labels[i] ? 1 : -1;
        const C = upper[i]!;
        const a = QD[i]!;
        const b = yi * dot(i);
        let ind1 = 2 * i;
        let ind2 = 2 * i + 1;
        let sign = 1;
        if (0.5 * a * (alpha[ind2]! - alpha[ind1]!) + b < 0) {
          ind1 = 2 * i + 1;
          ind2 = 2 * i;
          sign = -1;
        }
        const old = alpha[ind1]!;
        let z = old;
        if (C - z < 0.5 * C) z = 0.1 * z;
        let gp = a * (z - old) + sign * b + Math.log(z / (C - z));
        gMax = Math.max(gMax, Math.abs(gp));
        let inner = 0;
        while (inner <= maxInner) {
          if (Math.abs(gp) < innerEps) break;
          const gpp = a + C / (C - z) / z;
          const next = z - gp / gpp;
          z = next <= 0 ? z * 0.1 : next;
          gp = a * (z - old) + sign * b + Math.log(z / (C - z));
          newtonIter++;
          inner++;
        }
        if (inner > 0) {
          alpha[ind1] = z;
          alpha[ind2] = C - z;
          addRow(i, sign * (z - old) * yi);
        }
      }
      iterations++;
      if (gMax < options.eps) {
        converged = true;
        break;
      }
      if (newtonIter <= n / 10) innerEps = Math.max(innerMin, 0.1 * innerEps);
    }
  } else {
    // L2-loss SVM dual: min ½αᵀ(Q + D)α − eᵀα, α ≥ 0, D_ii = 1 / (2 C_i).
    const alpha = new Float64Array(n);
    const diag = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      diag[r] = 0.5 / upper[r]!;
      QD[r] = QD[r]! + diag[r]!;
    }
    while (iterations < options.maxIter) {
      shuffleInPlace(order, random);
      let pgMax = -Infinity;
      let pgMin = Infinity;
      for (let s = 0; s < n; s++) {
        const i = order[s]!;
        const yi = labels[i] ? 1 : -1;
        const G = yi * dot(i) - 1 + alpha[i]! * diag[i]!;
        const PG = alpha[i] === 0 ? Math.min(G, 0) : G;
        pgMax = Math.max(pgMax, PG);
        pgMin = Math.min(pgMin, PG);
        if (PG !== 0) {
          const old = alpha[i]!;
          alpha[i] = Math.max(old - G / QD[i]!, 0);
          addRow(i, (alpha[i]! - old) * yi);
        }
      }
      iterations++;
      if (pgMax - pgMin < options.eps) {
        converged = true;
        break;
      }
    }
  }
  const bias = wb * B;
  return { weights: w, bias, iterations, converged, objective: primalObjective(matrix, labels, w, bias, options) };
}
