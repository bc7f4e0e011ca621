/**
 * The group commit's hot statements on SQLite, prepared once per connection and run directly on better-sqlite3:
 * the message rows, review-queue items and labels, and the evidence log's head and entries. Through Kysely each
 * batch built and compiled a multi-row insert per table (an operation-node tree of every value, then the SQL text
 * and its parameter list) before the cached statement ran; here a row is one `run` of a statement prepared once.
 * The rows, columns and values are the ones the Kysely inserts wrote (../message-writer.ts, ../evidence.ts keep
 * those for PostgreSQL).
 *
 * Only inside a transaction on the connection (`hotStatementsOf(trx)`): SQLite has one connection per process, and
 * the transaction holds it, so these statements run inside that transaction.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { ChainHead } from '../hash-chain.ts';
import type { NewEvidenceLogEntry, NewMessage, NewQueueItem, NewQueueLabel } from '../schema/index.ts';

export interface HotStatements {
  /** Inserts the message row unless its id is stored already; true when it was inserted. */
  insertMessage(row: NewMessage): boolean;
  insertQueueItem(row: NewQueueItem): void;
  insertQueueLabel(row: NewQueueLabel): void;
  /** The last entry of the evidence chain, or undefined when it is empty. */
  evidenceHead(): ChainHead | undefined;
  insertEvidence(row: NewEvidenceLogEntry): void;
}

/** The columns each insert writes, in order (every column of the table). */
const MESSAGE_COLUMNS = ['id', 'sender', 'recipient', 'channel', 'kind', 'surface', 'lang', 'text', 'text_redacted', 'verdict', 'labels', 'scores', 'evidence', 'sent_at', 'received_at', 'submitted_by'] as const satisfies ReadonlyArray<keyof NewMessage>;
const QUEUE_ITEM_COLUMNS = ['id', 'message_id', 'status', 'sender', 'surface', 'channel', 'created_at', 'decision_id'] as const satisfies ReadonlyArray<keyof NewQueueItem>;
const EVIDENCE_COLUMNS = ['seq', 'type', 'subject', 'recipient', 'channel', 'message_id', 'created_at', 'entry', 'prev_hash', 'hash'] as const satisfies ReadonlyArray<keyof NewEvidenceLogEntry>;

/** A new column in one of these tables fails to compile here until the insert below writes it. */
type Exhaustive<Row, Columns extends readonly unknown[]> = [Exclude<keyof Row, Columns[number]>] extends [never] ? true : false;
const everyColumn: [Exhaustive<NewMessage, typeof MESSAGE_COLUMNS>, Exhaustive<NewQueueItem, typeof QUEUE_ITEM_COLUMNS>, Exhaustive<NewEvidenceLogEntry, typeof EVIDENCE_COLUMNS>] = [true, true, true];
void everyColumn;

const insertSql = (table: string, columns: readonly string[], suffix = ''): string =>
  `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})${suffix}`;

/** undefined → NULL, as a column left out of an insert (better-sqlite3 binds undefined as NULL too; explicit here). */
const v = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export function prepareHotStatements(raw: BetterSqlite3.Database): HotStatements {
  const message = raw.prepare(insertSql('messages', MESSAGE_COLUMNS, ' on conflict ("id") do nothing'));
  const queueItem = raw.prepare(insertSql('queue_items', QUEUE_ITEM_COLUMNS));
  const queueLabel = raw.prepare(insertSql('queue_labels', ['item_id', 'label']));
  const head = raw.prepare('select "seq", "hash" from "evidence_log" order by "seq" desc limit 1');
  const evidence = raw.prepare(insertSql('evidence_log', EVIDENCE_COLUMNS));
  return {
    insertMessage: (r) =>
      message.run(r.id, r.sender, v(r.recipient), v(r.channel), r.kind, v(r.surface), r.lang, r.text, r.text_redacted, r.verdict, r.labels, r.scores, r.evidence, v(r.sent_at), r.received_at, r.submitted_by).changes > 0,
    insertQueueItem: (r) => void queueItem.run(r.id, r.message_id, r.status, r.sender, v(r.surface), v(r.channel), r.created_at, v(r.decision_id)),
    insertQueueLabel: (r) => void queueLabel.run(r.item_id, r.label),
    evidenceHead: () => head.get() as ChainHead | undefined,
    insertEvidence: (r) => void evidence.run(r.seq, r.type, r.subject, v(r.recipient), v(r.channel), r.message_id, r.created_at, r.entry, r.prev_hash, r.hash),
  };
}

/** Where a Kysely instance or transaction finds its connection's hot statements (set by ./connect.ts). */
export interface HasHotStatements {
  hotStatements(): HotStatements;
}

/** The hot statements of a SQLite store's connection; null on PostgreSQL. Use inside a transaction only. */
export function hotStatementsOf(db: Kysely<any>): HotStatements | null {
  const adapter = db.getExecutor().adapter as Partial<HasHotStatements>;
  return typeof adapter.hotStatements === 'function' ? adapter.hotStatements() : null;
}
