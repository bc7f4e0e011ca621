/**
 * A case's life: one transition table, one pure function for status changes, and one pure projection that
 * folds an event into the derived `cases` row. The row is only ever written with what `applyCaseEvent`
 * returns, in the same transaction as the `case_events` row that caused it.
 *
 *   new ──acknowledge──▶ acknowledged ──triage──▶ triaged ──decide──▶ decided ──close──▶ closed
 *                                  └─────────────decide──────────────▲
 */
import type { Category } from './routing.ts';

export const CASE_STATUSES = ['new', 'acknowledged', 'triaged', 'decided', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = ['acknowledge', 'triage', 'decide', 'close'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const OUTCOMES = ['substantiated', 'partly_substantiated', 'unsubstantiated', 'inconclusive', 'referred'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Where each action takes a case from each status; a missing entry is an illegal transition. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>>> = {
  new: { acknowledge: 'acknowledged' },
  acknowledged: { triage: 'triaged', decide: 'decided' },
  triaged: { decide: 'decided' },
  decided: { close: 'closed' },
  closed: {},
};

/** The status each action leads to, for `already_in_state`. */
const TARGET: Record<CaseAction, CaseStatus> = { acknowledge: 'acknowledged', triage: 'triaged', decide: 'decided', close: 'closed' };

export type CaseTransitionReason = 'already_in_state' | 'illegal_transition' | 'decision_required';

export class CaseTransitionError extends Error {
  constructor(
    readonly reason: CaseTransitionReason,
    readonly from: CaseStatus,
    readonly action: CaseAction,
  ) {
    super(
      reason === 'already_in_state'
        ? `the case is already ${from}`
        : reason === 'decision_required'
          ? `a case cannot be closed without a written decision (it is ${from})`
          : `cannot ${action} a case that is ${from}`,
    );
    this.name = 'CaseTransitionError';
  }
}

export function nextCaseStatus(from: CaseStatus, action: CaseAction): CaseStatus {
  const to = CASE_TRANSITIONS[from][action];
  if (to) return to;
  if (TARGET[action] === from) throw new CaseTransitionError('already_in_state', from, action);
  if (action === 'close') throw new CaseTransitionError('decision_required', from, action);
  throw new CaseTransitionError('illegal_transition', from, action);
}

export const DEADLINE_KINDS = ['acknowledge', 'triage', 'decision', 'oversight_alert', 'checkin'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
/** The deadlines that escalate when missed. */
export type StageDeadline = 'acknowledge' | 'triage' | 'decision';

/** What happened, as stored in `case_events.data` (content such as text lives encrypted beside it). */
export type CaseEventData =
  | { type: 'reported'; category: Category; anonymous: boolean; tier: number; policeReportPrompt: boolean; attachments: number }
  | { type: 'assigned'; assignee: string | null; tier: number; reason: 'routed' | 'escalated' | 'reassigned' }
  | { type: 'escalated'; fromTier: number; toTier: number; reason: string }
  | { type: 'deadline_missed'; deadline: StageDeadline; dueAt: string }
  | { type: 'oversight_alerted'; contacts: number; reason: string }
  | { type: 'acknowledged' }
  | { type: 'triaged' }
  | { type: 'decided'; outcome: Outcome }
  | { type: 'closed' }
  | { type: 'note' }
  | { type: 'message'; from: 'reporter' | 'investigator'; attachments: number }
  | { type: 'checkin_sent'; afterDays: number };

export type CaseEventType = CaseEventData['type'];

/** Event types that carry encrypted content. */
export const CONTENT_EVENTS: ReadonlySet<CaseEventType> = new Set(['reported', 'note', 'message', 'decided', 'checkin_sent']);

/** The derived row, as the projection sees it. */
export interface CaseState {
  status: CaseStatus;
  tier: number;
  assigneeId: string | null;
  acknowledgedAt: string | null;
  triagedAt: string | null;
  decidedAt: string | null;
  closedAt: string | null;
  escalations: number;
  eventCount: number;
  updatedAt: string;
}

export function initialCaseState(tier: number, at: string): CaseState {
  return {
    status: 'new',
    tier,
    assigneeId: null,
    acknowledgedAt: null,
    triagedAt: null,
    decidedAt: null,
    closedAt: null,
    escalations: 0,
    eventCount: 0,
    updatedAt: at,
  };
}

const ACTION_OF: Partial<Record<CaseEventType, CaseAction>> = { acknowledged: 'acknowledge', triaged: 'triage', decided: 'decide', closed: 'close' };

/** Folds one event into the state. Throws `CaseTransitionError` for a status change the table forbids. */
export function applyCaseEvent(state: CaseState, event: CaseEventData, at: string): CaseState {
  const next: CaseState = { ...state, eventCount: state.eventCount + 1, updatedAt: at };
  const action = ACTION_OF[event.type];
  if (action) {
    next.status = nextCaseStatus(state.status, action);
    if (event.type === 'acknowledged') next.acknowledgedAt = at;
    if (event.type === 'triaged') next.triagedAt = at;
    if (event.type === 'decided') {
      next.decidedAt = at;
      // Deciding straight from `acknowledged` triages implicitly.
      next.triagedAt ??= at;
    }
    if (event.type === 'closed') next.closedAt = at;
  }
  if (event.type === 'reported') next.tier = event.tier;
  if (event.type === 'assigned') {
    next.assigneeId = event.assignee;
    next.tier = event.tier;
  }
  if (event.type === 'escalated') {
    next.tier = event.toTier;
    next.escalations = state.escalations + 1;
  }
  return next;
}

/** Whether a stage deadline is already met in this state. */
export function stageDone(state: Pick<CaseState, 'status'>, stage: StageDeadline): boolean {
  const order: CaseStatus[] = ['new', 'acknowledged', 'triaged', 'decided', 'closed'];
  const reached = order.indexOf(state.status);
  const needed = stage === 'acknowledge' ? 1 : stage === 'triage' ? 2 : 3;
  return reached >= needed;
}

export function isOpen(status: CaseStatus): boolean {
  return status !== 'decided' && status !== 'closed';
}
