import type { Insertable, Selectable } from 'kysely';
import type { PartyRelation } from '../../cases/routing.ts';

/** `case_parties`: the conflict set of a case as resolved at intake — who is accused, their chain, witnesses, a named reporter. */
export interface CasePartiesTable {
  case_id: string;
  employee_id: string;
  relation: PartyRelation;
}

export type CasePartyRow = Selectable<CasePartiesTable>;
export type NewCaseParty = Insertable<CasePartiesTable>;
