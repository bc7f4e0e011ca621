/** The model card: what a model file was trained on, how, and what it scored on the test splits. */
import type { DataFileRecord, DatasetName } from './datasets.ts';
import type { FeatureSpec } from './features.ts';
import type { LearnOptions } from './learn.ts';
import type { ModelLabel } from './heads.ts';

/** Test-split figures of one dataset, as `haven eval --dataset --json` prints them. */
export interface DatasetFigures {
  dataset: DatasetName;
  n: number;
  accuracy: number;
  precision: number;
  recall: number;
  macro_f1: number;
}

/** Davidson adds the three-class view: the headline figures are hate-or-offensive vs neither. */
export interface DavidsonFigures extends DatasetFigures {
  three_class_macro_f1: number;
  hate_f1: number;
}

/** Everything a reader needs to trust or reproduce a model file. */
export interface ModelCard {
  format: 'haven-linear/1';
  seed: number;
  data: Array<{
    dataset: DatasetName;
    files: DataFileRecord[];
    split: string;
    train: number;
    tune: number;
    test: number;
  }>;
  /** The feature spec; lexicons are listed by name, weight, term count and source file (the terms live in the model file). */
  features: Omit<FeatureSpec, 'lexicons'> & {
    lexicons?: Array<{ name: string; weight: number; terms: number; file: DataFileRecord }>;
  };
  training: Omit<LearnOptions, 'seed'> & { refit: boolean; threshold_folds: number; cold_dev?: string };
  heads: Array<{
    name: string;
    dataset: DatasetName;
    positive_class: string;
    feeds: ModelLabel;
    /**
     * Probability threshold tuned for macro-F1 (on out-of-fold scores over train + tune when
     * threshold_folds > 1, else on the tune split); the stored bias is shifted so it reads as 0.5.
     */
    tuned_threshold: number;
    /**
     * Macro-F1 at that threshold on the scores that picked it (out-of-fold over train + tune, or the tune
     * split): a validation figure, never the test split, for choosing between plans. Absent in older cards.
     */
    validation_macro_f1?: number;
    final_train_loss: number;
  }>;
  quantization: string;
  test: {
    cold: DatasetFigures;
    swsr: DatasetFigures;
    davidson: DavidsonFigures;
  };
}
