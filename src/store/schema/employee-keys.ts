import type { Insertable, Selectable } from 'kysely';

/**
 * `employee_keys`: which employee an API key acts as on cases (`haven keys create --role investigator
 * --employee ID`). Case access is decided by that employee — their tier and the case's conflict set — so a
 * key bound to someone in the accused's chain cannot read the case even with the admin role.
 */
export interface EmployeeKeysTable {
  key_id: string;
  employee_id: string;
  created_at: string;
}

export type EmployeeKeyRow = Selectable<EmployeeKeysTable>;
export type NewEmployeeKey = Insertable<EmployeeKeysTable>;
