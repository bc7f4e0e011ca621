/**
 * People, not only messages: screens a message with its sender, recipient and channel (blocks, sanctions,
 * ban-evasion links, raids and the channel shield) and records what follows from it (strikes, sanctions, raid
 * membership). The rules are pure functions in src/actors; the state is in the store (src/store/people.ts,
 * src/store/raids.ts), so it survives restarts. Only the raid windows are in memory, bounded (RaidWatch).
 *
 * `POST /v1/messages` calls `assess` before storing a message and `afterStored` once it is committed.
 */
import type { Kysely } from 'kysely';
import { bestLink, type EarlierAccount } from '../actors/evasion.ts';
import { textSignature, type TextSignature } from '../actors/minhash.ts';
import { defaultActorPolicy, type ActorPolicy } from '../actors/policy.ts';
import { newness, RaidWatch } from '../actors/raids.ts';
import { ActorTransitionError, nextRaidStatus, type RaidAction } from '../actors/raid-status.ts';
import { activeSanctions, countingStrikes, currentSanction, escalation, strikeFor } from '../actors/sanctions.ts';
import { shieldHold, shieldUp, type Shield } from '../actors/shield.ts';
import {
  activeSanctionsByRef,
  addBlock,
  addStrike,
  appendSanctionEvent,
  blockedAmong,
  blockedBy,
  blockersOf,
  blocksOf,
  deliveryStop,
  fingerprintsOf,
  firstSanctionAt,
  getAccount,
  insertLink,
  linkedIdentities,
  linksOf,
  messagesBetween,
  recordAccount,
  sanctionedHarassersOf,
  sanctionEventsOf,
  strikesOf,
  toSanctionEvents,
  toStrikes,
  type AccountLink,
  type SenderFacts,
} from '../store/people.ts';
import { addRaidMember, appendRaidEvent, getRaid, getShield, heldRaidOf, liftShield, raidMembers, raidEvents, recordRaid } from '../store/raids.ts';
import type { Database } from '../store/schema/index.ts';
import { LABELS, type AccountLabel, type Label, type MessageLabel, type MessageResult, type ScreenResult, type Verdict } from '../types.ts';

/** A message in its conversation, as `POST /v1/messages` received it. */
export interface MessageInContext {
  messageId: string;
  sender: SenderFacts;
  recipient: string | null;
  channel: string | null;
  text: string;
  /** The message's time (ms): `messageTime(sentAt, receivedAt)`. */
  at: number;
  screened: ScreenResult;
}

/** Why the account checks raised a verdict, one per account label. */
export interface ContextReason {
  label: AccountLabel;
  verdict: Verdict;
  detail: string;
}

export interface Assessment {
  result: MessageResult;
  reasons: ContextReason[];
  /** The raid the message joins as a member once stored. */
  raidJoin: string | null;
}

/** How far a platform's `sentAt` may lie from the receive time and still be used as the message's time. */
const SENT_AT_PAST_MS = 7 * 86_400_000;
const SENT_AT_FUTURE_MS = 5 * 60_000;

/**
 * The time the account rules use for a message: the platform's `sentAt` when it is plausible (at most 7 days
 * old and at most 5 minutes ahead of arrival — replays and simulations use it), else the arrival time.
 */
export function messageTime(sentAt: string | null, receivedAt: string): number {
  const received = Date.parse(receivedAt);
  if (sentAt === null) return received;
  const sent = Date.parse(sentAt);
  return Number.isFinite(sent) && sent >= received - SENT_AT_PAST_MS && sent <= received + SENT_AT_FUTURE_MS ? sent : received;
}

const RANK: Record<Verdict, number> = { allow: 0, hold: 1, block: 2 };
const SHIELD_CACHE_MS = 1_000;
const SHIELD_CACHE_MAX = 10_000;

export class People {
  readonly policy: ActorPolicy;
  readonly #db: Kysely<Database>;
  readonly #raids: RaidWatch;
  readonly #shields = new Map<string, { shield: Shield | null; loadedAt: number }>();

  constructor(db: Kysely<Database>, policy: ActorPolicy = defaultActorPolicy()) {
    this.#db = db;
    this.policy = policy;
    this.#raids = new RaidWatch(policy);
  }

  /** Channels whose raid window is in memory (bounded by `raids.channels`). */
  get windows(): number {
    return this.#raids.channels;
  }

  // ---- the message path ----

  async assess(m: MessageInContext): Promise<Assessment> {
    const db = this.#db;
    const policy = this.policy;
    const sender = m.sender.id;
    const text = textSignature(m.text);
    const account = await recordAccount(db, m.sender, m.at);
    const ageMs = Math.max(0, m.at - (account.createdAt ?? account.firstSeenAt));

    let verdict: Verdict = m.screened.verdict;
    const labels: MessageLabel[] = [...m.screened.labels];
    const reasons: ContextReason[] = [];
    const raise = (label: AccountLabel, to: Verdict, detail: string): void => {
      if (RANK[to] > RANK[verdict]) verdict = to;
      if (!labels.includes(label)) labels.push(label);
      reasons.push({ label, verdict: to, detail });
    };

    let earlier = await linkedIdentities(db, sender);
    if (earlier.length === 0 && m.recipient !== null && ageMs < policy.evasion.newAccountAge) {
      const link = await this.#linkEvasion(m, text, account.createdAt ?? account.firstSeenAt);
      if (link) earlier = [link.linkedTo, ...(await linkedIdentities(db, link.linkedTo))];
    }
    const identities = [sender, ...earlier];

    const stop = await deliveryStop(db, identities, m.at);
    if (stop) raise('sanctioned', 'block', `${stop.account === sender ? 'sender' : `linked account ${stop.account}`} is ${stop.level === 'mute' ? 'muted' : 'suspended'}${stop.until ? ` until ${stop.until}` : ''}`);
    if (m.recipient !== null) {
      const blocked = await blockedAmong(db, m.recipient, identities);
      if (blocked) raise('blocked_contact', 'block', blocked === sender ? 'the recipient blocked the sender' : `the recipient blocked ${blocked}, which the sender is linked to`);
    }
    if (earlier.length > 0) raise('ban_evasion', 'hold', `linked to earlier account ${earlier[0]}`);

    let raidJoin: string | null = null;
    if (m.channel !== null) {
      const sighting = this.#raids.observe({ messageId: m.messageId, sender, channel: m.channel, at: m.at, text, newness: newness(ageMs, account.verified, policy) });
      if (sighting.detected) {
        const raidId = await recordRaid(db, sighting.detected, m.at + policy.shield.duration, m.at);
        this.#raids.markRaid(m.channel, sighting.detected.clusterId, raidId);
        this.#shields.delete(m.channel);
        sighting.raidId = raidId;
      }
      const shield = await this.#shield(m.channel);
      if (shieldUp(shield, m.at)) {
        const inCluster = sighting.raidId === shield.raidId;
        const why = inCluster ? 'matches_raid' : shieldHold(shield, { ageMs, verified: account.verified, signature: text.chars >= policy.raids.minChars ? text.signature : null }, policy);
        if (why) {
          raise('raid', 'hold', `channel shield up (raid ${shield.raidId}): ${why.replace('_', ' ')}`);
          if (why === 'matches_raid') raidJoin = shield.raidId;
        }
      }
    }
    const heldRaid = await heldRaidOf(db, identities);
    if (heldRaid) raise('raid', 'hold', `member of raid ${heldRaid}, which a moderator put on hold-all`);

    return { result: { ...m.screened, verdict, labels }, reasons, raidJoin };
  }

  /** After the message is committed (first time only): raid membership, and a strike when screening blocked it. */
  async afterStored(m: MessageInContext, a: Assessment): Promise<void> {
    if (a.raidJoin) await addRaidMember(this.#db, a.raidJoin, m.sender.id, m.messageId, m.at);
    if (m.screened.verdict === 'block') {
      await this.strike({ account: m.sender.id, labels: m.screened.labels, cause: 'blocked', messageId: m.messageId, recipient: m.recipient, channel: m.channel }, m.at);
    }
  }

  /** A moderator confirmed a held message (`block`): the sender gets its strike, once per message. */
  async confirmHeld(message: { id: string; sender: string; recipient: string | null; channel: string | null; labels: readonly MessageLabel[] }, now = Date.now()): Promise<void> {
    await this.strike({ account: message.sender, labels: message.labels, cause: 'confirmed', messageId: message.id, recipient: message.recipient, channel: message.channel }, now);
  }

  /** Adds a strike for a message (its most severe engine label) and imposes what the ladder says, in one transaction. */
  async strike(s: { account: string; labels: readonly MessageLabel[]; cause: 'blocked' | 'confirmed'; messageId: string; recipient: string | null; channel: string | null }, now: number): Promise<void> {
    const engineLabels = s.labels.filter((l): l is Label => (LABELS as readonly string[]).includes(l));
    const worth = strikeFor(engineLabels, this.policy);
    if (!worth) return;
    await this.#db.transaction().execute(async (trx) => {
      const added = await addStrike(trx, { account: s.account, points: worth.points, label: worth.label, cause: s.cause, messageId: s.messageId, recipient: s.recipient, channel: s.channel }, now);
      if (!added) return;
      const strikes = toStrikes(await strikesOf(trx, s.account, now - this.policy.strikes.window));
      const events = toSanctionEvents(await sanctionEventsOf(trx, s.account));
      const next = escalation(strikes, events, now, this.policy);
      if (next) {
        await appendSanctionEvent(
          trx,
          { account: s.account, type: 'impose', level: next.level, until: next.until, source: 'strikes', reason: `${next.total} strike points within ${Math.round(this.policy.strikes.window / 86_400_000)} days`, actor: 'system' },
          now,
        );
      }
    });
  }

  /**
   * Ban/block evasion: compares the young sender with the accounts the recipient blocked and the sanctioned
   * accounts that harassed them; above the threshold, records the link and makes the sender inherit the
   * earlier account's blocks and its mute or suspension.
   */
  async #linkEvasion(m: MessageInContext, text: TextSignature, createdAt: number): Promise<AccountLink | null> {
    const db = this.#db;
    const policy = this.policy;
    const recipient = m.recipient!;
    const blocked = await blockedBy(db, recipient, policy.evasion.maxCandidates);
    const harassers = await sanctionedHarassersOf(db, recipient, policy.evasion.maxCandidates);
    const cutOff = new Map<string, number>(blocked.map((b) => [b.account, b.at]));
    const candidates = [...new Set([...blocked.map((b) => b.account), ...harassers])].filter((a) => a !== m.sender.id).slice(0, policy.evasion.maxCandidates);
    if (candidates.length === 0) return null;
    const fingerprints = await fingerprintsOf(db, candidates);
    const sanctioned = await firstSanctionAt(db, candidates.filter((c) => !cutOff.has(c)));
    const newcomer = { account: m.sender.id, fingerprint: m.sender.fingerprint ?? {}, createdAt, text, channel: m.channel };

    const earlier: EarlierAccount[] = [];
    for (const account of candidates) {
      const history = await messagesBetween(db, account, recipient, 20);
      earlier.push({
        account,
        fingerprints: fingerprints.get(account) ?? {},
        texts: history.map((h) => textSignature(h.text)),
        channels: new Set(history.map((h) => h.channel).filter((c): c is string => c !== null)),
        cutOffAt: cutOff.get(account) ?? sanctioned.get(account) ?? null,
      });
    }
    const best = bestLink(newcomer, earlier, policy);
    if (!best) return null;

    return db.transaction().execute(async (trx) => {
      const link = await insertLink(trx, { account: m.sender.id, linkedTo: best.account, score: best.score, reasons: best.reasons, messageId: m.messageId, recipient }, m.at);
      if (!link) return null;
      for (const blocker of await blockersOf(trx, best.account)) {
        await addBlock(trx, { blocker, blocked: m.sender.id, source: 'link', linkId: link.id }, m.at);
      }
      const inherited = currentSanction(toSanctionEvents(await sanctionEventsOf(trx, best.account)), m.at);
      if (inherited && (inherited.level === 'mute' || inherited.level === 'suspend')) {
        await appendSanctionEvent(
          trx,
          { account: m.sender.id, type: 'impose', level: inherited.level, until: inherited.until, source: 'link', ref: link.id, reason: `inherited from ${best.account} (evasion link ${link.id})`, actor: 'system' },
          m.at,
        );
      }
      return link;
    });
  }

  async #shield(channel: string): Promise<Shield | null> {
    const now = Date.now();
    const hit = this.#shields.get(channel);
    if (hit && now - hit.loadedAt < SHIELD_CACHE_MS) return hit.shield;
    const shield = await getShield(this.#db, channel);
    if (this.#shields.size >= SHIELD_CACHE_MAX) this.#shields.clear();
    this.#shields.set(channel, { shield, loadedAt: now });
    return shield;
  }

  // ---- moderator and platform actions ----

  /** Records that `blocker` blocked `blocked`; false when already recorded. */
  async block(blocker: string, blocked: string, now = Date.now()): Promise<boolean> {
    return addBlock(this.#db, { blocker, blocked, source: 'user' }, now);
  }

  /** Everything Haven knows about an account's conduct; undefined when it knows nothing. */
  async account(id: string, now = Date.now()) {
    const db = this.#db;
    const [facts, strikes, events, blocks, links, raids] = await Promise.all([
      getAccount(db, id),
      strikesOf(db, id),
      sanctionEventsOf(db, id),
      blocksOf(db, id),
      linksOf(db, id),
      db.selectFrom('raid_members').innerJoin('raids', 'raids.id', 'raid_members.raid_id').select(['raids.id', 'raids.channel', 'raids.status']).where('raid_members.account', '=', id).execute(),
    ]);
    if (!facts && strikes.length === 0 && events.length === 0 && blocks.blocking.length === 0 && blocks.blockedBy.length === 0 && links.length === 0) return undefined;
    const domainEvents = toSanctionEvents(events);
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      id,
      createdAt: iso(facts?.createdAt ?? null),
      verified: facts?.verified ?? null,
      firstSeenAt: iso(facts?.firstSeenAt ?? null),
      strikes: {
        total: strikes.reduce((s, x) => s + x.points, 0),
        counting: countingStrikes(toStrikes(strikes), domainEvents, now, this.policy),
        items: strikes.slice(-100),
      },
      sanctions: activeSanctions(domainEvents, now).map((s) => ({ id: s.sanctionId, level: s.level, since: new Date(s.since).toISOString(), until: iso(s.until), source: s.source })),
      sanctionHistory: events,
      blocks,
      links: { linkedTo: links.filter((l) => l.account === id), linkedFrom: links.filter((l) => l.linkedTo === id) },
      raids,
    };
  }

  /**
   * A moderator lifts one sanction, or every active one. Recorded as `lift` events with who and why.
   * Throws `ActorTransitionError` (already_in_state) when there is nothing active to lift.
   */
  async lift(account: string, by: { actor: string; reason: string; sanctionId?: string }, now = Date.now()): Promise<number> {
    return this.#db.transaction().execute(async (trx) => {
      const active = activeSanctions(toSanctionEvents(await sanctionEventsOf(trx, account)), now).filter((s) => by.sanctionId === undefined || s.sanctionId === by.sanctionId);
      if (active.length === 0) {
        throw new ActorTransitionError('already_in_state', by.sanctionId ? `sanction ${by.sanctionId} is not active on ${account}` : `${account} has no active sanction`, by.sanctionId ? 'sanctionId' : 'id');
      }
      for (const s of active) {
        await appendSanctionEvent(trx, { account, type: 'lift', sanctionId: s.sanctionId, level: s.level, until: null, source: 'moderator', reason: by.reason, actor: by.actor }, now);
      }
      return active.length;
    });
  }

  /** Acts on every account of a raid at once. Undefined when there is no such raid. */
  async raidAction(raidId: string, action: RaidAction, by: { actor: string; reason: string }, now = Date.now()) {
    const db = this.#db;
    const done = await db.transaction().execute(async (trx) => {
      const raid = await trx.selectFrom('raids').select(['id', 'status', 'channel']).where('id', '=', raidId).executeTakeFirst();
      if (!raid) return false;
      const to = nextRaidStatus(raid.status, action);
      await appendRaidEvent(trx, { raidId, type: action, from: raid.status, to, reason: by.reason, actor: by.actor }, now);
      if (action === 'suspend-all') {
        for (const member of await raidMembers(trx, raidId)) {
          await appendSanctionEvent(trx, { account: member.account, type: 'impose', level: 'suspend', until: null, source: 'raid', ref: raidId, reason: `raid ${raidId}: ${by.reason}`, actor: by.actor }, now);
        }
      }
      if (action === 'dismiss') {
        await liftShield(trx, raid.channel, by, now);
        for (const s of await activeSanctionsByRef(trx, raidId, now)) {
          await appendSanctionEvent(trx, { account: s.account, type: 'lift', sanctionId: s.sanctionId, level: s.level, until: null, source: 'raid', ref: raidId, reason: `raid ${raidId} dismissed: ${by.reason}`, actor: by.actor }, now);
        }
      }
      this.#shields.delete(raid.channel);
      return true;
    });
    return done ? this.raid(raidId, now) : undefined;
  }

  async raid(raidId: string, now = Date.now()) {
    const raid = await getRaid(this.#db, raidId, now);
    if (!raid) return undefined;
    return { ...raid, members: await raidMembers(this.#db, raidId), events: await raidEvents(this.#db, raidId) };
  }

  /** A moderator lifts a channel's shield before it expires. Throws `ActorTransitionError` when none is up. */
  async liftShield(channel: string, by: { actor: string; reason: string }, now = Date.now()): Promise<void> {
    const lifted = await this.#db.transaction().execute((trx) => liftShield(trx, channel, by, now));
    this.#shields.delete(channel);
    if (!lifted) throw new ActorTransitionError('already_in_state', `no shield is up on channel ${channel}`, 'channel');
  }
}
