/**
 * US and UK street addresses in a view (fold: lower case). The street is a house number, one to four
 * name words and a street suffix (221b Baker Street, 1600 Pennsylvania Ave NW). A street alone counts
 * when its name words are capitalised in the original, or its suffix is an abbreviation (12 oak st),
 * or a state + ZIP / postcode / known town follows; that keeps "walked 3 miles down the road" out.
 * Type: UK when a postcode, a UK town or a UK-only suffix (Close, Crescent, Mews…) says so, else US.
 * A UK postcode alone (SW1A 2AA, upper case in the original) is also a UK address.
 */
import { ADDRESS_EN, alternation } from './rules.ts';
import type { PiiMatch } from './types.ts';

const SUFFIXES = [...new Set([...ADDRESS_EN.usSuffixes, ...ADDRESS_EN.ukSuffixes])];
const ABBREVIATIONS = new Set(SUFFIXES.filter((s) => s.length <= 4 && !['way', 'run', 'loop', 'pike', 'hill', 'row', 'walk', 'rise', 'vale', 'view', 'gate', 'park', 'yard', 'mews', 'lane', 'road', 'rd'].includes(s)).concat(['rd']));
const UK_ONLY = new Set(ADDRESS_EN.ukOnlySuffixes);
const UK_TOWNS = new Set(ADDRESS_EN.ukTowns);
const STOPWORDS = new Set(ADDRESS_EN.streetNameStopwords.map((w) => w.word));
const STATES = alternation(ADDRESS_EN.usStates.map((s) => s.toLowerCase()));

const WORD = `(?:[a-z][a-z'\\-]*|\\d{1,3}(?:st|nd|rd|th))`;
const STREET = new RegExp(
  `(?<![a-z0-9#])(?:(?:flat|apt|apartment|unit|suite)\\.?\\s*#?\\d{1,4}[a-z]?,?\\s+)?(?<num>\\d{1,6}[a-z]?(?:-\\d{1,4})?)\\s+(?<name>(?:(?:[nsew]|north|south|east|west)\\.?\\s+)?${WORD}(?:\\s+${WORD}){0,3}?)\\s+(?<suffix>${alternation(SUFFIXES)})\\.?(?![a-z0-9])`,
  'g',
);
const UNIT = `(?:,?\\s*(?:apt|apartment|suite|ste|unit|flat|room|fl|#)\\.?\\s*#?[a-z0-9-]{1,6})?`;
const DIRECTION = `(?:\\s+(?:ne|nw|se|sw|n|s|e|w)\\.?(?![a-z]))?`;
const POSTCODE_SRC = `(?:gir\\s?0aa|[a-z]{1,2}\\d[a-z\\d]?\\s?\\d[a-z]{2})(?![a-z0-9])`;
/** Optional unit and city, then a state code and ZIP. */
const US_TAIL = new RegExp(`${DIRECTION}${UNIT}(?:,?\\s*[a-z][a-z.'\\-]*(?:\\s[a-z][a-z.'\\-]*){0,2})?,?\\s+(?<state>${STATES})\\.?,?\\s*(?<zip>\\d{5}(?:-\\d{4})?)(?![\\d])`, 'y');
/** Optional unit and town, then a postcode. */
const UK_TAIL = new RegExp(`${UNIT}(?:,?\\s*[a-z][a-z.'\\-]*(?:\\s[a-z][a-z.'\\-]*){0,2})?,?\\s+(?<postcode>${POSTCODE_SRC})`, 'y');
/** Optional unit, then a town from the list. */
const TOWN_TAIL = /(?:,?\s*(?:flat|apt|unit)\.?\s*[a-z0-9-]{1,6})?,?\s*(?<town>[a-z]+)(?![a-z])/y;
const POSTCODE = new RegExp(`(?<![a-z0-9])${POSTCODE_SRC}`, 'g');
const PO_BOX = /(?<![a-z])p\.?\s?o\.?\s?box\s+\d{1,8}(?![\d])/g;

/** Whether the original character behind view position i is an upper-case letter. */
export type UpperAt = (viewIndex: number) => boolean;

export function findEnAddresses(text: string, upperAt: UpperAt): PiiMatch[] {
  const out: PiiMatch[] = [];
  const taken = (s: number, e: number): boolean => out.some((o) => o.start < e && s < o.end);
  STREET.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STREET.exec(text)) !== null) {
    const g = m.groups ?? {};
    const name = g['name'] ?? '';
    const suffix = g['suffix'] ?? '';
    const nameAt = m.index + m[0].indexOf(name, (g['num'] ?? '').length);
    const words = name.split(/\s+/);
    if (words.some((w) => STOPWORDS.has(w))) {
      // Retry from the next character so "5 miles down the road at 12 Oak Road" still finds the second.
      STREET.lastIndex = m.index + 1;
      continue;
    }
    const start = m.index;
    let end = m.index + m[0].length;
    let type: PiiMatch['type'] | null = null;
    US_TAIL.lastIndex = end;
    UK_TAIL.lastIndex = end;
    TOWN_TAIL.lastIndex = end;
    const us = US_TAIL.exec(text);
    const uk = us ? null : UK_TAIL.exec(text);
    const town = us || uk ? null : TOWN_TAIL.exec(text);
    if (us) {
      type = 'address_us';
      end += us[0].length;
    } else if (uk) {
      type = 'address_uk';
      end += uk[0].length;
    } else {
      let capitalised = true;
      let at = nameAt;
      for (const w of words) {
        const i = text.indexOf(w, at);
        if (i < 0 || (!upperAt(i) && !/^\d/.test(w))) capitalised = false;
        at = i + w.length;
      }
      if (!capitalised && !ABBREVIATIONS.has(suffix)) continue;
      type = UK_ONLY.has(suffix) ? 'address_uk' : 'address_us';
      if (town && UK_TOWNS.has(town.groups?.['town'] ?? '')) {
        type = 'address_uk';
        end += town[0].length;
      }
    }
    out.push({ type, start, end });
    STREET.lastIndex = end;
  }
  PO_BOX.lastIndex = 0;
  let b: RegExpExecArray | null;
  while ((b = PO_BOX.exec(text)) !== null) {
    if (!taken(b.index, b.index + b[0].length)) out.push({ type: 'address_us', start: b.index, end: b.index + b[0].length });
  }
  POSTCODE.lastIndex = 0;
  let p: RegExpExecArray | null;
  while ((p = POSTCODE.exec(text)) !== null) {
    const s = p.index;
    const e = s + p[0].length;
    if (taken(s, e)) continue;
    // Alone, a postcode must look like one: upper case in the original and written with its space.
    if (!p[0].includes(' ') || !upperAt(s) || !upperAt(e - 1)) continue;
    out.push({ type: 'address_uk', start: s, end: e });
  }
  return out;
}
