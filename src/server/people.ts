/**
 * People, not only messages: screens a message with its sender, recipient and channel (blocks, sanctions,
 * ban-evasion links, raids and the channel shield) and records what follows from it (strikes, sanctions, raid
 * membership). The rules are pure functions in src/actors; the state is in the store (src/store/people.ts,
 * src/store/raids.ts), so it survives restarts. Only the raid windows are in memory, bounded (RaidWatch).
 *
 * `POST /v1/messages` calls `assess` before storing a message and `afterStored` once it is committed.
 */
import type { Kysely, Transaction } from 'kysely';
import { bestLink, FINGERPRINT_PARTS, type EarlierAccount } from '../actors/evasion.ts';
import { textSignature, type TextSignature } from '../actors/minhash.ts';
import { defaultActorPolicy, type ActorPolicy } from '../actors/policy.ts';
import { newness, RaidWatch } from '../actors/raids.ts';
import { ActorTransitionError, nextRaidStatus, type RaidAction } from '../actors/raid-status.ts';
import { activeSanctions, countingStrikes, currentSanction, escalation, strikeFor, unearnedSanctions } from '../actors/sanctions.ts';
import { shieldHold, shieldUp, type Shield } from '../actors/shield.ts';
import {
  activeSanctionsByRef,
  addBlock,
  addStrike,
  appendLinkDecision,
  appendSanctionEvent,
  blockedAmong,
  blockedBy,
  blockersOf,
  blocksOf,
  countingLinks,
  deliveryStop,
  fingerprintsOf,
  firstSanctionAt,
  getAccount,
  insertLink,
  linkedIdentities,
  linksOf,
  messagesBetween,
  planAccount,
  type AccountUpdate,
  liftSanctions,
  removeInheritedBlocks,
  removeStrike,
  sanctionedHarassersOf,
  sanctionEventsOf,
  strikesOf,
  toSanctionEvents,
  toStrikes,
  type Account,
  type AccountLink,
  type SenderFacts,
} from '../store/people.ts';
import { commitLater } from '../store/durability.ts';
import type { OnCreated } from '../store/message-writer.ts';
import { addRaidMember, appendRaidEvent, getRaid, getShield, heldRaidOf, liftShield, raidMembers, raidEvents, recordRaid } from '../store/raids.ts';
import type { Database, LinkDecision } from '../store/schema/index.ts';
import type { SanctionLevel } from '../actors/policy.ts';
import { LABELS, type AccountLabel, type Label, type MessageLabel, type MessageResult, type ScreenResult, type Verdict } from '../types.ts';

/** A message in its conversation, as `POST /v1/messages` received it. */
export interface MessageInContext {
  messageId: string;
  sender: SenderFacts;
  recipient: string | null;
  channel: string | null;
  text: string;
  /** `normalize(text).skeleton.text` when the screen returned its views (the engine does): not normalized again. */
  skeleton?: string;
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
  /** The sender's new facts, written with the message (see `#account`); null when there are none. */
  accountWrite: ((trx: Transaction<Database>) => Promise<void>) | null;
  /** The cache entry for the sender once that write has committed (`afterStored`). */
  accountCached: { account: Account; parts: Set<string> } | null;
}

/** The store's state the message path reads, held in memory (see `PeopleCache`). */
interface CachedState {
  /** blocker → blocked → when (ms). */
  blocks: Map<string, Map<string, number>>;
  /** account_sanctions rows with a mute or suspension (in force or not: `until` is checked on use). */
  stops: Map<string, { level: SanctionLevel; sanctionId: string; until: string | null }>;
  /** account → the accounts it is linked to (account_links). */
  links: Map<string, string[]>;
  /** recipient → accounts with strikes for messages to it. */
  strikers: Map<string, Set<string>>;
  /** account → a raid it is a member of whose status is `held`. */
  heldMembers: Map<string, string>;
  /** raids whose status is `held` (for new members). */
  heldRaids: Set<string>;
  /** Recently seen accounts and the fingerprint values known for them (a subset of the store's), LRU. */
  accounts: Map<string, { account: Account; parts: Set<string> }>;
  /** `raid\u0000account` pairs known to be in raid_members (a subset: a miss just writes the idempotent insert). */
  members: Set<string>;
}

const MEMBER_CACHE_MAX = 100_000;

const ACCOUNT_CACHE_MAX = 100_000;

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
  /**
   * With `cache` (SQLite: one server process owns the file), the small state the message path reads — blocks,
   * mute/suspension projections, links, strike pairs, held raids' members, recent accounts — is loaded from the
   * store once and kept coherent by write-through: every write to it goes through this class, and the cache is
   * updated after its transaction commits. The store stays the record (a restart reloads it). Without it
   * (PostgreSQL, several nodes share the state), every message reads the store.
   */
  #state: Promise<CachedState> | null = null;
  /** The same state once loaded, for synchronous reads. */
  #state_: CachedState | null = null;
  readonly #cache: boolean;
  /** Assessments whose `onStored` imposed a sanction (set inside the transaction, read after it committed). */
  readonly #imposed = new WeakSet<Assessment>();

  constructor(db: Kysely<Database>, policy: ActorPolicy = defaultActorPolicy(), options: { cache?: boolean } = {}) {
    this.#db = db;
    this.policy = policy;
    this.#raids = new RaidWatch(policy);
    this.#cache = options.cache ?? false;
  }

  /** The cached state, loaded on first use; null when not caching. */
  #cached(): Promise<CachedState> | null {
    if (!this.#cache) return null;
    this.#state ??= this.#load().catch((err: unknown) => {
      this.#state = null;
      throw err;
    });
    return this.#state;
  }

  async #load(): Promise<CachedState> {
    const state = await this.#read();
    this.#state_ = state;
    return state;
  }

  async #read(): Promise<CachedState> {
    const db = this.#db;
    const state: CachedState = { blocks: new Map(), stops: new Map(), links: new Map(), strikers: new Map(), heldMembers: new Map(), heldRaids: new Set(), accounts: new Map(), members: new Set() };
    for (const b of await db.selectFrom('blocks').select(['blocker', 'blocked', 'created_at']).execute()) addTo(state.blocks, b.blocker, b.blocked, Date.parse(b.created_at));
    await this.#reloadStops(state);
    for (const l of await countingLinks(db)) pushTo(state.links, l.account, l.linkedTo);
    for (const r of await db.selectFrom('strikes').select(['recipient', 'account']).where('recipient', 'is not', null).distinct().execute()) setTo(state.strikers, r.recipient!, r.account);
    await this.#reloadHeld(state);
    return state;
  }

  /** Re-reads the mute/suspension projections of `accounts` (all of them when undefined) after a commit. */
  async #reloadStops(state: CachedState, accounts?: readonly string[]): Promise<void> {
    if (accounts !== undefined && accounts.length === 0) return;
    let q = this.#db.selectFrom('account_sanctions').select(['account', 'level', 'sanction_id', 'until']);
    if (accounts === undefined) state.stops.clear();
    else {
      q = q.where('account', 'in', [...new Set(accounts)]);
      for (const a of accounts) state.stops.delete(a);
    }
    for (const r of await q.execute()) {
      if ((r.level === 'mute' || r.level === 'suspend') && r.sanction_id) state.stops.set(r.account, { level: r.level, sanctionId: r.sanction_id, until: r.until });
    }
  }

  /** Re-reads the members of held raids after a raid's status changed. */
  async #reloadHeld(state: CachedState): Promise<void> {
    const rows = await this.#db
      .selectFrom('raid_members')
      .innerJoin('raids', 'raids.id', 'raid_members.raid_id')
      .select(['raids.id', 'raid_members.account'])
      .where('raids.status', '=', 'held')
      .execute();
    const held = await this.#db.selectFrom('raids').select('id').where('status', '=', 'held').execute();
    state.heldMembers.clear();
    state.heldRaids.clear();
    for (const r of held) state.heldRaids.add(r.id);
    for (const r of rows) if (!state.heldMembers.has(r.account)) state.heldMembers.set(r.account, r.id);
  }

  /**
   * The account as it reads after recording this message's facts; from the cache when nothing new is said.
   * What is new (a first sight, a changed fact, a new fingerprint value) is written in the message's own
   * group-commit transaction (`write`, run by `onStored`), not in a transaction of its own — a raid of 500 new
   * accounts cost 500 commits on the event loop before — and reaches the cache only once that commit is done
   * (`cached`, applied by `afterStored`): a duplicate message, which stores nothing, records nothing either.
   */
  async #account(
    facts: SenderFacts,
    at: number,
    state: CachedState | null,
  ): Promise<{ account: Account; write: AccountUpdate['write']; cached: Assessment['accountCached'] }> {
    const hit = state?.accounts.get(facts.id);
    if (state && hit) {
      const a = hit.account;
      const same =
        (facts.createdAt === undefined || a.createdAt === Date.parse(new Date(facts.createdAt).toISOString())) &&
        (facts.verified === undefined || a.verified === facts.verified) &&
        FINGERPRINT_PARTS.every((p) => facts.fingerprint?.[p] === undefined || hit.parts.has(`${p}\u0000${facts.fingerprint[p]}`));
      state.accounts.delete(facts.id);
      state.accounts.set(facts.id, hit);
      if (same) return { account: a, write: null, cached: null };
    }
    const { account, write } = await planAccount(this.#db, facts, at);
    if (!state) return { account, write, cached: null };
    const parts = new Set(hit?.parts ?? []);
    for (const p of FINGERPRINT_PARTS) if (facts.fingerprint?.[p] !== undefined) parts.add(`${p}\u0000${facts.fingerprint[p]}`);
    const cached = { account, parts };
    if (!write) this.#cacheAccount(state, cached);
    return { account, write, cached: write ? cached : null };
  }

  #cacheAccount(state: CachedState, entry: { account: Account; parts: Set<string> }): void {
    state.accounts.delete(entry.account.id);
    state.accounts.set(entry.account.id, entry);
    if (state.accounts.size > ACCOUNT_CACHE_MAX) state.accounts.delete(state.accounts.keys().next().value!);
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
    const state = await this.#cached();
    let signature: TextSignature | undefined;
    const text = (): TextSignature => (signature ??= textSignature(m.text, m.skeleton));
    const { account, write: accountWrite, cached: accountCached } = await this.#account(m.sender, m.at, state);
    const ageMs = Math.max(0, m.at - (account.createdAt ?? account.firstSeenAt));

    let verdict: Verdict = m.screened.verdict;
    const labels: MessageLabel[] = [...m.screened.labels];
    const reasons: ContextReason[] = [];
    const raise = (label: AccountLabel, to: Verdict, detail: string): void => {
      if (RANK[to] > RANK[verdict]) verdict = to;
      if (!labels.includes(label)) labels.push(label);
      reasons.push({ label, verdict: to, detail });
    };

    let earlier = state ? cachedLinks(state, sender) : await linkedIdentities(db, sender);
    if (earlier.length === 0 && m.recipient !== null && ageMs < policy.evasion.newAccountAge && (!state || evasionMayApply(state, m.recipient, sender))) {
      const link = await this.#linkEvasion(m, text(), account.createdAt ?? account.firstSeenAt);
      if (link) earlier = [link.linkedTo, ...(state ? cachedLinks(state, link.linkedTo) : await linkedIdentities(db, link.linkedTo))];
    }
    const identities = [sender, ...earlier];

    const stop = state ? cachedStop(state, identities, m.at) : await deliveryStop(db, identities, m.at);
    if (stop) raise('sanctioned', 'block', `${stop.account === sender ? 'sender' : `linked account ${stop.account}`} is ${stop.level === 'mute' ? 'muted' : 'suspended'}${stop.until ? ` until ${stop.until}` : ''}`);
    if (m.recipient !== null) {
      const blocked = state ? (identities.find((a) => state.blocks.get(m.recipient!)?.has(a)) ?? null) : await blockedAmong(db, m.recipient, identities);
      if (blocked) raise('blocked_contact', 'block', blocked === sender ? 'the recipient blocked the sender' : `the recipient blocked ${blocked}, which the sender is linked to`);
    }
    if (earlier.length > 0) raise('ban_evasion', 'hold', `linked to earlier account ${earlier[0]}`);

    let raidJoin: string | null = null;
    if (m.channel !== null) {
      const sighting = this.#raids.observe({ messageId: m.messageId, sender, channel: m.channel, at: m.at, text: text(), newness: newness(ageMs, account.verified, policy) });
      if (sighting.detected) {
        const raidId = await recordRaid(db, sighting.detected, m.at + policy.shield.duration, m.at);
        this.#raids.markRaid(m.channel, sighting.detected.clusterId, raidId);
        this.#shields.delete(m.channel);
        sighting.raidId = raidId;
      }
      const shield = await this.#shield(m.channel);
      if (shieldUp(shield, m.at)) {
        const inCluster = sighting.raidId === shield.raidId;
        const why = inCluster ? 'matches_raid' : shieldHold(shield, { ageMs, verified: account.verified, signature: text().chars >= policy.raids.minChars ? text().signature : null }, policy);
        if (why) {
          raise('raid', 'hold', `channel shield up (raid ${shield.raidId}): ${why.replace('_', ' ')}`);
          if (why === 'matches_raid') raidJoin = shield.raidId;
        }
      }
    }
    const heldRaid = state ? (identities.map((a) => state.heldMembers.get(a)).find((r) => r !== undefined) ?? null) : await heldRaidOf(db, identities);
    if (heldRaid) raise('raid', 'hold', `member of raid ${heldRaid}, which a moderator put on hold-all`);

    return { result: { ...m.screened, verdict, labels }, reasons, raidJoin, accountWrite, accountCached };
  }

  /**
   * What follows from storing the message for the first time — raid membership, and a strike (with the sanction
   * it may impose) when screening blocked it — written in the message's own group-commit transaction
   * (`MessageWriter.write(message, onCreated)`), so it is durable when the message is acknowledged.
   * Undefined when there is nothing to write.
   */
  onStored(m: MessageInContext, a: Assessment): OnCreated | undefined {
    const strike = m.screened.verdict === 'block';
    const join = a.raidJoin !== null && !this.#state_?.members.has(`${a.raidJoin}\u0000${m.sender.id}`);
    if (!join && !strike && !a.accountWrite) return undefined;
    return async (trx) => {
      if (a.accountWrite) await a.accountWrite(trx);
      if (join && a.raidJoin) await addRaidMember(trx, a.raidJoin, m.sender.id, m.messageId, m.at);
      if (strike && (await this.#strikeIn(trx, { account: m.sender.id, labels: m.screened.labels, cause: 'blocked', messageId: m.messageId, recipient: m.recipient, channel: m.channel }, m.at))) this.#imposed.add(a);
    };
  }

  /** After the message (and `onStored`'s work) committed, first time only: brings the cache up to date. */
  async afterStored(m: MessageInContext, a: Assessment): Promise<void> {
    const state = await this.#cached();
    if (!state) return;
    if (a.accountCached) this.#cacheAccount(state, a.accountCached);
    if (a.raidJoin) {
      if (state.members.size >= MEMBER_CACHE_MAX) state.members.clear();
      state.members.add(`${a.raidJoin}\u0000${m.sender.id}`);
      if (state.heldRaids.has(a.raidJoin) && !state.heldMembers.has(m.sender.id)) state.heldMembers.set(m.sender.id, a.raidJoin);
    }
    if (m.screened.verdict === 'block') {
      if (m.recipient !== null) setTo(state.strikers, m.recipient, m.sender.id);
      // Only a strike that imposed a sanction changed the account's projection.
      if (this.#imposed.delete(a)) await this.#reloadStops(state, [m.sender.id]);
    }
  }

  /** After a strike for `account` committed: the strike pair, and the sanction the ladder may have imposed. */
  async #struck(state: CachedState, account: string, recipient: string | null): Promise<void> {
    if (recipient !== null) setTo(state.strikers, recipient, account);
    await this.#reloadStops(state, [account]);
  }

  /** A moderator confirmed a held message (`block`): the sender gets its strike, once per message. */
  async confirmHeld(message: { id: string; sender: string; recipient: string | null; channel: string | null; labels: readonly MessageLabel[] }, now = Date.now()): Promise<void> {
    await this.strike({ account: message.sender, labels: message.labels, cause: 'confirmed', messageId: message.id, recipient: message.recipient, channel: message.channel }, now);
  }

  /**
   * A moderator reversed a confirmed block (blocked → allowed): the strike the confirmation cost is taken back,
   * and a sanction the strike ladder imposed that the remaining strikes no longer reach is lifted (an event with
   * source `strikes` and actor `system`, so the other strikes keep counting). True when a strike was removed.
   */
  async reverseConfirmed(message: { id: string; sender: string }, reason: string, now = Date.now()): Promise<boolean> {
    const removed = await this.#db.transaction().execute(async (trx) => {
      if (!(await removeStrike(trx, message.id, 'confirmed'))) return false;
      const strikes = toStrikes(await strikesOf(trx, message.sender, now - this.policy.strikes.window));
      const events = toSanctionEvents(await sanctionEventsOf(trx, message.sender));
      const unearned = unearnedSanctions(strikes, events, now, this.policy).map((s) => ({ ...s, account: message.sender }));
      await liftSanctions(trx, unearned, { source: 'strikes', reason: `decision on ${message.id} reversed: ${reason}`, actor: 'system' }, now);
      return true;
    });
    if (removed) {
      const state = await this.#cached();
      if (state) await this.#reloadStops(state, [message.sender]);
    }
    return removed;
  }

  /** Adds a strike for a message (its most severe engine label) and imposes what the ladder says, in one transaction. */
  async strike(s: { account: string; labels: readonly MessageLabel[]; cause: 'blocked' | 'confirmed'; messageId: string; recipient: string | null; channel: string | null }, now: number): Promise<void> {
    const engineLabels = s.labels.filter((l): l is Label => (LABELS as readonly string[]).includes(l));
    const worth = strikeFor(engineLabels, this.policy);
    if (!worth) return;
    await this.#db.transaction().execute((trx) => this.#strikeIn(trx, s, now));
    const state = await this.#cached();
    if (state) await this.#struck(state, s.account, s.recipient);
  }

  /** Adds the strike and what the ladder imposes, in `trx`; true when a sanction was imposed. */
  async #strikeIn(trx: Transaction<Database>, s: { account: string; labels: readonly MessageLabel[]; cause: 'blocked' | 'confirmed'; messageId: string; recipient: string | null; channel: string | null }, now: number): Promise<boolean> {
    const engineLabels = s.labels.filter((l): l is Label => (LABELS as readonly string[]).includes(l));
    const worth = strikeFor(engineLabels, this.policy);
    if (!worth) return false;
    {
      const added = await addStrike(trx, { account: s.account, points: worth.points, label: worth.label, cause: s.cause, messageId: s.messageId, recipient: s.recipient, channel: s.channel }, now);
      if (!added) return false;
      const strikes = toStrikes(await strikesOf(trx, s.account, now - this.policy.strikes.window));
      const events = toSanctionEvents(await sanctionEventsOf(trx, s.account));
      const next = escalation(strikes, events, now, this.policy);
      if (next) {
        await appendSanctionEvent(
          trx,
          { account: s.account, type: 'impose', level: next.level, until: next.until, source: 'strikes', reason: `${next.total} strike points within ${Math.round(this.policy.strikes.window / 86_400_000)} days`, actor: 'system' },
          now,
        );
        return true;
      }
      return false;
    }
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

    const inheritedBlocks: string[] = [];
    const link = await db.transaction().execute(async (trx) => {
      // On the message path: the message's group commit syncs this before the message is acknowledged.
      commitLater(trx);
      inheritedBlocks.length = 0;
      const link = await insertLink(trx, { account: m.sender.id, linkedTo: best.account, score: best.score, reasons: best.reasons, messageId: m.messageId, recipient }, m.at);
      if (!link) return null;
      for (const blocker of await blockersOf(trx, best.account)) {
        if (await addBlock(trx, { blocker, blocked: m.sender.id, source: 'link', linkId: link.id }, m.at)) inheritedBlocks.push(blocker);
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
    const state = await this.#cached();
    if (link && state) {
      pushTo(state.links, link.account, link.linkedTo);
      for (const blocker of inheritedBlocks) addTo(state.blocks, blocker, link.account, m.at);
      await this.#reloadStops(state, [link.account]);
    }
    return link;
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
    const state = await this.#cached();
    const created = await addBlock(this.#db, { blocker, blocked, source: 'user' }, now);
    if (created && state) addTo(state.blocks, blocker, blocked, now);
    return created;
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
    const state = await this.#cached();
    try {
      return await this.#lift(account, by, now);
    } finally {
      if (state) await this.#reloadStops(state, [account]);
    }
  }

  async #lift(account: string, by: { actor: string; reason: string; sanctionId?: string }, now: number): Promise<number> {
    return this.#db.transaction().execute(async (trx) => {
      const active = activeSanctions(toSanctionEvents(await sanctionEventsOf(trx, account)), now).filter((s) => by.sanctionId === undefined || s.sanctionId === by.sanctionId);
      if (active.length === 0) {
        throw new ActorTransitionError('already_in_state', by.sanctionId ? `sanction ${by.sanctionId} is not active on ${account}` : `${account} has no active sanction`, by.sanctionId ? 'sanctionId' : 'id');
      }
      await liftSanctions(trx, active.map((s) => ({ ...s, account })), { source: 'moderator', reason: by.reason, actor: by.actor }, now);
      return active.length;
    });
  }

  /**
   * A moderator confirms or rejects an evasion link, recorded in `link_decisions` (append-only) in one
   * transaction with what it implies. A rejection makes the link count nowhere: the blocks it made the new
   * account inherit are removed, the sanctions imposed through it (`ref` = the link) are lifted (a `lift` event,
   * source `link`, with the moderator's key and reason), and lookups stop following it. A confirmation after a
   * rejection only makes lookups follow the link again (the new account is treated as the earlier one from its
   * next message; removed blocks and lifted sanctions are not re-created). Undefined when there is no such link;
   * throws `ActorTransitionError` (already_in_state) when the link is already in that state.
   */
  async decideLink(linkId: string, decision: LinkDecision, by: { actor: string; reason: string }, now = Date.now()): Promise<AccountLink | undefined> {
    const state = await this.#cached();
    const done = await this.#db.transaction().execute(async (trx) => {
      const decided = await appendLinkDecision(trx, { linkId, decision, reason: by.reason, decidedBy: by.actor }, now);
      if (!decided) return undefined;
      let unblocked: Array<{ blocker: string; blocked: string }> = [];
      if (decided.after.status === 'rejected') {
        unblocked = await removeInheritedBlocks(trx, linkId);
        await liftSanctions(trx, await activeSanctionsByRef(trx, linkId, now), { source: 'link', ref: linkId, reason: `evasion link ${linkId} rejected: ${by.reason}`, actor: by.actor }, now);
      }
      return { ...decided, unblocked };
    });
    if (!done) return undefined;
    if (state) {
      const { account, linkedTo } = done.after;
      if (done.after.status === 'rejected') {
        removeFrom(state.links, account, linkedTo);
        for (const b of done.unblocked) state.blocks.get(b.blocker)?.delete(b.blocked);
      } else if (done.before.status === 'rejected') {
        pushTo(state.links, account, linkedTo);
      }
      await this.#reloadStops(state, [account]);
    }
    return done.after;
  }

  /** Acts on every account of a raid at once. Undefined when there is no such raid. */
  async raidAction(raidId: string, action: RaidAction, by: { actor: string; reason: string }, now = Date.now()) {
    const db = this.#db;
    const state = await this.#cached();
    const done = await db
      .transaction()
      .execute(async (trx) => {
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
        await liftSanctions(trx, await activeSanctionsByRef(trx, raidId, now), { source: 'raid', ref: raidId, reason: `raid ${raidId} dismissed: ${by.reason}`, actor: by.actor }, now);
      }
      this.#shields.delete(raid.channel);
      return true;
    })
      .finally(async () => {
        if (state) {
          await this.#reloadStops(state);
          await this.#reloadHeld(state);
        }
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

function addTo(map: Map<string, Map<string, number>>, key: string, inner: string, at: number): void {
  let m = map.get(key);
  if (!m) map.set(key, (m = new Map()));
  if (!m.has(inner)) m.set(inner, at);
}

function setTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function removeFrom(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key)?.filter((v) => v !== value);
  if (!list || list.length === 0) map.delete(key);
  else map.set(key, list);
}

/** `linkedIdentities` from the cache: the earlier accounts `account` is treated as, at most `depth` steps. */
function cachedLinks(state: CachedState, account: string, depth = 4): string[] {
  const out: string[] = [];
  let frontier = [account];
  const seen = new Set(frontier);
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const a of frontier) for (const to of state.links.get(a) ?? []) if (!seen.has(to)) next.push(to);
    frontier = [...new Set(next)];
    for (const a of frontier) {
      seen.add(a);
      out.push(a);
    }
  }
  return out;
}

/** `deliveryStop` from the cache: the most severe mute or suspension in force at `now` on any of `accounts`. */
function cachedStop(state: CachedState, accounts: readonly string[], now: number): { account: string; level: SanctionLevel; sanctionId: string; until: string | null } | null {
  const at = new Date(now).toISOString();
  let best: { account: string; level: SanctionLevel; sanctionId: string; until: string | null } | null = null;
  for (const account of accounts) {
    const s = state.stops.get(account);
    if (!s || (s.until !== null && s.until <= at)) continue;
    if (!best || (s.level === 'suspend' && best.level !== 'suspend')) best = { account, ...s };
  }
  return best;
}

/**
 * Whether evasion scoring can find a candidate for a message to `recipient`: someone it blocked, or a muted or
 * suspended account with strikes for messages to it (other than the sender). When not, scoring is skipped.
 */
function evasionMayApply(state: CachedState, recipient: string, sender: string): boolean {
  for (const blocked of state.blocks.get(recipient)?.keys() ?? []) if (blocked !== sender) return true;
  for (const striker of state.strikers.get(recipient) ?? []) if (striker !== sender && state.stops.has(striker)) return true;
  return false;
}
