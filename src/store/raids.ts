/**
 * Raids and channel shields as stored: a raid row (status derived from `raid_events` by `nextRaidStatus`),
 * its members, and each channel's shield (derived from `shield_events`). Detection itself is in
 * src/actors/raids.ts; this file only reads and writes.
 */
import type { Kysely, Transaction } from 'kysely';
import { signatureFromJson, signatureToJson, type Signature } from '../actors/minhash.ts';
import type { RaidSignal } from '../actors/raids.ts';
import type { RaidStatus } from '../actors/raid-status.ts';
import type { Shield } from '../actors/shield.ts';
import { commitLater } from './durability.ts';
import { newId } from './ids.ts';
import type { Database, RaidEventType, RaidRow, ShieldRow } from './schema/index.ts';

type Db = Kysely<Database> | Transaction<Database>;
const iso = (ms: number): string => new Date(ms).toISOString();

export interface Raid {
  id: string;
  channel: string;
  status: RaidStatus;
  detectedAt: string;
  newShare: number;
  sample: string;
  memberCount: number;
  shield: { up: boolean; until: string; liftedAt: string | null } | null;
  updatedAt: string;
}

export interface RaidEvent {
  id: string;
  type: RaidEventType;
  previousStatus: RaidStatus | null;
  status: RaidStatus;
  reason: string;
  actor: string;
  createdAt: string;
}

/**
 * Records a detected raid, its first members, the `detected` event, and raises the channel's shield — in one
 * transaction. Returns the raid id.
 *
 * Called on the message path, before the group commit of the message that completed the raid: the fsync is left
 * to that batch (`commitLater`, ./durability.ts), which is synced before the message is acknowledged.
 */
export async function recordRaid(db: Kysely<Database>, signal: RaidSignal, shieldUntil: number, now: number): Promise<string> {
  const raidId = newId('raid', now);
  await db.transaction().execute(async (trx) => {
    commitLater(trx);
    await trx
      .insertInto('raids')
      .values({
        id: raidId,
        channel: signal.channel,
        status: 'detected',
        detected_at: iso(now),
        new_share: signal.newShare,
        sample: signal.sample,
        representatives: JSON.stringify(signal.representatives.map(signatureToJson)),
        updated_at: iso(now),
      })
      .execute();
    await trx
      .insertInto('raid_events')
      .values({ id: newId('rev', now), raid_id: raidId, type: 'detected', previous_status: null, status: 'detected', reason: `${signal.members.length} accounts posting near-duplicates`, actor: 'system', created_at: iso(now) })
      .execute();
    const members = signal.members.map((m) => ({ raid_id: raidId, account: m.account, message_id: m.messageId, joined_at: iso(now) }));
    for (let i = 0; i < members.length; i += 500) {
      await trx.insertInto('raid_members').values(members.slice(i, i + 500)).onConflict((oc) => oc.columns(['raid_id', 'account']).doNothing()).execute();
    }
    await raiseShield(trx, { channel: signal.channel, raidId, until: shieldUntil, reason: 'raid detected' }, now);
  });
  return raidId;
}

async function raiseShield(trx: Transaction<Database>, s: { channel: string; raidId: string; until: number; reason: string }, now: number): Promise<void> {
  const eventId = newId('shv', now);
  await trx
    .insertInto('shield_events')
    .values({ id: eventId, channel: s.channel, type: 'raise', raid_id: s.raidId, until: iso(s.until), reason: s.reason, actor: 'system', created_at: iso(now) })
    .execute();
  const projection = { raid_id: s.raidId, raised_at: iso(now), until: iso(s.until), lifted_at: null, event_id: eventId, updated_at: iso(now) };
  await trx
    .insertInto('shields')
    .values({ channel: s.channel, ...projection })
    .onConflict((oc) => oc.column('channel').doUpdateSet(projection))
    .execute();
}

/** Lifts the channel's shield (a `lift` event and the projection). False when no shield was up at `now`. */
export async function liftShield(trx: Transaction<Database>, channel: string, by: { actor: string; reason: string }, now: number): Promise<boolean> {
  const row = await trx.selectFrom('shields').selectAll().where('channel', '=', channel).executeTakeFirst();
  if (!row || row.lifted_at !== null || row.until <= iso(now)) return false;
  const eventId = newId('shv', now);
  await trx
    .insertInto('shield_events')
    .values({ id: eventId, channel, type: 'lift', raid_id: row.raid_id, until: null, reason: by.reason, actor: by.actor, created_at: iso(now) })
    .execute();
  await trx.updateTable('shields').set({ lifted_at: iso(now), event_id: eventId, updated_at: iso(now) }).where('channel', '=', channel).execute();
  return true;
}

/** The channel's shield with its raid's representatives, or null when it never had one. */
export async function getShield(db: Db, channel: string): Promise<Shield | null> {
  const row = await db
    .selectFrom('shields')
    .innerJoin('raids', 'raids.id', 'shields.raid_id')
    .selectAll('shields')
    .select('raids.representatives')
    .where('shields.channel', '=', channel)
    .executeTakeFirst();
  if (!row) return null;
  return toShield(row, row.representatives);
}

function toShield(row: ShieldRow, representatives: string): Shield {
  const reps = (JSON.parse(representatives) as unknown[]).map(signatureFromJson).filter((s): s is Signature => s !== null);
  return {
    channel: row.channel,
    raidId: row.raid_id,
    raisedAt: Date.parse(row.raised_at),
    until: Date.parse(row.until),
    liftedAt: row.lifted_at === null ? null : Date.parse(row.lifted_at),
    representatives: reps,
  };
}

export async function listShields(db: Db, now: number): Promise<Array<{ channel: string; raidId: string; raisedAt: string; until: string; up: boolean; liftedAt: string | null }>> {
  const rows = await db.selectFrom('shields').selectAll().orderBy('raised_at', 'desc').limit(500).execute();
  return rows.map((r) => ({ channel: r.channel, raidId: r.raid_id, raisedAt: r.raised_at, until: r.until, liftedAt: r.lifted_at, up: r.lifted_at === null && r.until > iso(now) }));
}

/** Adds an account to a raid's members (once). */
export async function addRaidMember(db: Db, raidId: string, account: string, messageId: string, now: number): Promise<void> {
  await db
    .insertInto('raid_members')
    .values({ raid_id: raidId, account, message_id: messageId, joined_at: iso(now) })
    .onConflict((oc) => oc.columns(['raid_id', 'account']).doNothing())
    .execute();
}

export async function raidMembers(db: Db, raidId: string): Promise<Array<{ account: string; messageId: string; joinedAt: string }>> {
  const rows = await db.selectFrom('raid_members').selectAll().where('raid_id', '=', raidId).orderBy('joined_at').orderBy('account').execute();
  return rows.map((r) => ({ account: r.account, messageId: r.message_id, joinedAt: r.joined_at }));
}

/** A raid in `held` state that one of `accounts` belongs to, or null. */
export async function heldRaidOf(db: Db, accounts: readonly string[]): Promise<string | null> {
  const row = await db
    .selectFrom('raid_members')
    .innerJoin('raids', 'raids.id', 'raid_members.raid_id')
    .select('raids.id')
    .where('raid_members.account', 'in', accounts)
    .where('raids.status', '=', 'held')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

async function toRaids(db: Db, rows: RaidRow[], now: number): Promise<Raid[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .selectFrom('raid_members')
    .select(['raid_id', (eb) => eb.fn.countAll().as('n')])
    .where('raid_id', 'in', ids)
    .groupBy('raid_id')
    .execute();
  const countOf = new Map(counts.map((c) => [c.raid_id, Number(c.n)]));
  const shields = await db.selectFrom('shields').selectAll().where('raid_id', 'in', ids).execute();
  const shieldOf = new Map(shields.map((s) => [s.raid_id, s]));
  return rows.map((r) => {
    const s = shieldOf.get(r.id);
    return {
      id: r.id,
      channel: r.channel,
      status: r.status,
      detectedAt: r.detected_at,
      newShare: Number(r.new_share),
      sample: r.sample,
      memberCount: countOf.get(r.id) ?? 0,
      shield: s ? { up: s.lifted_at === null && s.until > iso(now), until: s.until, liftedAt: s.lifted_at } : null,
      updatedAt: r.updated_at,
    };
  });
}

export async function listRaids(db: Db, q: { status?: RaidStatus; channel?: string; cursor?: string; limit: number }, now: number): Promise<{ raids: Raid[]; nextCursor: string | null }> {
  let query = db.selectFrom('raids').selectAll();
  if (q.status !== undefined) query = query.where('status', '=', q.status);
  if (q.channel !== undefined) query = query.where('channel', '=', q.channel);
  if (q.cursor !== undefined) query = query.where('id', '<', q.cursor);
  const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return { raids: await toRaids(db, page, now), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
}

export async function getRaid(db: Db, id: string, now: number): Promise<Raid | undefined> {
  const row = await db.selectFrom('raids').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await toRaids(db, [row], now))[0] : undefined;
}

export async function raidEvents(db: Db, raidId: string): Promise<RaidEvent[]> {
  const rows = await db.selectFrom('raid_events').selectAll().where('raid_id', '=', raidId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, type: r.type, previousStatus: r.previous_status, status: r.status, reason: r.reason, actor: r.actor, createdAt: r.created_at }));
}

/** Appends a raid event and sets the status it leads to, compare-and-set on the previous status. */
export async function appendRaidEvent(
  trx: Transaction<Database>,
  e: { raidId: string; type: RaidEventType; from: RaidStatus; to: RaidStatus; reason: string; actor: string },
  now: number,
): Promise<void> {
  await trx
    .insertInto('raid_events')
    .values({ id: newId('rev', now), raid_id: e.raidId, type: e.type, previous_status: e.from, status: e.to, reason: e.reason, actor: e.actor, created_at: iso(now) })
    .execute();
  const updated = await trx.updateTable('raids').set({ status: e.to, updated_at: iso(now) }).where('id', '=', e.raidId).where('status', '=', e.from).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new Error(`raid ${e.raidId} changed during the action; retry`);
}
