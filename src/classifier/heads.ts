/**
 * The model's heads: one binary logistic regression per question a dataset can answer, all reading the same
 * hashed features. Each head is trained and evaluated only on its own dataset, and feeds one product label.
 *
 * Why these labels (PRODUCT.md): COLD marks offensive Chinese comments, most of them abuse aimed at a person
 * or a group, and does not say which — so it feeds `insult` (hold), the cautious reading. SWSR marks sexism:
 * misogynistic attacks and gender stereotypes (sexual objectification is 3 % of it), which PRODUCT.md files
 * under `hate` ("attacks on people for … gender"). Davidson separates hate from merely offensive tweets:
 * hate-or-offensive feeds `insult`, hate feeds `hate`. None of the corpora labels sexual harassment, so the
 * model leaves `sexual_harassment` at 0 and the rules carry that label alone.
 */
import type { DatasetName } from './datasets.ts';

/** The product labels the model scores. */
export type ModelLabel = 'insult' | 'hate' | 'sexual_harassment';

/** Which writing system a head was trained on: it only speaks for texts that contain that script. */
export type HeadScript = 'han' | 'latin';

/** A head's definition: what it learns from and what it feeds. */
export interface HeadDefinition {
  name: string;
  dataset: DatasetName;
  /** Human-readable description of the positive class, for the model card. */
  positiveClass: string;
  /** True when a row with this dataset class number is a positive example. */
  isPositive: (label: number) => boolean;
  script: HeadScript;
  feeds: ModelLabel;
}

/** The heads, in the order their weights are interleaved in the model file. */
export const HEADS = [
  {
    name: 'cold_offensive',
    dataset: 'cold',
    positiveClass: 'label 1 (offensive)',
    isPositive: (label: number) => label === 1,
    script: 'han',
    feeds: 'insult',
  },
  {
    name: 'swsr_sexist',
    dataset: 'swsr',
    positiveClass: 'label 1 (sexist)',
    isPositive: (label: number) => label === 1,
    script: 'han',
    feeds: 'hate',
  },
  {
    name: 'davidson_abusive',
    dataset: 'davidson',
    positiveClass: 'class 0 or 1 (hate or offensive)',
    isPositive: (label: number) => label !== 2,
    script: 'latin',
    feeds: 'insult',
  },
  {
    name: 'davidson_hate',
    dataset: 'davidson',
    positiveClass: 'class 0 (hate)',
    isPositive: (label: number) => label === 0,
    script: 'latin',
    feeds: 'hate',
  },
] as const satisfies readonly HeadDefinition[];

/** Name of one head. */
export type HeadName = (typeof HEADS)[number]['name'];

/** Probability of each head, before script gating and before mapping to product labels. */
export type HeadScores = Record<HeadName, number>;
