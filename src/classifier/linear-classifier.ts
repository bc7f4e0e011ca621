/**
 * Scoring with a loaded model: encode the folded text once, take every head's dot product in one pass over
 * its features (the heads' int8 weights sit side by side per bucket), squash with the logistic function,
 * then gate by script and map heads to product labels.
 */
import type { ModelCard } from './card.ts';
import { FeatureHasher } from './features.ts';
import { HEADS, type HeadName, type HeadScores, type HeadScript, type ModelLabel } from './heads.ts';
import type { StoredModel } from './model-file.ts';

/** Probabilities (0..1) of the product labels the model speaks for. 0.5 is each head's tuned decision point. */
export interface ModelScores {
  insult: number;
  hate: number;
  sexual_harassment: number;
}

/** A loaded text classifier. */
export interface Classifier {
  /** Scores a text already passed through `foldForModel`. */
  score(foldedText: string): ModelScores;
  /** Every head's probability, ungated: what `haven eval --dataset` reads. */
  headScores(foldedText: string): HeadScores;
  /** What the model was trained on and how it scored. */
  readonly card: ModelCard;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** Interleaved 4-head int8 weights viewed as one int32 per bucket (copied when not 4-byte aligned). */
function packWeights(weights: Int8Array): Int32Array {
  const aligned = weights.byteOffset % 4 === 0 ? weights : Int8Array.from(weights);
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
}

/**
 * Which heads may speak for a text: Chinese heads where it has a Han character, English heads where it has
 * two or more ASCII letters — and, in a text with Han characters, two or more Latin words: one Latin word
 * among Chinese is a brand, a name or a product code (Switch游戏卡, iPhone壳), and an English head reading
 * it sees only its bias and that word.
 */
function scriptsOf(text: string): Record<HeadScript, boolean> {
  let han = 0;
  let latin = 0;
  let latinWords = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      latin++;
      if (!inWord) latinWords++;
      inWord = true;
      continue;
    }
    inWord = false;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
  }
  // One Latin letter ("a", "u") is no English; two letters make the shortest insult worth scoring.
  return { han: han > 0, latin: latin >= 2 && (han === 0 || latinWords >= 2) };
}

/** A linear classifier over hashed n-grams, built from a decoded model file. */
export class LinearClassifier implements Classifier {
  readonly card: ModelCard;
  private readonly hasher: FeatureHasher;
  private readonly weights: Int8Array;
  /**
   * The four heads' int8 weights of each bucket as one little-endian int32, for the fused path of
   * "sqrt-count" models (null otherwise): each n-gram's bucket is read once, as it is hashed.
   */
  private readonly packed: Int32Array | null;
  private readonly biases: Float64Array;
  private readonly scales: Float64Array;
  private readonly sums: Float64Array;
  /** Scratch for the lexicon features of the fused path (at most 8 lexicons per spec). */
  private readonly lexiconBuckets = new Int32Array(8);
  private readonly lexiconValues = new Float64Array(8);

  constructor(model: StoredModel) {
    this.card = model.card;
    this.hasher = new FeatureHasher(model.spec);
    this.weights = model.weights;
    this.packed = this.hasher.sqrtCount && model.heads.length === 4 && LITTLE_ENDIAN ? packWeights(model.weights) : null;
    this.biases = Float64Array.from(model.heads, (h) => h.bias);
    this.scales = Float64Array.from(model.heads, (h) => h.scale);
    this.sums = new Float64Array(model.heads.length);
  }

  headScores(foldedText: string): HeadScores {
    this.accumulate(foldedText);
    const out = {} as HeadScores;
    HEADS.forEach((head, h) => {
      out[head.name as HeadName] = sigmoid(this.biases[h]! + this.scales[h]! * this.sums[h]!);
    });
    return out;
  }

  score(foldedText: string): ModelScores {
    this.accumulate(foldedText);
    const scripts = scriptsOf(foldedText);
    const out: ModelScores = { insult: 0, hate: 0, sexual_harassment: 0 };
    for (let h = 0; h < HEADS.length; h++) {
      const head = HEADS[h]!;
      if (!scripts[head.script]) continue;
      const p = sigmoid(this.biases[h]! + this.scales[h]! * this.sums[h]!);
      const label: ModelLabel = head.feeds;
      if (p > out[label]) out[label] = p;
    }
    return out;
  }

  /** Fills `sums` with each head's raw dot product (before scale and bias). */
  private accumulate(foldedText: string): void {
    if (this.packed) {
      this.accumulateFused(foldedText, this.packed);
      return;
    }
    const { indices, values, length } = this.hasher.encode(foldedText);
    const sums = this.sums;
    const weights = this.weights;
    sums.fill(0);
    if (sums.length === 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < length; k++) {
        const base = indices[k]! << 2;
        const v = values[k]!;
        s0 += weights[base]! * v;
        s1 += weights[base + 1]! * v;
        s2 += weights[base + 2]! * v;
        s3 += weights[base + 3]! * v;
      }
      sums[0] = s0;
      sums[1] = s1;
      sums[2] = s2;
      sums[3] = s3;
      return;
    }
    const heads = sums.length;
    for (let k = 0; k < length; k++) {
      const base = indices[k]! * heads;
      const v = values[k]!;
      for (let h = 0; h < heads; h++) sums[h] = sums[h]! + weights[base + h]! * v;
    }
  }

  /**
   * The same dot products for a "sqrt-count" model without building the sparse vector: every n-gram's
   * bucket adds its weights as they come (a repeated n-gram adds them again, which is its count), the sums
   * are scaled by 1 / √count at the end, and the lexicon features are added after the scaling, as `encode`
   * does. No per-text table, no second pass: about half the work of `encode` + the dot product.
   */
  private accumulateFused(foldedText: string, packed: Int32Array): void {
    const hasher = this.hasher;
    const count = hasher.hashNgrams(foldedText);
    const ids = hasher.rawIds;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0; k < count; k++) {
      const w = packed[ids[k]!]!;
      // the four int8 of a little-endian int32: head 0 in the low byte
      s0 += (w << 24) >> 24;
      s1 += (w << 16) >> 24;
      s2 += (w << 8) >> 24;
      s3 += w >> 24;
    }
    const scale = count > 0 ? 1 / Math.sqrt(count) : 0;
    const sums = this.sums;
    sums[0] = s0 * scale;
    sums[1] = s1 * scale;
    sums[2] = s2 * scale;
    sums[3] = s3 * scale;
    const found = hasher.lexiconFeatures(foldedText, this.lexiconBuckets, this.lexiconValues);
    for (let k = 0; k < found; k++) {
      const w = packed[this.lexiconBuckets[k]!]!;
      const v = this.lexiconValues[k]!;
      sums[0] = sums[0]! + ((w << 24) >> 24) * v;
      sums[1] = sums[1]! + ((w << 16) >> 24) * v;
      sums[2] = sums[2]! + ((w << 8) >> 24) * v;
      sums[3] = sums[3]! + (w >> 24) * v;
    }
  }
}
