/** `GET /v1/cases/stats`: counts by category and unit, medians, share escalated — every cell under 5 suppressed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, HOUR, startCaseServer, STORY_ORG, type CaseServer } from './helpers.ts';

describe.each(DIALECTS)('case statistics (%s)', (dialect) => {
  let s: CaseServer;
  beforeAll(async () => {
    s = await startCaseServer(dialect);
    await s.importOrg(STORY_ORG);
  });
  afterAll(() => s?.close());

  it('suppresses small cells (and one more beside a lone suppressed one), shows the rest', async () => {
    const file = (category: string, accused: string) =>
      s.request('POST', '/v1/reports', { body: { anonymous: true, category, text: 'Report text.', accused: [accused] } });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await file('sexual_harassment', 'm1')).body.caseId); // sales
    for (let i = 0; i < 5; i++) ids.push((await file('discrimination', 'o2')).body.caseId); // ops
    for (let i = 0; i < 2; i++) ids.push((await file('retaliation', 'o2')).body.caseId); // ops, a small cell
    // Acknowledge and decide every case after 2 h and 10 h.
    const keys: Record<string, string> = {};
    s.clock.advance(2 * HOUR);
    for (const id of ids) {
      const row = await s.store.db.selectFrom('cases').select('assignee_id').where('id', '=', id).executeTakeFirstOrThrow();
      keys[row.assignee_id!] ??= await s.keyFor(row.assignee_id!);
      expect((await s.request('POST', `/v1/cases/${id}/status`, { key: keys[row.assignee_id!], body: { status: 'acknowledged' } })).status).toBe(200);
    }
    s.clock.advance(8 * HOUR);
    for (const id of ids) {
      const row = await s.store.db.selectFrom('cases').select('assignee_id').where('id', '=', id).executeTakeFirstOrThrow();
      await s.request('POST', `/v1/cases/${id}/decision`, { key: keys[row.assignee_id!], body: { outcome: 'inconclusive', text: 'Not enough evidence either way.' } });
    }
    const res = await s.request('GET', '/v1/cases/stats', { key: s.adminKey });
    expect(res.status).toBe(200);
    const hidden = { value: null, suppressed: true };
    expect(res.body).toEqual({
      minCell: 5,
      total: { value: 13, suppressed: false },
      // retaliation (2) is suppressed; alone, total − the shown cells would give it back, so the next smallest
      // cell (discrimination, 5) is suppressed with it.
      byCategory: { discrimination: hidden, retaliation: hidden, sexual_harassment: { value: 6, suppressed: false } },
      byUnit: { ops: { value: 7, suppressed: false }, sales: { value: 6, suppressed: false } },
      medianHoursToAcknowledge: { value: 2, suppressed: false },
      medianHoursToDecide: { value: 10, suppressed: false },
      shareEscalated: { value: 0, suppressed: false },
    });
    // Readers of stats are audited too; investigators may read them.
    const viaInvestigator = await s.request('GET', '/v1/cases/stats', { key: Object.values(keys)[0] });
    expect(viaInvestigator.status).toBe(200);
    const denied = await s.request('GET', '/v1/cases/stats');
    expect(denied.status).toBe(401);
  });
});
