/**
 * `haven simulate raid`: ordinary livestream chat from many legitimate users of varied account age, and in
 * the middle of it a raid — `bots` accounts (mostly hours old and unverified, some bought aged accounts)
 * posting altered copies of one template into the busiest channel. Everything goes through
 * `POST /v1/messages` of the real service; the figures come from its answers and `GET /v1/raids`.
 */
import type { ActorPolicy } from '../../actors/policy.ts';
import { ACCOUNT_LABELS } from '../../types.ts';
import { startSimService } from './harness.ts';
import { chatLine, DAY, HOUR, int, MINUTE, mutate, pick, RAID_TEMPLATES, rng, type Random } from './traffic.ts';

export interface RaidSimOptions {
  seed: number;
  /** Raid accounts. */
  bots: number;
  /** Legitimate messages per minute, across all channels. */
  rate: number;
  /** Length of the simulated traffic (default 3 minutes). */
  minutes?: number;
  /** Messages each bot posts (default 3). */
  messagesPerBot?: number;
  /** When the raid starts and how long it lasts (default: after 1 minute, for 60 seconds). */
  raidStartMs?: number;
  raidLengthMs?: number;
  /** Requests in flight at once (default 16). */
  inFlight?: number;
  actorPolicy?: ActorPolicy;
  onProgress?: (done: number, total: number) => void;
  /** Sees every message and the service's answer (diagnostics). */
  onMessage?: (message: { raid: boolean; sender: string; ageMs: number; verified: boolean; channel: string; text: string }, answer: { verdict: string; labels: string[] }) => void;
}

export interface RaidSimFigures {
  scenario: 'raid';
  seed: number;
  bots: number;
  rate: number;
  legit_messages: number;
  raid_messages: number;
  /** Raid messages up to and including the one that made the cluster a raid; null when never detected. */
  detected_after: number | null;
  /** Simulated seconds from the first raid message to detection. */
  detected_after_seconds: number | null;
  /** Share of raid messages after detection that were held or blocked. */
  raid_stopped_share: number | null;
  raid_stopped_after_detection: number;
  raid_after_detection: number;
  /**
   * Share of legitimate messages held or blocked by the people layer (the shield, blocks, sanctions, links):
   * what raid handling costs ordinary users. Screening's own false positives are counted apart, below.
   */
  legit_held_share: number;
  legit_held: number;
  /** Legitimate messages held or blocked by text screening alone (the engine's false positives on the chat). */
  legit_held_by_screening: number;
  /** Held or blocked for any reason, over all legitimate messages. */
  legit_held_any_share: number;
  raids_recorded: number;
  raid_members: number;
  elapsed_ms: number;
  messages_per_second: number;
}

interface User {
  id: string;
  createdAt: number;
  verified: boolean;
}

interface Planned {
  at: number;
  user: User;
  channel: string;
  text: string;
  raid: boolean;
}

/** Legitimate account ages: mostly months to years; a few days; very few hours. */
function legitAge(random: Random): number {
  const r = random();
  if (r < 0.6) return int(random, 365, 5 * 365) * DAY;
  if (r < 0.9) return int(random, 30, 365) * DAY;
  if (r < 0.98) return int(random, 7, 30) * DAY;
  if (r < 0.997) return int(random, 24, 7 * 24) * HOUR;
  return int(random, 10, 24 * 60) * MINUTE;
}

export async function simulateRaid(options: RaidSimOptions): Promise<RaidSimFigures> {
  const random = rng(options.seed);
  const minutes = options.minutes ?? 3;
  const duration = minutes * MINUTE;
  const perBot = options.messagesPerBot ?? 3;
  const raidStart = options.raidStartMs ?? Math.min(MINUTE, duration / 3);
  const raidLength = options.raidLengthMs ?? Math.min(MINUTE, duration - raidStart);
  // The timeline ends two minutes before now, so every sentAt is plausible to the service.
  const t0 = Date.now() - duration - 2 * MINUTE;

  const legitCount = Math.round(options.rate * minutes);
  const users: User[] = Array.from({ length: Math.max(300, Math.round(options.rate / 4)) }, (_, i) => {
    const createdAt = t0 - legitAge(random);
    const age = t0 - createdAt;
    return { id: `user-${options.seed}-${i}`, createdAt, verified: random() < (age > 30 * DAY ? 0.85 : 0.4) };
  });
  const channels = ['stream-main', 'stream-main', 'stream-main', 'stream-main', 'stream-2', 'stream-3', 'stream-4'];
  const plan: Planned[] = [];
  for (let i = 0; i < legitCount; i++) {
    plan.push({ at: t0 + random() * duration, user: pick(random, users), channel: pick(random, channels), text: chatLine(random), raid: false });
  }
  const template = pick(random, RAID_TEMPLATES);
  for (let b = 0; b < options.bots; b++) {
    const aged = random() < 0.15; // bought aged accounts: old, sometimes verified
    const createdAt = aged ? t0 - int(random, 30, 400) * DAY : t0 + raidStart - int(random, 10, 48 * 60) * MINUTE;
    const bot: User = { id: `bot-${options.seed}-${b}`, createdAt, verified: aged ? random() < 0.5 : random() < 0.1 };
    for (let k = 0; k < perBot; k++) plan.push({ at: t0 + raidStart + random() * raidLength, user: bot, channel: 'stream-main', text: mutate(random, template), raid: true });
  }
  plan.sort((a, b) => a.at - b.at);

  const service = await startSimService(options.actorPolicy ? { actorPolicy: options.actorPolicy } : {});
  const started = performance.now();
  let raidSeen = 0;
  let detectedAfter: number | null = null;
  let detectedAt: number | null = null;
  let firstRaidAt: number | null = null;
  let raidAfter = 0;
  let raidStoppedAfter = 0;
  let legitHeld = 0;
  let legitHeldByScreening = 0;
  try {
    // Up to `inFlight` requests at once, sent and read in timeline order (the service sees them as a busy
    // platform would send them; a deterministic in-process run, so the same seed gives the same figures).
    const inFlight = options.inFlight ?? 16;
    const send = (i: number, m: Planned) =>
      service.call<{ verdict: string; labels: string[] }>('POST', '/v1/messages', {
        id: `sim-${i}`,
        sender: { id: m.user.id, createdAt: new Date(m.user.createdAt).toISOString(), verified: m.user.verified },
        channel: m.channel,
        surface: 'livestream',
        text: m.text,
        sentAt: new Date(m.at).toISOString(),
      });
    const pending: Array<ReturnType<typeof send>> = [];
    for (let j = 0; j < Math.min(inFlight, plan.length); j++) pending.push(send(j, plan[j]!));
    for (const [i, m] of plan.entries()) {
      const res = await pending.shift()!;
      const next = i + inFlight;
      if (next < plan.length) pending.push(send(next, plan[next]!));
      options.onMessage?.({ raid: m.raid, sender: m.user.id, ageMs: m.at - m.user.createdAt, verified: m.user.verified, channel: m.channel, text: m.text }, res.body);
      const stopped = res.body.verdict !== 'allow';
      if (m.raid) {
        raidSeen++;
        firstRaidAt ??= m.at;
        if (detectedAfter === null && res.body.labels.includes('raid')) {
          detectedAfter = raidSeen;
          detectedAt = m.at;
        } else if (detectedAfter !== null) {
          raidAfter++;
          if (stopped) raidStoppedAfter++;
        }
      } else if (stopped) {
        if (res.body.labels.some((l) => (ACCOUNT_LABELS as readonly string[]).includes(l))) legitHeld++;
        else legitHeldByScreening++;
      }
      if (options.onProgress && i % 500 === 0) options.onProgress(i, plan.length);
    }
    const elapsed = performance.now() - started;
    const raids = await service.call<{ raids: Array<{ memberCount: number }> }>('GET', '/v1/raids?limit=500', undefined, { moderator: true });
    return {
      scenario: 'raid',
      seed: options.seed,
      bots: options.bots,
      rate: options.rate,
      legit_messages: legitCount,
      raid_messages: options.bots * perBot,
      detected_after: detectedAfter,
      detected_after_seconds: detectedAt !== null && firstRaidAt !== null ? round((detectedAt - firstRaidAt) / 1000, 1) : null,
      raid_stopped_share: raidAfter > 0 ? round(raidStoppedAfter / raidAfter, 4) : null,
      raid_stopped_after_detection: raidStoppedAfter,
      raid_after_detection: raidAfter,
      legit_held_share: legitCount > 0 ? round(legitHeld / legitCount, 4) : 0,
      legit_held: legitHeld,
      legit_held_by_screening: legitHeldByScreening,
      legit_held_any_share: legitCount > 0 ? round((legitHeld + legitHeldByScreening) / legitCount, 4) : 0,
      raids_recorded: raids.body.raids.length,
      raid_members: raids.body.raids.reduce((s, r) => s + r.memberCount, 0),
      elapsed_ms: Math.round(elapsed),
      messages_per_second: Math.round((plan.length / elapsed) * 1000),
    };
  } finally {
    await service.close();
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
