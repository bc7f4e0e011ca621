/**
 * Who may read and act on a case. Not the API role: the EMPLOYEE an API key is bound to (`employee_keys`).
 * A key bound to anyone in the case's conflict set sees nothing — not even with the admin role — and the case
 * is reported as not found rather than forbidden, so its existence is not confirmed either.
 *
 *   may read/act  ⇔  bound to an employee  ∧  not in the conflict set  ∧  (the assignee  ∨  an investigator of tier ≥ the case's)
 */
import type { Kysely, Transaction } from 'kysely';
import type { CaseRow, Database, Role } from '../store/schema/index.ts';
import { caseParties } from './case-store.ts';
import { CaseError } from './errors.ts';
import { employeeIdForKey, loadOrg } from './org-store.ts';
import { isInvestigator, type Employee, type OrgChart } from './org.ts';
import { conflictSet } from './routing.ts';

/** The caller of a case endpoint. */
export interface Viewer {
  keyId: string;
  role: Role;
  /** The employee the key is bound to, if any. */
  employeeId: string | null;
}

export type AccessDecision = { ok: true } | { ok: false; reason: 'unbound' | 'conflicted' | 'not_investigator' | 'tier' };

/** Pure: may this employee see this case? */
export function caseAccess(employeeId: string | null, employee: Employee | undefined, c: Pick<CaseRow, 'tier' | 'assignee_id'>, conflicts: ReadonlySet<string>): AccessDecision {
  if (employeeId === null) return { ok: false, reason: 'unbound' };
  if (conflicts.has(employeeId)) return { ok: false, reason: 'conflicted' };
  if (!isInvestigator(employee)) return { ok: false, reason: 'not_investigator' };
  if (c.assignee_id === employeeId) return { ok: true };
  if (employee.tier >= c.tier) return { ok: true };
  return { ok: false, reason: 'tier' };
}

export const UNBOUND_MESSAGE =
  'this API key is not bound to an employee: case access follows the employee (create one with `haven keys create --role investigator --employee ID`)';

export async function viewerFor(db: Kysely<Database>, keyId: string, role: Role): Promise<Viewer> {
  return { keyId, role, employeeId: await employeeIdForKey(db, keyId) };
}

/** Throws unless the viewer may see the case: 403 for an unbound key, 404 (as if absent) otherwise. */
export async function authorizeCase(trx: Transaction<Database>, viewer: Viewer, row: CaseRow, org?: OrgChart): Promise<{ org: OrgChart; employee: Employee }> {
  if (viewer.employeeId === null) throw new CaseError('forbidden', UNBOUND_MESSAGE);
  const chart = org ?? (await loadOrg(trx));
  const conflicts = conflictSet(chart, row.category, await caseParties(trx, row.id));
  const employee = chart.byId.get(viewer.employeeId);
  const decision = caseAccess(viewer.employeeId, employee, row, conflicts);
  if (!decision.ok) throw new CaseError('not_found', `no case ${row.id}`, 'caseId');
  return { org: chart, employee: employee! };
}
