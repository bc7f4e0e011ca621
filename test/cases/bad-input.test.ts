/**
 * Bad input on every field of the reporting endpoints: a clear 400 naming the field (413 for an over-long
 * text), never a 500 — and nothing stored half-way (no case, event, attachment, deadline, audit entry or
 * notification appears).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startCaseServer, STORY_ORG, type CaseServer } from './helpers.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');
const OK = { anonymous: true, category: 'sexual_harassment', text: 'He cornered me in the lift.', accused: ['m1'] };

const TABLES = ['cases', 'case_events', 'case_parties', 'case_attachments', 'case_deadlines', 'case_outbox', 'case_audit_log'] as const;

describe.each(DIALECTS)('bad input to the reporting channel (%s)', (dialect) => {
  let s: CaseServer;
  let h1 = '';
  let caseId = '';
  let receipt = '';
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = (await s.store.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    return JSON.stringify(out);
  };

  beforeAll(async () => {
    s = await startCaseServer(dialect, { config: { limits: { textChars: 200 }, reporting: { attachmentBytes: 64, maxAttachments: 2 } } });
    await s.importOrg(STORY_ORG);
    h1 = await s.keyFor('h1');
    const res = await s.request('POST', '/v1/reports', { body: { ...OK, accused: ['o2'] } });
    caseId = res.body.caseId;
    receipt = res.body.receipt;
  });
  afterAll(async () => {
    // Still serving after everything below.
    expect((await s.request('POST', '/v1/reports', { body: OK })).status).toBe(201);
    await s?.close();
  });

  it.each([
    [{ ...OK, anonymous: 'yes' }, 'anonymous'],
    [{ category: OK.category, text: OK.text, accused: OK.accused }, 'anonymous'],
    [{ ...OK, category: 'bullying' }, 'category'],
    [{ ...OK, category: undefined }, 'category'],
    [{ ...OK, text: '' }, 'text'],
    [{ ...OK, text: '   ' }, 'text'],
    [{ ...OK, text: 42 }, 'text'],
    [{ ...OK, accused: [] }, 'accused'],
    [{ ...OK, accused: 'm1' }, 'accused'],
    [{ ...OK, accused: [''] }, 'accused.0'],
    [{ ...OK, accused: ['a\u0000b'] }, 'accused.0'],
    [{ ...OK, accused: ['x'.repeat(201)] }, 'accused.0'],
    [{ ...OK, accused: Array.from({ length: 21 }, (_, i) => `p${i}`) }, 'accused'],
    [{ ...OK, witnesses: 'Sam' }, 'witnesses'],
    [{ ...OK, witnesses: [7] }, 'witnesses.0'],
    [{ ...OK, occurredAt: 'last Tuesday' }, 'occurredAt'],
    [{ ...OK, occurredAt: '2026-01-02' }, 'occurredAt'],
    [{ ...OK, occurredAt: '2999-01-01T00:00:00Z' }, 'occurredAt'],
    [{ ...OK, location: '' }, 'location'],
    [{ ...OK, location: 'x'.repeat(501) }, 'location'],
    [{ ...OK, reporterId: 's1' }, 'reporterId'],
    [{ ...OK, anonymous: false }, 'reporterId'],
    [{ ...OK, anonymous: false, reporterId: 'ghost' }, 'reporterId'],
    [{ ...OK, anonymous: false, reporterId: 'bad\nid' }, 'reporterId'],
    [{ ...OK, attachments: {} }, 'attachments'],
    [{ ...OK, attachments: [{ filename: 'a.png', contentType: 'image/png' }] }, 'attachments.0.data'],
    [{ ...OK, attachments: [{ filename: '../etc/passwd', contentType: 'image/png', data: PNG }] }, 'attachments.0.filename'],
    [{ ...OK, attachments: [{ filename: 'a.exe', contentType: 'application/x-msdownload', data: PNG }] }, 'attachments.0.contentType'],
    [{ ...OK, attachments: [{ filename: 'a.png', contentType: 'image/png', data: 'not base64!' }] }, 'attachments.0.data'],
    [{ ...OK, attachments: [{ filename: 'a.pdf', contentType: 'application/pdf', data: PNG }] }, 'attachments.0.contentType'],
    [{ ...OK, attachments: [{ filename: 'big.png', contentType: 'image/png', data: Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(100)]).toString('base64') }] }, 'attachments.0.data'],
    [{ ...OK, attachments: [1, 2, 3].map((i) => ({ filename: `${i}.png`, contentType: 'image/png', data: PNG })) }, 'attachments'],
    [{ ...OK, attachments: [{ filename: 'a.png', contentType: 'image/png', data: PNG, extra: 1 }] }, 'attachments.0.extra'],
    [{ ...OK, ipAddress: '10.0.0.1' }, 'ipAddress'],
    [[], 'body'],
    ['a string', 'body'],
  ])('POST /v1/reports %j → 400 naming %s, nothing stored', async (body, field) => {
    const before = await counts();
    const res = await s.request('POST', '/v1/reports', { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field });
    expect(res.body.error.message).toContain(field === 'body' ? 'body' : field.split('.')[0]);
    expect(await counts()).toBe(before);
  });

  it('an over-long text is 413 text_too_long; invalid JSON is 400 invalid_json; both store nothing', async () => {
    const before = await counts();
    const long = await s.request('POST', '/v1/reports', { body: { ...OK, text: 'x'.repeat(201) } });
    expect(long.status).toBe(413);
    expect(long.body.error).toMatchObject({ code: 'text_too_long', field: 'text' });
    const json = await s.request('POST', '/v1/reports', { raw: '{"anonymous": true,' });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('invalid_json');
    expect(await counts()).toBe(before);
  });

  it('a valid attachment is stored encrypted and downloadable by the investigator', async () => {
    const res = await s.request('POST', '/v1/reports', { body: { ...OK, accused: ['o2'], attachments: [{ filename: 'screenshot.png', contentType: 'image/png', data: PNG }] } });
    expect(res.status).toBe(201);
    const key = await s.keyFor('h2');
    const views = await Promise.all([h1, key].map((k) => s.request('GET', `/v1/cases/${res.body.caseId}`, { key: k })));
    const [view, who] = views[0]!.status === 200 ? [views[0]!.body, h1] : [views[1]!.body, key];
    expect(view.attachments).toEqual([{ id: expect.stringMatching(/^att_/), eventSeq: 1, filename: 'screenshot.png', contentType: 'image/png', size: 12 }]);
    const file = await fetch(`${s.url}/v1/cases/${res.body.caseId}/attachments/${view.attachments[0].id}`, { headers: { authorization: `Bearer ${who}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).toString('base64')).toBe(PNG);
    const stored = await s.store.db.selectFrom('case_attachments').selectAll().where('case_id', '=', res.body.caseId).executeTakeFirstOrThrow();
    expect(stored.content).toMatch(/^hv1\./);
    expect(stored.filename).not.toContain('screenshot');
  });

  it.each([
    ['/v1/receipt/messages', {}, 'text'],
    ['/v1/receipt/messages', { text: '' }, 'text'],
    ['/v1/receipt/messages', { text: 'x', attachments: [{ filename: 'a.txt', contentType: 'text/plain', data: Buffer.from([0xff, 0xfe, 0]).toString('base64') }] }, 'attachments.0.contentType'],
    ['/v1/receipt/messages', { text: 'x', sender: 'me' }, 'sender'],
  ])('POST %s %j → 400 naming %s', async (path, body, field) => {
    const before = await counts();
    const res = await s.request('POST', path, { receipt, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field });
    expect(await counts()).toBe(before);
  });

  it.each([
    ['status', { status: 'decided' }, 'status'],
    ['status', { status: 'new' }, 'status'],
    ['status', {}, 'status'],
    ['decision', { outcome: 'guilty', text: 'x' }, 'outcome'],
    ['decision', { outcome: 'substantiated' }, 'text'],
    ['decision', { outcome: 'substantiated', text: '  ' }, 'text'],
    ['notes', { text: '' }, 'text'],
    ['notes', { note: 'x' }, 'text'],
    ['messages', { text: 5 }, 'text'],
  ])('POST /v1/cases/:id/%s %j → 400 naming %s', async (action, body, field) => {
    const view = (await s.request('GET', `/v1/cases/${caseId}`, { key: h1 })).status === 200 ? h1 : await s.keyFor('h2');
    const before = await counts();
    const res = await s.request('POST', `/v1/cases/${caseId}/${action}`, { key: view, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field });
    expect(await counts()).toBe(before);
  });

  it('illegal status changes are 409 with stable codes and change nothing', async () => {
    const key = (await s.request('GET', `/v1/cases/${caseId}`, { key: h1 })).status === 200 ? h1 : await s.keyFor('h2');
    const before = await counts();
    const triage = await s.request('POST', `/v1/cases/${caseId}/status`, { key, body: { status: 'triaged' } });
    expect(triage.status).toBe(409);
    expect(triage.body.error.code).toBe('illegal_transition');
    const decide = await s.request('POST', `/v1/cases/${caseId}/decision`, { key, body: { outcome: 'unsubstantiated', text: 'No.' } });
    expect(decide.body.error.code).toBe('illegal_transition');
    expect(await counts()).toBe(before);
    await s.request('POST', `/v1/cases/${caseId}/status`, { key, body: { status: 'acknowledged' } });
    const again = await s.request('POST', `/v1/cases/${caseId}/status`, { key, body: { status: 'acknowledged' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_in_state');
  });

  it.each([
    [[{ id: 'a', name: 'A' }], '0.unit'],
    [[{ id: 'a', name: 'A', unit: 'u', tier: 1 }], '0.tier'],
    [[{ id: 'a', name: 'A', unit: 'u', role: 'investigator' }], '0.tier'],
    [[{ id: 'a', name: 'A', unit: 'u', role: 'investigator', tier: 4 }], '0.tier'],
    [[{ id: 'a', name: 'A', unit: 'u', role: 'investigator', tier: 1.5 }], '0.tier'],
    [[{ id: 'a', name: 'A', unit: 'u', email: 'not-an-email' }], '0.email'],
    [[{ id: 'a', name: 'A', unit: 'u' }, { id: 'a', name: 'B', unit: 'u' }], '1.id'],
    [[{ id: 'a', name: 'A', unit: 'u', managerId: 'z' }], '0.managerId'],
    [[{ id: 'a', name: 'A', unit: 'u', managerId: 'a' }], '0.managerId'],
    [[{ id: 'a', name: 'A', unit: 'u', managerId: 'b' }, { id: 'b', name: 'B', unit: 'u', managerId: 'a' }], '0.managerId'],
    [[{ id: 'a', name: 'A', unit: 'u', boss: 'b' }], '0.boss'],
    [{ id: 'a' }, 'body'],
  ])('PUT /v1/org %j → 400 naming %s, the org unchanged', async (body, field) => {
    const before = await s.store.db.selectFrom('org_employees').select('id').orderBy('id').execute();
    const res = await s.request('PUT', '/v1/org', { key: s.adminKey, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field });
    expect(await s.store.db.selectFrom('org_employees').select('id').orderBy('id').execute()).toEqual(before);
  });

  it('PUT /v1/org needs an admin key', async () => {
    expect((await s.request('PUT', '/v1/org', { body: STORY_ORG })).status).toBe(401);
    expect((await s.request('PUT', '/v1/org', { key: h1, body: STORY_ORG })).status).toBe(403);
  });
});
