/** Errors of the classifier module. */

/**
 * A model file could not be loaded: missing, truncated, corrupt, or of an unknown format. The message names
 * the file and what is wrong with it. The engine catches this and screens with rules alone.
 */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
  readonly path: string;
  constructor(path: string, problem: string, options?: { cause?: unknown }) {
    super(`cannot load model ${path}: ${problem}`, options);
    this.path = path;
  }
}
