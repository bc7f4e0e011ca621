/**
 * `haven simulate evasion`: harassers message sellers on a marketplace, get blocked, and come back on new
 * accounts — sometimes from the same device, network or card, usually repeating their own words (altered),
 * sometimes in fresh words — while many innocent new accounts contact the same sellers with ordinary questions
 * (some of them behind the same carrier network as a harasser). Everything goes through `POST /v1/messages` and
 * `POST /v1/blocks` of the real service; the figures come from `GET /v1/links`.
 */
import type { ActorPolicy } from '../../actors/policy.ts';
import { startSimService } from './harness.ts';
import { buyerLine, DAY, harasserLines, hash, HOUR, int, itemFor, MINUTE, pick, returningLine, rng } from './traffic.ts';

export interface EvasionSimOptions {
  seed: number;
  /** Harassers (one blocked harasser per seller). */
  harassers: number;
  /** New accounts each harasser comes back on (default 3). */
  returnsPerHarasser?: number;
  /** Innocent new accounts contacting the same sellers (default 8 per harasser). */
  innocents?: number;
  actorPolicy?: ActorPolicy;
}

export interface EvasionSimFigures {
  scenario: 'evasion';
  seed: number;
  harassers: number;
  evasion_accounts: number;
  innocent_accounts: number;
  /** Share of evasion accounts linked to the harasser they belong to. */
  linked_share: number;
  linked: number;
  missed: number;
  /** Evasion accounts linked to the wrong earlier account. */
  wrong_target: number;
  /** Innocent accounts linked to anyone. */
  innocent_linked: number;
  /** Messages from evasion accounts that were held or blocked, over all of them. */
  evasion_messages_stopped_share: number;
  innocent_messages_stopped_share: number;
  messages: number;
  elapsed_ms: number;
}

interface Sender {
  id: string;
  createdAt: number;
  verified: boolean;
  fingerprint: { device?: string; network?: string; payment?: string };
}

interface Step {
  at: number;
  kind: 'message' | 'block';
  sender: Sender;
  recipient: string;
  channel?: string;
  text?: string;
  role: 'harasser' | 'evader' | 'innocent';
}

export async function simulateEvasion(options: EvasionSimOptions): Promise<EvasionSimFigures> {
  const random = rng(options.seed);
  const returns = options.returnsPerHarasser ?? 3;
  const innocentCount = options.innocents ?? options.harassers * 8;
  const t0 = Date.now() - 2 * DAY;
  const steps: Step[] = [];
  const evaderOf = new Map<string, string>();
  const innocents = new Set<string>();
  const sellers: Array<{ id: string; item: string; harasser: Sender }> = [];

  for (let h = 0; h < options.harassers; h++) {
    const seller = `seller-${options.seed}-${h}`;
    const item = itemFor(random);
    const harasser: Sender = {
      id: `harasser-${options.seed}-${h}`,
      createdAt: t0 - int(random, 60, 900) * DAY,
      verified: random() < 0.7,
      fingerprint: { device: hash(random, 'dev'), network: hash(random, 'net'), ...(random() < 0.5 ? { payment: hash(random, 'pay') } : {}) },
    };
    sellers.push({ id: seller, item, harasser });
    const start = t0 + random() * 6 * HOUR;
    const own = harasserLines(random, item, 3);
    own.forEach((text, k) => steps.push({ at: start + k * 2 * MINUTE, kind: 'message', sender: harasser, recipient: seller, channel: `listing-${h}`, text, role: 'harasser' }));
    const blockedAt = start + 10 * MINUTE;
    steps.push({ at: blockedAt, kind: 'block', sender: harasser, recipient: seller, role: 'harasser' });

    for (let r = 0; r < returns; r++) {
      const createdAt = blockedAt + int(random, 5, 24 * 60) * MINUTE;
      const fp = harasser.fingerprint;
      const evader: Sender = {
        id: `evader-${options.seed}-${h}-${r}`,
        createdAt,
        verified: random() < 0.1,
        fingerprint: {
          device: random() < 0.4 ? fp.device! : hash(random, 'dev'),
          network: random() < 0.55 ? fp.network! : hash(random, 'net'),
          ...(fp.payment && random() < 0.2 ? { payment: fp.payment } : {}),
        },
      };
      evaderOf.set(evader.id, harasser.id);
      const fresh = random() < 0.2;
      const channel = random() < 0.7 ? `listing-${h}` : undefined;
      const n = int(random, 1, 3);
      for (let k = 0; k < n; k++) {
        steps.push({ at: createdAt + int(random, 1, 30) * MINUTE + k * MINUTE, kind: 'message', sender: evader, recipient: seller, ...(channel ? { channel } : {}), text: returningLine(random, own, item, fresh), role: 'evader' });
      }
    }
  }

  for (let i = 0; i < innocentCount; i++) {
    const s = pick(random, sellers);
    const h = sellers.indexOf(s);
    const createdAt = t0 - int(random, 0, 12 * 24) * HOUR + int(random, 0, 36) * HOUR;
    const innocent: Sender = {
      id: `buyer-${options.seed}-${i}`,
      createdAt,
      verified: random() < 0.5,
      // a tenth share the harasser's network: the same carrier NAT or campus wifi
      fingerprint: { device: hash(random, 'dev'), network: random() < 0.1 ? s.harasser.fingerprint.network! : hash(random, 'net') },
    };
    innocents.add(innocent.id);
    const n = int(random, 1, 2);
    const at = Math.max(createdAt, t0) + int(random, 1, 40) * HOUR;
    for (let k = 0; k < n; k++) {
      steps.push({ at: at + k * 3 * MINUTE, kind: 'message', sender: innocent, recipient: s.id, ...(random() < 0.8 ? { channel: `listing-${h}` } : {}), text: buyerLine(random, s.item), role: 'innocent' });
    }
  }
  steps.sort((a, b) => a.at - b.at);
  const last = steps[steps.length - 1]?.at ?? t0;
  // Keep every time in the past for the service: shift the whole timeline so it ends a minute ago.
  const shift = Math.min(0, Date.now() - MINUTE - last);

  const service = await startSimService(options.actorPolicy ? { actorPolicy: options.actorPolicy } : {});
  const started = performance.now();
  let evaderMessages = 0;
  let evaderStopped = 0;
  let innocentMessages = 0;
  let innocentStopped = 0;
  let messages = 0;
  try {
    for (const [i, s] of steps.entries()) {
      const at = new Date(s.at + shift).toISOString();
      if (s.kind === 'block') {
        await service.call('POST', '/v1/blocks', { blocker: s.recipient, blocked: s.sender.id, at });
        continue;
      }
      const res = await service.call<{ verdict: string }>('POST', '/v1/messages', {
        id: `sim-${i}`,
        sender: { id: s.sender.id, createdAt: new Date(s.sender.createdAt + shift).toISOString(), verified: s.sender.verified, fingerprint: s.sender.fingerprint },
        recipient: s.recipient,
        ...(s.channel ? { channel: s.channel } : {}),
        surface: 'marketplace',
        text: s.text!,
        sentAt: at,
      });
      messages++;
      const stopped = res.body.verdict !== 'allow';
      if (s.role === 'evader') {
        evaderMessages++;
        if (stopped) evaderStopped++;
      } else if (s.role === 'innocent') {
        innocentMessages++;
        if (stopped) innocentStopped++;
      }
    }

    const linkedTo = new Map<string, string>();
    let cursor: string | null = null;
    do {
      const page: { body: { links: Array<{ account: string; linkedTo: string }>; nextCursor: string | null } } = await service.call(
        'GET',
        `/v1/links?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        undefined,
        { moderator: true },
      );
      for (const l of page.body.links) linkedTo.set(l.account, l.linkedTo);
      cursor = page.body.nextCursor;
    } while (cursor);

    let linked = 0;
    let wrong = 0;
    for (const [evader, harasser] of evaderOf) {
      const to = linkedTo.get(evader);
      if (to === undefined) continue;
      if (to === harasser || evaderOf.get(to) === harasser) linked++;
      else wrong++;
    }
    let innocentLinked = 0;
    for (const id of innocents) if (linkedTo.has(id)) innocentLinked++;
    return {
      scenario: 'evasion',
      seed: options.seed,
      harassers: options.harassers,
      evasion_accounts: evaderOf.size,
      innocent_accounts: innocents.size,
      linked_share: evaderOf.size > 0 ? Math.round((linked / evaderOf.size) * 10000) / 10000 : 0,
      linked,
      missed: evaderOf.size - linked - wrong,
      wrong_target: wrong,
      innocent_linked: innocentLinked,
      evasion_messages_stopped_share: evaderMessages > 0 ? Math.round((evaderStopped / evaderMessages) * 10000) / 10000 : 0,
      innocent_messages_stopped_share: innocentMessages > 0 ? Math.round((innocentStopped / innocentMessages) * 10000) / 10000 : 0,
      messages,
      elapsed_ms: Math.round(performance.now() - started),
    };
  } finally {
    await service.close();
  }
}
