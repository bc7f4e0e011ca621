import type { Insertable, Selectable } from 'kysely';

export const NOTIFICATION_KINDS = ['case_assigned', 'deadline_missed', 'escalated', 'oversight_alert', 'retaliation_checkin', 'reporter_message'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * `case_outbox`: notifications written in the same transaction as what caused them and delivered after commit
 * (to the optional webhook). Payloads hold ids, tiers and times — never report content.
 */
export interface CaseOutboxTable {
  id: string;
  kind: NotificationKind;
  case_id: string;
  /** An email, an employee id, or `receipt:<caseId>` for an anonymous reporter (read on the receipt page). */
  recipient: string;
  payload: string;
  created_at: string;
  delivered_at: string | null;
  attempts: number;
  last_error: string | null;
}

export type CaseOutboxRow = Selectable<CaseOutboxTable>;
export type NewCaseOutbox = Insertable<CaseOutboxTable>;
