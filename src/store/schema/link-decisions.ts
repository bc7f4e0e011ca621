import type { Insertable, Selectable } from 'kysely';

/** A moderator's decision on an evasion link: `confirm` (it is the same person) or `reject` (it is not). */
export const LINK_DECISIONS = ['confirm', 'reject'] as const;
export type LinkDecision = (typeof LINK_DECISIONS)[number];

/** A link's status, derived from its latest decision (`pending` while it has none). */
export const LINK_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/**
 * `link_decisions`: append-only — every moderator decision on an `account_links` row, with who and when. A
 * link's status is its latest decision (`linkStatusOf`, ../people.ts). `seq` numbers a link's decisions from 1;
 * (link_id, seq) is unique, so of two concurrent decisions on one link only one commits.
 */
export interface LinkDecisionsTable {
  id: string;
  link_id: string;
  seq: number;
  decision: LinkDecision;
  reason: string;
  /** Id of the API key that decided. */
  decided_by: string;
  decided_at: string;
  /** The link's status before this decision. */
  previous_status: LinkStatus;
}

export type LinkDecisionRow = Selectable<LinkDecisionsTable>;
export type NewLinkDecision = Insertable<LinkDecisionsTable>;
