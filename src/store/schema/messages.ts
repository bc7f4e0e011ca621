import type { Insertable, Selectable } from 'kysely';
import type { Lang, Surface, TextKind, Verdict } from '../../types.ts';

/**
 * `messages`: every message received through `POST /v1/messages`, with its verdict. Append-only:
 * a row is never updated; a moderator's decision is a `queue_decisions` row.
 * JSON columns are TEXT holding JSON, so one schema serves SQLite and PostgreSQL.
 */
export interface MessagesTable {
  id: string;
  sender: string;
  recipient: string | null;
  channel: string | null;
  kind: TextKind;
  surface: Surface | null;
  lang: Lang;
  /** The text as stored: PII replaced when `redactStoredText` is on. */
  text: string;
  /** 1 when `text` is the redacted copy, 0 when it is as sent. */
  text_redacted: number;
  verdict: Verdict;
  /** JSON array of labels. */
  labels: string;
  /** JSON object label → score. */
  scores: string;
  /** JSON array of evidence (offsets into the ORIGINAL text; excerpts inside PII spans masked when redacted). */
  evidence: string;
  sent_at: string | null;
  received_at: string;
  /** The API key that submitted it. */
  submitted_by: string;
}

export type MessageRow = Selectable<MessagesTable>;
export type NewMessage = Insertable<MessagesTable>;
