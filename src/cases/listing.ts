/**
 * `GET /v1/cases`: the cases the caller's employee may see — the same rule as reading one (./access.ts),
 * applied to every candidate — and the aggregate statistics.
 */
import { appendAudit } from './audit.ts';
import { conflictSet, type Party } from './routing.ts';
import { caseAccess, UNBOUND_MESSAGE, type Viewer } from './access.ts';
import { normalizeRow } from './case-store.ts';
import { iso } from './clock.ts';
import { CaseError } from './errors.ts';
import { loadOrg } from './org-store.ts';
import type { CaseDeps } from './settings.ts';
import { caseStats, type CaseStats } from './stats.ts';
import type { CaseStatus } from './transitions.ts';
import type { CaseSummary } from './views.ts';

export interface ListQuery {
  status?: CaseStatus | undefined;
  /** Only cases with ids after this one (paging cursor). */
  after?: string | undefined;
  limit: number;
}

export async function listCases(deps: CaseDeps, viewer: Viewer, q: ListQuery): Promise<{ cases: CaseSummary[]; next: string | null }> {
  if (viewer.employeeId === null) throw new CaseError('forbidden', UNBOUND_MESSAGE);
  const employeeId = viewer.employeeId;
  return deps.db.transaction().execute(async (trx) => {
    const org = await loadOrg(trx);
    const employee = org.byId.get(employeeId);
    const out: CaseSummary[] = [];
    let cursor = q.after;
    let more = true;
    // Page through candidates until `limit` visible cases are found (conflicted ones are skipped, not counted).
    while (out.length < q.limit && more) {
      let query = trx.selectFrom('cases').selectAll().orderBy('id').limit(200);
      if (q.status) query = query.where('status', '=', q.status);
      if (cursor) query = query.where('id', '>', cursor);
      const rows = (await query.execute()).map(normalizeRow);
      more = rows.length === 200;
      if (rows.length === 0) break;
      const parties = await trx.selectFrom('case_parties').selectAll().where('case_id', 'in', rows.map((r) => r.id)).execute();
      const byCase = new Map<string, Party[]>();
      for (const p of parties) byCase.set(p.case_id, [...(byCase.get(p.case_id) ?? []), { employeeId: p.employee_id, relation: p.relation }]);
      const deadlines = await trx
        .selectFrom('case_deadlines')
        .select(['case_id', 'kind', 'due_at'])
        .where('case_id', 'in', rows.map((r) => r.id))
        .where('state', '=', 'pending')
        .where('kind', 'in', ['acknowledge', 'triage', 'decision'])
        .orderBy('due_at')
        .execute();
      for (const row of rows) {
        cursor = row.id;
        const conflicts = conflictSet(org, row.category, byCase.get(row.id) ?? []);
        if (!caseAccess(employeeId, employee, row, conflicts).ok) continue;
        const next = deadlines.find((d) => d.case_id === row.id);
        out.push({
          id: row.id,
          status: row.status,
          tier: row.tier,
          category: row.category,
          assignee: row.assignee_id,
          createdAt: row.created_at,
          nextDeadline: next ? { kind: next.kind, dueAt: next.due_at } : null,
        });
        if (out.length === q.limit) break;
      }
    }
    await appendAudit(trx, [
      { caseId: null, action: 'cases.listed', actor: `employee:${employeeId}`, at: iso(deps.clock.now()), keyId: viewer.keyId, details: { cases: out.map((c) => c.id) } },
    ]);
    return { cases: out, next: out.length === q.limit ? out[out.length - 1]!.id : null };
  });
}

export async function readStats(deps: CaseDeps, viewer: Viewer): Promise<CaseStats> {
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('cases').select(['category', 'unit', 'created_at', 'acknowledged_at', 'decided_at', 'escalations']).execute();
    await appendAudit(trx, [{ caseId: null, action: 'cases.stats_read', actor: viewer.employeeId ? `employee:${viewer.employeeId}` : `key:${viewer.keyId}`, at: iso(deps.clock.now()), keyId: viewer.keyId }]);
    return caseStats(
      rows.map((r) => ({ category: r.category, unit: r.unit, createdAt: r.created_at, acknowledgedAt: r.acknowledged_at, decidedAt: r.decided_at, escalated: Number(r.escalations) > 0 })),
    );
  });
}
