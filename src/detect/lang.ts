/** Which language a text is in: `zh`, `en`, or `mixed` (both carry meaning), from the fold view. */
import { isHan, isLatinLetter } from '../normalize/chars.ts';
import type { Lang } from '../types.ts';

export function detectLang(folded: string): Lang {
  let han = 0;
  let latinWords = 0;
  let inWord = 0;
  for (let i = 0; i < folded.length; i++) {
    const cp = folded.charCodeAt(i);
    if (isLatinLetter(cp)) {
      inWord++;
      continue;
    }
    if (inWord >= 2) latinWords++;
    inWord = 0;
    if (isHan(cp) || (cp >= 0xd840 && cp <= 0xd87f)) han++;
  }
  if (inWord >= 2) latinWords++;
  if (han === 0) return 'en';
  if (latinWords === 0) return 'zh';
  return 'mixed';
}
