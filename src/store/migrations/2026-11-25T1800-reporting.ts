/**
 * The confidential reporting channel (issue 7): the org chart, API-key ↔ employee bindings, cases (derived
 * row + append-only events), conflict parties, attachments, deadlines, the notification outbox and the
 * hash-chained case audit log. Portable DDL only, so the same migration runs on SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from 'kysely';

export const reporting: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('org_employees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('manager_id', 'text')
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('role', 'text')
      .addColumn('tier', 'integer')
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('org_employees_name_key').on('org_employees').column('name_key').execute();

    await db.schema
      .createTable('employee_keys')
      .addColumn('key_id', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('tier', 'integer', (c) => c.notNull())
      .addColumn('assignee_id', 'text')
      .addColumn('anonymous', 'integer', (c) => c.notNull())
      .addColumn('reporter_id', 'text')
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('police_prompt', 'integer', (c) => c.notNull())
      .addColumn('receipt_locator', 'text', (c) => c.notNull().unique())
      .addColumn('receipt_hash', 'text', (c) => c.notNull())
      .addColumn('receipt_salt', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('acknowledged_at', 'text')
      .addColumn('triaged_at', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('escalations', 'integer', (c) => c.notNull())
      .addColumn('event_count', 'integer', (c) => c.notNull())
      .addColumn('last_audit_seq', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cases_assignee').on('cases').columns(['assignee_id', 'status']).execute();
    await db.schema.createIndex('cases_tier').on('cases').columns(['tier', 'id']).execute();

    await db.schema
      .createTable('case_events')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('content', 'text')
      .addPrimaryKeyConstraint('case_events_pk', ['case_id', 'seq'])
      .execute();

    await db.schema
      .createTable('case_parties')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('relation', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_parties_pk', ['case_id', 'employee_id', 'relation'])
      .execute();
    await db.schema.createIndex('case_parties_employee').on('case_parties').columns(['employee_id', 'case_id']).execute();

    await db.schema
      .createTable('case_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('event_seq', 'integer', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_attachments_case').on('case_attachments').columns(['case_id', 'event_seq']).execute();

    await db.schema
      .createTable('case_deadlines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('tier', 'integer', (c) => c.notNull())
      .addColumn('after_days', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .execute();
    await db.schema.createIndex('case_deadlines_due').on('case_deadlines').columns(['state', 'due_at']).execute();
    await db.schema.createIndex('case_deadlines_case').on('case_deadlines').columns(['case_id', 'state']).execute();

    await db.schema
      .createTable('case_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .execute();
    await db.schema.createIndex('case_outbox_pending').on('case_outbox').columns(['delivered_at', 'id']).execute();

    await db.schema
      .createTable('case_audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('case_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('entry', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .execute();
    await db.schema.createIndex('case_audit_log_case').on('case_audit_log').columns(['case_id', 'seq']).execute();
  },
};
