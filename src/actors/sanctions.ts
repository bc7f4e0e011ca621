/**
 * Strikes and sanctions, as pure functions over an account's events.
 *
 * A strike is a row per offending message (points by its most severe label, ./policy.ts). A sanction is
 * imposed and lifted by `sanction_events` rows; an account's current sanction is derived from them by
 * `currentSanction` (never stored without its history). `escalation` says which sanction, if any, the policy's
 * ladder imposes after a new strike: the most severe rung the strike total (within the window, and after the
 * last moderator lift) has reached, when it is more severe than what is active now.
 */
import { LABELS, type Label } from '../types.ts';
import { labelPoints, SANCTION_ACTIONS, type ActorPolicy, type SanctionLevel } from './policy.ts';

export const SANCTION_SOURCES = ['strikes', 'link', 'raid', 'moderator'] as const;
/** Why a sanction was imposed: the strike ladder, inherited over an evasion link, a raid action, a moderator. */
export type SanctionSource = (typeof SANCTION_SOURCES)[number];

export interface Strike {
  points: number;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface SanctionEvent {
  id: string;
  type: 'impose' | 'lift';
  /** The sanction the event is about (an `impose` event's own id). */
  sanctionId: string;
  level: SanctionLevel;
  /** Milliseconds since the epoch when it ends by itself; null: until lifted. */
  until: number | null;
  at: number;
  source: SanctionSource;
}

export interface ActiveSanction {
  sanctionId: string;
  level: SanctionLevel;
  until: number | null;
  since: number;
  source: SanctionSource;
}

const RANK: Record<SanctionLevel, number> = { warn: 1, mute: 2, suspend: 3 };

export function sanctionRank(level: SanctionLevel | null): number {
  return level ? RANK[level] : 0;
}

/** True when a sanction at this level stops the account's messages from being delivered. */
export function stopsDelivery(level: SanctionLevel): boolean {
  return level === 'mute' || level === 'suspend';
}

/** The points a message is worth, by its most severe label (engine labels only), and that label. */
export function strikeFor(labels: readonly string[], policy: ActorPolicy): { points: number; label: Label } | null {
  let best: { points: number; label: Label } | null = null;
  for (const label of LABELS) {
    if (!labels.includes(label)) continue;
    const points = labelPoints(policy, label);
    if (points > 0 && (!best || points > best.points)) best = { points, label };
  }
  return best;
}

/** Every sanction imposed and neither lifted nor expired at `now`, most severe first. */
export function activeSanctions(events: readonly SanctionEvent[], now: number): ActiveSanction[] {
  const lifted = new Set(events.filter((e) => e.type === 'lift').map((e) => e.sanctionId));
  return events
    .filter((e) => e.type === 'impose' && !lifted.has(e.sanctionId) && (e.until === null || e.until > now))
    .map((e) => ({ sanctionId: e.sanctionId, level: e.level, until: e.until, since: e.at, source: e.source }))
    .sort((a, b) => RANK[b.level] - RANK[a.level] || b.since - a.since);
}

/** The most severe active sanction at `now`, or null. */
export function currentSanction(events: readonly SanctionEvent[], now: number): ActiveSanction | null {
  return activeSanctions(events, now)[0] ?? null;
}

/** Strike points that count at `now`: within the window and after the most recent moderator lift. */
export function countingStrikes(strikes: readonly Strike[], events: readonly SanctionEvent[], now: number, policy: ActorPolicy): number {
  const lastLift = events.reduce((t, e) => (e.type === 'lift' && e.source === 'moderator' && e.at > t ? e.at : t), -Infinity);
  const from = Math.max(now - policy.strikes.window, lastLift);
  return strikes.reduce((sum, s) => (s.at > from && s.at <= now ? sum + s.points : sum), 0);
}

/** The sanction the ladder imposes now, or null when the account is already at (or above) its rung. */
export function escalation(
  strikes: readonly Strike[],
  events: readonly SanctionEvent[],
  now: number,
  policy: ActorPolicy,
): { level: SanctionLevel; until: number | null; total: number } | null {
  const total = countingStrikes(strikes, events, now, policy);
  let rung: ActorPolicy['sanctions'][number] | undefined;
  for (const r of policy.sanctions) if (total >= r.at) rung = r;
  if (!rung) return null;
  const current = currentSanction(events, now);
  if (sanctionRank(current?.level ?? null) >= RANK[rung.action]) return null;
  return { level: rung.action, until: rung.for !== undefined ? now + rung.for : null, total };
}

/**
 * Sanctions the ladder imposed that the counting strikes no longer reach (after a strike was taken back):
 * active, source `strikes`, and more severe than the highest rung the current total reaches.
 */
export function unearnedSanctions(strikes: readonly Strike[], events: readonly SanctionEvent[], now: number, policy: ActorPolicy): ActiveSanction[] {
  const total = countingStrikes(strikes, events, now, policy);
  let reached = 0;
  for (const r of policy.sanctions) if (total >= r.at) reached = Math.max(reached, RANK[r.action]);
  return activeSanctions(events, now).filter((s) => s.source === 'strikes' && RANK[s.level] > reached);
}

/** Orders sanction levels mildest first (for documentation and validation). */
export const SANCTION_LEVELS: readonly SanctionLevel[] = SANCTION_ACTIONS;
