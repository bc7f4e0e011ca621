import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEvidenceChain } from '../../src/store/evidence.ts';
import { DIALECTS, fakeScreen, startTestServer, type TestServer } from './helpers.ts';

describe.each(DIALECTS)('API (%s)', (dialect) => {
  let server: TestServer;
  const post = (path: string, body: unknown, key = server.keys.service) => server.request('POST', path, { key, body });
  const get = (path: string, key = server.keys.moderator) => server.request('GET', path, { key });

  beforeAll(async () => {
    server = await startTestServer(dialect, { screen: fakeScreen });
  });
  afterAll(() => server?.close());

  describe('POST /v1/screen', () => {
    it('returns the engine result and stores nothing', async () => {
      const res = await post('/v1/screen', { text: 'I will kill you', kind: 'message', surface: 'livestream' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ verdict: 'block', labels: ['threat'] });
      expect(res.body.evidence[0]).toMatchObject({ label: 'threat', start: 7, end: 11, excerpt: 'kill' });
      const rows = await server.store.db.selectFrom('messages').select('id').execute();
      expect(rows.filter((r) => r.id.startsWith('screen'))).toEqual([]);
    });

    it('passes kind, surface and lang to the engine', async () => {
      const seen: unknown[] = [];
      const spy = await startTestServer(dialect, { screen: (input) => (seen.push(input), fakeScreen(input)) });
      try {
        await spy.request('POST', '/v1/screen', { key: spy.keys.service, body: { text: 'x', kind: 'listing', surface: 'marketplace', lang: 'zh' } });
        expect(seen).toEqual([{ text: 'x', kind: 'listing', surface: 'marketplace', lang: 'zh' }]);
      } finally {
        await spy.close();
      }
    });
  });

  describe('POST /v1/messages', () => {
    it('stores an allowed message (201) and returns it', async () => {
      const res = await post('/v1/messages', { id: 'allow-1', sender: 'alice', recipient: 'bob', channel: 'c1', text: 'hello bob', sentAt: '2026-01-02T03:04:05+08:00' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: 'allow-1', verdict: 'allow', duplicate: false, queueItemId: null, sender: 'alice', sentAt: '2026-01-01T19:04:05.000Z' });
      const again = await get('/v1/messages/allow-1');
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ id: 'allow-1', text: 'hello bob', verdict: 'allow' });
    });

    it('is idempotent on id: a repeat returns the stored message (200) and stores nothing new', async () => {
      const first = await post('/v1/messages', { id: 'idem-1', sender: 'carol', text: 'you idiot' });
      expect(first.status).toBe(201);
      const second = await post('/v1/messages', { id: 'idem-1', sender: 'carol', text: 'you idiot' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ id: 'idem-1', duplicate: true, verdict: 'hold', queueItemId: first.body.queueItemId });
      const items = await server.store.db.selectFrom('queue_items').select('id').where('message_id', '=', 'idem-1').execute();
      expect(items).toHaveLength(1);
      const evidence = await server.store.db.selectFrom('evidence_log').select('seq').where('message_id', '=', 'idem-1').execute();
      expect(evidence).toHaveLength(1);
    });

    it('concurrent repeats of one id store it once', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => post('/v1/messages', { id: 'race-1', sender: 'dave', text: 'idiot' })));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 200)).toHaveLength(19);
      const items = await server.store.db.selectFrom('queue_items').select('id').where('message_id', '=', 'race-1').execute();
      expect(items).toHaveLength(1);
    });

    it('generates an id when none is given', async () => {
      const res = await post('/v1/messages', { sender: 'erin', text: 'hi' });
      expect(res.status).toBe(201);
      expect(res.body.id).toMatch(/^msg_/);
    });

    it('puts held messages in the review queue and logs blocked and held ones as evidence', async () => {
      const held = await post('/v1/messages', { id: 'held-1', sender: 'mallory', recipient: 'alice', channel: 'stream-9', surface: 'livestream', text: 'you idiot' });
      expect(held.body).toMatchObject({ verdict: 'hold', labels: ['insult'] });
      expect(held.body.queueItemId).toMatch(/^q_/);
      const blocked = await post('/v1/messages', { id: 'block-1', sender: 'mallory', recipient: 'alice', text: 'I will kill you' });
      expect(blocked.body).toMatchObject({ verdict: 'block', queueItemId: null });
      const ev = await get('/v1/evidence/mallory');
      expect(ev.status).toBe(200);
      expect(ev.body.entries.map((e: any) => [e.data.messageId, e.data.verdict])).toEqual([
        ['held-1', 'hold'],
        ['block-1', 'block'],
      ]);
      expect(ev.body.entries[1].data).toMatchObject({ subject: 'mallory', recipient: 'alice', type: 'message', labels: ['threat'] });
      expect(ev.body.entries[1].prevHash).toBe(ev.body.entries[0].hash);
    });

    it('stores the redacted text when the engine found PII, and masks PII excerpts', async () => {
      const res = await post('/v1/messages', { id: 'pii-1', sender: 'frank', text: 'idiot, call 555-0100' });
      expect(res.body).toMatchObject({ text: 'idiot, call [phone]', textRedacted: true });
      const pii = res.body.evidence.find((e: any) => e.label === 'pii');
      expect(pii).toMatchObject({ start: 12, end: 20, excerpt: '[redacted]' });
      const row = await server.store.db.selectFrom('messages').selectAll().where('id', '=', 'pii-1').executeTakeFirstOrThrow();
      expect(row.text).not.toContain('555-0100');
      expect(row.evidence).not.toContain('555-0100');
      const log = await server.store.db.selectFrom('evidence_log').select('entry').where('message_id', '=', 'pii-1').execute();
      expect(log.map((l) => l.entry).join('')).not.toContain('555-0100');
    });

    it('keeps the text as sent when redaction is off', async () => {
      const raw = await startTestServer(dialect, { screen: fakeScreen, config: { redactStoredText: false } });
      try {
        const res = await raw.request('POST', '/v1/messages', { key: raw.keys.service, body: { id: 'p', sender: 's', text: 'call 555-0100' } });
        expect(res.body).toMatchObject({ text: 'call 555-0100', textRedacted: false });
      } finally {
        await raw.close();
      }
    });

    it('GET /v1/messages/{id} is 404 for an unknown id', async () => {
      const res = await get('/v1/messages/never-sent');
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found', field: 'messageId' });
    });
  });

  describe('review queue', () => {
    let q: TestServer;
    beforeAll(async () => {
      q = await startTestServer(dialect, { screen: fakeScreen });
      const send = (id: string, text: string, extra: object = {}) =>
        q.request('POST', '/v1/messages', { key: q.keys.service, body: { id, sender: `s-${id}`, text, ...extra } });
      await send('m1', 'idiot', { surface: 'livestream', channel: 'raid-room' });
      await send('m2', 'add my wechat', { surface: 'marketplace' });
      await send('m3', 'idiot, wechat me', { surface: 'marketplace', channel: 'shop-1' });
      await send('m4', 'hello'); // allowed: not queued
      await send('m5', 'kill'); // blocked: not queued
      await send('m6', 'idiot', { surface: 'workplace' });
    });
    afterAll(() => q?.close());
    const list = async (query: string) => (await q.request('GET', `/v1/queue${query}`, { key: q.keys.moderator })).body;

    it('lists pending held items oldest first, with the message and its evidence', async () => {
      const page = await list('');
      expect(page.items.map((i: any) => i.message.id)).toEqual(['m1', 'm2', 'm3', 'm6']);
      expect(page.items[0]).toMatchObject({ status: 'pending', decision: null, message: { verdict: 'hold', evidence: [{ label: 'insult', excerpt: 'idiot' }] } });
      expect(page.nextCursor).toBeNull();
    });

    it('filters by label, surface, channel and status', async () => {
      expect((await list('?label=contact_offplatform')).items.map((i: any) => i.message.id)).toEqual(['m2', 'm3']);
      expect((await list('?surface=marketplace&label=insult')).items.map((i: any) => i.message.id)).toEqual(['m3']);
      expect((await list('?channel=raid-room')).items.map((i: any) => i.message.id)).toEqual(['m1']);
      expect((await list('?status=blocked')).items).toEqual([]);
    });

    it('pages with limit and cursor', async () => {
      const one = await list('?limit=3');
      expect(one.items).toHaveLength(3);
      expect(one.nextCursor).toBe(one.items[2].id);
      const two = await list(`?limit=3&cursor=${one.nextCursor}`);
      expect(two.items.map((i: any) => i.message.id)).toEqual(['m6']);
      expect(two.nextCursor).toBeNull();
    });

    it('rejects bad filters naming the parameter', async () => {
      for (const [query, field] of [
        ['?label=spam', 'label'],
        ['?status=done', 'status'],
        ['?limit=0', 'limit'],
        ['?limit=abc', 'limit'],
        ['?colour=red', 'colour'],
      ]) {
        const res = await q.request('GET', `/v1/queue${query}`, { key: q.keys.moderator });
        expect(res.status, query).toBe(400);
        expect(res.body.error.field, query).toBe(field);
      }
    });

    it('records a decision with who and when, moves the item, and logs it as evidence', async () => {
      const [item] = (await list('?channel=raid-room')).items;
      const before = Date.now();
      const res = await q.request('POST', `/v1/queue/${item.id}/decision`, { key: q.keys.moderator, body: { decision: 'block', reason: 'targeted insult during a raid' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: item.id, status: 'blocked', decision: { decision: 'block', reason: 'targeted insult during a raid', decidedBy: q.keyIds.moderator, previousStatus: 'pending' } });
      expect(Date.parse(res.body.decision.decidedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect((await list('')).items.map((i: any) => i.message.id)).toEqual(['m2', 'm3', 'm6']);
      expect((await list('?status=blocked')).items.map((i: any) => i.id)).toEqual([item.id]);
      const ev = await q.request('GET', '/v1/evidence/s-m1', { key: q.keys.moderator });
      expect(ev.body.entries.map((e: any) => e.data.type)).toEqual(['message', 'decision']);
      expect(ev.body.entries[1].data).toMatchObject({ decision: 'block', decidedBy: q.keyIds.moderator, status: 'blocked' });
    });

    it('refuses the same decision twice (409 already_in_state) and allows a reversal', async () => {
      const [item] = (await list('?surface=workplace')).items;
      const url = `/v1/queue/${item.id}/decision`;
      const first = await q.request('POST', url, { key: q.keys.admin, body: { decision: 'allow', reason: 'banter between friends' } });
      expect(first.body.status).toBe('allowed');
      const again = await q.request('POST', url, { key: q.keys.moderator, body: { decision: 'allow', reason: 'again' } });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('already_in_state');
      const reversed = await q.request('POST', url, { key: q.keys.moderator, body: { decision: 'block', reason: 'on appeal: it was not banter' } });
      expect(reversed.body).toMatchObject({ status: 'blocked', decision: { previousStatus: 'allowed', decision: 'block' } });
      const history = await q.store.db.selectFrom('queue_decisions').select(['decision', 'decided_by']).where('item_id', '=', item.id).orderBy('id').execute();
      expect(history).toEqual([
        { decision: 'allow', decided_by: q.keyIds.admin },
        { decision: 'block', decided_by: q.keyIds.moderator },
      ]);
    });

    it('404 for an unknown item, 400 for a bad decision', async () => {
      const missing = await q.request('POST', '/v1/queue/q_missing/decision', { key: q.keys.moderator, body: { decision: 'allow', reason: 'x' } });
      expect(missing.status).toBe(404);
      const [item] = (await list('')).items;
      for (const [body, field] of [
        [{ decision: 'maybe', reason: 'x' }, 'decision'],
        [{ decision: 'allow' }, 'reason'],
        [{ decision: 'allow', reason: '' }, 'reason'],
        [{ decision: 'allow', reason: 'x', by: 'me' }, 'by'],
      ] as const) {
        const res = await q.request('POST', `/v1/queue/${item.id}/decision`, { key: q.keys.moderator, body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.field).toBe(field);
      }
    });

    it('the evidence chain verifies after messages and decisions', async () => {
      const result = await verifyEvidenceChain(q.store.db);
      expect(result.ok).toBe(true);
      expect(result.entries).toBe(8); // 5 held/blocked messages + 3 decisions
    });
  });

  describe('evidence export', () => {
    it('is a bundle with entries, the links between them, the head and a passing verification', async () => {
      const res = await server.request('GET', '/v1/evidence/export?subject=mallory', { key: server.keys.admin });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="haven-evidence-/);
      const bundle = res.body;
      expect(bundle).toMatchObject({ format: 'haven-evidence-bundle/1', filter: { subject: 'mallory' }, verification: { ok: true }, truncated: false });
      expect(bundle.entries.map((e: any) => e.data.subject)).toEqual(['mallory', 'mallory']);
      // Re-verify the bundle with nothing but SHA-256, as a recipient would.
      const { createHash } = await import('node:crypto');
      const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
      for (const e of bundle.entries) expect(sha(e.prevHash + sha(e.entry))).toBe(e.hash);
      for (let i = 1; i < bundle.links.length; i++) expect(bundle.links[i].prevHash).toBe(bundle.links[i - 1].hash);
      for (const l of bundle.links) expect(sha(l.prevHash + l.bodyHash)).toBe(l.hash);
      expect(bundle.links[0].seq).toBe(bundle.entries[0].seq);
      expect(bundle.links.at(-1).seq).toBe(bundle.entries.at(-1).seq);
    });

    it('filters by time and pages with limit/after', async () => {
      const all = (await server.request('GET', '/v1/evidence/export', { key: server.keys.admin })).body;
      expect(all.entries.length).toBeGreaterThanOrEqual(3);
      const first = (await server.request('GET', '/v1/evidence/export?limit=1', { key: server.keys.admin })).body;
      expect(first.entries).toHaveLength(1);
      expect(first.truncated).toBe(true);
      const next = (await server.request('GET', `/v1/evidence/export?limit=1&after=${first.entries[0].seq}`, { key: server.keys.admin })).body;
      expect(next.entries[0].seq).toBeGreaterThan(first.entries[0].seq);
      const future = (await server.request('GET', '/v1/evidence/export?from=2999-01-01T00:00:00Z', { key: server.keys.admin })).body;
      expect(future.entries).toEqual([]);
      const bad = await server.request('GET', '/v1/evidence/export?from=yesterday', { key: server.keys.admin });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe('from');
    });
  });

  describe('system routes', () => {
    it('GET /healthz', async () => {
      const res = await server.request('GET', '/healthz');
      expect(res.body).toEqual({ status: 'ok', database: dialect });
    });

    it('GET /metrics counts requests, latency and verdicts by label', async () => {
      await post('/v1/screen', { text: 'kill' });
      const res = await server.request('GET', '/metrics', { key: server.keys.service });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/plain/);
      expect(res.text).toMatch(/haven_http_requests_total\{method="POST",route="\/v1\/screen",status_code="200"\} \d+/);
      expect(res.text).toMatch(/haven_http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/v1\/screen"\} \d+/);
      expect(res.text).toMatch(/haven_verdicts_total\{endpoint="screen",verdict="block",label="threat"\} \d+/);
      expect(res.text).toMatch(/haven_verdicts_total\{endpoint="messages",verdict="hold",label="insult"\} \d+/);
      expect(res.text).toMatch(/haven_store_write_batch_size_count \d+/);
    });

    it('serves the OpenAPI document and an HTML page at /docs', async () => {
      const doc = (await server.request('GET', '/docs/openapi.json')).body;
      expect(doc.openapi).toBe('3.1.0');
      for (const [path, method] of [
        ['/v1/screen', 'post'],
        ['/v1/messages', 'post'],
        ['/v1/messages/{messageId}', 'get'],
        ['/v1/queue', 'get'],
        ['/v1/queue/{itemId}/decision', 'post'],
        ['/v1/evidence/{subject}', 'get'],
        ['/v1/evidence/export', 'get'],
        ['/healthz', 'get'],
        ['/metrics', 'get'],
      ] as const) {
        expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
      }
      expect(doc.paths['/v1/messages'].post.requestBody.content['application/json'].schema.required).toEqual(['sender', 'text']);
      expect(doc.paths['/v1/queue'].get.parameters.map((p: any) => p.name)).toEqual(['status', 'label', 'surface', 'channel', 'cursor', 'limit']);
      const html = await server.request('GET', '/docs');
      expect(html.headers.get('content-type')).toMatch(/text\/html/);
      expect(html.text).toContain('/v1/queue/{itemId}/decision');
    });

    it('serves a placeholder console at / with security headers and a CSP allowing only its own scripts', async () => {
      const res = await server.request('GET', '/');
      expect(res.status).toBe(200);
      expect(res.text).toContain('Haven');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });

    it('unknown routes are JSON 404s', async () => {
      const res = await server.request('GET', '/v1/nothing', { key: server.keys.admin });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    });
  });
});
