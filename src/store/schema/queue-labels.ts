import type { Insertable, Selectable } from 'kysely';
import type { MessageLabel } from '../../types.ts';

/** `queue_labels`: the labels of each queue item, one row each, so the queue can be filtered by label. */
export interface QueueLabelsTable {
  item_id: string;
  label: MessageLabel;
}

export type QueueLabelRow = Selectable<QueueLabelsTable>;
export type NewQueueLabel = Insertable<QueueLabelsTable>;
