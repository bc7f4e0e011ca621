/**
 * Ban and block evasion: how strongly a young account that contacts someone looks like an earlier account that
 * person blocked (or that harassed them and was muted or suspended).
 *
 * `scoreLink` adds the policy's weights (rules/actors.yaml, `evasion.weights`) for each piece of evidence and
 * returns them as reasons a moderator can read:
 *   - `device` / `payment` / `network`: a fingerprint part the platform supplied (opaque hashes) is shared;
 *   - `wording`: the new message's normalized wording is near the earlier account's messages to this person
 *     (Jaccard of 3-gram sets over the skeleton view; weight × similarity, from `wording.minSimilarity` on;
 *     texts shorter than `wording.minChars` say nothing, since "hi, is this available?" is everybody's wording);
 *   - `same_channel`: the same listing / channel as the earlier account's messages to this person;
 *   - `timing`: created (or first seen) within `timingWithin` after the earlier account was blocked or sanctioned.
 * Contacting the same person is the precondition for being compared at all, so it adds nothing by itself.
 * Pure: the caller gathers the candidates.
 */
import { jaccard, type TextSignature } from './minhash.ts';
import type { ActorPolicy } from './policy.ts';

export const FINGERPRINT_PARTS = ['device', 'network', 'payment'] as const;
export type FingerprintPart = (typeof FINGERPRINT_PARTS)[number];
export type Fingerprint = Partial<Record<FingerprintPart, string>>;

export const LINK_REASONS = ['device', 'network', 'payment', 'wording', 'same_channel', 'timing'] as const;
export type LinkReasonKind = (typeof LINK_REASONS)[number];

export interface LinkReason {
  kind: LinkReasonKind;
  /** What it added to the score. */
  weight: number;
  detail: string;
}

/** The young account, as seen in the message being screened. */
export interface Newcomer {
  account: string;
  fingerprint: Fingerprint;
  /** The platform's createdAt, else Haven's first sight of the account (ms). */
  createdAt: number;
  text: TextSignature;
  channel: string | null;
}

/** An earlier account the recipient blocked, or that harassed them and was sanctioned. */
export interface EarlierAccount {
  account: string;
  /** Every fingerprint value ever seen for it, per part. */
  fingerprints: Partial<Record<FingerprintPart, ReadonlySet<string>>>;
  /** Its recent messages to the recipient. */
  texts: readonly TextSignature[];
  channels: ReadonlySet<string>;
  /** When the recipient blocked it, or it was sanctioned (ms); null when unknown. */
  cutOffAt: number | null;
}

export interface LinkScore {
  account: string;
  score: number;
  reasons: LinkReason[];
}

export function scoreLink(newcomer: Newcomer, earlier: EarlierAccount, policy: ActorPolicy): LinkScore {
  const { weights, wording } = policy.evasion;
  const reasons: LinkReason[] = [];
  for (const part of FINGERPRINT_PARTS) {
    const value = newcomer.fingerprint[part];
    if (value !== undefined && earlier.fingerprints[part]?.has(value) && weights[part] > 0) {
      reasons.push({ kind: part, weight: weights[part], detail: `same ${part} fingerprint` });
    }
  }
  if (newcomer.text.chars >= wording.minChars && weights.wording > 0) {
    let best = 0;
    for (const t of earlier.texts) if (t.chars >= wording.minChars) best = Math.max(best, jaccard(newcomer.text.shingles, t.shingles));
    if (best >= wording.minSimilarity) {
      reasons.push({ kind: 'wording', weight: round(weights.wording * best), detail: `wording ${Math.round(best * 100)}% similar after normalization` });
    }
  }
  if (newcomer.channel !== null && earlier.channels.has(newcomer.channel) && weights.sameChannel > 0) {
    reasons.push({ kind: 'same_channel', weight: weights.sameChannel, detail: `same listing/channel ${newcomer.channel}` });
  }
  if (earlier.cutOffAt !== null && weights.timing > 0) {
    const gap = newcomer.createdAt - earlier.cutOffAt;
    if (gap >= 0 && gap <= policy.evasion.timingWithin) {
      reasons.push({ kind: 'timing', weight: weights.timing, detail: `created ${formatGap(gap)} after the earlier account was blocked or sanctioned` });
    }
  }
  return { account: earlier.account, score: round(reasons.reduce((s, r) => s + r.weight, 0)), reasons };
}

/** The best-scoring earlier account at or above the threshold, or null. Ties go to the first candidate. */
export function bestLink(newcomer: Newcomer, candidates: readonly EarlierAccount[], policy: ActorPolicy): LinkScore | null {
  let best: LinkScore | null = null;
  for (const c of candidates) {
    if (c.account === newcomer.account) continue;
    const s = scoreLink(newcomer, c, policy);
    if (s.score >= policy.evasion.threshold && (!best || s.score > best.score)) best = s;
  }
  return best;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function formatGap(ms: number): string {
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 86_400_000)} d`;
}
