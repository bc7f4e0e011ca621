/**
 * The channel shield: raised when a raid is detected, it holds a channel's messages from young accounts
 * (`shield.holdYoungerThan`), from unverified ones that are not much older (`shield.holdUnverifiedYoungerThan`),
 * and every message matching the raid's cluster (`shield.matchSimilarity` against the representatives kept with
 * the raid). It ends at `until`, or earlier when a moderator lifts it. Pure.
 */
import { estimateSimilarity, type Signature } from './minhash.ts';
import type { ActorPolicy } from './policy.ts';

export interface Shield {
  channel: string;
  raidId: string;
  raisedAt: number;
  until: number;
  /** Set when a moderator lifted it (or its raid was dismissed). */
  liftedAt: number | null;
  representatives: readonly Signature[];
}

export interface ShieldSubject {
  /** Account age at the message's time (ms); null when unknown. */
  ageMs: number | null;
  /** The platform's word; null when it did not say. */
  verified: boolean | null;
  signature: Signature | null;
}

export type ShieldReason = 'young_account' | 'unverified_account' | 'matches_raid';

export function shieldUp(shield: Shield | null | undefined, now: number): shield is Shield {
  return !!shield && shield.liftedAt === null && shield.raisedAt <= now && now < shield.until;
}

/** Why the shield holds this message, or null to let it through (to the rest of screening). */
export function shieldHold(shield: Shield, subject: ShieldSubject, policy: ActorPolicy): ShieldReason | null {
  if (subject.signature && matchesRaid(shield.representatives, subject.signature, policy.shield.matchSimilarity)) return 'matches_raid';
  if (subject.ageMs !== null && subject.ageMs < policy.shield.holdYoungerThan) return 'young_account';
  if (subject.verified === false && subject.ageMs !== null && subject.ageMs < policy.shield.holdUnverifiedYoungerThan) return 'unverified_account';
  return null;
}

export function matchesRaid(representatives: readonly Signature[], signature: Signature, threshold: number): boolean {
  for (const r of representatives) if (estimateSimilarity(r, signature) >= threshold) return true;
  return false;
}
