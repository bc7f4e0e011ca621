/**
 * The story of PRODUCT.md, end to end through the HTTP API: an anonymous report of coerced drinking and groping
 * by a manager → a receipt → routed to a tier-1 investigator outside the manager's chain → nobody acts for
 * 24 hours (fake clock) → escalated to tier 2, recorded → the investigator decides → the reporter reads the
 * decision with the receipt. Then: retaliation check-ins, and the audit chain holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/cases/audit.ts';
import { DAY, DIALECTS, HOUR, startCaseServer, STORY_ORG, type CaseServer } from './helpers.ts';

describe.each(DIALECTS)('the story (%s)', (dialect) => {
  let s: CaseServer;
  let keys: Record<string, string>;
  let caseId = '';
  let receipt = '';

  beforeAll(async () => {
    s = await startCaseServer(dialect, { config: { reporting: { oversightContacts: ['audit-committee@example.com'] } } });
    await s.importOrg(STORY_ORG);
    keys = {};
    for (const id of ['d1', 'h1', 'h2', 'e1', 'b1', 'm1']) keys[id] = await s.keyFor(id);
    keys.d1Admin = await s.keyFor('d1', 'admin');
  });
  afterAll(() => s?.close());

  it('takes an anonymous report and hands back a receipt, once', async () => {
    const res = await s.request('POST', '/v1/reports', {
      body: {
        anonymous: true,
        category: 'coerced_drinking',
        text: 'At the team dinner my manager made me drink shot after shot, and later groped me in the taxi.',
        accused: ['Mark Lee'],
        witnesses: ['s2'],
        occurredAt: '2026-01-02T21:30:00+08:00',
        location: 'Team dinner, Golden Dragon restaurant',
      },
      headers: { 'user-agent': 'Mozilla/5.0 (unique-device-fingerprint)' },
    });
    expect(res.status).toBe(201);
    expect(res.body.caseId).toMatch(/^case_/);
    expect(res.body.receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    expect(res.body.policeReportPrompt).toBe(false);
    expect(res.headers.get('cache-control')).toBe('no-store');
    caseId = res.body.caseId;
    receipt = res.body.receipt;

    // Nothing about the device or the address, and the receipt only as a hash.
    const row = await s.store.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.reporter_id).toBeNull();
    const everything = JSON.stringify(await s.store.db.selectFrom('case_events').selectAll().execute()) + JSON.stringify(row) + JSON.stringify(await s.store.db.selectFrom('case_audit_log').selectAll().execute());
    expect(everything).not.toContain('unique-device-fingerprint');
    expect(everything).not.toContain('127.0.0.1');
    expect(everything).not.toContain(receipt.replace(/-/g, '').slice(8));
    expect(everything).not.toContain('groped');
  });

  it('routes it to a tier-1 investigator outside the manager\'s chain', async () => {
    const res = await s.request('GET', `/v1/cases/${caseId}`, { key: keys.h1 });
    const view = res.status === 200 ? res.body : (await s.request('GET', `/v1/cases/${caseId}`, { key: keys.h2 })).body;
    expect(view).toMatchObject({ id: caseId, status: 'new', tier: 1 });
    expect(['h1', 'h2']).toContain(view.assignee.id);
    expect(view.report).toMatchObject({ accused: ['Mark Lee'], location: 'Team dinner, Golden Dragon restaurant' });
    expect(view.report.text).toContain('groped me in the taxi');
    expect(view.deadlines.filter((d: any) => d.state === 'pending').map((d: any) => d.kind).sort()).toEqual(['acknowledge', 'decision', 'triage']);
    const ack = view.deadlines.find((d: any) => d.kind === 'acknowledge');
    expect(Date.parse(ack.dueAt) - Date.parse(view.createdAt)).toBe(24 * HOUR);
  });

  it('never shows it to the accused or anyone above him — not even with an admin key', async () => {
    for (const key of [keys.m1, keys.d1, keys.d1Admin]) {
      const one = await s.request('GET', `/v1/cases/${caseId}`, { key });
      expect(one.status).toBe(404);
      const list = await s.request('GET', '/v1/cases', { key });
      expect(list.status).toBe(200);
      expect(list.body.cases.map((c: any) => c.id)).not.toContain(caseId);
      const act = await s.request('POST', `/v1/cases/${caseId}/status`, { key, body: { status: 'acknowledged' } });
      expect(act.status).toBe(404);
    }
    // An admin key bound to nobody is refused outright: case access follows the employee.
    const unbound = await s.request('GET', `/v1/cases/${caseId}`, { key: s.adminKey });
    expect(unbound.status).toBe(403);
  });

  it('escalates to tier 2 when nobody acknowledges within 24 hours', async () => {
    s.clock.advance(24 * HOUR - 1000);
    expect(await s.tick()).toBe(0);
    s.clock.advance(2000);
    expect(await s.tick()).toBe(1);
    const res = await s.request('GET', `/v1/cases/${caseId}`, { key: keys.e1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tier: 2, status: 'new', assignee: { id: 'e1', name: 'Erik Sato' } });
    const escalated = res.body.events.find((e: any) => e.type === 'escalated');
    expect(escalated).toMatchObject({ type: 'escalated', fromTier: 1, toTier: 2, reason: 'acknowledge_deadline_missed', at: new Date(s.clock.now()).toISOString() });
    expect(res.body.events.map((e: any) => e.type)).toEqual(['reported', 'assigned', 'deadline_missed', 'escalated', 'assigned']);
    const acks = res.body.deadlines.filter((d: any) => d.kind === 'acknowledge');
    expect(acks.map((d: any) => d.state)).toEqual(['missed', 'pending']);
    // Notified through the outbox, and audited.
    const outbox = await s.store.db.selectFrom('case_outbox').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    expect(outbox.map((o) => o.kind)).toEqual(['case_assigned', 'deadline_missed', 'escalated']);
    expect(outbox[2]!.recipient).toBe('ethics@example.com');
    expect(outbox.map((o) => o.payload).join('')).not.toContain('groped');
    const audit = await s.store.db.selectFrom('case_audit_log').select('action').where('case_id', '=', caseId).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toContain('case.escalated');
    // The tier-1 investigator it was taken from no longer has it.
    const former = res.body.events.find((e: any) => e.type === 'assigned').assignee;
    expect((await s.request('GET', `/v1/cases/${caseId}`, { key: keys[former] })).status).toBe(404);
  });

  it('the reporter reads the status and adds information with the receipt', async () => {
    const before = await s.request('GET', '/v1/receipt', { receipt });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ caseId, status: 'new', acknowledged: false, decision: null, messages: [] });
    const add = await s.request('POST', '/v1/receipt/messages', { receipt, body: { text: 'Sam saw him pour the drinks.' } });
    expect(add.status).toBe(201);
    expect(add.body.messages).toEqual([{ from: 'reporter', text: 'Sam saw him pour the drinks.', at: expect.any(String) }]);
  });

  it('the tier-2 investigator acknowledges, triages, notes, replies and decides', async () => {
    const e1 = keys.e1!;
    expect((await s.request('POST', `/v1/cases/${caseId}/status`, { key: e1, body: { status: 'acknowledged' } })).body.status).toBe('acknowledged');
    expect((await s.request('POST', `/v1/cases/${caseId}/status`, { key: e1, body: { status: 'triaged' } })).body.status).toBe('triaged');
    expect((await s.request('POST', `/v1/cases/${caseId}/notes`, { key: e1, body: { text: 'Interviewed Sam Park; corroborates.' } })).status).toBe(200);
    expect((await s.request('POST', `/v1/cases/${caseId}/messages`, { key: e1, body: { text: 'Thank you. We have spoken to the witness.' } })).status).toBe(200);
    // Closing without a written decision is refused.
    const early = await s.request('POST', `/v1/cases/${caseId}/status`, { key: e1, body: { status: 'closed' } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('decision_required');
    s.clock.advance(3 * DAY);
    const decided = await s.request('POST', `/v1/cases/${caseId}/decision`, {
      key: e1,
      body: { outcome: 'substantiated', text: 'The complaint is upheld. Mr Lee has been removed from management duties and will not supervise you.' },
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('decided');
    expect(decided.body.deadlines.filter((d: any) => d.kind === 'checkin').map((d: any) => d.afterDays)).toEqual([30, 60, 90]);
    expect(decided.body.deadlines.filter((d: any) => ['acknowledge', 'triage', 'decision'].includes(d.kind) && d.state === 'pending')).toEqual([]);
  });

  it('the reporter reads the decision with the receipt — but no internal note', async () => {
    const res = await s.request('GET', '/v1/receipt', { receipt });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'decided', acknowledged: true, decision: { outcome: 'substantiated', text: expect.stringContaining('The complaint is upheld') } });
    expect(res.body.messages.map((m: any) => m.from)).toEqual(['reporter', 'investigator']);
    expect(res.text).not.toContain('Interviewed Sam Park');
    expect(res.text).not.toContain('Erik');
  });

  it('checks in with the reporter about retaliation at 30, 60 and 90 days', async () => {
    s.clock.advance(30 * DAY + 1000);
    await s.tick();
    let view = (await s.request('GET', '/v1/receipt', { receipt })).body;
    expect(view.messages.filter((m: any) => m.from === 'haven')).toHaveLength(1);
    s.clock.advance(60 * DAY);
    await s.tick();
    view = (await s.request('GET', '/v1/receipt', { receipt })).body;
    expect(view.messages.filter((m: any) => m.from === 'haven').map((m: any) => m.text)).toEqual([expect.stringContaining('30 days'), expect.stringContaining('60 days'), expect.stringContaining('90 days')]);
    const outbox = await s.store.db.selectFrom('case_outbox').selectAll().where('kind', '=', 'retaliation_checkin').execute();
    expect(outbox.map((o) => o.recipient)).toEqual([`receipt:${caseId}`, `receipt:${caseId}`, `receipt:${caseId}`]);
    const close = await s.request('POST', `/v1/cases/${caseId}/status`, { key: keys.e1, body: { status: 'closed' } });
    expect(close.status).toBe(200);
  });

  it('audited every read, assignment, note, message, status change and escalation, in an intact chain', async () => {
    const trail = await s.request('GET', `/v1/cases/${caseId}/audit`, { key: keys.e1 });
    expect(trail.status).toBe(200);
    const actions = new Set(trail.body.entries.map((e: any) => e.action));
    for (const a of ['case.reported', 'case.assigned', 'case.deadline_missed', 'case.escalated', 'case.read', 'receipt.read', 'receipt.message', 'case.acknowledged', 'case.triaged', 'case.note', 'case.message', 'case.decided', 'case.checkin_sent', 'case.closed']) {
      expect(actions).toContain(a);
    }
    expect(await verifyAuditChain(s.store.db)).toMatchObject({ ok: true });
  });
});
