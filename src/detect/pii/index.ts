/**
 * The PII detector: phone numbers (Chinese mobile and landline, international), e-mail, Chinese
 * resident IDs, bank cards, and Chinese / US / UK postal addresses, found on the fold view (full-width
 * digits are ASCII there) and reported in ORIGINAL offsets. Label `pii`, severity `allow`, rule
 * `pii:<type>`. Cheap gates keep the common message (no digit, no '@', no address character) at a few
 * hundred nanoseconds.
 */
import type { Lang } from '../../types.ts';
import { toOriginal, type NormalizedText, type View } from '../../normalize/types.ts';
import type { Detector, Finding, ScreenDoc } from '../types.ts';
import { findCnAddresses } from './address-cn.ts';
import { findEnAddresses } from './address-en.ts';
import { findEmails } from './email.ts';
import { findNumberPii } from './numbers.ts';
import type { PiiMatch, PiiType } from './types.ts';

export { PII_TYPES, type PiiMatch, type PiiType } from './types.ts';

const HAS_DIGIT = /\d/;
const UPPER = /\p{Lu}/u;

/** Overlapping matches: keep the earlier-starting, then longer one. */
function dropOverlaps(matches: PiiMatch[]): PiiMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiMatch[] = [];
  let reach = -1;
  for (const m of matches) {
    if (m.start >= reach) {
      out.push(m);
      reach = m.end;
    } else if (m.type.startsWith('address') && out.length > 0) {
      // An address that swallows a number (张江路123号) wins over it; a number inside an address is part of it.
      const prev = out[out.length - 1];
      if (prev && m.end > prev.end && !prev.type.startsWith('address')) {
        out[out.length - 1] = { type: m.type, start: prev.start, end: m.end };
        reach = m.end;
      }
    }
  }
  return out;
}

/** All PII in one view, in VIEW positions. `original` is used for letter case (US/UK addresses). */
export function findPiiInView(view: View, original: string, lang: Lang = 'mixed'): PiiMatch[] {
  const text = view.text;
  const matches: PiiMatch[] = [];
  const digits = HAS_DIGIT.test(text);
  if (digits) for (const m of findNumberPii(text, lang)) matches.push(m);
  for (const m of findEmails(text)) matches.push(m);
  for (const m of findCnAddresses(text)) matches.push(m);
  if (digits) {
    const upperAt = (i: number): boolean => {
      const s = view.start[i];
      if (s === undefined) return false;
      const cp = original.codePointAt(s);
      return cp !== undefined && UPPER.test(String.fromCodePoint(cp));
    };
    for (const m of findEnAddresses(text, upperAt)) matches.push(m);
  }
  if (matches.length === 0) return matches;
  // Numbers inside an e-mail (13800138000@qq.com) are the e-mail.
  const emails = matches.filter((m) => m.type === 'email');
  const kept = emails.length === 0 ? matches : matches.filter((m) => m.type === 'email' || !emails.some((e) => e.start <= m.start && m.end <= e.end));
  return dropOverlaps(kept);
}

/** PII findings for a normalized text, cached per text so the doxxing detector reuses them. */
const cache = new WeakMap<NormalizedText, Finding[]>();

export function findPii(normalized: NormalizedText, lang: Lang = 'mixed'): Finding[] {
  const hit = cache.get(normalized);
  if (hit) return hit;
  const view = normalized.fold;
  const findings: Finding[] = findPiiInView(view, normalized.original, lang).map((m) => {
    const { start, end } = toOriginal(view, m.start, m.end);
    return { label: 'pii', rule: `pii:${m.type}`, start, end, score: 1, severity: 'allow', detail: m.type };
  });
  cache.set(normalized, findings);
  return findings;
}

export const piiDetector: Detector = {
  id: 'pii',
  detect(doc: ScreenDoc): Finding[] {
    return findPii(doc.normalized, doc.lang).map((f) => ({ ...f }));
  },
};

const PLACEHOLDER: Record<PiiType, string> = {
  phone_cn: '[phone]',
  landline_cn: '[phone]',
  phone_intl: '[phone]',
  email: '[email]',
  cn_id: '[id]',
  bank_card: '[card]',
  address_cn: '[address]',
  address_us: '[address]',
  address_uk: '[address]',
};

function placeholderFor(f: Finding): string {
  return PLACEHOLDER[(f.detail ?? '') as PiiType] ?? '[pii]';
}

/**
 * The original text with every PII span replaced by a placeholder ([phone], [email], [id], [card],
 * [address]). Overlapping or touching spans merge into one placeholder (the first span's kind).
 * Findings that are not `pii` are ignored; spans out of bounds are clamped.
 */
export function redact(original: string, findings: readonly Finding[]): string {
  const spans = findings
    .filter((f) => f.label === 'pii')
    .map((f) => ({ start: Math.max(0, Math.min(original.length, f.start)), end: Math.max(0, Math.min(original.length, f.end)), tag: placeholderFor(f) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (spans.length === 0) return original;
  let out = '';
  let at = 0;
  let current: { start: number; end: number; tag: string } | null = null;
  for (const s of spans) {
    if (current && s.start <= current.end) {
      current.end = Math.max(current.end, s.end);
      continue;
    }
    if (current) {
      out += original.slice(at, current.start) + current.tag;
      at = current.end;
    }
    current = { ...s };
  }
  if (current) out += original.slice(at, current.start) + current.tag + original.slice(current.end);
  return out;
}
