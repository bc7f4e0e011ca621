/**
 * The fold steps: tiny pure functions over one character that map it (possibly to several characters)
 * or drop it (return ''). Their ORDER is data: `FOLD_STEPS` below, applied left to right, each step to
 * every character the previous step produced. The pipeline (pipeline.ts) owns the offset map.
 */
import { isControl, isInvisible, isMark } from './chars.ts';
import { HOMOGLYPHS, T2S } from './tables.ts';

export interface FoldStep {
  readonly name: string;
  /** Map one character (one code point) to zero or more characters. */
  readonly apply: (ch: string, cp: number) => string;
}

/** First: compatibility forms to their plain form (full-width ＡＢＣ１２３ → ABC123, ﬁ → fi, ① → 1). */
const nfkc: FoldStep = { name: 'nfkc', apply: (ch) => ch.normalize('NFKC') };

/**
 * After NFKC, before homoglyphs: strip accents and combining marks (fück → fuck, zalgo text), which
 * NFKC leaves composed. Runs on the decomposed form so é becomes e.
 */
const stripMarks: FoldStep = {
  name: 'strip-marks',
  apply: (ch, cp) => {
    if (cp < 0xc0) return ch;
    if (isMark(ch)) return '';
    if (cp > 0x24f) return ch; // only Latin-1 Supplement and Latin Extended-A/B carry accents we strip
    return ch.normalize('NFD').replace(/\p{M}/gu, '');
  },
};

/** Drop zero-width, format and other invisible characters, and control characters. Before anything that looks at neighbours. */
const dropInvisible: FoldStep = {
  name: 'drop-invisible',
  apply: (ch, cp) => (isInvisible(cp) || isControl(cp) ? '' : ch),
};

/** Lower case, after NFKC so full-width capitals are caught too. */
const lowerCase: FoldStep = {
  name: 'lower-case',
  apply: (ch, cp) => {
    if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : ch;
    return ch.toLowerCase();
  },
};

/** Cyrillic/Greek and other look-alike letters to the ASCII letter they imitate (Unicode confusables). After lower case. */
const homoglyph: FoldStep = {
  name: 'homoglyph',
  apply: (ch, cp) => (cp < 0x80 ? ch : (HOMOGLYPHS.get(cp) ?? ch)),
};

/** Traditional → simplified hanzi (opencc-js tables), so one lexicon serves both scripts. Last: needs the final character. */
const traditional: FoldStep = {
  name: 'traditional-to-simplified',
  apply: (ch, cp) => T2S.get(cp) ?? ch,
};

export const FOLD_STEPS: readonly FoldStep[] = [nfkc, stripMarks, dropInvisible, lowerCase, homoglyph, traditional];
