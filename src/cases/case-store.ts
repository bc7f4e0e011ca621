/**
 * Writing a case: append events (numbered per case, content sealed), fold them into the derived row with the
 * pure projection, set and resolve deadlines, queue notifications. Every function here runs inside the caller's
 * transaction; `withCase` opens one and locks the case row.
 */
import type { Transaction } from 'kysely';
import { dialectOf } from '../store/dialect.ts';
import { newId } from '../store/ids.ts';
import type { CaseDeadlineRow, CaseRow, Database, DeadlineState, NotificationKind } from '../store/schema/index.ts';
import { iso } from './clock.ts';
import { CaseError } from './errors.ts';
import { loadOrg } from './org-store.ts';
import type { OrgChart } from './org.ts';
import { conflictSet, routeCase, type Category, type Party, type Routing } from './routing.ts';
import type { CaseDeps } from './settings.ts';
import { applyCaseEvent, CONTENT_EVENTS, isOpen, type CaseEventData, type CaseState, type DeadlineKind } from './transitions.ts';

export interface PendingEvent {
  data: CaseEventData;
  actor: string;
  /** Plain text; sealed before it is stored. Only for event types that carry content. */
  content?: string;
}

/** Runs `fn` in a transaction holding the case row (FOR UPDATE on PostgreSQL; SQLite holds the write lock). */
export async function withCase<T>(deps: CaseDeps, caseId: string, fn: (trx: Transaction<Database>, row: CaseRow) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('cases').selectAll().where('id', '=', caseId);
    if (dialectOf(trx) === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) throw new CaseError('not_found', `no case ${caseId}`, 'caseId');
    return fn(trx, normalizeRow(row));
  });
  deps.onOutbox?.();
  return result;
}

/** PostgreSQL returns every integer column as a number already; this keeps both dialects identical anyway. */
export function normalizeRow(row: CaseRow): CaseRow {
  return { ...row, tier: Number(row.tier), anonymous: Number(row.anonymous), police_prompt: Number(row.police_prompt), escalations: Number(row.escalations), event_count: Number(row.event_count), last_audit_seq: Number(row.last_audit_seq) };
}

export function stateOf(row: CaseRow): CaseState {
  return {
    status: row.status,
    tier: row.tier,
    assigneeId: row.assignee_id,
    acknowledgedAt: row.acknowledged_at,
    triagedAt: row.triaged_at,
    decidedAt: row.decided_at,
    closedAt: row.closed_at,
    escalations: row.escalations,
    eventCount: row.event_count,
    updatedAt: row.updated_at,
  };
}

/**
 * Appends events and writes the row the projection derives from them. A forbidden status change throws
 * `CaseTransitionError` before anything is written.
 */
export async function appendEvents(trx: Transaction<Database>, deps: CaseDeps, row: CaseRow, events: readonly PendingEvent[], at: string): Promise<{ state: CaseState; seqs: number[]; row: CaseRow }> {
  let state = stateOf(row);
  for (const e of events) state = applyCaseEvent(state, e.data, at);
  const seqs: number[] = [];
  let seq = row.event_count;
  for (const e of events) {
    seq += 1;
    seqs.push(seq);
    if (e.content !== undefined && !CONTENT_EVENTS.has(e.data.type)) throw new Error(`event ${e.data.type} carries no content`);
    await trx
      .insertInto('case_events')
      .values({ case_id: row.id, seq, type: e.data.type, at, actor: e.actor, data: JSON.stringify(e.data), content: e.content === undefined ? null : deps.cipher.seal(e.content) })
      .execute();
  }
  const set = {
    status: state.status,
    tier: state.tier,
    assignee_id: state.assigneeId,
    acknowledged_at: state.acknowledgedAt,
    triaged_at: state.triagedAt,
    decided_at: state.decidedAt,
    closed_at: state.closedAt,
    escalations: state.escalations,
    event_count: state.eventCount,
    updated_at: state.updatedAt,
  };
  await trx.updateTable('cases').set(set).where('id', '=', row.id).execute();
  return { state, seqs, row: { ...row, ...set } };
}

export async function addDeadline(
  trx: Transaction<Database>,
  d: { caseId: string; kind: DeadlineKind; dueAt: number; tier: number; at: string; afterDays?: number },
): Promise<void> {
  await trx
    .insertInto('case_deadlines')
    .values({ id: newId('dl'), case_id: d.caseId, kind: d.kind, due_at: iso(d.dueAt), state: 'pending', tier: d.tier, after_days: d.afterDays ?? null, created_at: d.at, resolved_at: null })
    .execute();
}

/** Resolves the case's pending deadlines of these kinds (e.g. `met` on acknowledge, `cancelled` on close). */
export async function resolveDeadlines(trx: Transaction<Database>, caseId: string, kinds: readonly DeadlineKind[], state: DeadlineState, at: string): Promise<number> {
  if (kinds.length === 0) return 0;
  const result = await trx
    .updateTable('case_deadlines')
    .set({ state, resolved_at: at })
    .where('case_id', '=', caseId)
    .where('state', '=', 'pending')
    .where('kind', 'in', [...kinds])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function pendingDeadlines(trx: Transaction<Database>, caseId: string): Promise<CaseDeadlineRow[]> {
  return trx.selectFrom('case_deadlines').selectAll().where('case_id', '=', caseId).where('state', '=', 'pending').execute();
}

export async function enqueueNotification(
  trx: Transaction<Database>,
  n: { kind: NotificationKind; caseId: string; recipient: string; payload: Record<string, unknown>; at: string },
): Promise<void> {
  await trx
    .insertInto('case_outbox')
    .values({ id: newId('ntf'), kind: n.kind, case_id: n.caseId, recipient: n.recipient, payload: JSON.stringify({ kind: n.kind, caseId: n.caseId, ...n.payload }), created_at: n.at, delivered_at: null, attempts: 0, last_error: null })
    .execute();
}

export async function caseParties(trx: Transaction<Database>, caseId: string): Promise<Party[]> {
  const rows = await trx.selectFrom('case_parties').select(['employee_id', 'relation']).where('case_id', '=', caseId).execute();
  return rows.map((r) => ({ employeeId: r.employee_id, relation: r.relation }));
}

/** Open cases per assignee, to spread new work. */
export async function investigatorLoad(trx: Transaction<Database>): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('cases')
    .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assignee_id', 'is not', null)
    .where('status', 'in', ['new', 'acknowledged', 'triaged'])
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id!, Number(r.n)]));
}

/** Routes a case from `fromTier` up, against the current org and the case's conflict set. */
export async function routeStored(
  trx: Transaction<Database>,
  deps: CaseDeps,
  c: { id: string; category: Category },
  fromTier: number,
  avoid?: ReadonlySet<string>,
): Promise<{ routing: Routing; org: OrgChart }> {
  const org = await loadOrg(trx);
  const conflicts = conflictSet(org, c.category, await caseParties(trx, c.id));
  const routing = routeCase({ org, conflicts, fromTier, topTier: deps.settings.tiers, load: await investigatorLoad(trx), ...(avoid ? { avoid } : {}) });
  return { routing, org };
}

export { isOpen };
