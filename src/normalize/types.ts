/**
 * A view of the text after normalization, with the map back to the original.
 * `start[i]`/`end[i]` give the half-open span of ORIGINAL text (UTF-16 offsets) that produced
 * UTF-16 unit i of `text`. The pipeline alone builds these maps.
 */
export interface View {
  readonly text: string;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** The skeleton view: `compact` with every run of one repeated Latin letter written once; `runs[i]` is the run's length. */
export interface SkeletonView extends View {
  readonly runs: Uint16Array;
}

/**
 * The phonetic view: hanzi as toneless pinyin, Latin letters kept, everything else dropped; `tokenStart[i]` is 1
 * where a syllable or word begins, 2 where it begins after sentence punctuation (a match by sound never spans a 2).
 */
export interface PhoneticView extends View {
  readonly tokenStart: Uint8Array;
}

export interface NormalizedText {
  readonly original: string;
  /** NFKC, marks stripped, lower case, invisibles dropped, homoglyphs folded, traditional → simplified. Separators kept. */
  readonly fold: View;
  /** `fold` plus: leetspeak undone inside Latin words, spaced-out letters joined, separators between hanzi dropped, whitespace runs as one space. */
  readonly compact: View;
  /** `compact` with stretched letters written once (fuuuuck → fuck, with run lengths kept for the matcher). */
  readonly skeleton: SkeletonView;
  /** `compact` as sound: 煞笔 → shabi, sha bi → shabi, with syllable starts marked. */
  readonly phonetic: PhoneticView;
}

/** Map a half-open span of a view back to the half-open span of the original text. */
export function toOriginal(view: View, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < view.start.length ? (view.start[start] ?? 0) : start > 0 ? (view.end[start - 1] ?? 0) : 0;
    return { start: at, end: at };
  }
  return { start: view.start[start] ?? 0, end: view.end[end - 1] ?? 0 };
}
