/**
 * Normalization: turns the original text into the views the detectors and the model need.
 * (Full pipeline with offset maps lands in pipeline.ts; this file is the public surface.)
 */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * The text as the learned classifier sees it: NFKC, lower case, invisible characters dropped,
 * traditional → simplified. Stable signature; the body grows with the normalizer.
 */
export function foldForModel(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase();
  const visible = nfkc.replace(/[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD]/g, '');
  return toSimplified(visible);
}
