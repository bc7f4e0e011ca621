/**
 * Putting a case in someone's hands — at intake and after a missed deadline: the escalation steps, the
 * assignment, the notification to the new assignee, oversight alerts when nobody can take it, and the audit
 * entries for all of it. Runs inside the caller's transaction.
 */
import type { Transaction } from 'kysely';
import type { CaseRow, Database } from '../store/schema/index.ts';
import { appendAudit, type AuditEntry } from './audit.ts';
import { addDeadline, appendEvents, enqueueNotification, type PendingEvent } from './case-store.ts';
import type { OrgChart } from './org.ts';
import type { Routing } from './routing.ts';
import type { CaseDeps } from './settings.ts';

export const NO_CONFLICT_FREE = 'no_conflict_free_investigator';

/**
 * Records the move from `fromTier` to where `routing` landed: one `escalated` event per tier climbed (the first
 * with `reason`, the rest because a tier had no conflict-free investigator), then `assigned`.
 */
export async function placeCase(
  trx: Transaction<Database>,
  deps: CaseDeps,
  row: CaseRow,
  p: { fromTier: number; routing: Routing; org: OrgChart; reason: string; assignReason: 'routed' | 'escalated'; at: string; leading?: PendingEvent[]; audit?: AuditEntry[] },
): Promise<CaseRow> {
  const events: PendingEvent[] = [...(p.leading ?? [])];
  const audit: AuditEntry[] = [...(p.audit ?? [])];
  let tier = p.fromTier;
  while (tier < p.routing.tier) {
    const reason = tier === p.fromTier && p.reason !== NO_CONFLICT_FREE ? p.reason : NO_CONFLICT_FREE;
    events.push({ actor: 'system', data: { type: 'escalated', fromTier: tier, toTier: tier + 1, reason } });
    audit.push({ caseId: row.id, action: 'case.escalated', actor: 'system', at: p.at, details: { fromTier: tier, toTier: tier + 1, reason } });
    tier += 1;
  }
  const assignee = p.routing.assignee;
  events.push({ actor: 'system', data: { type: 'assigned', assignee: assignee?.id ?? null, tier: p.routing.tier, reason: p.assignReason } });
  audit.push({ caseId: row.id, action: 'case.assigned', actor: 'system', at: p.at, details: { assignee: assignee?.id ?? null, tier: p.routing.tier, reason: p.assignReason } });
  if (assignee) {
    await enqueueNotification(trx, {
      kind: p.assignReason === 'escalated' ? 'escalated' : 'case_assigned',
      caseId: row.id,
      recipient: assignee.email ?? `employee:${assignee.id}`,
      payload: { tier: p.routing.tier, assignee: assignee.id, reason: p.reason, at: p.at },
      at: p.at,
    });
  }
  const appended = await appendEvents(trx, deps, row, events, p.at);
  let current = appended.row;
  await appendAudit(trx, audit);
  if (!assignee) current = await alertOversight(trx, deps, current, `no conflict-free investigator at any tier`, p.at);
  return current;
}

/**
 * Alerts every oversight contact (a notification each, one `oversight_alerted` event) and schedules the next
 * alert one interval later, unless one is already pending. Repeats until someone acts on the case.
 */
export async function alertOversight(trx: Transaction<Database>, deps: CaseDeps, row: CaseRow, reason: string, at: string): Promise<CaseRow> {
  const contacts = deps.settings.oversightContacts.length > 0 ? deps.settings.oversightContacts : ['oversight'];
  for (const recipient of contacts) {
    await enqueueNotification(trx, { kind: 'oversight_alert', caseId: row.id, recipient, payload: { tier: row.tier, status: row.status, reason, at }, at });
  }
  const { row: next } = await appendEvents(trx, deps, row, [{ actor: 'system', data: { type: 'oversight_alerted', contacts: deps.settings.oversightContacts.length, reason } }], at);
  await appendAudit(trx, [{ caseId: row.id, action: 'case.oversight_alerted', actor: 'system', at, details: { contacts: deps.settings.oversightContacts.length, reason } }]);
  const pending = await trx
    .selectFrom('case_deadlines')
    .select('id')
    .where('case_id', '=', row.id)
    .where('kind', '=', 'oversight_alert')
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (!pending) await addDeadline(trx, { caseId: row.id, kind: 'oversight_alert', dueAt: Date.parse(at) + deps.settings.oversightAlertInterval, tier: row.tier, at });
  return next;
}
