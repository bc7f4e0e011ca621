import type { Insertable, Selectable } from 'kysely';

export const EVIDENCE_TYPES = ['message', 'decision'] as const;
/** `message`: a blocked or held message. `decision`: a moderator's decision on a held one. */
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/**
 * `evidence_log`: append-only, hash-chained. Entry `seq` carries `prev_hash` = the `hash` of entry
 * `seq - 1` (64 zeros for the first) and `hash = sha256(prev_hash + sha256(entry))`, so editing,
 * deleting or reordering any row breaks the chain at that row (`haven evidence verify`).
 * `subject`, `recipient`, `channel`, `message_id`, `type`, `created_at` repeat fields of `entry` for filtering;
 * the verifier checks they agree with it.
 */
export interface EvidenceLogTable {
  seq: number;
  type: EvidenceType;
  /** The sender the entry is about. */
  subject: string;
  recipient: string | null;
  channel: string | null;
  message_id: string;
  created_at: string;
  /** Canonical JSON (sorted keys) of the entry; hashed as stored. */
  entry: string;
  prev_hash: string;
  hash: string;
}

export type EvidenceLogRow = Selectable<EvidenceLogTable>;
export type NewEvidenceLogEntry = Insertable<EvidenceLogTable>;
