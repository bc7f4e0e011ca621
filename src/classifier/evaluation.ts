/**
 * Scoring a classifier on a dataset's test split, each dataset with its own heads at the 0.5 decision point
 * (the tuned threshold is folded into the stored bias):
 * - COLD: cold_offensive; SWSR: swsr_sexist (binary, positive = 1).
 * - Davidson: headline = davidson_abusive, hate-or-offensive vs neither; three classes = hate if
 *   davidson_hate ≥ 0.5, else offensive if davidson_abusive ≥ 0.5, else neither.
 */
import { foldForModel } from '../normalize/index.ts';
import type { DatasetFigures, DavidsonFigures } from './card.ts';
import type { DatasetName, LabelledText } from './datasets.ts';
import type { Classifier } from './linear-classifier.ts';
import { classificationFigures } from './metrics.ts';
import { silentProgress, type Progress } from './progress.ts';

function binary(dataset: DatasetName, truth: number[], predicted: number[]): DatasetFigures {
  const f = classificationFigures(truth, predicted, 2);
  return { dataset, n: f.n, accuracy: f.accuracy, precision: f.precision, recall: f.recall, macro_f1: f.macro_f1 };
}

/** COLD or SWSR figures of a classifier on labelled texts (raw, not yet folded). */
export function evaluateBinary(
  classifier: Classifier,
  dataset: 'cold' | 'swsr',
  items: readonly LabelledText[],
  progress: Progress = silentProgress,
): DatasetFigures {
  const head = dataset === 'cold' ? 'cold_offensive' : 'swsr_sexist';
  const truth: number[] = [];
  const predicted: number[] = [];
  progress.stage(`eval ${dataset}`, items.length);
  items.forEach((item, i) => {
    truth.push(item.label === 1 ? 1 : 0);
    predicted.push(classifier.headScores(foldForModel(item.text))[head] >= 0.5 ? 1 : 0);
    if ((i & 63) === 0) progress.update(i);
  });
  progress.end();
  return binary(dataset, truth, predicted);
}

/** Davidson figures: binary headline plus three-class macro-F1 and hate F1. */
export function evaluateDavidson(
  classifier: Classifier,
  items: readonly LabelledText[],
  progress: Progress = silentProgress,
): DavidsonFigures {
  const truth2: number[] = [];
  const predicted2: number[] = [];
  const truth3: number[] = [];
  const predicted3: number[] = [];
  progress.stage('eval davidson', items.length);
  items.forEach((item, i) => {
    const s = classifier.headScores(foldForModel(item.text));
    truth2.push(item.label === 2 ? 0 : 1);
    predicted2.push(s.davidson_abusive >= 0.5 ? 1 : 0);
    truth3.push(item.label);
    predicted3.push(s.davidson_hate >= 0.5 ? 0 : s.davidson_abusive >= 0.5 ? 1 : 2);
    if ((i & 63) === 0) progress.update(i);
  });
  progress.end();
  const three = classificationFigures(truth3, predicted3, 3);
  return {
    ...binary('davidson', truth2, predicted2),
    three_class_macro_f1: three.macro_f1,
    hate_f1: three.class_f1[0] ?? 0,
  };
}

/** Figures for any dataset's test items. */
export function evaluateDataset(
  classifier: Classifier,
  dataset: DatasetName,
  items: readonly LabelledText[],
  progress: Progress = silentProgress,
): DatasetFigures | DavidsonFigures {
  return dataset === 'davidson' ? evaluateDavidson(classifier, items, progress) : evaluateBinary(classifier, dataset, items, progress);
}
