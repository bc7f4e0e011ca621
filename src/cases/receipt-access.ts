/**
 * The reporter's side, reached with nothing but a receipt: read the case's status, the decision and the
 * conversation; add messages (and attachments). Every wrong receipt costs one scrypt, whether the locator or
 * the secret was wrong; the API adds a per-client rate limit on top.
 */
import { newId } from '../store/ids.ts';
import { appendAudit } from './audit.ts';
import { appendEvents, enqueueNotification, normalizeRow, withCase } from './case-store.ts';
import { iso } from './clock.ts';
import { CaseError } from './errors.ts';
import type { Attachment } from './intake.ts';
import { loadOrg } from './org-store.ts';
import { parseReceipt, verifySecret } from './receipt.ts';
import type { CaseDeps } from './settings.ts';
import { receiptView, type ReceiptView } from './views.ts';

export const RECEIPT_FIELD = 'X-Haven-Receipt';

/** The case id a receipt opens; throws `unauthorized` (after the same work either way) when it opens none. */
export async function openReceipt(deps: CaseDeps, code: string | undefined): Promise<string> {
  if (code === undefined || code.trim() === '') throw new CaseError('unauthorized', `send the receipt in the ${RECEIPT_FIELD} header`, RECEIPT_FIELD);
  const parsed = parseReceipt(code);
  if (!parsed) throw new CaseError('invalid_request', `${RECEIPT_FIELD}: not a receipt (28 letters and digits, in groups of four)`, RECEIPT_FIELD);
  const row = await deps.db.selectFrom('cases').select(['id', 'receipt_salt', 'receipt_hash']).where('receipt_locator', '=', parsed.locator).executeTakeFirst();
  const ok = await verifySecret(parsed.secret, row ? { salt: row.receipt_salt, hash: row.receipt_hash } : null);
  if (!ok || !row) throw new CaseError('unauthorized', 'this receipt does not open any case', RECEIPT_FIELD);
  return row.id;
}

export async function readByReceipt(deps: CaseDeps, code: string | undefined): Promise<ReceiptView> {
  const caseId = await openReceipt(deps, code);
  return withCase(deps, caseId, async (trx, row) => {
    await appendAudit(trx, [{ caseId, action: 'receipt.read', actor: 'reporter', at: iso(deps.clock.now()) }]);
    return receiptView(trx, deps, normalizeRow(row));
  });
}

export async function messageByReceipt(deps: CaseDeps, code: string | undefined, text: string, attachments: readonly Attachment[]): Promise<ReceiptView> {
  const caseId = await openReceipt(deps, code);
  return withCase(deps, caseId, async (trx, row) => {
    const at = iso(deps.clock.now());
    const seq = row.event_count + 1;
    const { row: next } = await appendEvents(trx, deps, row, [{ actor: 'reporter', data: { type: 'message', from: 'reporter', attachments: attachments.length }, content: text }], at);
    for (const a of attachments) {
      await trx
        .insertInto('case_attachments')
        .values({ id: newId('att'), case_id: caseId, event_seq: seq, filename: deps.cipher.seal(a.filename), content_type: a.contentType, size: a.bytes.length, content: deps.cipher.seal(a.bytes), created_at: at })
        .execute();
    }
    if (next.assignee_id) {
      const org = await loadOrg(trx);
      const assignee = org.byId.get(next.assignee_id);
      await enqueueNotification(trx, { kind: 'reporter_message', caseId, recipient: assignee?.email ?? `employee:${next.assignee_id}`, payload: { event: seq, at }, at });
    }
    await appendAudit(trx, [{ caseId, action: 'receipt.message', actor: 'reporter', at, details: { event: seq, attachments: attachments.length } }]);
    return receiptView(trx, deps, next);
  });
}
