/**
 * Number-shaped PII in a view: phones (Chinese mobile and landline, international), resident IDs and
 * bank cards. The scanner finds runs of digit groups joined by short separators (space, dash, dot,
 * parentheses), then tries consecutive groups as one number, longest first, so "138 0013 8000" is one
 * mobile and "13800138000 13900139000" is two. A number never starts or ends inside a digit group,
 * and never touches a Latin letter (tracking codes like SF1234567890123).
 * Works on the fold view, where full-width digits are already ASCII.
 */
import type { Lang } from '../../types.ts';
import { isBankCard } from './bank-card.ts';
import { isCnResidentId } from './cn-id.ts';
import { isCnAreaCode, isCnLandline, isCnLandlineInternational } from './landline-cn.ts';
import { isCnMobile } from './phone-cn.ts';
import { isIntlPhone, isUkNational, isUsNational } from './phone-intl.ts';
import { NUMBER_CONTEXT, alternation } from './rules.ts';
import type { PiiMatch, PiiType } from './types.ts';

/** One maximal run of digits, view positions [from, to); `x` set when an ID's final X ends it. */
interface Group {
  digits: string;
  from: number;
  to: number;
}

interface Run {
  groups: Group[];
  /** View position of a '+' directly before the first group (spaces allowed between), else -1. */
  plus: number;
  /** View position of a '(' directly before the first group, else -1. */
  paren: number;
}

const SEPARATORS = new Set([' ', '-', '.', '(', ')', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\u00b7', '\u3000']);
/** Longest separator between two groups of one number: ") " or " - ". */
const MAX_SEP = 3;
/** Longest number we try as one candidate: 0086 + 12-digit landline, or a 19-digit card. */
const MAX_DIGITS = 20;
/** Order, tracking, staff and member numbers just before the digits: not personal data (cards and IDs). */
const NOT_PERSONAL = new RegExp(`(?:${alternation(NUMBER_CONTEXT.notPersonal.map((w) => w.word))})[^\\d]{0,8}$`);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Split the view text into digit runs. Linear in the text. */
function scanRuns(text: string): Run[] {
  const runs: Run[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // Look back for '+' or '(' directly before the run (a space may follow '+').
    let plus = -1;
    let paren = -1;
    let k = i - 1;
    if (k >= 0 && text[k] === '(') paren = k--;
    while (k >= 0 && text[k] === ' ' && i - k <= 2) k--;
    if (k >= 0 && (text[k] === '+' || text[k] === '\uff0b')) plus = k;
    const groups: Group[] = [];
    for (;;) {
      const from = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      let digits = text.slice(from, i);
      // An ID's check character X ends the run: 11010119900307123x
      if (i < n && (text[i] === 'x' || text[i] === 'X') && !(i + 1 < n && isAsciiLetter(text.charCodeAt(i + 1)))) {
        digits += 'x';
        i++;
        groups.push({ digits, from, to: i });
        break;
      }
      groups.push({ digits, from, to: i });
      let j = i;
      while (j < n && j - i < MAX_SEP && SEPARATORS.has(text[j] ?? '')) j++;
      if (j > i && j < n && isDigit(text.charCodeAt(j))) {
        i = j;
        continue;
      }
      break;
    }
    runs.push({ groups, plus, paren });
  }
  return runs;
}

interface Candidate {
  type: PiiType;
  start: number;
  end: number;
}

/**
 * Classify groups[i..j] of a run as one number, or null. Order matters: a +86 number is Chinese;
 * an 11-digit 1[3-9] number is a mobile; 18 characters with a valid check digit and birth date are an
 * ID before they could be a card; a landline needs its area code set apart.
 */
function classify(run: Run, i: number, j: number, digits: string, lang: Lang, before: string): PiiType | null {
  const groups = run.groups;
  const hasX = digits.endsWith('x');
  const plus = i === 0 && run.plus >= 0;
  if (hasX) return digits.length === 18 && isCnResidentId(digits) && !NOT_PERSONAL.test(before) ? 'cn_id' : null;
  // International prefix: '+' or '00'.
  let intl: string | null = null;
  if (plus) intl = digits;
  else if (digits.startsWith('00') && digits.length >= 10) intl = digits.slice(2);
  if (intl !== null) {
    if (intl.startsWith('86')) {
      const national = intl.slice(2);
      if (isCnMobile(national)) return 'phone_cn';
      if (isCnLandlineInternational(national)) return 'landline_cn';
      return null;
    }
    return isIntlPhone('+' + intl) ? 'phone_intl' : null;
  }
  if (isCnMobile(digits)) return 'phone_cn';
  // 8613712345678: the country code written without '+'.
  if (digits.length === 13 && digits.startsWith('86') && isCnMobile(digits.slice(2))) return 'phone_cn';
  if (digits.length === 18 && isCnResidentId(digits)) return NOT_PERSONAL.test(before) ? null : 'cn_id';
  const lengths = groups.slice(i, j + 1).map((g) => g.digits.length);
  const multi = j > i;
  if (digits.startsWith('0')) {
    const areaApart = (multi && isCnAreaCode(groups[i]?.digits ?? '')) || (i === 0 && run.paren >= 0);
    const ukLike = multi && lang !== 'zh';
    if (ukLike && lang === 'en' && isUkNational(digits)) return 'phone_intl';
    if (areaApart && isCnLandline(digits)) return 'landline_cn';
    if (ukLike && isUkNational(digits)) return 'phone_intl';
    return null;
  }
  if (digits.length >= 13 && digits.length <= 19) {
    if (isBankCard(digits, lengths) && !NOT_PERSONAL.test(before)) return 'bank_card';
    return null;
  }
  // North American national format: (415) 555-2671, 415-555-2671, 1 415 555 2671.
  if ((digits.length === 10 || (digits.length === 11 && digits.startsWith('1'))) && multi) {
    const tail = lengths.slice(-3);
    if (tail[0] === 3 && tail[1] === 3 && tail[2] === 4 && isUsNational(digits)) return 'phone_intl';
  }
  return null;
}

/** All number-shaped PII in `text` (a view's text), in view positions. */
export function findNumberPii(text: string, lang: Lang = 'mixed'): PiiMatch[] {
  const out: PiiMatch[] = [];
  for (const run of scanRuns(text)) {
    const groups = run.groups;
    let i = 0;
    while (i < groups.length) {
      const first = groups[i];
      if (!first) break;
      // A number never starts right after a Latin letter (SF1234…, order codes).
      const startAt = i === 0 ? (run.paren >= 0 ? run.paren : run.plus >= 0 ? run.plus : first.from) : first.from;
      const leftLetter = i === 0 && run.plus < 0 && startAt > 0 && isAsciiLetter(text.charCodeAt(startAt - 1));
      let best: Candidate | null = null;
      let bestJ = i;
      let digits = '';
      if (!leftLetter) {
        const before = text.slice(Math.max(0, startAt - 12), startAt);
        for (let j = i; j < groups.length; j++) {
          const g = groups[j];
          if (!g) break;
          digits += g.digits;
          if (digits.length > MAX_DIGITS) break;
          const rightLetter = g.to < text.length && isAsciiLetter(text.charCodeAt(g.to));
          if (rightLetter) continue;
          const type = classify(run, i, j, digits, lang, before);
          if (type) {
            best = { type, start: startAt, end: g.to };
            bestJ = j;
          }
          if (digits.endsWith('x')) break;
        }
      }
      if (best) {
        out.push(best);
        i = bestJ + 1;
      } else i++;
    }
  }
  return out;
}
