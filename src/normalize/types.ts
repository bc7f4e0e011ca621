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

export interface NormalizedText {
  readonly original: string;
  /** NFKC, marks stripped, lower case, invisibles dropped, homoglyphs folded, traditional → simplified. Separators kept. */
  readonly fold: View;
  /** `fold` plus: leetspeak undone inside Latin words, spaced-out letters joined, separators between hanzi dropped, emoji dropped. */
  readonly compact: View;
}
