/**
 * Delivers the notification outbox after commit: every undelivered row is POSTed as JSON to the configured
 * webhook (`reporting.webhookUrl`) and marked delivered on a 2xx. At-least-once: a receiver should de-duplicate
 * on `id`. Without a webhook the rows stay in `case_outbox` for another system to read.
 */
import { iso } from './clock.ts';
import type { CaseDeps } from './settings.ts';

const MAX_ATTEMPTS = 20;

export type WebhookPost = (url: string, body: string) => Promise<{ ok: boolean; status: number }>;

export const fetchPost: WebhookPost = async (url, body) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(5000) });
  await res.arrayBuffer().catch(() => undefined);
  return { ok: res.ok, status: res.status };
};

/** Delivers up to `batch` pending notifications; returns how many were delivered. */
export async function deliverOutbox(deps: CaseDeps, post: WebhookPost = fetchPost, batch = 100): Promise<number> {
  const url = deps.settings.webhookUrl;
  if (!url) return 0;
  const rows = await deps.db.selectFrom('case_outbox').selectAll().where('delivered_at', 'is', null).where('attempts', '<', MAX_ATTEMPTS).orderBy('id').limit(batch).execute();
  let delivered = 0;
  for (const row of rows) {
    const body = JSON.stringify({ id: row.id, kind: row.kind, caseId: row.case_id, recipient: row.recipient, createdAt: row.created_at, payload: JSON.parse(row.payload) as unknown });
    let error: string | null = null;
    try {
      const res = await post(url, body);
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    await deps.db
      .updateTable('case_outbox')
      .set(error ? { attempts: Number(row.attempts) + 1, last_error: error.slice(0, 500) } : { attempts: Number(row.attempts) + 1, delivered_at: iso(Date.now()), last_error: null })
      .where('id', '=', row.id)
      .execute();
    if (!error) delivered += 1;
  }
  return delivered;
}
