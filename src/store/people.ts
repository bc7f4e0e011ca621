/**
 * Queries for people, not only messages: accounts and fingerprints, blocks, strikes, sanctions (events + the
 * derived `account_sanctions` row) and evasion links with moderators' decisions on them. Raids and shields are
 * in ./raids.ts. The rules (what a strike is worth, when a sanction applies, how a link scores) are in
 * src/actors; this file only reads and writes.
 */
import type { Kysely, Transaction } from 'kysely';
import { FINGERPRINT_PARTS, type Fingerprint, type FingerprintPart, type LinkReason } from '../actors/evasion.ts';
import type { SanctionLevel } from '../actors/policy.ts';
import { ActorTransitionError } from '../actors/raid-status.ts';
import { currentSanction, type SanctionEvent, type SanctionSource, type Strike } from '../actors/sanctions.ts';
import type { Label } from '../types.ts';
import { newId } from './ids.ts';
import type { AccountRow, BlockSource, Database, LinkDecision, LinkDecisionRow, LinkStatus, SanctionEventRow, StrikeCause } from './schema/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

const iso = (ms: number): string => new Date(ms).toISOString();
const ms = (text: string): number => Date.parse(text);

// ---- accounts ----

/** What the platform says about a sender in one message. */
export interface SenderFacts {
  id: string;
  /** ISO time. */
  createdAt?: string;
  verified?: boolean;
  fingerprint?: Fingerprint;
}

export interface Account {
  id: string;
  /** The platform's creation time (ms), or null. */
  createdAt: number | null;
  verified: boolean | null;
  firstSeenAt: number;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    createdAt: row.created_at === null ? null : ms(row.created_at),
    verified: row.verified === null ? null : row.verified === 1,
    firstSeenAt: ms(row.first_seen_at),
  };
}

export async function getAccount(db: Db, id: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : undefined;
}

/**
 * What recording the sender's facts would change: the account as it will read once written, and the write
 * (null when the message says nothing new). The message path runs the write inside the message's own
 * group-commit transaction (src/server/people.ts, `onStored`), so a burst of new senders costs no transaction
 * of its own each, and a duplicate message, which stores nothing, records nothing either.
 */
export interface AccountUpdate {
  account: Account;
  write: ((trx: Transaction<Database>) => Promise<void>) | null;
}

/** Reads the sender's account and works out what this message's facts change (nothing is written). */
export async function planAccount(db: Db, facts: SenderFacts, now: number): Promise<AccountUpdate> {
  const existing = await getAccount(db, facts.id);
  const createdAt = facts.createdAt !== undefined ? new Date(facts.createdAt).toISOString() : undefined;
  const verified = facts.verified === undefined ? undefined : facts.verified ? 1 : 0;
  const newParts = FINGERPRINT_PARTS.filter((p) => facts.fingerprint?.[p] !== undefined);
  let knownParts = new Set<string>();
  if (existing && newParts.length > 0) {
    const rows = await db.selectFrom('account_fingerprints').select(['part', 'value']).where('account', '=', facts.id).execute();
    knownParts = new Set(rows.map((r) => `${r.part}\u0000${r.value}`));
  }
  const missingParts = newParts.filter((p) => !knownParts.has(`${p}\u0000${facts.fingerprint![p]}`));
  const changed =
    !existing ||
    (createdAt !== undefined && existing.createdAt !== ms(createdAt)) ||
    (verified !== undefined && (existing.verified === null ? null : existing.verified ? 1 : 0) !== verified);
  if (!changed && missingParts.length === 0) return { account: existing!, write: null };
  // the account as the upsert below leaves it (the same fields toAccount reads back)
  const account: Account = {
    id: facts.id,
    createdAt: createdAt !== undefined ? ms(createdAt) : (existing?.createdAt ?? null),
    verified: verified !== undefined ? verified === 1 : (existing?.verified ?? null),
    firstSeenAt: existing?.firstSeenAt ?? ms(iso(now)),
  };
  const write = async (trx: Transaction<Database>): Promise<void> => {
    if (changed) {
      await trx
        .insertInto('accounts')
        .values({ id: facts.id, created_at: createdAt ?? null, verified: verified ?? null, first_seen_at: iso(now), updated_at: iso(now) })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            ...(createdAt !== undefined ? { created_at: createdAt } : {}),
            ...(verified !== undefined ? { verified } : {}),
            updated_at: iso(now),
          }),
        )
        .execute();
    }
    if (missingParts.length > 0) {
      await trx
        .insertInto('account_fingerprints')
        .values(missingParts.map((part) => ({ account: facts.id, part, value: facts.fingerprint![part]!, first_seen_at: iso(now) })))
        .onConflict((oc) => oc.columns(['account', 'part', 'value']).doNothing())
        .execute();
    }
  };
  return { account, write };
}

/** Every fingerprint value seen for each account, per part. */
export async function fingerprintsOf(db: Db, accounts: readonly string[]): Promise<Map<string, Partial<Record<FingerprintPart, Set<string>>>>> {
  const out = new Map<string, Partial<Record<FingerprintPart, Set<string>>>>();
  if (accounts.length === 0) return out;
  const rows = await db.selectFrom('account_fingerprints').select(['account', 'part', 'value']).where('account', 'in', accounts).execute();
  for (const r of rows) {
    const entry = out.get(r.account) ?? {};
    (entry[r.part] ??= new Set()).add(r.value);
    out.set(r.account, entry);
  }
  return out;
}

// ---- blocks ----

export interface Block {
  blocker: string;
  blocked: string;
  source: BlockSource;
  linkId: string | null;
  createdAt: string;
}

/** Records a block; false when the pair was already blocked. */
export async function addBlock(db: Db, block: { blocker: string; blocked: string; source: BlockSource; linkId?: string | null }, now: number): Promise<boolean> {
  const rows = await db
    .insertInto('blocks')
    .values({ blocker: block.blocker, blocked: block.blocked, source: block.source, link_id: block.linkId ?? null, created_at: iso(now) })
    .onConflict((oc) => oc.columns(['blocker', 'blocked']).doNothing())
    .returning('blocker')
    .execute();
  return rows.length > 0;
}

/** The first of `accounts` that `blocker` blocked, or null. */
export async function blockedAmong(db: Db, blocker: string, accounts: readonly string[]): Promise<string | null> {
  const row = await db.selectFrom('blocks').select('blocked').where('blocker', '=', blocker).where('blocked', 'in', accounts).limit(1).executeTakeFirst();
  return row?.blocked ?? null;
}

export async function blocksOf(db: Db, account: string): Promise<{ blocking: Block[]; blockedBy: Block[] }> {
  const rows = await db
    .selectFrom('blocks')
    .selectAll()
    .where((eb) => eb.or([eb('blocker', '=', account), eb('blocked', '=', account)]))
    .orderBy('created_at')
    .limit(1000)
    .execute();
  const toBlock = (r: (typeof rows)[number]): Block => ({ blocker: r.blocker, blocked: r.blocked, source: r.source, linkId: r.link_id, createdAt: r.created_at });
  return { blocking: rows.filter((r) => r.blocker === account).map(toBlock), blockedBy: rows.filter((r) => r.blocked === account).map(toBlock) };
}

// ---- strikes ----

export interface StrikeRecord {
  id: string;
  points: number;
  label: Label;
  cause: StrikeCause;
  messageId: string;
  recipient: string | null;
  channel: string | null;
  createdAt: string;
}

/** Appends a strike; false when the message already carried one (a message counts once). */
export async function addStrike(
  db: Db,
  s: { account: string; points: number; label: Label; cause: StrikeCause; messageId: string; recipient: string | null; channel: string | null },
  now: number,
): Promise<boolean> {
  const rows = await db
    .insertInto('strikes')
    .values({ id: newId('str', now), account: s.account, points: s.points, label: s.label, cause: s.cause, message_id: s.messageId, recipient: s.recipient, channel: s.channel, created_at: iso(now) })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Takes back the strike a message earned by `cause` (a reversed decision); false when it had none. */
export async function removeStrike(db: Db, messageId: string, cause: StrikeCause): Promise<boolean> {
  const r = await db.deleteFrom('strikes').where('message_id', '=', messageId).where('cause', '=', cause).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function strikesOf(db: Db, account: string, since?: number): Promise<StrikeRecord[]> {
  let q = db.selectFrom('strikes').selectAll().where('account', '=', account);
  if (since !== undefined) q = q.where('created_at', '>', iso(since));
  const rows = await q.orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, points: r.points, label: r.label, cause: r.cause, messageId: r.message_id, recipient: r.recipient, channel: r.channel, createdAt: r.created_at }));
}

export function toStrikes(records: readonly StrikeRecord[]): Strike[] {
  return records.map((r) => ({ points: r.points, at: ms(r.createdAt) }));
}

// ---- sanctions ----

export interface SanctionEventRecord {
  id: string;
  type: 'impose' | 'lift';
  sanctionId: string;
  level: SanctionLevel;
  until: string | null;
  source: SanctionSource;
  ref: string | null;
  reason: string;
  actor: string;
  createdAt: string;
}

function toEventRecord(r: SanctionEventRow): SanctionEventRecord {
  return { id: r.id, type: r.type, sanctionId: r.sanction_id, level: r.level, until: r.until, source: r.source, ref: r.ref, reason: r.reason, actor: r.actor, createdAt: r.created_at };
}

export function toSanctionEvents(records: readonly SanctionEventRecord[]): SanctionEvent[] {
  return records.map((r) => ({ id: r.id, type: r.type, sanctionId: r.sanctionId, level: r.level, until: r.until === null ? null : ms(r.until), at: ms(r.createdAt), source: r.source }));
}

export async function sanctionEventsOf(db: Db, account: string): Promise<SanctionEventRecord[]> {
  const rows = await db.selectFrom('sanction_events').selectAll().where('account', '=', account).orderBy('id').execute();
  return rows.map(toEventRecord);
}

/**
 * Appends a sanction event and re-derives the account's `account_sanctions` row from all its events
 * (`currentSanction`). Call inside a transaction so the event and the projection commit together.
 */
export async function appendSanctionEvent(
  trx: Transaction<Database>,
  e: { account: string; type: 'impose' | 'lift'; sanctionId?: string; level: SanctionLevel; until: number | null; source: SanctionSource; ref?: string | null; reason: string; actor: string },
  now: number,
): Promise<SanctionEventRecord> {
  const id = newId('sev', now);
  const row = {
    id,
    account: e.account,
    type: e.type,
    sanction_id: e.sanctionId ?? id,
    level: e.level,
    until: e.until === null ? null : iso(e.until),
    source: e.source,
    ref: e.ref ?? null,
    reason: e.reason,
    actor: e.actor,
    created_at: iso(now),
  };
  await trx.insertInto('sanction_events').values(row).execute();
  const events = toSanctionEvents(await sanctionEventsOf(trx, e.account));
  const current = currentSanction(events, now);
  const projection = {
    level: current?.level ?? null,
    sanction_id: current?.sanctionId ?? null,
    until: current?.until == null ? null : iso(current.until),
    event_id: id,
    updated_at: iso(now),
  };
  await trx
    .insertInto('account_sanctions')
    .values({ account: e.account, ...projection })
    .onConflict((oc) => oc.column('account').doUpdateSet(projection))
    .execute();
  return toEventRecord(row);
}

/** Lifts each of `sanctions` (one `lift` event apiece, each account's projection kept current) for one reason. */
export async function liftSanctions(
  trx: Transaction<Database>,
  sanctions: ReadonlyArray<{ account: string; sanctionId: string; level: SanctionLevel }>,
  why: { source: SanctionSource; ref?: string; reason: string; actor: string },
  now: number,
): Promise<void> {
  for (const s of sanctions) {
    await appendSanctionEvent(trx, { account: s.account, type: 'lift', sanctionId: s.sanctionId, level: s.level, until: null, ...why }, now);
  }
}

/** The most severe mute or suspension in force at `now` on any of `accounts`, or null. */
export async function deliveryStop(db: Db, accounts: readonly string[], now: number): Promise<{ account: string; level: SanctionLevel; sanctionId: string; until: string | null } | null> {
  const rows = await db
    .selectFrom('account_sanctions')
    .select(['account', 'level', 'sanction_id', 'until'])
    .where('account', 'in', accounts)
    .where('level', 'in', ['mute', 'suspend'])
    .execute();
  const live = rows.filter((r) => r.until === null || r.until > iso(now));
  live.sort((a, b) => (a.level === 'suspend' ? -1 : 0) - (b.level === 'suspend' ? -1 : 0));
  const r = live[0];
  return r && r.level && r.sanction_id ? { account: r.account, level: r.level, sanctionId: r.sanction_id, until: r.until } : null;
}

/** Accounts with a mute or suspension on record that have strikes for messages to `recipient` (most recent first). */
export async function sanctionedHarassersOf(db: Db, recipient: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('strikes')
    .innerJoin('account_sanctions', 'account_sanctions.account', 'strikes.account')
    .select('strikes.account')
    .where('strikes.recipient', '=', recipient)
    .where('account_sanctions.level', 'in', ['mute', 'suspend'])
    .groupBy('strikes.account')
    .orderBy((eb) => eb.fn.max('strikes.created_at'), 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.account);
}

/** When each account was first sanctioned (ms), for the timing evidence of a link. */
export async function firstSanctionAt(db: Db, accounts: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (accounts.length === 0) return out;
  const rows = await db
    .selectFrom('sanction_events')
    .select(['account', (eb) => eb.fn.min('created_at').as('at')])
    .where('account', 'in', accounts)
    .where('type', '=', 'impose')
    .where('level', 'in', ['mute', 'suspend'])
    .groupBy('account')
    .execute();
  for (const r of rows) if (r.at) out.set(r.account, ms(String(r.at)));
  return out;
}

// ---- links ----

/** The latest moderator decision on a link. */
export interface LinkDecisionRecord {
  id: string;
  decision: LinkDecision;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  previousStatus: LinkStatus;
}

export interface AccountLink {
  id: string;
  account: string;
  linkedTo: string;
  score: number;
  reasons: LinkReason[];
  messageId: string;
  recipient: string | null;
  createdAt: string;
  /** From the latest decision: `pending` until a moderator decides; a `rejected` link counts nowhere. */
  status: LinkStatus;
  decision: LinkDecisionRecord | null;
}

type LinkRow = { id: string; account: string; linked_to: string; score: number; reasons: string; message_id: string; recipient: string | null; created_at: string };

function toLink(r: LinkRow, latest: LinkDecisionRow | undefined): AccountLink {
  return {
    id: r.id,
    account: r.account,
    linkedTo: r.linked_to,
    score: Number(r.score),
    reasons: JSON.parse(r.reasons) as LinkReason[],
    messageId: r.message_id,
    recipient: r.recipient,
    createdAt: r.created_at,
    status: linkStatusAfter(latest?.decision),
    decision: latest ? { id: latest.id, decision: latest.decision, reason: latest.reason, decidedBy: latest.decided_by, decidedAt: latest.decided_at, previousStatus: latest.previous_status } : null,
  };
}

const DECIDED: Record<LinkDecision, LinkStatus> = { confirm: 'confirmed', reject: 'rejected' };

/** A link's status after its latest decision (none: `pending`). */
export function linkStatusAfter(latest: LinkDecision | undefined): LinkStatus {
  return latest === undefined ? 'pending' : DECIDED[latest];
}

/**
 * The transition a decision makes: pending → confirmed | rejected, confirmed ⇄ rejected. Repeating the
 * current status throws `ActorTransitionError` (already_in_state).
 */
export function nextLinkStatus(from: LinkStatus, decision: LinkDecision): LinkStatus {
  const to = DECIDED[decision];
  if (to === from) throw new ActorTransitionError('already_in_state', `the link is already ${from}`, 'decision');
  return to;
}

/** The latest decision on each of `linkIds` (links without one are absent). */
async function latestDecisions(db: Db, linkIds: readonly string[]): Promise<Map<string, LinkDecisionRow>> {
  const out = new Map<string, LinkDecisionRow>();
  if (linkIds.length === 0) return out;
  const rows = await db.selectFrom('link_decisions').selectAll().where('link_id', 'in', [...new Set(linkIds)]).execute();
  for (const r of rows) {
    const seen = out.get(r.link_id);
    if (!seen || Number(r.seq) > Number(seen.seq)) out.set(r.link_id, r);
  }
  return out;
}

async function withDecisions(db: Db, rows: readonly LinkRow[]): Promise<AccountLink[]> {
  const latest = await latestDecisions(db, rows.map((r) => r.id));
  return rows.map((r) => toLink(r, latest.get(r.id)));
}

/** The ids among `linkIds` whose latest decision is a rejection. */
async function rejectedAmong(db: Db, linkIds: readonly string[]): Promise<Set<string>> {
  const latest = await latestDecisions(db, linkIds);
  return new Set([...latest.values()].filter((d) => d.decision === 'reject').map((d) => d.link_id));
}

/**
 * The earlier accounts `account` is treated as (following links transitively, at most `depth` steps). Rejected
 * links are not followed.
 */
export async function linkedIdentities(db: Db, account: string, depth = 4): Promise<string[]> {
  const out: string[] = [];
  let frontier = [account];
  const seen = new Set(frontier);
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const rows = await db.selectFrom('account_links').select(['id', 'linked_to']).where('account', 'in', frontier).execute();
    const rejected = rows.length > 0 ? await rejectedAmong(db, rows.map((r) => r.id)) : new Set<string>();
    frontier = [...new Set(rows.filter((r) => !rejected.has(r.id)).map((r) => r.linked_to))].filter((a) => !seen.has(a));
    for (const a of frontier) {
      seen.add(a);
      out.push(a);
    }
  }
  return out;
}

/** Every link that counts (not rejected), oldest first: what the message path's cache loads. */
export async function countingLinks(db: Db): Promise<Array<{ account: string; linkedTo: string }>> {
  const rows = await db.selectFrom('account_links').select(['id', 'account', 'linked_to']).orderBy('id').execute();
  const rejected = await rejectedAmong(db, rows.map((r) => r.id));
  return rows.filter((r) => !rejected.has(r.id)).map((r) => ({ account: r.account, linkedTo: r.linked_to }));
}

export async function insertLink(
  trx: Transaction<Database>,
  l: { account: string; linkedTo: string; score: number; reasons: LinkReason[]; messageId: string; recipient: string | null },
  now: number,
): Promise<AccountLink | null> {
  const row = { id: newId('lnk', now), account: l.account, linked_to: l.linkedTo, score: l.score, reasons: JSON.stringify(l.reasons), message_id: l.messageId, recipient: l.recipient, created_at: iso(now) };
  const inserted = await trx
    .insertInto('account_links')
    .values(row)
    .onConflict((oc) => oc.columns(['account', 'linked_to']).doNothing())
    .returning('id')
    .execute();
  return inserted.length > 0 ? toLink(row, undefined) : null;
}

export async function getLink(db: Db, id: string): Promise<AccountLink | undefined> {
  const row = await db.selectFrom('account_links').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withDecisions(db, [row]))[0] : undefined;
}

/**
 * Appends a moderator's decision on a link (`link_decisions`) and returns the link as it was before and after;
 * undefined when there is no such link. Throws `ActorTransitionError` (already_in_state) on a repeat. Call
 * inside the transaction that applies what the decision implies.
 */
export async function appendLinkDecision(
  trx: Transaction<Database>,
  d: { linkId: string; decision: LinkDecision; reason: string; decidedBy: string },
  now: number,
): Promise<{ before: AccountLink; after: AccountLink } | undefined> {
  const before = await getLink(trx, d.linkId);
  if (!before) return undefined;
  const status = nextLinkStatus(before.status, d.decision);
  const count = await trx.selectFrom('link_decisions').select((eb) => eb.fn.countAll().as('n')).where('link_id', '=', d.linkId).executeTakeFirstOrThrow();
  const row = {
    id: newId('lkd', now),
    link_id: d.linkId,
    // (link_id, seq) is unique: a concurrent decision on the same link fails here instead of both applying.
    seq: Number(count.n) + 1,
    decision: d.decision,
    reason: d.reason,
    decided_by: d.decidedBy,
    decided_at: iso(now),
    previous_status: before.status,
  };
  await trx.insertInto('link_decisions').values(row).execute();
  return {
    before,
    after: { ...before, status, decision: { id: row.id, decision: row.decision, reason: row.reason, decidedBy: row.decided_by, decidedAt: row.decided_at, previousStatus: row.previous_status } },
  };
}

/** Removes the blocks a link made its account inherit (`blocks.source = link`); the removed pairs. */
export async function removeInheritedBlocks(db: Db, linkId: string): Promise<Array<{ blocker: string; blocked: string }>> {
  return db.deleteFrom('blocks').where('link_id', '=', linkId).where('source', '=', 'link').returning(['blocker', 'blocked']).execute();
}

export async function linksOf(db: Db, account: string): Promise<AccountLink[]> {
  const rows = await db
    .selectFrom('account_links')
    .selectAll()
    .where((eb) => eb.or([eb('account', '=', account), eb('linked_to', '=', account)]))
    .orderBy('id')
    .execute();
  return withDecisions(db, rows);
}

export async function listLinks(db: Db, q: { account?: string; cursor?: string; limit: number }): Promise<{ links: AccountLink[]; nextCursor: string | null }> {
  let query = db.selectFrom('account_links').selectAll();
  if (q.account !== undefined) {
    const account = q.account;
    query = query.where((eb) => eb.or([eb('account', '=', account), eb('linked_to', '=', account)]));
  }
  if (q.cursor !== undefined) query = query.where('id', '<', q.cursor);
  const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return { links: await withDecisions(db, page), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
}

/** Blocks of `from` that `to` should inherit (`blocked = from`). */
export async function blockersOf(db: Db, blocked: string): Promise<string[]> {
  const rows = await db.selectFrom('blocks').select('blocker').where('blocked', '=', blocked).execute();
  return rows.map((r) => r.blocker);
}

/** Accounts `blocker` blocked, most recent first, with when. */
export async function blockedBy(db: Db, blocker: string, limit: number): Promise<Array<{ account: string; at: number }>> {
  const rows = await db.selectFrom('blocks').select(['blocked', 'created_at']).where('blocker', '=', blocker).orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({ account: r.blocked, at: ms(r.created_at) }));
}

/** Recent messages from `sender` to `recipient` (text and channel), newest first. */
export async function messagesBetween(db: Db, sender: string, recipient: string, limit: number): Promise<Array<{ text: string; channel: string | null }>> {
  return db
    .selectFrom('messages')
    .select(['text', 'channel'])
    .where('sender', '=', sender)
    .where('recipient', '=', recipient)
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
}

/** Sanctions imposed because of `ref` (a raid or link id) that are still active at `now`. */
export async function activeSanctionsByRef(db: Db, ref: string, now: number): Promise<Array<{ account: string; sanctionId: string; level: SanctionLevel }>> {
  const imposed = await db.selectFrom('sanction_events').selectAll().where('ref', '=', ref).where('type', '=', 'impose').execute();
  if (imposed.length === 0) return [];
  const lifted = await db
    .selectFrom('sanction_events')
    .select('sanction_id')
    .where('type', '=', 'lift')
    .where('sanction_id', 'in', imposed.map((e) => e.id))
    .execute();
  const gone = new Set(lifted.map((l) => l.sanction_id));
  return imposed
    .filter((e) => !gone.has(e.id) && (e.until === null || e.until > iso(now)))
    .map((e) => ({ account: e.account, sanctionId: e.id, level: e.level }));
}
