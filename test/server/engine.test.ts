/**
 * The service with the REAL engine (src/engine.ts), not the fake: a few end-to-end checks that the
 * engine's verdicts flow through. The other suites inject `fakeScreen` so they do not depend on tuning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestServer, type TestServer } from './helpers.ts';

describe.each(DIALECTS)('service with the real engine (%s)', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server?.close());

  it('blocks a death threat and logs it as evidence', async () => {
    const res = await server.request('POST', '/v1/messages', { key: server.keys.service, body: { id: 'real-1', sender: 'x', text: 'I will kill you' } });
    expect(res.status).toBe(201);
    expect(res.body.verdict).toBe('block');
    expect(res.body.labels).toContain('threat');
    const ev = await server.request('GET', '/v1/evidence/x', { key: server.keys.moderator });
    expect(ev.body.entries).toHaveLength(1);
  });

  it('holds an insult for review', async () => {
    const res = await server.request('POST', '/v1/messages', { key: server.keys.service, body: { id: 'real-2', sender: 'y', text: 'you are an idiot' } });
    expect(res.body.verdict).toBe('hold');
    expect(res.body.queueItemId).toMatch(/^q_/);
  });

  it('allows ordinary marketplace talk', async () => {
    const res = await server.request('POST', '/v1/screen', { key: server.keys.service, body: { text: 'Is this jacket still available in size 110?', kind: 'message', surface: 'marketplace' } });
    expect(res.body.verdict).toBe('allow');
  });

  it('stores the text with PII redacted', async () => {
    const res = await server.request('POST', '/v1/messages', { key: server.keys.service, body: { id: 'real-3', sender: 'z', text: 'call me on 13812345678' } });
    expect(res.body.labels).toContain('pii');
    expect(res.body.text).not.toContain('13812345678');
    expect(res.body.textRedacted).toBe(true);
  });
});
