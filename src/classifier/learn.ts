/**
 * The learner: binary logistic regression trained with AdaGrad over hashed, optionally NB-scaled features.
 *
 * NB scaling (Wang & Manning 2012, "NBSVM"): each bucket's value is multiplied by its log-count ratio
 * r = log((α + df₊)/‖α + df₊‖₁) − log((α + df₋)/‖α + df₋‖₁), computed from the training rows; the logistic
 * regression then learns on top of that prior. Because r is fixed after training it is folded into the
 * weights (w · (x ∘ r) = (w ∘ r) · x), so inference does not know it existed.
 */
import type { FeatureMatrix } from './matrix.ts';
import { seededRandom, shuffleInPlace } from './random.ts';

/** Knobs of one head's training run; recorded in the model card. */
export interface LearnOptions {
  epochs: number;
  /** AdaGrad base step. */
  learningRate: number;
  /** L2 penalty per update, applied to the weights a row touches. */
  l2: number;
  /** Smoothing of the NB log-count ratio; null turns NB scaling off. */
  nbAlpha: number | null;
  /** Weight of positive rows relative to negative ones (1 = as they come). */
  positiveWeight: number;
  /** Return the average of the weights over all updates (Polyak averaging) instead of the last ones. */
  average: boolean;
  seed: number;
}

/** A trained binary head: effective weights per bucket (NB ratio folded in) and a bias. */
export interface LearnedHead {
  weights: Float32Array;
  bias: number;
  /** Mean weighted log-loss of each epoch, measured while passing over it. */
  epochLosses: number[];
}

/** Per-bucket NB log-count ratio from document frequencies of positive and negative rows. */
export function logCountRatio(matrix: FeatureMatrix, labels: Uint8Array, buckets: number, alpha: number): Float32Array {
  const pos = new Float64Array(buckets);
  const neg = new Float64Array(buckets);
  for (let r = 0; r < matrix.rows; r++) {
    const target = labels[r] ? pos : neg;
    for (let k = matrix.offsets[r]!; k < matrix.offsets[r + 1]!; k++) target[matrix.indices[k]!]! += 1;
  }
  let posTotal = 0;
  let negTotal = 0;
  for (let j = 0; j < buckets; j++) {
    posTotal += pos[j]! + alpha;
    negTotal += neg[j]! + alpha;
  }
  const ratio = new Float32Array(buckets);
  for (let j = 0; j < buckets; j++) {
    ratio[j] = Math.log((pos[j]! + alpha) / posTotal) - Math.log((neg[j]! + alpha) / negTotal);
  }
  return ratio;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Trains one binary head on the rows of `matrix` (labels 0/1, one per row). Deterministic for a seed.
 * `onEpoch` is told after each epoch with its mean loss.
 */
export function learnBinaryHead(
  matrix: FeatureMatrix,
  labels: Uint8Array,
  buckets: number,
  options: LearnOptions,
  onEpoch?: (epoch: number, loss: number) => void,
): LearnedHead {
  if (labels.length !== matrix.rows) {
    throw new Error(`learner: ${labels.length} labels for ${matrix.rows} rows`);
  }
  const ratio = options.nbAlpha === null ? null : logCountRatio(matrix, labels, buckets, options.nbAlpha);
  const weights = new Float32Array(buckets);
  const squares = new Float32Array(buckets);
  let bias = 0;
  let biasSquares = 0;
  // Averaging without touching every bucket per step: avg = w − u / steps, where u accumulates step·Δw.
  const shifts = options.average ? new Float32Array(buckets) : null;
  let biasShift = 0;
  let steps = 1;
  const { learningRate: eta, l2, positiveWeight } = options;
  const order = new Int32Array(matrix.rows);
  for (let r = 0; r < matrix.rows; r++) order[r] = r;
  const random = seededRandom(options.seed);
  const epochLosses: number[] = [];
  const { offsets, indices, values } = matrix;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    let lossSum = 0;
    let weightSum = 0;
    for (let o = 0; o < order.length; o++) {
      const r = order[o]!;
      const begin = offsets[r]!;
      const end = offsets[r + 1]!;
      let z = bias;
      if (ratio) {
        for (let k = begin; k < end; k++) z += weights[indices[k]!]! * values[k]! * ratio[indices[k]!]!;
      } else {
        for (let k = begin; k < end; k++) z += weights[indices[k]!]! * values[k]!;
      }
      const y = labels[r]!;
      const p = sigmoid(z);
      const rowWeight = y ? positiveWeight : 1;
      lossSum += rowWeight * -Math.log(Math.max(1e-12, y ? p : 1 - p));
      weightSum += rowWeight;
      const g = (p - y) * rowWeight;
      for (let k = begin; k < end; k++) {
        const j = indices[k]!;
        const x = ratio ? values[k]! * ratio[j]! : values[k]!;
        const gj = g * x + l2 * weights[j]!;
        const s = squares[j]! + gj * gj;
        squares[j] = s;
        if (s > 0) {
          const delta = (eta * gj) / Math.sqrt(s);
          weights[j] = weights[j]! - delta;
          if (shifts) shifts[j] = shifts[j]! - steps * delta;
        }
      }
      biasSquares += g * g;
      if (biasSquares > 0) {
        const delta = (eta * g) / Math.sqrt(biasSquares);
        bias -= delta;
        biasShift -= steps * delta;
      }
      steps++;
    }
    const loss = lossSum / Math.max(1, weightSum);
    epochLosses.push(loss);
    onEpoch?.(epoch + 1, loss);
  }
  if (shifts) {
    for (let j = 0; j < buckets; j++) weights[j] = weights[j]! - shifts[j]! / steps;
    bias -= biasShift / steps;
  }
  if (ratio) for (let j = 0; j < buckets; j++) weights[j] = weights[j]! * ratio[j]!;
  return { weights, bias, epochLosses };
}

/** The head's probability for one encoded row. */
export function headProbability(head: LearnedHead, indices: Int32Array, values: Float32Array, begin: number, end: number): number {
  let z = head.bias;
  for (let k = begin; k < end; k++) z += head.weights[indices[k]!]! * values[k]!;
  return sigmoid(z);
}
