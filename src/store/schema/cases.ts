import type { Insertable, Selectable } from 'kysely';
import type { Category } from '../../cases/routing.ts';
import type { CaseStatus } from '../../cases/transitions.ts';

/**
 * `cases`: the derived status row of a reported case — a projection of its `case_events`, written only with
 * what `applyCaseEvent` returns, in the same transaction. Holds no report content (that is in the events,
 * encrypted) and, for anonymous reports, nothing about the reporter but the receipt's locator and hash.
 */
export interface CasesTable {
  id: string;
  category: Category;
  status: CaseStatus;
  tier: number;
  assignee_id: string | null;
  /** 1 = anonymous, 0 = named. */
  anonymous: number;
  /** Named reports only. */
  reporter_id: string | null;
  /** The unit the case is counted under in statistics (the first accused's, else the reporter's, else `unknown`). */
  unit: string;
  /** 1 for sexual assault: the case and the receipt page suggest a police report. */
  police_prompt: number;
  receipt_locator: string;
  /** hex scrypt of the receipt's secret part. */
  receipt_hash: string;
  receipt_salt: string;
  created_at: string;
  acknowledged_at: string | null;
  triaged_at: string | null;
  decided_at: string | null;
  closed_at: string | null;
  escalations: number;
  event_count: number;
  /** Seq of the last audit entry about this case: `haven audit verify` finds entries deleted from the end. */
  last_audit_seq: number;
  updated_at: string;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
