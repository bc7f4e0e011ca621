/**
 * The doxxing detector: someone ELSE's personal data published or hunted for. Label `doxxing`,
 * severity `hold` (the threat detector supplies the menace that turns it into a block).
 *   published      — PII (from the PII detector) or a licence plate with a third-party cue near it
 *                    (她家 / 他的手机号 / his address / she lives at) and no closer own-data cue
 *                    (我的 / 寄到 / 收货 / my address / ship to): a buyer's own address stays `pii`.
 *   revealing      — a child's school and class named for a third person.
 *   probing        — asking where a third person lives, studies or works, or for their phone / ID / plate
 *                    (她家住哪, what school does your daughter go to). Asking the COUNTERPARTY (收货地址发我一下)
 *                    is ordinary marketplace talk and is not in the lists.
 *   hunting        — 人肉 / 开盒 / 扒出来 / dox.
 *   publish_threat — 我要把你的地址发出去, I'll post your address.
 * Phrases are data (rules/doxxing/cues.json), matched on the compact view; spans are ORIGINAL offsets.
 */
import type { View } from '../../normalize/types.ts';
import type { Detector, Finding, ScreenDoc } from '../types.ts';
import { toOriginal } from '../../normalize/types.ts';
import { findPii } from '../pii/index.ts';
import { CUES, findCues, kindBit, possibleKinds, type CueHit, type CueKind, type CueView } from './cues.ts';

/** How far (original UTF-16 units) a third-party or own-data cue may sit before the data it owns. */
const CUE_BEFORE = 16;
/** …and after it (13800138000是她的电话). */
const CUE_AFTER = 8;
const HAS_DIGIT = /\d/;

interface Span {
  start: number;
  end: number;
}

type Why = 'published' | 'revealing' | 'probing' | 'hunting' | 'publish_threat';

type Views = Record<CueView, View>;

/** Cues of one kind on every view, in ORIGINAL offsets; `possible` holds each view's prefilter mask. */
function cuesOf(kind: CueKind, views: Views, possible: Record<CueView, number>): (CueHit & Span)[] {
  const out: (CueHit & Span)[] = [];
  const bit = kindBit(kind);
  for (const name of ['compact', 'phonetic'] as const) {
    if ((possible[name] & bit) === 0) continue; // none of the kind's necessary literals is in the text
    const view = views[name];
    for (const h of findCues(CUES.lists[kind][name], view.text)) out.push({ ...h, ...toOriginal(view, h.start, h.end) });
  }
  return out;
}

/** Distance from a cue to a piece of data, or Infinity when the cue is outside the window. */
function distance(cue: Span, data: Span): number {
  if (cue.end <= data.start) return data.start - cue.end <= CUE_BEFORE ? data.start - cue.end : Infinity;
  if (cue.start >= data.end) return cue.start - data.end <= CUE_AFTER ? cue.start - data.end : Infinity;
  return 0;
}

function finding(why: Why, span: Span, detail: string): Finding {
  return { label: 'doxxing', rule: `doxxing:${why}`, start: span.start, end: span.end, score: why === 'published' || why === 'publish_threat' ? 0.9 : 0.8, severity: 'hold', detail };
}

const PHRASES: readonly [CueKind, Why][] = [
  ['probing', 'probing'],
  ['hunting', 'hunting'],
  ['publishThreat', 'publish_threat'],
  ['revealing', 'revealing'],
];

export function findDoxxing(doc: ScreenDoc): Finding[] {
  const { normalized } = doc;
  const views: Views = { compact: normalized.compact, phonetic: normalized.phonetic };
  const possible: Record<CueView, number> = { compact: possibleKinds(CUES, 'compact', views.compact.text), phonetic: possibleKinds(CUES, 'phonetic', views.phonetic.text) };
  const out: Finding[] = [];
  let own: (CueHit & Span)[] | null = null;
  for (const [kind, why] of PHRASES) {
    for (const hit of cuesOf(kind, views, possible)) {
      if (why === 'revealing') {
        // 她是我女儿，在实验小学三年级: a parent speaking of their own child.
        own ??= cuesOf('ownData', views, possible);
        if (own.some((c) => distance(c, hit) < Infinity)) continue;
      }
      out.push(finding(why, hit, hit.id));
    }
  }
  // Published: personal data (or a plate) owned by a third party.
  const data: (Span & { type: string })[] = findPii(normalized, doc.lang).map((f) => ({ start: f.start, end: f.end, type: f.detail ?? 'pii' }));
  const fold = normalized.fold;
  if (HAS_DIGIT.test(fold.text)) {
    // exec, not matchAll: matchAll clones the regex on every call, which costs more than the match.
    const plates = CUES.plates;
    plates.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = plates.exec(fold.text)) !== null) data.push({ ...toOriginal(fold, m.index, m.index + m[0].length), type: 'plate' });
  }
  if (data.length > 0) {
    const third = cuesOf('thirdParty', views, possible);
    if (third.length > 0) {
      own ??= cuesOf('ownData', views, possible);
      const ownCues = own;
      for (const d of data) {
        let best: (CueHit & Span) | null = null;
        let bestDistance = Infinity;
        for (const c of third) {
          const dist = distance(c, d);
          if (dist < bestDistance) {
            best = c;
            bestDistance = dist;
          }
        }
        if (!best) continue;
        let ownDistance = Infinity;
        for (const c of ownCues) ownDistance = Math.min(ownDistance, distance(c, d));
        if (ownDistance <= bestDistance || (best.weak && ownDistance < Infinity)) continue;
        out.push(finding('published', { start: Math.min(best.start, d.start), end: Math.max(best.end, d.end) }, `${d.type}:${best.id}`));
      }
    }
  }
  return out;
}

export const doxxingDetector: Detector = {
  id: 'doxxing',
  detect: findDoxxing,
};
