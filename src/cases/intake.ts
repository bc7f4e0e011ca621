/**
 * Intake: a report becomes a case in ONE transaction — the derived row, the conflict parties, the `reported`
 * event (content sealed), attachments, routing, deadlines, notifications and audit entries — or nothing at all.
 * An anonymous report stores no address, user agent or account: only what the reporter wrote, and the
 * receipt's locator and scrypt hash.
 */
import { newId } from '../store/ids.ts';
import { appendAudit } from './audit.ts';
import { addDeadline, investigatorLoad, type PendingEvent } from './case-store.ts';
import { iso } from './clock.ts';
import { CaseError } from './errors.ts';
import { loadOrg } from './org-store.ts';
import { resolvePerson } from './org.ts';
import { placeCase, NO_CONFLICT_FREE } from './placement.ts';
import { newReceipt } from './receipt.ts';
import { conflictParties, routeCase, startingTier, type Category } from './routing.ts';
import type { CaseDeps } from './settings.ts';

export interface Attachment {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface ReportInput {
  anonymous: boolean;
  category: Category;
  text: string;
  accused: readonly string[];
  witnesses: readonly string[];
  occurredAt?: string | undefined;
  location?: string | undefined;
  reporterId?: string | undefined;
  attachments: readonly Attachment[];
}

export interface ReportReceipt {
  caseId: string;
  /** Shown once; only its hash is kept. */
  receipt: string;
  policeReportPrompt: boolean;
}

/** What the sealed `reported` event holds. */
export interface ReportContent {
  text: string;
  accused: string[];
  witnesses: string[];
  occurredAt: string | null;
  location: string | null;
}

export async function submitReport(deps: CaseDeps, input: ReportInput): Promise<ReportReceipt> {
  const now = deps.clock.now();
  const at = iso(now);
  if (input.anonymous && input.reporterId !== undefined) {
    throw new CaseError('invalid_request', 'reporterId: an anonymous report names no reporter (leave reporterId out, or set anonymous: false)', 'reporterId');
  }
  if (!input.anonymous && input.reporterId === undefined) {
    throw new CaseError('invalid_request', 'reporterId: required for a named report (anonymous: false)', 'reporterId');
  }
  if (input.occurredAt !== undefined && Date.parse(input.occurredAt) > now + 60_000) {
    throw new CaseError('invalid_request', 'occurredAt: is in the future', 'occurredAt');
  }
  // Slow (scrypt): before the transaction, which then holds the write lock only briefly.
  const receipt = await newReceipt();
  const caseId = newId('case');
  const policeReportPrompt = input.category === 'sexual_assault';
  const top = deps.settings.tiers;
  const tier0 = startingTier(input.category, top);

  await deps.db.transaction().execute(async (trx) => {
    const org = await loadOrg(trx);
    if (input.reporterId !== undefined && !org.byId.has(input.reporterId)) {
      throw new CaseError('invalid_request', `reporterId: ${JSON.stringify(input.reporterId)} is not an employee in the org chart`, 'reporterId');
    }
    const accused = [...new Set(input.accused.flatMap((a) => resolvePerson(org, a)))];
    const witnesses = [...new Set(input.witnesses.flatMap((w) => resolvePerson(org, w)))];
    const parties = conflictParties(org, { category: input.category, accused, witnesses, reporterId: input.reporterId ?? null });
    const unit = org.byId.get(accused[0] ?? '')?.unit ?? (input.reporterId ? org.byId.get(input.reporterId)?.unit : undefined) ?? 'unknown';

    const row = {
      id: caseId,
      category: input.category,
      status: 'new' as const,
      tier: tier0,
      assignee_id: null,
      anonymous: input.anonymous ? 1 : 0,
      reporter_id: input.anonymous ? null : (input.reporterId ?? null),
      unit,
      police_prompt: policeReportPrompt ? 1 : 0,
      receipt_locator: receipt.locator,
      receipt_hash: receipt.hash,
      receipt_salt: receipt.salt,
      created_at: at,
      acknowledged_at: null,
      triaged_at: null,
      decided_at: null,
      closed_at: null,
      escalations: 0,
      event_count: 0,
      last_audit_seq: 0,
      updated_at: at,
    };
    await trx.insertInto('cases').values(row).execute();
    if (parties.length > 0) {
      await trx.insertInto('case_parties').values(parties.map((p) => ({ case_id: caseId, employee_id: p.employeeId, relation: p.relation }))).execute();
    }
    for (const a of input.attachments) {
      await trx
        .insertInto('case_attachments')
        .values({ id: newId('att'), case_id: caseId, event_seq: 1, filename: deps.cipher.seal(a.filename), content_type: a.contentType, size: a.bytes.length, content: deps.cipher.seal(a.bytes), created_at: at })
        .execute();
    }
    const content: ReportContent = {
      text: input.text,
      accused: [...input.accused],
      witnesses: [...input.witnesses],
      occurredAt: input.occurredAt ?? null,
      location: input.location ?? null,
    };
    const reported: PendingEvent = {
      actor: 'reporter',
      data: { type: 'reported', category: input.category, anonymous: input.anonymous, tier: tier0, policeReportPrompt, attachments: input.attachments.length },
      content: JSON.stringify(content),
    };
    const conflicts = new Set(parties.map((p) => p.employeeId));
    const routing = routeCase({ org, conflicts, fromTier: tier0, topTier: top, load: await investigatorLoad(trx) });
    const placed = await placeCase(trx, deps, row, {
      fromTier: tier0,
      routing,
      org,
      reason: NO_CONFLICT_FREE,
      assignReason: 'routed',
      at,
      leading: [reported],
      audit: [{ caseId, action: 'case.reported', actor: 'reporter', at, details: { category: input.category, anonymous: input.anonymous, tier: tier0, attachments: input.attachments.length } }],
    });
    await addDeadline(trx, { caseId, kind: 'acknowledge', dueAt: now + deps.settings.ackDeadline, tier: placed.tier, at });
    await addDeadline(trx, { caseId, kind: 'triage', dueAt: now + deps.settings.triageDeadline, tier: placed.tier, at });
    await addDeadline(trx, { caseId, kind: 'decision', dueAt: now + deps.settings.decisionDeadline, tier: placed.tier, at });
  });
  deps.onOutbox?.();
  return { caseId, receipt: receipt.code, policeReportPrompt };
}
