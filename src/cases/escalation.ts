/**
 * What happens when a deadline comes due, in one transaction per deadline:
 *
 * - a stage deadline (acknowledge, triage, decision) whose stage is done is marked `met`; otherwise it is
 *   `missed`, the case escalates one tier (up again past tiers with no conflict-free investigator), the new
 *   assignee gets the same stage afresh, and everyone is notified. At the top tier there is nowhere to go: the
 *   oversight contacts are alerted, and again every `oversightAlertInterval` until someone acts.
 * - an oversight alert repeats the alert (acting on the case cancels it, ./actions.ts).
 * - a check-in asks the reporter, on the receipt page and through the outbox, whether there has been
 *   retaliation.
 */
import { appendAudit } from './audit.ts';
import { addDeadline, appendEvents, enqueueNotification, routeStored, withCase } from './case-store.ts';
import { iso } from './clock.ts';
import { loadOrg } from './org-store.ts';
import { alertOversight, placeCase } from './placement.ts';
import type { CaseDeps } from './settings.ts';
import { stageDone, type StageDeadline } from './transitions.ts';

export function checkinText(afterDays: number): string {
  return (
    `Check-in, ${afterDays} days after the decision: has anyone treated you differently since you reported — ` +
    'been left out, moved, marked down, or pressured? Reply here; only the investigators read it.'
  );
}

function stageMs(deps: CaseDeps, stage: StageDeadline): number {
  return stage === 'acknowledge' ? deps.settings.ackDeadline : stage === 'triage' ? deps.settings.triageDeadline : deps.settings.decisionDeadline;
}

/** Fires one due deadline. Returns false when another node (or an action) got to it first. */
export async function fireDeadline(deps: CaseDeps, deadlineId: string, caseId: string): Promise<boolean> {
  return withCase(deps, caseId, async (trx, row) => {
    const d = await trx.selectFrom('case_deadlines').selectAll().where('id', '=', deadlineId).where('state', '=', 'pending').executeTakeFirst();
    if (!d) return false;
    const now = deps.clock.now();
    const at = iso(now);
    const resolve = (state: 'met' | 'missed' | 'fired' | 'cancelled') =>
      trx.updateTable('case_deadlines').set({ state, resolved_at: at }).where('id', '=', d.id).execute();

    if (d.kind === 'checkin') {
      await resolve('fired');
      const afterDays = Number(d.after_days ?? 0);
      await appendEvents(trx, deps, row, [{ actor: 'system', data: { type: 'checkin_sent', afterDays }, content: checkinText(afterDays) }], at);
      const org = await loadOrg(trx);
      const reporter = row.reporter_id ? org.byId.get(row.reporter_id) : undefined;
      const recipient = row.reporter_id ? (reporter?.email ?? `employee:${row.reporter_id}`) : `receipt:${row.id}`;
      await enqueueNotification(trx, { kind: 'retaliation_checkin', caseId: row.id, recipient, payload: { afterDays, at }, at });
      await appendAudit(trx, [{ caseId: row.id, action: 'case.checkin_sent', actor: 'system', at, details: { afterDays } }]);
      return true;
    }

    if (row.status === 'closed') {
      await resolve('cancelled');
      return true;
    }

    if (d.kind === 'oversight_alert') {
      await resolve('fired');
      await alertOversight(trx, deps, row, `case still waiting for action at tier ${row.tier} (status ${row.status})`, at);
      return true;
    }

    const stage = d.kind;
    if (stageDone(row, stage)) {
      await resolve('met');
      return true;
    }
    await resolve('missed');
    const reason = `${stage}_deadline_missed`;
    const missed = { actor: 'system', data: { type: 'deadline_missed' as const, deadline: stage, dueAt: d.due_at } };
    const missedAudit = { caseId: row.id, action: 'case.deadline_missed', actor: 'system', at, details: { deadline: stage, dueAt: d.due_at, tier: row.tier, assignee: row.assignee_id } };
    if (row.assignee_id) {
      const org = await loadOrg(trx);
      const who = org.byId.get(row.assignee_id);
      await enqueueNotification(trx, { kind: 'deadline_missed', caseId: row.id, recipient: who?.email ?? `employee:${row.assignee_id}`, payload: { deadline: stage, dueAt: d.due_at, tier: row.tier }, at });
    }

    const top = deps.settings.tiers;
    if (row.tier < top) {
      const { routing, org } = await routeStored(trx, deps, row, row.tier + 1, row.assignee_id ? new Set([row.assignee_id]) : undefined);
      const placed = await placeCase(trx, deps, row, { fromTier: row.tier, routing, org, reason, assignReason: 'escalated', at, leading: [missed], audit: [missedAudit] });
      await addDeadline(trx, { caseId: row.id, kind: stage, dueAt: now + stageMs(deps, stage), tier: placed.tier, at });
      return true;
    }
    const { row: next } = await appendEvents(trx, deps, row, [missed], at);
    await appendAudit(trx, [missedAudit]);
    await alertOversight(trx, deps, next, `${stage} deadline missed at the top tier`, at);
    return true;
  });
}
