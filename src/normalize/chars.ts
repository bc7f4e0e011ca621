/** Character classes the normalizer and matcher share. All take one UTF-16 code unit or code point. */

export function isHan(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2ffff);
}

export function isLatinLetter(cp: number): boolean {
  return cp >= 0x61 && cp <= 0x7a; // a–z (the fold view is lower case)
}

export function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

export function isAlnum(cp: number): boolean {
  return isLatinLetter(cp) || isDigit(cp);
}

/** A code point that renders as nothing: zero-width, format, variation selectors, tags, fillers, soft hyphen. */
export function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff ||
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e ||
    cp === 0x3164 ||
    cp === 0xffa0 ||
    cp === 0x2800 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0000 && cp <= 0xe0fff) ||
    (cp >= 0xfff0 && cp <= 0xfff8)
  );
}

/** Control characters other than tab and newlines. */
export function isControl(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);
}

const markRe = /\p{M}/u;
export function isMark(ch: string): boolean {
  return markRe.test(ch);
}
