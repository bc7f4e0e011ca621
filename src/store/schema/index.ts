/**
 * The database as Kysely sees it: one file per table in this folder, one line per table here.
 * Add a table: write `<table>.ts`, add it below, add a migration in ../migrations/.
 */
import type { ApiKeysTable } from './api-keys.ts';
import type { EvidenceLogTable } from './evidence-log.ts';
import type { MessagesTable } from './messages.ts';
import type { QueueDecisionsTable } from './queue-decisions.ts';
import type { QueueItemsTable } from './queue-items.ts';
import type { QueueLabelsTable } from './queue-labels.ts';

export interface Database {
  api_keys: ApiKeysTable;
  messages: MessagesTable;
  queue_items: QueueItemsTable;
  queue_labels: QueueLabelsTable;
  queue_decisions: QueueDecisionsTable;
  evidence_log: EvidenceLogTable;
}

export * from './api-keys.ts';
export * from './evidence-log.ts';
export * from './messages.ts';
export * from './queue-decisions.ts';
export * from './queue-items.ts';
export * from './queue-labels.ts';
