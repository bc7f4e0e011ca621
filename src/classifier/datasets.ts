/**
 * The three labelled corpora the classifier learns from, read from a `datasets` folder laid out as in
 * ../shared/datasets, and split the same way every time:
 *
 * - COLD (Chinese offensive language): the authors' train / dev / test files; label 1 = offensive.
 * - SWSR (Chinese sexism, SexComment.csv): label 1 = sexist. 20 % stratified held-out test split fixed by the
 *   seed; 10 % of the whole (stratified, seed + 1) is carved out of the rest as the tuning split.
 * - Davidson (English tweets, labeled_data.csv): class 0 = hate, 1 = offensive, 2 = neither. Same splits as SWSR.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { columnIndex, parseCsv } from './csv.ts';
import { seededRandom, shuffleInPlace } from './random.ts';

/** The datasets `haven train` and `haven eval --dataset` know. */
export const DATASET_NAMES = ['cold', 'swsr', 'davidson'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** One labelled message. `label` is the dataset's own class number (see the file comment). */
export interface LabelledText {
  text: string;
  label: number;
}

/** A data file the splits came from, with its SHA-256 so a model card pins the exact bytes. */
export interface DataFileRecord {
  path: string;
  sha256: string;
}

/** A dataset cut into the part to learn from, the part to tune thresholds on and the part to report. */
export interface DatasetSplits {
  name: DatasetName;
  train: LabelledText[];
  tune: LabelledText[];
  test: LabelledText[];
  files: DataFileRecord[];
  /**
   * May the shipped weights be fitted on the tune rows too? Yes where the tune split is carved out of the
   * training portion (SWSR, Davidson); no where it is a published validation split (COLD dev): that one only
   * picks the threshold, so the model learns from train splits alone.
   */
  fitOnTune: boolean;
}

/** Thrown when a dataset's files are not where they should be; the message names the missing path. */
export class DatasetMissingError extends Error {
  override name = 'DatasetMissingError';
}

/** Share of SWSR and Davidson held out as the test split. */
export const HELD_OUT_SHARE = 0.2;
/** Share of SWSR and Davidson (of the whole) carved out of the rest for threshold tuning. */
export const TUNE_SHARE = 0.1;

/** Relative paths of each dataset's files under the datasets folder. */
export const DATASET_FILES: Record<DatasetName, string[]> = {
  cold: ['cold/COLDataset/train.csv', 'cold/COLDataset/dev.csv', 'cold/COLDataset/test.csv'],
  swsr: ['swsr/SWSR/SexComment.csv'],
  davidson: ['davidson/data/labeled_data.csv'],
};

/** Term lists shipped with the corpora, used as lexicon-hit features (see features.ts). */
export const LEXICON_NAMES = ['swsr', 'davidson'] as const;
export type LexiconName = (typeof LEXICON_NAMES)[number];

/** SWSR's SexHateLex (3 016 abusive and sexist Chinese terms, MIT) and Davidson's hate n-gram list. */
export const LEXICON_FILES: Record<LexiconName, string> = {
  swsr: 'swsr/SexHateLex/SexHateLex.txt',
  davidson: 'davidson/lexicons/refined_ngram_dict.csv',
};

/** A lexicon as read from its file: raw terms (not yet folded) and the file's record. */
export interface LoadedLexicon {
  name: LexiconName;
  terms: string[];
  file: DataFileRecord;
}

/** Reads a lexicon: one term per line (SexHateLex), or the first column after a header (the CSV). */
export function loadLexicon(root: string, name: LexiconName): LoadedLexicon {
  const file = loadFile(root, LEXICON_FILES[name]);
  let lines = file.text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  if (name === 'davidson') lines = lines.slice(1).map((line) => line.split(',')[0] ?? '');
  return { name, terms: lines.map((t) => t.trim()).filter((t) => t.length > 0), file: file.record };
}

/** True when every file of the dataset exists under `root`. */
export function datasetPresent(root: string, name: DatasetName): boolean {
  return DATASET_FILES[name].every((file) => existsSync(join(root, file)));
}

interface LoadedFile {
  record: DataFileRecord;
  text: string;
}

function loadFile(root: string, relative: string): LoadedFile {
  const path = join(root, relative);
  if (!existsSync(path)) {
    throw new DatasetMissingError(`dataset file not found: ${path} (set --data or HAVEN_DATA to the datasets folder)`);
  }
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { record: { path: relative, sha256 }, text: bytes.toString('utf8') };
}

function readLabelled(file: LoadedFile, textColumn: string, labelColumn: string): LabelledText[] {
  const table = parseCsv(file.text);
  const t = columnIndex(table, textColumn, file.record.path);
  const l = columnIndex(table, labelColumn, file.record.path);
  const out: LabelledText[] = [];
  for (const row of table.rows) {
    const text = row[t];
    const label = Number(row[l]);
    if (text === undefined || !Number.isInteger(label)) continue;
    out.push({ text, label });
  }
  return out;
}

/**
 * Splits `items` into [held, rest] with `share` of every class in `held`, chosen by a seeded shuffle.
 * Order within each part follows the original file order, so the result does not depend on the shuffle's
 * internals beyond which items were drawn.
 */
export function stratifiedSplit<T extends { label: number }>(items: T[], share: number, seed: number): [T[], T[]] {
  const random = seededRandom(seed);
  const byClass = new Map<number, number[]>();
  items.forEach((item, i) => {
    const list = byClass.get(item.label) ?? [];
    list.push(i);
    byClass.set(item.label, list);
  });
  const held = new Uint8Array(items.length);
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const indices = byClass.get(label)!;
    shuffleInPlace(indices, random);
    const count = Math.round(indices.length * share);
    for (let k = 0; k < count; k++) held[indices[k]!] = 1;
  }
  const heldItems: T[] = [];
  const rest: T[] = [];
  items.forEach((item, i) => (held[i] ? heldItems : rest).push(item));
  return [heldItems, rest];
}

function splitHeldOut(name: DatasetName, all: LabelledText[], files: DataFileRecord[], seed: number): DatasetSplits {
  const [test, rest] = stratifiedSplit(all, HELD_OUT_SHARE, seed);
  const [tune, train] = stratifiedSplit(rest, TUNE_SHARE / (1 - HELD_OUT_SHARE), seed + 1);
  return { name, train, tune, test, files, fitOnTune: true };
}

/** Reads one dataset from `root` and returns its seeded splits. Throws DatasetMissingError if absent. */
export function loadDataset(root: string, name: DatasetName, seed: number): DatasetSplits {
  if (name === 'cold') {
    const [train, dev, test] = DATASET_FILES.cold.map((f) => loadFile(root, f)) as [LoadedFile, LoadedFile, LoadedFile];
    return {
      name,
      train: readLabelled(train, 'TEXT', 'label'),
      tune: readLabelled(dev, 'TEXT', 'label'),
      test: readLabelled(test, 'TEXT', 'label'),
      files: [train.record, dev.record, test.record],
      fitOnTune: false,
    };
  }
  if (name === 'swsr') {
    const file = loadFile(root, DATASET_FILES.swsr[0]!);
    return splitHeldOut(name, readLabelled(file, 'comment_text', 'label'), [file.record], seed);
  }
  const file = loadFile(root, DATASET_FILES.davidson[0]!);
  return splitHeldOut(name, readLabelled(file, 'tweet', 'class'), [file.record], seed);
}

/**
 * Only the test split of a dataset, reading no more files than it needs (COLD: test.csv alone).
 * For SWSR and Davidson the seed must be the model card's, or the held-out rows will not be the same.
 */
export function loadTestSplit(root: string, name: DatasetName, seed: number): { items: LabelledText[]; files: DataFileRecord[] } {
  if (name === 'cold') {
    const file = loadFile(root, DATASET_FILES.cold[2]!);
    return { items: readLabelled(file, 'TEXT', 'label'), files: [file.record] };
  }
  const splits = loadDataset(root, name, seed);
  return { items: splits.test, files: splits.files };
}

/** The datasets folder: an explicit path, else HAVEN_DATA, else ../shared/datasets from the working directory. */
export function resolveDataRoot(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  return resolve(explicit ?? env.HAVEN_DATA ?? join('..', 'shared', 'datasets'));
}
