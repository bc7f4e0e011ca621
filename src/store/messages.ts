/**
 * Messages as stored: the engine's result for a message in context, with PII redacted when policy says so.
 * Writes go through `MessageWriter` (group commit); reads are plain queries.
 */
import type { Kysely } from 'kysely';
import type { Evidence, Label, MessageLabel, MessageResult } from '../types.ts';
import type { Database, MessageRow, MessagesTable, NewMessage } from './schema/index.ts';

/** Which message, from whom, to whom, where, and what kind of text: the first columns of `messages`, as they are. */
type MessageAddress = Pick<MessagesTable, 'id' | 'sender' | 'recipient' | 'channel' | 'kind' | 'surface'>;

/** A screened message on its way to the store. */
export interface IncomingMessage extends MessageAddress {
  /** The text as sent. Never stored when `redact` is on and the engine found PII. */
  text: string;
  result: MessageResult;
  redact: boolean;
  sentAt: string | null;
  receivedAt: string;
  submittedBy: string;
}

/** A message as the API returns it: the row, with JSON columns parsed and names in camelCase. */
export interface StoredMessage extends MessageAddress, Pick<MessagesTable, 'lang' | 'text' | 'verdict'> {
  textRedacted: boolean;
  labels: MessageLabel[];
  scores: Partial<Record<Label, number>>;
  evidence: Evidence[];
  sentAt: string | null;
  receivedAt: string;
  /** The review-queue item, for held messages. */
  queueItemId: string | null;
}

export const MASK = '[redacted]';

/**
 * The evidence to store: when the text is stored redacted, excerpts that are (or overlap) PII are masked,
 * so the PII does not survive in the evidence either. Offsets still point into the text as sent.
 */
export function evidenceForStorage(result: MessageResult, redacted: boolean): Evidence[] {
  if (!redacted) return result.evidence;
  const pii = result.evidence.filter((e) => e.label === 'pii');
  return result.evidence.map((e) =>
    e.label === 'pii' || pii.some((p) => p.start < e.end && e.start < p.end) ? { ...e, excerpt: MASK } : e,
  );
}

export function toMessageRow(msg: IncomingMessage): NewMessage {
  const redacted = msg.redact && msg.result.redacted !== undefined && msg.result.redacted !== msg.text;
  return {
    id: msg.id,
    sender: msg.sender,
    recipient: msg.recipient,
    channel: msg.channel,
    kind: msg.kind,
    surface: msg.surface,
    lang: msg.result.lang,
    text: redacted ? msg.result.redacted! : msg.text,
    text_redacted: redacted ? 1 : 0,
    verdict: msg.result.verdict,
    labels: JSON.stringify(msg.result.labels),
    scores: JSON.stringify(msg.result.scores),
    evidence: JSON.stringify(evidenceForStorage(msg.result, redacted)),
    sent_at: msg.sentAt,
    received_at: msg.receivedAt,
    submitted_by: msg.submittedBy,
  };
}

export function fromMessageRow(row: MessageRow | NewMessage, queueItemId: string | null): StoredMessage {
  return {
    id: row.id,
    sender: row.sender,
    recipient: row.recipient ?? null,
    channel: row.channel ?? null,
    kind: row.kind,
    surface: row.surface ?? null,
    lang: row.lang,
    text: row.text,
    textRedacted: row.text_redacted === 1,
    verdict: row.verdict,
    labels: JSON.parse(row.labels) as MessageLabel[],
    scores: JSON.parse(row.scores) as Partial<Record<Label, number>>,
    evidence: JSON.parse(row.evidence) as Evidence[],
    sentAt: row.sent_at ?? null,
    receivedAt: row.received_at,
    queueItemId,
  };
}

export async function getMessage(db: Kysely<Database>, id: string): Promise<StoredMessage | undefined> {
  const row = await db
    .selectFrom('messages')
    .leftJoin('queue_items', 'queue_items.message_id', 'messages.id')
    .selectAll('messages')
    .select('queue_items.id as queue_item_id')
    .where('messages.id', '=', id)
    .executeTakeFirst();
  return row ? fromMessageRow(row, row.queue_item_id) : undefined;
}
