/**
 * Routing away from conflicts (pure). A case's conflict set is everyone who must never handle or read it:
 * the accused and their whole management chain; for retaliation reports also the reporter's chain; and the
 * people inside the case (a named reporter, witnesses). Assignment picks a conflict-free investigator at the
 * case's tier, going up a tier while none exists.
 */
import { isInvestigator, managementChain, type Employee, type OrgChart } from './org.ts';

export const CATEGORIES = ['sexual_harassment', 'sexual_assault', 'coerced_drinking', 'retaliation', 'discrimination', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const PARTY_RELATIONS = ['accused', 'accused_chain', 'reporter', 'reporter_chain', 'witness'] as const;
/** Why someone is in a case's conflict set. */
export type PartyRelation = (typeof PARTY_RELATIONS)[number];

export interface Party {
  employeeId: string;
  relation: PartyRelation;
}

export interface CaseParties {
  category: Category;
  /** Employee ids (already resolved from ids or names). */
  accused: readonly string[];
  witnesses: readonly string[];
  /** Named reports only. */
  reporterId: string | null;
}

/** Everyone in conflict with a case, with why (an employee may appear under several relations). */
export function conflictParties(org: OrgChart, c: CaseParties): Party[] {
  const out: Party[] = [];
  const add = (employeeId: string, relation: PartyRelation) => {
    if (!out.some((p) => p.employeeId === employeeId && p.relation === relation)) out.push({ employeeId, relation });
  };
  for (const a of c.accused) {
    add(a, 'accused');
    for (const m of managementChain(org, a)) add(m, 'accused_chain');
  }
  for (const w of c.witnesses) add(w, 'witness');
  if (c.reporterId) {
    add(c.reporterId, 'reporter');
    if (c.category === 'retaliation') for (const m of managementChain(org, c.reporterId)) add(m, 'reporter_chain');
  }
  return out;
}

/**
 * The ids in conflict: the stored parties of the case plus the CURRENT management chains of its accused (and,
 * for retaliation, of its reporter) — a manager appointed after the report is excluded too.
 */
export function conflictSet(org: OrgChart, category: Category, stored: readonly Party[]): Set<string> {
  const set = new Set(stored.map((p) => p.employeeId));
  for (const p of stored) {
    if (p.relation === 'accused' || (category === 'retaliation' && p.relation === 'reporter')) {
      for (const m of managementChain(org, p.employeeId)) set.add(m);
    }
  }
  return set;
}

export interface RoutingInput {
  org: OrgChart;
  conflicts: ReadonlySet<string>;
  /** The lowest tier to consider. */
  fromTier: number;
  topTier: number;
  /** Open cases per investigator, to spread the work. */
  load: ReadonlyMap<string, number>;
  /** Investigators to pass over (e.g. the one who just missed a deadline), unless nobody else qualifies at a tier. */
  avoid?: ReadonlySet<string>;
}

export interface Routing {
  /** The tier the case lands on. */
  tier: number;
  assignee: Employee | null;
  /** Tiers skipped because they had no conflict-free investigator, lowest first. */
  skipped: number[];
}

/** Starting at `fromTier`, the least-loaded conflict-free investigator of the lowest tier that has one. */
export function routeCase(input: RoutingInput): Routing {
  const skipped: number[] = [];
  for (let tier = input.fromTier; tier <= input.topTier; tier++) {
    const candidates = [...input.org.byId.values()].filter((e) => isInvestigator(e) && e.tier === tier && !input.conflicts.has(e.id));
    const preferred = candidates.filter((e) => !input.avoid?.has(e.id));
    const pool = preferred.length > 0 ? preferred : candidates;
    if (pool.length > 0) {
      pool.sort((a, b) => (input.load.get(a.id) ?? 0) - (input.load.get(b.id) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { tier, assignee: pool[0]!, skipped };
    }
    skipped.push(tier);
  }
  // Nobody anywhere: the case sits at the top tier, unassigned, and oversight is alerted.
  return { tier: input.topTier, assignee: null, skipped: skipped.filter((t) => t < input.topTier) };
}

/** Sexual assault goes to the top tier at once; everything else starts at tier 1. */
export function startingTier(category: Category, topTier: number): number {
  return category === 'sexual_assault' ? topTier : 1;
}
