/** The review queue: held messages waiting for (or carrying) a moderator's decision. */
import type { Kysely } from 'kysely';
import type { MessageLabel, Surface } from '../types.ts';
import { appendEvidence } from './evidence.ts';
import { newId } from './ids.ts';
import { fromMessageRow, type StoredMessage } from './messages.ts';
import { nextQueueStatus } from './queue-status.ts';
import type { Database, Decision, QueueDecisionRow, QueueStatus } from './schema/index.ts';

export interface QueueDecision {
  id: string;
  decision: Decision;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  previousStatus: QueueStatus;
}

export interface QueueItem {
  id: string;
  status: QueueStatus;
  createdAt: string;
  message: StoredMessage;
  /** The decision that set the current status; null while pending. */
  decision: QueueDecision | null;
}

export interface QueueQuery {
  status?: QueueStatus;
  label?: MessageLabel;
  surface?: Surface;
  channel?: string;
  /** Items after this id (the previous page's `nextCursor`). */
  cursor?: string;
  limit: number;
}

export interface QueuePage {
  items: QueueItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

function toDecision(row: QueueDecisionRow): QueueDecision {
  return {
    id: row.id,
    decision: row.decision,
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    previousStatus: row.previous_status,
  };
}

/** Oldest first, so the queue is worked in arrival order. */
export async function listQueue(db: Kysely<Database>, q: QueueQuery): Promise<QueuePage> {
  let query = db
    .selectFrom('queue_items')
    .innerJoin('messages', 'messages.id', 'queue_items.message_id')
    .selectAll('messages')
    .select([
      'queue_items.id as item_id',
      'queue_items.status as item_status',
      'queue_items.created_at as item_created_at',
      'queue_items.decision_id as item_decision_id',
    ]);
  if (q.status !== undefined) query = query.where('queue_items.status', '=', q.status);
  if (q.surface !== undefined) query = query.where('queue_items.surface', '=', q.surface);
  if (q.channel !== undefined) query = query.where('queue_items.channel', '=', q.channel);
  if (q.label !== undefined) {
    const label = q.label;
    query = query.where('queue_items.id', 'in', (eb) =>
      eb.selectFrom('queue_labels').select('queue_labels.item_id').where('queue_labels.label', '=', label),
    );
  }
  if (q.cursor !== undefined) query = query.where('queue_items.id', '>', q.cursor);
  const rows = await query.orderBy('queue_items.id').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const decisionIds = page.map((r) => r.item_decision_id).filter((id): id is string => id !== null);
  const decisions = new Map<string, QueueDecision>();
  if (decisionIds.length > 0) {
    const found = await db.selectFrom('queue_decisions').selectAll().where('id', 'in', decisionIds).execute();
    for (const d of found) decisions.set(d.id, toDecision(d));
  }
  return {
    items: page.map((r) => ({
      id: r.item_id,
      status: r.item_status,
      createdAt: r.item_created_at,
      message: fromMessageRow(r, r.item_id),
      decision: r.item_decision_id ? (decisions.get(r.item_decision_id) ?? null) : null,
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.item_id : null,
  };
}

export async function getQueueItem(db: Kysely<Database>, itemId: string): Promise<QueueItem | undefined> {
  const row = await db
    .selectFrom('queue_items')
    .innerJoin('messages', 'messages.id', 'queue_items.message_id')
    .selectAll('messages')
    .select(['queue_items.status as item_status', 'queue_items.created_at as item_created_at', 'queue_items.decision_id as item_decision_id'])
    .where('queue_items.id', '=', itemId)
    .executeTakeFirst();
  if (!row) return undefined;
  const decision = row.item_decision_id
    ? await db.selectFrom('queue_decisions').selectAll().where('id', '=', row.item_decision_id).executeTakeFirst()
    : undefined;
  return {
    id: itemId,
    status: row.item_status,
    createdAt: row.item_created_at,
    message: fromMessageRow(row, itemId),
    decision: decision ? toDecision(decision) : null,
  };
}

export interface DecideInput {
  itemId: string;
  decision: Decision;
  reason: string;
  decidedBy: string;
}

/**
 * Records a moderator's decision: the `queue_decisions` event, the item's new status (from
 * `nextQueueStatus`, which throws `QueueTransitionError`), and an evidence entry — in one transaction.
 * Returns undefined when the item does not exist.
 */
export async function decideQueueItem(db: Kysely<Database>, input: DecideInput): Promise<QueueItem | undefined> {
  const decided = await db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('queue_items')
      .select(['id', 'status', 'message_id', 'sender'])
      .where('id', '=', input.itemId)
      .executeTakeFirst();
    if (!item) return false;
    const status = nextQueueStatus(item.status, input.decision);
    const decision = {
      id: newId('dec'),
      item_id: item.id,
      decision: input.decision,
      reason: input.reason,
      decided_by: input.decidedBy,
      decided_at: new Date().toISOString(),
      previous_status: item.status,
    };
    await trx.insertInto('queue_decisions').values(decision).execute();
    // Compare-and-set on the previous status: a concurrent decision on another node makes this one fail.
    const updated = await trx
      .updateTable('queue_items')
      .set({ status, decision_id: decision.id })
      .where('id', '=', item.id)
      .where('status', '=', item.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new Error(`queue item ${item.id} changed during the decision; retry`);
    const message = await trx.selectFrom('messages').select(['recipient', 'channel']).where('id', '=', item.message_id).executeTakeFirstOrThrow();
    await appendEvidence(trx, [
      {
        type: 'decision',
        subject: item.sender,
        recipient: message.recipient,
        channel: message.channel,
        messageId: item.message_id,
        createdAt: decision.decided_at,
        queueItemId: item.id,
        decisionId: decision.id,
        decision: decision.decision,
        reason: decision.reason,
        decidedBy: decision.decided_by,
        previousStatus: decision.previous_status,
        status,
      },
    ]);
    return true;
  });
  return decided ? getQueueItem(db, input.itemId) : undefined;
}
