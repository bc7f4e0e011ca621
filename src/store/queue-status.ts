/**
 * The review queue's state machine: one transition table and one pure function. The status column of
 * `queue_items` is only ever written with what `nextQueueStatus` returns, in the same transaction as the
 * `queue_decisions` event that caused it.
 */
import type { Decision, QueueStatus } from './schema/index.ts';

/** Where each decision takes an item from each status; a missing entry is an illegal transition. */
export const QUEUE_TRANSITIONS: Readonly<Record<QueueStatus, Partial<Record<Decision, QueueStatus>>>> = {
  pending: { allow: 'allowed', block: 'blocked' },
  // A decided item may be reversed (an appeal, a second look) — the reversal is its own recorded decision.
  allowed: { block: 'blocked' },
  blocked: { allow: 'allowed' },
};

export type QueueTransitionReason = 'already_in_state' | 'illegal_transition';

export class QueueTransitionError extends Error {
  constructor(
    readonly reason: QueueTransitionReason,
    readonly from: QueueStatus,
    readonly decision: Decision,
  ) {
    super(
      reason === 'already_in_state'
        ? `the item is already ${from}`
        : `cannot ${decision} an item that is ${from}`,
    );
    this.name = 'QueueTransitionError';
  }
}

export function nextQueueStatus(from: QueueStatus, decision: Decision): QueueStatus {
  const to = QUEUE_TRANSITIONS[from][decision];
  if (to) return to;
  const already = (from === 'allowed' && decision === 'allow') || (from === 'blocked' && decision === 'block');
  throw new QueueTransitionError(already ? 'already_in_state' : 'illegal_transition', from, decision);
}
