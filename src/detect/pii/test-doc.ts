/**
 * Test support (not a test file): views and documents built without the normalizer, so the PII and
 * doxxing tests do not depend on its progress. `foldView` does what the fold view does to digits and
 * letters — NFKC per code point, lower case, invisible characters dropped — with the offset map.
 */
import type { NormalizedText, View } from '../../normalize/types.ts';
import type { Lang } from '../../types.ts';
import type { ScreenDoc } from '../types.ts';

export function identityView(text: string): View {
  const start = new Int32Array(text.length);
  const end = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    start[i] = i;
    end[i] = i + 1;
  }
  return { text, start, end };
}

const INVISIBLE = /^[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD]$/;

export function foldView(original: string): View {
  let text = '';
  const s: number[] = [];
  const e: number[] = [];
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + len);
    if (!INVISIBLE.test(ch)) {
      const out = ch.normalize('NFKC').toLowerCase();
      for (let k = 0; k < out.length; k++) {
        text += out[k];
        s.push(i);
        e.push(i + len);
      }
    }
    i += len;
  }
  return { text, start: Int32Array.from(s), end: Int32Array.from(e) };
}

/** A ScreenDoc whose every view is `foldView(text)`. */
export function testDoc(text: string, lang: Lang = 'mixed'): ScreenDoc {
  const fold = foldView(text);
  const normalized = {
    original: text,
    fold,
    compact: fold,
    skeleton: { ...fold, runs: new Uint16Array(fold.text.length).fill(1) },
    phonetic: { ...fold, tokenStart: new Uint8Array(fold.text.length) },
  };
  return { original: text, normalized: normalized as NormalizedText, lang, kind: 'message' };
}
