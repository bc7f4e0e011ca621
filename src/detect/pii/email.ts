/**
 * E-mail addresses in a view (lower case already): plain `name@host.tld`, and the spelled-out
 * evasions `name (at) host (dot) com`, `name [at] host.com`, `name at host dot com` (the last only
 * with a known top-level domain, so "meet at home dot" style prose does not match).
 */
import type { PiiMatch } from './types.ts';

const PLAIN = /[a-z0-9](?:[a-z0-9._%+-]{0,63})@[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63}){0,4}\.[a-z]{2,24}(?![a-z0-9])/g;
const TLD = '(?:com|net|org|edu|gov|cn|io|co|uk|us|de|fr|jp|hk|tw|me|info|biz|163|qq)';
const SPELLED = new RegExp(
  `[a-z0-9][a-z0-9._%+-]{0,63}\\s*(?:[\\[({]\\s*at\\s*[\\])}]|\\sat\\s|@)\\s*[a-z0-9][a-z0-9-]{0,62}` +
    `(?:\\s*(?:[\\[({]\\s*dot\\s*[\\])}]|\\sdot\\s|\\.)\\s*[a-z0-9-]{1,63}){0,3}?\\s*(?:[\\[({]\\s*dot\\s*[\\])}]|\\sdot\\s|\\.)\\s*${TLD}(?![a-z0-9])`,
  'g',
);
/** Cheap gate: nothing to do without '@' or a spelled-out "at". */
const BRACKETED_AT = /[\[({]\s*at\s*[\])}]/;
function mayHoldEmail(text: string): boolean {
  return text.includes('@') || BRACKETED_AT.test(text) || (text.includes(' dot ') && text.includes(' at '));
}
/**
 * Cheaper gates before each full pattern, each a condition every match of that pattern meets: PLAIN needs a '.'
 * after an '@' (so "@someone" mentions skip it); SPELLED ends with a dot (".", "dot", "(dot)") and a known TLD.
 */
const DOT_TLD = new RegExp(`(?:\\.|dot\\s*[\\])}]?)\\s*${TLD}(?![a-z0-9])`);
function mayHoldPlain(text: string): boolean {
  const at = text.indexOf('@');
  return at >= 0 && text.indexOf('.', at) >= 0;
}

export function findEmails(text: string): PiiMatch[] {
  if (!mayHoldEmail(text)) return [];
  const out: PiiMatch[] = [];
  let m: RegExpExecArray | null;
  if (mayHoldPlain(text)) {
    PLAIN.lastIndex = 0;
    while ((m = PLAIN.exec(text)) !== null) out.push({ type: 'email', start: m.index, end: m.index + m[0].length });
  }
  if (!DOT_TLD.test(text)) return out;
  SPELLED.lastIndex = 0;
  while ((m = SPELLED.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (!out.some((o) => o.start < end && start < o.end)) out.push({ type: 'email', start, end });
  }
  return out;
}
