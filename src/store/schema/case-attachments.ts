import type { Insertable, Selectable } from 'kysely';

/** `case_attachments`: files sent with a report or a reporter's message; name and bytes sealed with AES-256-GCM. */
export interface CaseAttachmentsTable {
  id: string;
  case_id: string;
  /** The `case_events.seq` it came with. */
  event_seq: number;
  filename: string;
  content_type: string;
  size: number;
  content: string;
  created_at: string;
}

export type CaseAttachmentRow = Selectable<CaseAttachmentsTable>;
export type NewCaseAttachment = Insertable<CaseAttachmentsTable>;
