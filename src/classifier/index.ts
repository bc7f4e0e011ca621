/**
 * Haven's learned text classifier: a linear model over hashed character and word n-grams of the folded
 * text, with one head per training corpus (COLD, SWSR, Davidson) mapped onto the product labels `insult`,
 * `hate` and `sexual_harassment`. See docs/classifier.md for the design and the measured figures.
 *
 * @example
 * ```ts
 * import { defaultClassifier } from './classifier/index.ts';
 * import { foldForModel } from './normalize/index.ts';
 * const model = defaultClassifier();            // null (with one warning) when the model cannot load
 * const scores = model?.score(foldForModel('你这个傻逼')); // { insult: 0.97, hate: 0.4, sexual_harassment: 0 }
 * ```
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.ts';
import { ModelLoadError } from './errors.ts';
import { LinearClassifier, type Classifier } from './linear-classifier.ts';
import { decodeModel } from './model-file.ts';

export type { ModelCard, DatasetFigures, DavidsonFigures } from './card.ts';
export type { Classifier, ModelScores } from './linear-classifier.ts';
export type { HeadName, HeadScores, ModelLabel } from './heads.ts';
export { HEADS } from './heads.ts';
export { ModelLoadError } from './errors.ts';

/** Where the committed model lives: models/haven.model at the repository root. */
export const DEFAULT_MODEL_PATH = packagePath('models', 'haven.model');

/**
 * Loads a model file.
 *
 * @param path - a file written by `haven train`
 * @throws ModelLoadError naming the file and the problem (missing, truncated, corrupt, wrong format)
 * @example
 * ```ts
 * const model = loadClassifier('models/haven.model');
 * model.score(foldForModel('you are an idiot')).insult; // ≈ 0.9
 * ```
 */
export function loadClassifier(path: string): Classifier {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new ModelLoadError(path, code === 'ENOENT' ? 'file not found (run `haven train`)' : `cannot read file (${code ?? String(cause)})`, { cause });
  }
  return new LinearClassifier(decodeModel(bytes, path));
}

let cached: Classifier | null | undefined;

/**
 * The committed model (models/haven.model), loaded once and cached. On failure it writes ONE warning to
 * stderr and returns null, so the engine screens with rules alone rather than failing.
 *
 * @example
 * ```ts
 * const model = defaultClassifier();
 * if (model) scores = model.score(foldForModel(text));
 * ```
 */
export function defaultClassifier(): Classifier | null {
  cached ??= loadClassifierOrWarn(DEFAULT_MODEL_PATH);
  return cached;
}

/**
 * Loads a model, or returns null after telling `warn` why (one line), for callers that fall back to rules.
 * Only ModelLoadError is turned into a warning; anything else is a bug and is thrown.
 */
export function loadClassifierOrWarn(path: string, warn: (line: string) => void = (line) => process.stderr.write(line)): Classifier | null {
  try {
    return loadClassifier(path);
  } catch (error) {
    if (!(error instanceof ModelLoadError)) throw error;
    warn(`haven: warning: ${error.message}; screening with rules only\n`);
    return null;
  }
}
