/**
 * A training run: fold and encode every dataset's splits, tune each head's threshold for macro-F1 on
 * out-of-fold scores over its dataset's train + tune rows (or on the tune split), learn the shipped head on
 * train + tune, quantize, and score the result on the test splits.
 * Deterministic for a seed: the same data and plan give the same model bytes.
 */
import { foldForModel } from '../normalize/index.ts';
import type { ModelCard } from './card.ts';
import {
  DATASET_NAMES,
  HELD_OUT_SHARE,
  TUNE_SHARE,
  loadDataset,
  loadLexicon,
  type DatasetName,
  type DatasetSplits,
  type LexiconName,
  type LoadedLexicon,
} from './datasets.ts';
import { evaluateBinary, evaluateDavidson } from './evaluation.ts';
import { FeatureHasher, type FeatureSpec } from './features.ts';
import { HEADS } from './heads.ts';
import { headProbability, learnBinaryHead, type LearnedHead, type LearnOptions } from './learn.ts';
import { LinearClassifier } from './linear-classifier.ts';
import { encodeTexts, selectRows, type FeatureMatrix } from './matrix.ts';
import { bestThreshold, macroF1At } from './metrics.ts';
import { decodeModel, encodeModel, type StoredHead, type StoredModel } from './model-file.ts';
import { silentProgress, type Progress } from './progress.ts';
import { seededRandom, shuffleInPlace } from './random.ts';

/** What to train: the feature spec, the learner's knobs and the seed. */
export interface TrainingPlan {
  seed: number;
  spec: FeatureSpec;
  learn: Omit<LearnOptions, 'seed'>;
  /**
   * After the threshold is tuned on the tune split, train again on train + tune with the same options and
   * keep that threshold: more data for the shipped weights (worth +0.002–0.003 macro-F1 on every dataset).
   */
  refit: boolean;
  /**
   * Tune each head's threshold on out-of-fold scores from this many stratified folds over train + tune
   * (0 or 1: on the tune split alone, from a model trained on train). The SWSR and Davidson tune splits are
   * small (897 rows; 143 hate tweets), so a threshold picked there alone is noisy.
   */
  thresholdFolds: number;
  /** Lexicon-hit features: which lexicons (read from the datasets folder) and their weights. */
  lexicons: Array<{ name: LexiconName; weight: number }>;
}

/**
 * The plan `haven train` uses. Chosen on the tune splits (COLD dev, SWSR / Davidson tune), never the test
 * splits; docs/classifier.md lists the alternatives measured.
 */
export const DEFAULT_PLAN: TrainingPlan = {
  seed: 42,
  spec: { bucketBits: 19, charMin: 1, charMax: 4, hanCharMax: 2, wordMax: 2, hanWords: 'none', scaling: 'sqrt-count' },
  learn: { epochs: 8, learningRate: 0.2, l2: 1e-6, nbAlpha: 4, positiveWeight: 1, average: false },
  refit: true,
  thresholdFolds: 5,
  lexicons: [
    { name: 'swsr', weight: 0.3 },
    { name: 'davidson', weight: 1 },
  ],
};


/** The result of a run: the model (card included) and the heads' float-precision tune figures. */
export interface TrainingResult {
  model: StoredModel;
  bytes: Buffer;
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

function foldAll(items: readonly { text: string }[], label: string, progress: Progress): string[] {
  progress.stage(label, items.length);
  const out = items.map((item, i) => {
    if ((i & 255) === 0) progress.update(i);
    return foldForModel(item.text);
  });
  progress.end();
  return out;
}

function encodeAll(hasher: FeatureHasher, texts: string[], label: string, progress: Progress): FeatureMatrix {
  progress.stage(label, texts.length);
  const matrix = encodeTexts(hasher, texts, (done) => {
    if ((done & 255) === 0) progress.update(done);
  });
  progress.end();
  return matrix;
}

/**
 * Linear int8 quantization with scale = max |w| / 127. Clipping the largest weights to spend the 255 levels
 * on the bulk was measured and is much worse (clip at the 99.99th percentile: Davidson 0.9227 → 0.9202,
 * 99.9th: → 0.877): the few large n-gram weights carry the decisions.
 */
function quantize(weights: Float32Array): { scale: number; values: Int8Array } {
  let largest = 0;
  for (let j = 0; j < weights.length; j++) largest = Math.max(largest, Math.abs(weights[j]!));
  const scale = largest > 0 ? largest / 127 : 1;
  const values = new Int8Array(weights.length);
  for (let j = 0; j < weights.length; j++) values[j] = Math.max(-127, Math.min(127, Math.round(weights[j]! / scale)));
  return { scale, values };
}

/** Stratified fold number (0..folds-1) of each row, from a seeded shuffle within each class. */
export function stratifiedFolds(labels: Uint8Array, folds: number, seed: number): Uint8Array {
  const fold = new Uint8Array(labels.length);
  const random = seededRandom(seed);
  for (const label of [0, 1]) {
    const rows: number[] = [];
    labels.forEach((y, r) => {
      if (y === label) rows.push(r);
    });
    shuffleInPlace(rows, random);
    rows.forEach((r, k) => (fold[r] = k % folds));
  }
  return fold;
}

function probabilities(head: LearnedHead, matrix: FeatureMatrix): Float64Array {
  const out = new Float64Array(matrix.rows);
  for (let r = 0; r < matrix.rows; r++) {
    out[r] = headProbability(head, matrix.indices, matrix.values, matrix.offsets[r]!, matrix.offsets[r + 1]!);
  }
  return out;
}

/** The feature spec with the lexicons' terms folded like the texts, each term once, in first-seen order. */
function specWithLexicons(plan: TrainingPlan, lexicons: readonly LoadedLexicon[]): FeatureSpec {
  const chosen = plan.lexicons.flatMap((want) => {
    const found = lexicons.find((l) => l.name === want.name);
    return found ? [{ name: found.name, weight: want.weight, terms: [...new Set(found.terms.map(foldForModel).filter((t) => t.length > 0))] }] : [];
  });
  return chosen.length > 0 ? { ...plan.spec, lexicons: chosen } : plan.spec;
}

/**
 * Trains every head on already-split corpora and returns the finished model. `lexicons` are the term
 * lists the plan names (missing ones are left out, e.g. for toy corpora in tests).
 */
export function trainModel(
  corpora: Record<DatasetName, DatasetSplits>,
  plan: TrainingPlan,
  progress: Progress = silentProgress,
  lexicons: readonly LoadedLexicon[] = [],
): TrainingResult {
  const spec = specWithLexicons(plan, lexicons);
  const hasher = new FeatureHasher(spec);
  const buckets = hasher.buckets;
  const planFolds = plan.thresholdFolds > 1 ? plan.thresholdFolds : 0;
  // a dataset whose tune split is a published validation split (COLD dev) is learned from train alone and
  // thresholded on that split: no folds over it, no refit on it
  const foldsFor = (name: DatasetName): number => (corpora[name].fitOnTune ? planFolds : 0);
  const refitFor = (name: DatasetName): boolean => plan.refit && corpora[name].fitOnTune;
  const encoded = new Map<DatasetName, { train: FeatureMatrix | null; tune: FeatureMatrix | null; both: FeatureMatrix | null }>();
  for (const name of DATASET_NAMES) {
    const splits = corpora[name];
    const train = foldAll(splits.train, `fold ${name} train`, progress);
    const tune = foldAll(splits.tune, `fold ${name} tune`, progress);
    const folds = foldsFor(name);
    encoded.set(name, {
      train: folds ? null : encodeAll(hasher, train, `encode ${name} train`, progress),
      tune: folds ? null : encodeAll(hasher, tune, `encode ${name} tune`, progress),
      both: refitFor(name) || folds ? encodeAll(hasher, [...train, ...tune], `encode ${name} train+tune`, progress) : null,
    });
  }
  const interleaved = new Int8Array(buckets * HEADS.length);
  const storedHeads: StoredHead[] = [];
  const cardHeads: ModelCard['heads'] = [];
  HEADS.forEach((head, h) => {
    const { train, tune, both } = encoded.get(head.dataset)!;
    const splits = corpora[head.dataset];
    const options = { ...plan.learn, seed: plan.seed + h };
    const positive = (item: { label: number }): number => (head.isPositive(item.label) ? 1 : 0);
    const bothLabels = Uint8Array.from([...splits.train, ...splits.tune], positive);
    let threshold: number;
    let validation: number;
    let learned: LearnedHead | null = null;
    const folds = foldsFor(head.dataset);
    if (folds) {
      // Out-of-fold scores for every train + tune row, then one threshold over all of them.
      const fold = stratifiedFolds(bothLabels, folds, plan.seed + 100 + h);
      const scores = new Float64Array(bothLabels.length);
      progress.stage(`folds ${head.name}`, folds);
      for (let k = 0; k < folds; k++) {
        const fit: number[] = [];
        const held: number[] = [];
        fold.forEach((f, r) => (f === k ? held : fit).push(r));
        const foldHead = learnBinaryHead(selectRows(both!, fit), Uint8Array.from(fit, (r) => bothLabels[r]!), buckets, options);
        const heldScores = probabilities(foldHead, selectRows(both!, held));
        held.forEach((r, i) => (scores[r] = heldScores[i]!));
        progress.update(k + 1);
      }
      progress.end();
      threshold = bestThreshold(scores, bothLabels);
      validation = macroF1At(scores, bothLabels, threshold);
    } else {
      const labels = Uint8Array.from(splits.train, positive);
      progress.stage(`learn ${head.name}`, plan.learn.epochs);
      learned = learnBinaryHead(train!, labels, buckets, options, (epoch) => progress.update(epoch));
      progress.end();
      const tuneScores = probabilities(learned, tune!);
      const tuneLabels = splits.tune.map(positive);
      threshold = bestThreshold(tuneScores, tuneLabels);
      validation = macroF1At(tuneScores, tuneLabels, threshold);
    }
    let shipped: LearnedHead;
    if (refitFor(head.dataset) || !learned) {
      progress.stage(`refit ${head.name}`, plan.learn.epochs);
      shipped = learnBinaryHead(both!, bothLabels, buckets, options, (epoch) => progress.update(epoch));
      progress.end();
    } else {
      shipped = learned;
    }
    const { scale, values } = quantize(shipped.weights);
    for (let j = 0; j < buckets; j++) interleaved[j * HEADS.length + h] = values[j]!;
    storedHeads.push({ name: head.name, bias: shipped.bias - logit(threshold), scale });
    cardHeads.push({
      name: head.name,
      dataset: head.dataset,
      positive_class: head.positiveClass,
      feeds: head.feeds,
      tuned_threshold: threshold,
      validation_macro_f1: validation,
      final_train_loss: shipped.epochLosses.at(-1) ?? Number.NaN,
    });
  });
  const { lexicons: specLexicons, ...specRest } = spec;
  const features: ModelCard['features'] = specLexicons
    ? {
        ...specRest,
        lexicons: specLexicons.map((l) => ({ name: l.name, weight: l.weight, terms: l.terms.length, file: lexicons.find((x) => x.name === l.name)!.file })),
      }
    : specRest;
  const card: ModelCard = {
    format: 'haven-linear/1',
    seed: plan.seed,
    data: DATASET_NAMES.map((name) => ({
      dataset: name,
      files: corpora[name].files,
      split:
        name === 'cold'
          ? 'train.csv / dev.csv (tune) / test.csv as published'
          : `stratified by label: ${HELD_OUT_SHARE * 100}% test (seed), ${TUNE_SHARE * 100}% tune (seed + 1), rest train`,
      train: corpora[name].train.length,
      tune: corpora[name].tune.length,
      test: corpora[name].test.length,
    })),
    features,
    training: { ...plan.learn, refit: plan.refit, threshold_folds: planFolds, cold_dev: 'threshold only (weights learned from train.csv alone)' },
    heads: cardHeads,
    quantization: 'int8 per head, scale = max |w| / 127, gzip',
    test: {
      cold: { dataset: 'cold', n: 0, accuracy: 0, precision: 0, recall: 0, macro_f1: 0 },
      swsr: { dataset: 'swsr', n: 0, accuracy: 0, precision: 0, recall: 0, macro_f1: 0 },
      davidson: { dataset: 'davidson', n: 0, accuracy: 0, precision: 0, recall: 0, macro_f1: 0, three_class_macro_f1: 0, hate_f1: 0 },
    },
  };
  // Score the model exactly as it will be shipped: through the file format and the inference path.
  const draft: StoredModel = { card, spec, heads: storedHeads, weights: interleaved };
  const shipped = new LinearClassifier(decodeModel(encodeModel(draft), '(in memory)'));
  card.test = {
    cold: evaluateBinary(shipped, 'cold', corpora.cold.test, progress),
    swsr: evaluateBinary(shipped, 'swsr', corpora.swsr.test, progress),
    davidson: evaluateDavidson(shipped, corpora.davidson.test, progress),
  };
  const model: StoredModel = { ...draft, card };
  return { model, bytes: encodeModel(model) };
}

/** Loads the three datasets from a datasets folder (seeded splits) and trains. */
export function trainFromFolder(root: string, plan: TrainingPlan, progress: Progress = silentProgress): TrainingResult {
  const corpora = {} as Record<DatasetName, DatasetSplits>;
  for (const name of DATASET_NAMES) corpora[name] = loadDataset(root, name, plan.seed);
  const lexicons = plan.lexicons.map((l) => loadLexicon(root, l.name));
  return trainModel(corpora, plan, progress, lexicons);
}
