import type { Insertable, Selectable } from 'kysely';

export const QUEUE_STATUSES = ['pending', 'allowed', 'blocked'] as const;
/** `pending`: waiting for a moderator. `allowed` / `blocked`: decided (see `queue_decisions`). */
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/**
 * `queue_items`: one row per held message — the review queue. `status` is a projection of the item's
 * `queue_decisions` events, written in the same transaction as the event by `nextQueueStatus`.
 */
export interface QueueItemsTable {
  /** Time-ordered id (`q_…`), so `ORDER BY id` is arrival order and doubles as the paging cursor. */
  id: string;
  message_id: string;
  status: QueueStatus;
  sender: string;
  surface: string | null;
  channel: string | null;
  created_at: string;
  /** Id of the decision that set `status`; null while pending. */
  decision_id: string | null;
}

export type QueueItemRow = Selectable<QueueItemsTable>;
export type NewQueueItem = Insertable<QueueItemsTable>;
