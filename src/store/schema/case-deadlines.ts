import type { Insertable, Selectable } from 'kysely';
import type { DeadlineKind } from '../../cases/transitions.ts';

export const DEADLINE_STATES = ['pending', 'met', 'missed', 'fired', 'cancelled'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/**
 * `case_deadlines`: every deadline and timed follow-up of a case, fired by the scheduler from the store (so a
 * restart loses none). Stage deadlines end `met` or `missed`; oversight alerts and check-ins end `fired`.
 */
export interface CaseDeadlinesTable {
  id: string;
  case_id: string;
  kind: DeadlineKind;
  due_at: string;
  state: DeadlineState;
  /** The case's tier when it was set. */
  tier: number;
  /** Check-ins: days after the decision. */
  after_days: number | null;
  created_at: string;
  resolved_at: string | null;
}

export type CaseDeadlineRow = Selectable<CaseDeadlinesTable>;
export type NewCaseDeadline = Insertable<CaseDeadlinesTable>;
