/**
 * Group commit for incoming messages. Requests hand their message to `write()`; the writer gathers every
 * message that arrives while the previous batch commits and stores the next batch in ONE transaction
 * (message rows, review-queue items, evidence entries), then resolves each request's promise — so a
 * response is only sent after its message is committed, and one fsync is shared by the whole batch. On SQLite
 * that fsync runs on libuv's thread pool (./durability.ts), so the event loop keeps parsing and screening the
 * next requests while the batch reaches the disk.
 *
 * Idempotency: a message whose id is already stored (or appears earlier in the same batch) is not stored
 * again; its promise resolves to the stored message with `created: false`.
 * A failing batch is retried one message at a time, so one bad message fails only its own request.
 */
import type { Kysely, Transaction } from 'kysely';
import { checkpointIfDue, commitLater, synced } from './durability.ts';
import { appendEvidence, type EvidenceEntry } from './evidence.ts';
import { newId } from './ids.ts';
import { fromMessageRow, toMessageRow, type IncomingMessage, type StoredMessage } from './messages.ts';
import type { Database, NewMessage, NewQueueItem, NewQueueLabel } from './schema/index.ts';
import { hotStatementsOf } from './sqlite/hot-statements.ts';

export interface WriteResult {
  message: StoredMessage;
  /** False when a message with this id was already stored. */
  created: boolean;
}

/**
 * Work to do in the same transaction as a message's first store (strikes, raid membership): it commits with the
 * message, so an acknowledged message's consequences are durable too. Runs again if the batch is retried.
 */
export type OnCreated = (trx: Transaction<Database>) => Promise<void>;

interface Pending {
  message: IncomingMessage;
  onCreated: OnCreated | undefined;
  resolve(result: WriteResult): void;
  reject(err: unknown): void;
}

export interface MessageWriterOptions {
  /** Most messages per transaction (default 256). */
  batchMax?: number;
  /** Called after each committed batch with its size (metrics). */
  onBatch?: (size: number) => void;
}

export class MessageWriter {
  readonly #db: Kysely<Database>;
  readonly #batchMax: number;
  readonly #onBatch: ((size: number) => void) | undefined;
  #queue: Pending[] = [];
  #running: Promise<void> | null = null;
  #closed = false;

  constructor(db: Kysely<Database>, options: MessageWriterOptions = {}) {
    this.#db = db;
    this.#batchMax = options.batchMax ?? 256;
    this.#onBatch = options.onBatch;
  }

  /** Stores the message; resolves once it is committed. */
  write(message: IncomingMessage, onCreated?: OnCreated): Promise<WriteResult> {
    if (this.#closed) return Promise.reject(new Error('message writer is closed'));
    return new Promise<WriteResult>((resolve, reject) => {
      this.#queue.push({ message, onCreated, resolve, reject });
      if (!this.#running) this.#running = this.#drain();
    });
  }

  /** Waits for every accepted message to be committed, then refuses new ones. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#running) await this.#running;
  }

  /**
   * One batch at a time: the next batch gathers the messages that arrive while this one commits and syncs (on
   * SQLite the sync runs off the event loop, so they keep arriving). Storing the next batch during the sync
   * instead was measured: smaller batches, more CPU per message, lower throughput.
   */
  async #drain(): Promise<void> {
    try {
      // Let the requests that are already parsed join this batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, this.#batchMax);
        const stored = await this.#store(batch);
        // A long WAL is copied into the database (SQLite) while no batch is being written: during this batch's
        // fsync, and the next batch waits for it. The requests are answered after the fsync alone.
        const checkpoint = checkpointIfDue(this.#db)?.();
        await this.#acknowledge(stored);
        if (checkpoint) await checkpoint;
      }
    } finally {
      this.#running = null;
    }
  }

  /** Commits the batch in one transaction, or one message at a time if that fails; returns what was committed. */
  async #store(batch: Pending[]): Promise<Array<{ pending: Pending; result: WriteResult }>> {
    let results: WriteResult[];
    try {
      results = await this.#db.transaction().execute((trx) => {
        // The fsync runs off the event loop (./durability.ts); nobody is answered before it completes.
        commitLater(trx);
        return storeBatch(trx, batch.map((p) => p.message), batch.map((p) => p.onCreated));
      });
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return [];
      }
      const stored: Array<{ pending: Pending; result: WriteResult }> = [];
      for (const one of batch) stored.push(...(await this.#store([one])));
      return stored;
    }
    this.#onBatch?.(batch.length);
    return batch.map((pending, i) => ({ pending, result: results[i]! }));
  }

  /** Answers the committed messages once they are on disk. Never rejects. */
  async #acknowledge(stored: Array<{ pending: Pending; result: WriteResult }>): Promise<void> {
    if (stored.length === 0) return;
    try {
      await synced(this.#db);
    } catch (err) {
      // Committed but perhaps not on disk: fail the requests; a retry with the same id finds the stored message.
      for (const { pending } of stored) pending.reject(err);
      return;
    }
    for (const { pending, result } of stored) pending.resolve(result);
  }
}

/** Stores a batch inside a transaction; returns one result per message, in order. */
export async function storeBatch(trx: Transaction<Database>, messages: readonly IncomingMessage[], onCreated: ReadonlyArray<OnCreated | undefined> = []): Promise<WriteResult[]> {
  // First occurrence of each id wins; later duplicates resolve to it.
  const firstIndex = new Map<string, number>();
  const unique: IncomingMessage[] = [];
  for (const m of messages) {
    if (!firstIndex.has(m.id)) {
      firstIndex.set(m.id, unique.length);
      unique.push(m);
    }
  }
  const rows = unique.map(toMessageRow);
  const inserted = new Set<string>();
  // SQLite: statements prepared once (./sqlite/hot-statements.ts); PostgreSQL: multi-row inserts through Kysely.
  const hot = hotStatementsOf(trx);
  if (hot) {
    for (const row of rows) if (hot.insertMessage(row)) inserted.add(row.id);
  } else for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const ids = await trx
      .insertInto('messages')
      .values(chunk)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    for (const { id } of ids) inserted.add(id);
  }

  const stored = new Map<string, StoredMessage>();
  const existingIds = rows.filter((r) => !inserted.has(r.id)).map((r) => r.id);
  if (existingIds.length > 0) {
    const existing = await trx
      .selectFrom('messages')
      .leftJoin('queue_items', 'queue_items.message_id', 'messages.id')
      .selectAll('messages')
      .select('queue_items.id as queue_item_id')
      .where('messages.id', 'in', existingIds)
      .execute();
    for (const row of existing) stored.set(row.id, fromMessageRow(row, row.queue_item_id));
  }

  const queueItems: NewQueueItem[] = [];
  const queueLabels: NewQueueLabel[] = [];
  const evidence: EvidenceEntry[] = [];
  for (const [i, row] of rows.entries()) {
    if (!inserted.has(row.id)) continue;
    const message = unique[i]!;
    let queueItemId: string | null = null;
    if (row.verdict === 'hold') {
      queueItemId = newId('q');
      queueItems.push({
        id: queueItemId,
        message_id: row.id,
        status: 'pending',
        sender: row.sender,
        surface: row.surface ?? null,
        channel: row.channel ?? null,
        created_at: row.received_at,
        decision_id: null,
      });
      for (const label of new Set(message.result.labels)) queueLabels.push({ item_id: queueItemId, label });
    }
    const storedMessage = fromMessageRow(row, queueItemId);
    stored.set(row.id, storedMessage);
    if (row.verdict !== 'allow') evidence.push(messageEvidence(storedMessage, row));
  }
  if (hot) {
    for (const item of queueItems) hot.insertQueueItem(item);
    for (const label of queueLabels) hot.insertQueueLabel(label);
  } else {
    for (let i = 0; i < queueItems.length; i += 500) await trx.insertInto('queue_items').values(queueItems.slice(i, i + 500)).execute();
    for (let i = 0; i < queueLabels.length; i += 1000) await trx.insertInto('queue_labels').values(queueLabels.slice(i, i + 1000)).execute();
  }
  await appendEvidence(trx, evidence);

  const results = messages.map((m) => {
    const message = stored.get(m.id);
    if (!message) throw new Error(`message ${m.id} vanished during its own transaction`);
    const created = inserted.has(m.id) && unique[firstIndex.get(m.id)!] === m;
    return { message, created };
  });
  for (const [i, r] of results.entries()) if (r.created) await onCreated[i]?.(trx);
  return results;
}

function messageEvidence(message: StoredMessage, row: NewMessage): EvidenceEntry {
  return {
    type: 'message',
    subject: message.sender,
    recipient: message.recipient,
    channel: message.channel,
    messageId: message.id,
    createdAt: message.receivedAt,
    verdict: message.verdict,
    labels: message.labels,
    scores: message.scores,
    evidence: message.evidence,
    text: message.text,
    textRedacted: message.textRedacted,
    kind: message.kind,
    surface: message.surface,
    lang: message.lang,
    sentAt: message.sentAt,
    queueItemId: message.queueItemId,
    submittedBy: row.submitted_by,
  };
}
