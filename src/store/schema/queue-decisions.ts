import type { Insertable, Selectable } from 'kysely';
import type { QueueStatus } from './queue-items.ts';

export const DECISIONS = ['allow', 'block'] as const;
export type Decision = (typeof DECISIONS)[number];

/** `queue_decisions`: append-only — every moderator decision, with who and when. */
export interface QueueDecisionsTable {
  id: string;
  item_id: string;
  decision: Decision;
  reason: string;
  /** Id of the API key that decided. */
  decided_by: string;
  decided_at: string;
  /** The item's status before this decision. */
  previous_status: QueueStatus;
}

export type QueueDecisionRow = Selectable<QueueDecisionsTable>;
export type NewQueueDecision = Insertable<QueueDecisionsTable>;
