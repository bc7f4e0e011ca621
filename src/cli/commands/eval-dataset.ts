/**
 * `haven eval --dataset cold|swsr|davidson [--data PATH] [--json] [--model FILE]`: scores the model on a
 * dataset's test split. Progress goes to stderr; with --json stdout carries exactly one JSON object.
 * Called by the `eval` command when --dataset is given.
 */
import {
  DATASET_NAMES,
  DatasetMissingError,
  loadTestSplit,
  resolveDataRoot,
  type DatasetName,
} from '../../classifier/datasets.ts';
import { evaluateDataset } from '../../classifier/evaluation.ts';
import { DEFAULT_MODEL_PATH, loadClassifier, ModelLoadError } from '../../classifier/index.ts';
import { progressBar } from '../../classifier/progress.ts';

/** Options of a dataset evaluation, as parsed from the command line. */
export interface DatasetEvalOptions {
  dataset: string;
  data?: string;
  json?: boolean;
  model?: string;
}

function isDatasetName(name: string): name is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(name);
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** Runs the evaluation and returns the process exit code (0 ok, 2 bad input or missing data/model). */
export async function runDatasetEval(opts: DatasetEvalOptions): Promise<number> {
  if (!isDatasetName(opts.dataset)) {
    process.stderr.write(`haven eval: unknown dataset "${opts.dataset}" (choose one of: ${DATASET_NAMES.join(', ')})\n`);
    return 2;
  }
  const root = resolveDataRoot(opts.data, process.env);
  try {
    const classifier = loadClassifier(opts.model ?? DEFAULT_MODEL_PATH);
    const { items } = loadTestSplit(root, opts.dataset, classifier.card.seed);
    const figures = evaluateDataset(classifier, opts.dataset, items, progressBar());
    const { dataset, n, accuracy, precision, recall, macro_f1 } = figures;
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ dataset, n, accuracy, precision, recall, macro_f1 })}\n`);
      return 0;
    }
    const card = classifier.card.test[dataset];
    const lines = [
      `dataset    ${dataset} (test split, n = ${n})`,
      `accuracy   ${pct(accuracy)}`,
      `precision  ${pct(precision)} (macro)`,
      `recall     ${pct(recall)} (macro)`,
      `macro-F1   ${macro_f1.toFixed(4)}   (model card: ${card.macro_f1.toFixed(4)})`,
    ];
    if (dataset === 'davidson') lines[0] += ' — hate-or-offensive vs neither';
    if ('three_class_macro_f1' in figures) {
      lines.push(`3-class macro-F1  ${figures.three_class_macro_f1.toFixed(4)}`, `hate-class F1     ${figures.hate_f1.toFixed(4)}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DatasetMissingError || error instanceof ModelLoadError) {
      process.stderr.write(`haven eval: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
