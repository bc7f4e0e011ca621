/**
 * What investigators and reporters are shown. Investigators get the whole case (decrypted report, events,
 * deadlines); a reporter, through the receipt, gets the status, the decision and the conversation — never
 * internal notes, the investigator's identity, or the audit trail.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CaseRow, Database } from '../store/schema/index.ts';
import type { ReportContent } from './intake.ts';
import type { OrgChart } from './org.ts';
import type { CaseDeps } from './settings.ts';
import type { CaseEventData, CaseStatus, DeadlineKind } from './transitions.ts';

export interface CaseEventView {
  seq: number;
  type: CaseEventData['type'];
  at: string;
  /** `reporter`, `system`, or an employee id. */
  by: string;
  text?: string;
  [field: string]: unknown;
}

export interface DeadlineView {
  kind: DeadlineKind;
  dueAt: string;
  state: string;
  tier: number;
  resolvedAt: string | null;
  afterDays?: number;
}

export interface CaseView {
  id: string;
  status: CaseStatus;
  tier: number;
  category: string;
  assignee: { id: string; name: string | null } | null;
  anonymous: boolean;
  reporter: { id: string; name: string | null } | null;
  unit: string;
  policeReportPrompt: boolean;
  createdAt: string;
  updatedAt: string;
  report: ReportContent;
  attachments: Array<{ id: string; eventSeq: number; filename: string; contentType: string; size: number }>;
  deadlines: DeadlineView[];
  events: CaseEventView[];
}

type Db = Kysely<Database> | Transaction<Database>;

export async function caseView(db: Db, deps: CaseDeps, row: CaseRow, org: OrgChart): Promise<CaseView> {
  const events = await db.selectFrom('case_events').selectAll().where('case_id', '=', row.id).orderBy('seq').execute();
  const deadlines = await db.selectFrom('case_deadlines').selectAll().where('case_id', '=', row.id).orderBy('due_at').orderBy('id').execute();
  const attachments = await db.selectFrom('case_attachments').select(['id', 'event_seq', 'filename', 'content_type', 'size']).where('case_id', '=', row.id).orderBy('id').execute();
  let report: ReportContent = { text: '', accused: [], witnesses: [], occurredAt: null, location: null };
  const eventViews: CaseEventView[] = [];
  for (const e of events) {
    const data = JSON.parse(e.data) as CaseEventData;
    const { type, ...rest } = data;
    const view: CaseEventView = { seq: Number(e.seq), type, at: e.at, by: e.actor, ...rest };
    if (e.content !== null) {
      const plain = deps.cipher.open(e.content);
      if (type === 'reported') report = JSON.parse(plain) as ReportContent;
      else view.text = plain;
    }
    eventViews.push(view);
  }
  const person = (id: string | null) => (id === null ? null : { id, name: org.byId.get(id)?.name ?? null });
  return {
    id: row.id,
    status: row.status,
    tier: Number(row.tier),
    category: row.category,
    assignee: person(row.assignee_id),
    anonymous: Number(row.anonymous) === 1,
    reporter: person(row.reporter_id),
    unit: row.unit,
    policeReportPrompt: Number(row.police_prompt) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    report,
    attachments: attachments.map((a) => ({ id: a.id, eventSeq: Number(a.event_seq), filename: deps.cipher.open(a.filename), contentType: a.content_type, size: Number(a.size) })),
    deadlines: deadlines.map((d) => ({
      kind: d.kind,
      dueAt: d.due_at,
      state: d.state,
      tier: Number(d.tier),
      resolvedAt: d.resolved_at,
      ...(d.after_days !== null ? { afterDays: Number(d.after_days) } : {}),
    })),
    events: eventViews,
  };
}

export interface ReceiptView {
  caseId: string;
  status: CaseStatus;
  category: string;
  createdAt: string;
  acknowledged: boolean;
  policeReportPrompt: boolean;
  /** Where to turn for a police report when `policeReportPrompt` is set. */
  policeReportAdvice?: string;
  decision: { outcome: string; text: string; at: string } | null;
  /** The conversation: the reporter's messages, the investigators' replies, and check-ins from Haven. */
  messages: Array<{ from: 'reporter' | 'investigator' | 'haven'; text: string; at: string }>;
}

export const POLICE_ADVICE =
  'What you describe may be a crime. You can report it to the police at any time, independently of this case; ' +
  'the investigators can help you do so and will preserve what you send here as evidence.';

export async function receiptView(db: Db, deps: CaseDeps, row: CaseRow): Promise<ReceiptView> {
  const events = await db.selectFrom('case_events').selectAll().where('case_id', '=', row.id).where('type', 'in', ['message', 'decided', 'checkin_sent']).orderBy('seq').execute();
  let decision: ReceiptView['decision'] = null;
  const messages: ReceiptView['messages'] = [];
  for (const e of events) {
    const data = JSON.parse(e.data) as CaseEventData;
    const text = e.content === null ? '' : deps.cipher.open(e.content);
    if (data.type === 'decided') decision = { outcome: data.outcome, text, at: e.at };
    else if (data.type === 'message') messages.push({ from: data.from, text, at: e.at });
    else messages.push({ from: 'haven', text, at: e.at });
  }
  const police = Number(row.police_prompt) === 1;
  return {
    caseId: row.id,
    status: row.status,
    category: row.category,
    createdAt: row.created_at,
    acknowledged: row.acknowledged_at !== null,
    policeReportPrompt: police,
    ...(police ? { policeReportAdvice: POLICE_ADVICE } : {}),
    decision,
    messages,
  };
}

export interface CaseSummary {
  id: string;
  status: CaseStatus;
  tier: number;
  category: string;
  assignee: string | null;
  createdAt: string;
  /** The earliest pending deadline. */
  nextDeadline: { kind: DeadlineKind; dueAt: string } | null;
}
