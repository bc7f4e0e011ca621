/**
 * Routing away from conflicts, through the HTTP API: sexual assault goes straight to the top tier with a
 * police-report prompt; an accused investigator never gets (or sees) the case; when the accused's manager is
 * the only tier-1 investigator the case goes up a tier; retaliation reports also exclude the reporter's chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployeeInput } from '../../src/cases/org.ts';
import { DIALECTS, startCaseServer, STORY_ORG, type CaseServer } from './helpers.ts';

const report = (over: Record<string, unknown>) => ({ anonymous: true, category: 'sexual_harassment', text: 'It happened again at the offsite.', accused: ['m1'], ...over });

describe.each(DIALECTS)('routing (%s)', (dialect) => {
  let s: CaseServer;
  const keys: Record<string, string> = {};
  const open = async (key: string, caseId: string) => s.request('GET', `/v1/cases/${caseId}`, { key });
  const file = async (body: Record<string, unknown>) => {
    const res = await s.request('POST', '/v1/reports', { body });
    expect(res.status).toBe(201);
    return res.body as { caseId: string; receipt: string; policeReportPrompt: boolean };
  };
  /** The case as its assignee (or a top-tier investigator) sees it. */
  const view = async (caseId: string) => {
    for (const id of ['b2', 'b1']) {
      const res = await open(keys[id]!, caseId);
      if (res.status === 200) return res.body;
    }
    throw new Error('no top-tier investigator can see the case');
  };

  beforeAll(async () => {
    s = await startCaseServer(dialect);
    await s.importOrg(STORY_ORG);
    for (const e of STORY_ORG) keys[e.id] = await s.keyFor(e.id);
  });
  afterAll(() => s?.close());

  it('sends sexual assault straight to the top tier, with a police-report prompt', async () => {
    const { caseId, receipt, policeReportPrompt } = await file(report({ category: 'sexual_assault', text: 'He assaulted me in the storeroom.' }));
    expect(policeReportPrompt).toBe(true);
    const v = await view(caseId);
    expect(v).toMatchObject({ tier: 3, policeReportPrompt: true });
    expect(['b1', 'b2']).toContain(v.assignee.id);
    expect(v.events.filter((e: any) => e.type === 'escalated')).toEqual([]);
    // Tier 1 and 2 investigators do not see a tier-3 case.
    for (const id of ['h1', 'h2', 'e1']) expect((await open(keys[id]!, caseId)).status).toBe(404);
    const r = await s.request('GET', '/v1/receipt', { receipt });
    expect(r.body).toMatchObject({ policeReportPrompt: true, policeReportAdvice: expect.stringContaining('police') });
  });

  it('never assigns an accused investigator, who cannot read the case either', async () => {
    const { caseId } = await file(report({ accused: ['Henry Ito'] }));
    const v = await view(caseId);
    expect(v.tier).toBe(1);
    expect(v.assignee.id).not.toBe('h1');
    // h1 is accused; hd1 and c1 are above him. d1 is conflict-free for this case.
    expect(['h2', 'd1']).toContain(v.assignee.id);
    expect((await open(keys.h1!, caseId)).status).toBe(404);
    const list = await s.request('GET', '/v1/cases', { key: keys.h1 });
    expect(list.body.cases.map((c: any) => c.id)).not.toContain(caseId);
    expect((await s.request('POST', `/v1/cases/${caseId}/notes`, { key: keys.h1, body: { text: 'nothing happened' } })).status).toBe(404);
  });

  it('offers only conflict-free investigators for reassignment, and refuses anyone else', async () => {
    const { caseId } = await file(report({ accused: ['Mark Lee'] }));
    const assignee = (await view(caseId)).assignee.id as string;
    const key = keys[assignee]!;
    const candidates = await s.request('GET', `/v1/cases/${caseId}/assignees`, { key });
    expect(candidates.status).toBe(200);
    expect(candidates.body.candidates.map((c: any) => c.id)).toEqual(['h1', 'h2', 'e1', 'b1', 'b2']);
    for (const conflicted of ['d1', 'm1', 'c1', 's1']) {
      const res = await s.request('POST', `/v1/cases/${caseId}/assignment`, { key, body: { assigneeId: conflicted } });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('assigneeId');
    }
    const up = await s.request('POST', `/v1/cases/${caseId}/assignment`, { key, body: { assigneeId: 'e1' } });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ tier: 2, assignee: { id: 'e1' } });
    expect(up.body.events.slice(-2)).toMatchObject([
      { type: 'escalated', fromTier: 1, toTier: 2, reason: 'reassigned', by: assignee },
      { type: 'assigned', assignee: 'e1', tier: 2, reason: 'reassigned' },
    ]);
  });

  it('retaliation: the reporter\'s own chain is excluded too', async () => {
    // Sara (s1) reports retaliation by Olga (ops) — Sara's chain is m1 → d1 → c1, so d1 may not investigate.
    const ids = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const { caseId } = await file({ anonymous: false, reporterId: 's1', category: 'retaliation', text: 'Since my report I am left off every rota.', accused: ['o2'] });
      const v = await view(caseId);
      expect(v.reporter).toEqual({ id: 's1', name: 'Sara Kim' });
      ids.add(v.assignee.id);
      expect((await open(keys.d1!, caseId)).status).toBe(404);
      expect((await open(keys.m1!, caseId)).status).toBe(404);
    }
    expect(ids.has('d1')).toBe(false);
  });
});

describe.each(DIALECTS)('routing when the accused\'s manager is the only tier-1 investigator (%s)', (dialect) => {
  // Kai manages Lena; Kai is also the only HR case handler. Tier 2 must take it.
  const ORG: EmployeeInput[] = [
    { id: 'ceo', name: 'Ana Costa', unit: 'exec' },
    { id: 'kai', name: 'Kai Berg', unit: 'hr', managerId: 'ceo', role: 'investigator', tier: 1 },
    { id: 'lena', name: 'Lena Fox', unit: 'hr', managerId: 'kai' },
    { id: 'eth', name: 'Ethan Moor', unit: 'ethics', role: 'investigator', tier: 2 },
    { id: 'brd', name: 'Bo Grant', unit: 'board', role: 'investigator', tier: 3 },
  ];
  let s: CaseServer;
  beforeAll(async () => {
    s = await startCaseServer(dialect, { config: { reporting: { oversightContacts: ['board@example.com', 'auditor@example.com'] } } });
    await s.importOrg(ORG);
  });
  afterAll(() => s?.close());

  it('goes up to tier 2, and records why', async () => {
    const res = await s.request('POST', '/v1/reports', { body: { anonymous: true, category: 'discrimination', text: 'Lena passes me over because of my religion.', accused: ['Lena Fox'] } });
    expect(res.status).toBe(201);
    const eth = await s.keyFor('eth');
    const kai = await s.keyFor('kai', 'admin');
    const v = (await s.request('GET', `/v1/cases/${res.body.caseId}`, { key: eth })).body;
    expect(v).toMatchObject({ tier: 2, assignee: { id: 'eth' } });
    expect(v.events.filter((e: any) => e.type === 'escalated')).toEqual([
      { seq: 2, type: 'escalated', fromTier: 1, toTier: 2, reason: 'no_conflict_free_investigator', at: v.createdAt, by: 'system' },
    ]);
    expect((await s.request('GET', `/v1/cases/${res.body.caseId}`, { key: kai })).status).toBe(404);
  });

  it('with nobody conflict-free at any tier, it sits unassigned at the top and oversight is alerted', async () => {
    // Accuse the top: the CEO's reports are everyone but the board member, and the board member is accused too.
    const res = await s.request('POST', '/v1/reports', { body: { anonymous: true, category: 'other', text: 'The leadership covered it up.', accused: ['kai', 'eth', 'brd'] } });
    expect(res.status).toBe(201);
    const row = await s.store.db.selectFrom('cases').selectAll().where('id', '=', res.body.caseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ tier: 3, assignee_id: null });
    const alerts = await s.store.db.selectFrom('case_outbox').select(['recipient', 'kind']).where('case_id', '=', row.id).where('kind', '=', 'oversight_alert').execute();
    expect(alerts.map((a) => a.recipient).sort()).toEqual(['auditor@example.com', 'board@example.com']);
  });
});
