/**
 * What investigators do to a case: acknowledge, triage, decide (with a written decision), close, add internal
 * notes, and message the reporter. Each is one transaction: access check, event (the projection enforces the
 * transition table), deadlines met or cancelled, check-ins scheduled after a decision, the audit entry.
 */
import { appendAudit } from './audit.ts';
import { addDeadline, appendEvents, caseParties, enqueueNotification, isOpen, resolveDeadlines, withCase, type PendingEvent } from './case-store.ts';
import { isInvestigator } from './org.ts';
import { conflictSet } from './routing.ts';
import { iso } from './clock.ts';
import { authorizeCase, type Viewer } from './access.ts';
import { CaseError } from './errors.ts';
import type { CaseDeps } from './settings.ts';
import type { CaseAction, Outcome } from './transitions.ts';
import { caseView, type CaseView } from './views.ts';

export type InvestigatorAction =
  | { kind: 'acknowledge' | 'triage' | 'close' }
  | { kind: 'decide'; outcome: Outcome; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'message'; text: string };

const DAY_MS = 86_400_000;

export async function actOnCase(deps: CaseDeps, viewer: Viewer, caseId: string, action: InvestigatorAction): Promise<CaseView> {
  return withCase(deps, caseId, async (trx, row) => {
    const { org, employee } = await authorizeCase(trx, viewer, row);
    const now = deps.clock.now();
    const at = iso(now);
    const actor = employee.id;
    let event: PendingEvent;
    switch (action.kind) {
      case 'acknowledge':
        event = { actor, data: { type: 'acknowledged' } };
        break;
      case 'triage':
        event = { actor, data: { type: 'triaged' } };
        break;
      case 'close':
        event = { actor, data: { type: 'closed' } };
        break;
      case 'decide':
        if (action.text.trim() === '') throw new CaseError('decision_required', 'text: a decision must be written down', 'text');
        event = { actor, data: { type: 'decided', outcome: action.outcome }, content: action.text };
        break;
      case 'note':
        event = { actor, data: { type: 'note' }, content: action.text };
        break;
      case 'message':
        event = { actor, data: { type: 'message', from: 'investigator', attachments: 0 }, content: action.text };
        break;
    }
    const { row: next, seqs } = await appendEvents(trx, deps, row, [event], at);
    const status = action.kind as CaseAction | 'note' | 'message';
    if (status === 'acknowledge') await resolveDeadlines(trx, row.id, ['acknowledge'], 'met', at);
    if (status === 'triage') await resolveDeadlines(trx, row.id, ['acknowledge', 'triage'], 'met', at);
    if (status === 'decide') {
      await resolveDeadlines(trx, row.id, ['acknowledge', 'triage', 'decision'], 'met', at);
      for (const days of deps.settings.checkinDays) {
        await addDeadline(trx, { caseId: row.id, kind: 'checkin', dueAt: now + days * DAY_MS, tier: next.tier, at, afterDays: days });
      }
    }
    if (status === 'close') await resolveDeadlines(trx, row.id, ['acknowledge', 'triage', 'decision'], 'cancelled', at);
    // Someone acted on the case's progress: oversight alerts stop.
    if (status === 'acknowledge' || status === 'triage' || status === 'decide' || status === 'close') {
      await resolveDeadlines(trx, row.id, ['oversight_alert'], 'cancelled', at);
    }
    const details: Record<string, unknown> = { event: seqs[0], status: next.status, tier: next.tier };
    if (action.kind === 'decide') details.outcome = action.outcome;
    await appendAudit(trx, [{ caseId: row.id, action: `case.${event.data.type}`, actor: `employee:${actor}`, at, keyId: viewer.keyId, details }]);
    return caseView(trx, deps, next, org);
  });
}

/** Reads one case (audited as a read). */
export async function readCase(deps: CaseDeps, viewer: Viewer, caseId: string): Promise<CaseView> {
  return withCase(deps, caseId, async (trx, row) => {
    const { org, employee } = await authorizeCase(trx, viewer, row);
    await appendAudit(trx, [{ caseId: row.id, action: 'case.read', actor: `employee:${employee.id}`, at: iso(deps.clock.now()), keyId: viewer.keyId }]);
    return caseView(trx, deps, row, org);
  });
}

/** One attachment's bytes (audited as a read). */
export async function readAttachment(deps: CaseDeps, viewer: Viewer, caseId: string, attachmentId: string): Promise<{ filename: string; contentType: string; bytes: Buffer }> {
  return withCase(deps, caseId, async (trx, row) => {
    const { employee } = await authorizeCase(trx, viewer, row);
    const a = await trx.selectFrom('case_attachments').selectAll().where('case_id', '=', row.id).where('id', '=', attachmentId).executeTakeFirst();
    if (!a) throw new CaseError('not_found', `no attachment ${attachmentId} on case ${caseId}`, 'attachmentId');
    await appendAudit(trx, [{ caseId: row.id, action: 'case.attachment_read', actor: `employee:${employee.id}`, at: iso(deps.clock.now()), keyId: viewer.keyId, details: { attachment: a.id } }]);
    return { filename: deps.cipher.open(a.filename), contentType: a.content_type, bytes: deps.cipher.openBytes(a.content) };
  });
}

export interface Candidate {
  id: string;
  name: string;
  tier: number;
}

/** Who the case may be given to: conflict-free investigators of its tier or above (audited as a read). */
export async function assignmentCandidates(deps: CaseDeps, viewer: Viewer, caseId: string): Promise<Candidate[]> {
  return withCase(deps, caseId, async (trx, row) => {
    const { org, employee } = await authorizeCase(trx, viewer, row);
    const conflicts = conflictSet(org, row.category, await caseParties(trx, row.id));
    await appendAudit(trx, [{ caseId: row.id, action: 'case.candidates_read', actor: `employee:${employee.id}`, at: iso(deps.clock.now()), keyId: viewer.keyId }]);
    return [...org.byId.values()]
      .filter((e) => isInvestigator(e) && e.tier >= row.tier && !conflicts.has(e.id))
      .map((e) => ({ id: e.id, name: e.name, tier: e.tier! }))
      .sort((a, b) => a.tier - b.tier || (a.id < b.id ? -1 : 1));
  });
}

/**
 * Hands the case to another conflict-free investigator of its tier or above (a higher one raises the case's
 * tier, recorded as an escalation). Deadlines keep running: reassigning does not buy time.
 */
export async function reassignCase(deps: CaseDeps, viewer: Viewer, caseId: string, assigneeId: string): Promise<CaseView> {
  return withCase(deps, caseId, async (trx, row) => {
    const { org, employee } = await authorizeCase(trx, viewer, row);
    if (!isOpen(row.status)) throw new CaseError('illegal_transition', `cannot reassign a case that is ${row.status}`, 'assigneeId');
    const conflicts = conflictSet(org, row.category, await caseParties(trx, row.id));
    const to = org.byId.get(assigneeId);
    if (!isInvestigator(to) || conflicts.has(assigneeId) || to.tier < row.tier) {
      throw new CaseError('invalid_request', `assigneeId: ${JSON.stringify(assigneeId)} is not a conflict-free investigator of tier ${row.tier} or above`, 'assigneeId');
    }
    if (row.assignee_id === assigneeId) throw new CaseError('already_in_state', `the case is already assigned to ${assigneeId}`, 'assigneeId');
    const at = iso(deps.clock.now());
    const events: PendingEvent[] = [];
    if (to.tier > row.tier) events.push({ actor: employee.id, data: { type: 'escalated', fromTier: row.tier, toTier: to.tier, reason: 'reassigned' } });
    events.push({ actor: employee.id, data: { type: 'assigned', assignee: to.id, tier: Math.max(row.tier, to.tier), reason: 'reassigned' } });
    const { row: next } = await appendEvents(trx, deps, row, events, at);
    await enqueueNotification(trx, { kind: 'case_assigned', caseId: row.id, recipient: to.email ?? `employee:${to.id}`, payload: { tier: next.tier, assignee: to.id, reason: 'reassigned', at }, at });
    await appendAudit(trx, [
      { caseId: row.id, action: 'case.assigned', actor: `employee:${employee.id}`, at, keyId: viewer.keyId, details: { from: row.assignee_id, assignee: to.id, tier: next.tier, reason: 'reassigned' } },
    ]);
    return caseView(trx, deps, next, org);
  });
}
