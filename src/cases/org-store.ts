/**
 * The org chart and key bindings in the store. `replaceOrg` swaps the whole chart in one transaction;
 * `loadOrg` reads it back as an `OrgChart`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema/index.ts';
import { CaseError } from './errors.ts';
import { nameKey, type Employee, type OrgChart } from './org.ts';

export async function replaceOrg(trx: Transaction<Database>, org: OrgChart, at: string): Promise<void> {
  await trx.deleteFrom('org_employees').execute();
  const rows = [...org.byId.values()].map((e) => ({
    id: e.id,
    name: e.name,
    name_key: nameKey(e.name),
    email: e.email,
    manager_id: e.managerId,
    unit: e.unit,
    role: e.role,
    tier: e.tier,
    imported_at: at,
  }));
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('org_employees').values(rows.slice(i, i + 500)).execute();
}

export async function loadOrg(db: Kysely<Database>): Promise<OrgChart> {
  const rows = await db.selectFrom('org_employees').selectAll().execute();
  const byId = new Map<string, Employee>();
  for (const r of rows) {
    byId.set(r.id, { id: r.id, name: r.name, email: r.email, managerId: r.manager_id, unit: r.unit, role: r.role, tier: r.tier === null ? null : Number(r.tier) });
  }
  return { byId };
}

/** Binds an API key to the employee it acts as on cases (replacing an earlier binding). */
export async function bindKeyToEmployee(db: Kysely<Database>, keyId: string, employeeId: string, at: string): Promise<void> {
  const employee = await db.selectFrom('org_employees').select('id').where('id', '=', employeeId).executeTakeFirst();
  if (!employee) throw new CaseError('invalid_request', `no employee ${JSON.stringify(employeeId)} in the org chart (import it first: haven org import FILE)`, 'employeeId');
  const key = await db.selectFrom('api_keys').select('id').where('id', '=', keyId).executeTakeFirst();
  if (!key) throw new CaseError('not_found', `no API key ${keyId}`, 'keyId');
  await db.deleteFrom('employee_keys').where('key_id', '=', keyId).execute();
  await db.insertInto('employee_keys').values({ key_id: keyId, employee_id: employeeId, created_at: at }).execute();
}

export async function employeeIdForKey(db: Kysely<Database>, keyId: string): Promise<string | null> {
  const row = await db.selectFrom('employee_keys').select('employee_id').where('key_id', '=', keyId).executeTakeFirst();
  return row?.employee_id ?? null;
}
