import type { Insertable, Selectable } from 'kysely';

/**
 * `org_employees`: the organisation chart as last imported (`PUT /v1/org`, `haven org import`), replaced whole
 * on every import. Investigators are rows with role `investigator` and a tier.
 */
export interface OrgEmployeesTable {
  id: string;
  name: string;
  /** Lower-cased, whitespace-folded name, for resolving people named in a report. */
  name_key: string;
  email: string | null;
  manager_id: string | null;
  unit: string;
  role: string | null;
  tier: number | null;
  imported_at: string;
}

export type OrgEmployeeRow = Selectable<OrgEmployeesTable>;
export type NewOrgEmployee = Insertable<OrgEmployeesTable>;
