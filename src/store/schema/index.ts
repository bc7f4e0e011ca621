/**
 * The database as Kysely sees it: one file per table in this folder, one line per table here.
 * Add a table: write `<table>.ts`, add it below, add a migration in ../migrations/.
 */
import type { ApiKeysTable } from './api-keys.ts';
import type { CaseAttachmentsTable } from './case-attachments.ts';
import type { CaseAuditLogTable } from './case-audit-log.ts';
import type { CaseDeadlinesTable } from './case-deadlines.ts';
import type { CaseEventsTable } from './case-events.ts';
import type { CaseOutboxTable } from './case-outbox.ts';
import type { CasePartiesTable } from './case-parties.ts';
import type { CasesTable } from './cases.ts';
import type { EmployeeKeysTable } from './employee-keys.ts';
import type { EvidenceLogTable } from './evidence-log.ts';
import type { MessagesTable } from './messages.ts';
import type { OrgEmployeesTable } from './org-employees.ts';
import type { QueueDecisionsTable } from './queue-decisions.ts';
import type { QueueItemsTable } from './queue-items.ts';
import type { QueueLabelsTable } from './queue-labels.ts';
import type { AccountFingerprintsTable } from './account-fingerprints.ts';
import type { AccountLinksTable } from './account-links.ts';
import type { AccountSanctionsTable } from './account-sanctions.ts';
import type { AccountsTable } from './accounts.ts';
import type { BlocksTable } from './blocks.ts';
import type { RaidEventsTable } from './raid-events.ts';
import type { RaidMembersTable } from './raid-members.ts';
import type { RaidsTable } from './raids.ts';
import type { SanctionEventsTable } from './sanction-events.ts';
import type { ShieldEventsTable } from './shield-events.ts';
import type { ShieldsTable } from './shields.ts';
import type { StrikesTable } from './strikes.ts';

export interface Database {
  api_keys: ApiKeysTable;
  messages: MessagesTable;
  queue_items: QueueItemsTable;
  queue_labels: QueueLabelsTable;
  queue_decisions: QueueDecisionsTable;
  evidence_log: EvidenceLogTable;
  org_employees: OrgEmployeesTable;
  employee_keys: EmployeeKeysTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_parties: CasePartiesTable;
  case_attachments: CaseAttachmentsTable;
  case_deadlines: CaseDeadlinesTable;
  case_outbox: CaseOutboxTable;
  case_audit_log: CaseAuditLogTable;
  accounts: AccountsTable;
  account_fingerprints: AccountFingerprintsTable;
  blocks: BlocksTable;
  strikes: StrikesTable;
  sanction_events: SanctionEventsTable;
  account_sanctions: AccountSanctionsTable;
  account_links: AccountLinksTable;
  raids: RaidsTable;
  raid_events: RaidEventsTable;
  raid_members: RaidMembersTable;
  shield_events: ShieldEventsTable;
  shields: ShieldsTable;
}

export * from './api-keys.ts';
export * from './case-attachments.ts';
export * from './case-audit-log.ts';
export * from './case-deadlines.ts';
export * from './case-events.ts';
export * from './case-outbox.ts';
export * from './case-parties.ts';
export * from './cases.ts';
export * from './employee-keys.ts';
export * from './evidence-log.ts';
export * from './messages.ts';
export * from './org-employees.ts';
export * from './queue-decisions.ts';
export * from './queue-items.ts';
export * from './queue-labels.ts';
export * from './account-fingerprints.ts';
export * from './account-links.ts';
export * from './account-sanctions.ts';
export * from './accounts.ts';
export * from './blocks.ts';
export * from './raid-events.ts';
export * from './raid-members.ts';
export * from './raids.ts';
export * from './sanction-events.ts';
export * from './shield-events.ts';
export * from './shields.ts';
export * from './strikes.ts';
