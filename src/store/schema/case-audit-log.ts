import type { Insertable, Selectable } from 'kysely';

/**
 * `case_audit_log`: append-only and hash-chained — every read, assignment, note, message, status change and
 * escalation of a case. `hash = sha256(prev_hash + sha256(entry))`, so an edited or deleted row breaks the
 * chain at that row (`haven audit verify`); `case_id`, `action`, `actor`, `at` repeat fields of `entry`.
 */
export interface CaseAuditLogTable {
  seq: number;
  case_id: string | null;
  action: string;
  actor: string;
  at: string;
  entry: string;
  prev_hash: string;
  hash: string;
}

export type CaseAuditRow = Selectable<CaseAuditLogTable>;
export type NewCaseAuditRow = Insertable<CaseAuditLogTable>;
