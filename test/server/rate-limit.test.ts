import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeScreen, startTestServer, type TestServer } from './helpers.ts';

describe('rate limiting per API key', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { screen: fakeScreen, config: { rateLimit: { max: 5, windowMs: 60_000 } } });
  });
  afterAll(() => server?.close());

  it('429s a key over its limit with a JSON error; other keys and health checks are unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await server.request('POST', '/v1/screen', { key: server.keys.service, body: { text: 'x' } })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await server.request('POST', '/v1/screen', { key: server.keys.service, body: { text: 'x' } });
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect((await server.request('POST', '/v1/screen', { key: server.keys.moderator, body: { text: 'x' } })).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await server.request('GET', '/healthz')).status).toBe(200);
  });
});
