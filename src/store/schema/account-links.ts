import type { Insertable, Selectable } from 'kysely';

/**
 * `account_links`: append-only — a young account linked to an earlier one as its likely evasion, with the
 * score and the reasons (JSON array of `LinkReason`, src/actors/evasion.ts) for review (`GET /v1/links`).
 */
export interface AccountLinksTable {
  id: string;
  /** The new account. */
  account: string;
  /** The earlier account it is treated as. */
  linked_to: string;
  score: number;
  reasons: string;
  /** The message that triggered the link. */
  message_id: string;
  /** The person it contacted. */
  recipient: string | null;
  created_at: string;
}

export type AccountLinkRow = Selectable<AccountLinksTable>;
export type NewAccountLink = Insertable<AccountLinksTable>;
