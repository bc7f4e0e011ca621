/**
 * Normalization: turns the original text into the views the detectors and the model need,
 * each with a map back to the original text.
 */
import { normalize } from './pipeline.ts';

export { normalize } from './pipeline.ts';
export { toOriginal } from './types.ts';
export type { NormalizedText, PhoneticView, SkeletonView, View } from './types.ts';

/**
 * The text as the learned classifier sees it: the `compact` view (NFKC, lower case, invisibles
 * dropped, homoglyphs and leetspeak undone, traditional → simplified, spaced letters joined).
 */
export function foldForModel(text: string): string {
  return normalize(text).compact.text;
}
