import type { Insertable, Selectable } from 'kysely';
import type { CaseEventType } from '../../cases/transitions.ts';

/**
 * `case_events`: append-only — everything that happened to a case, numbered per case. `data` is the event's
 * JSON without content; `content` is the text (report, note, message, decision) sealed with AES-256-GCM.
 */
export interface CaseEventsTable {
  case_id: string;
  seq: number;
  type: CaseEventType;
  at: string;
  /** `reporter`, `system`, or the employee id of the investigator. */
  actor: string;
  data: string;
  content: string | null;
}

export type CaseEventRow = Selectable<CaseEventsTable>;
export type NewCaseEvent = Insertable<CaseEventsTable>;
