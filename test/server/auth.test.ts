import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, fakeScreen, startTestServer, type TestServer } from './helpers.ts';

/** Every non-public route, a request that would succeed for an admitted role, and the roles it admits. */
const ROUTES: Array<{ method: string; path: string; body?: unknown; admits: Array<'service' | 'moderator' | 'admin'> }> = [
  { method: 'GET', path: '/v1/whoami', admits: ['service', 'moderator', 'admin'] },
  { method: 'POST', path: '/v1/screen', body: { text: 'hello' }, admits: ['service', 'moderator', 'admin'] },
  { method: 'POST', path: '/v1/messages', body: { sender: 'u1', text: 'hello' }, admits: ['service', 'admin'] },
  { method: 'GET', path: '/v1/messages/nope', admits: ['service', 'moderator', 'admin'] },
  { method: 'GET', path: '/v1/queue', admits: ['moderator', 'admin'] },
  { method: 'POST', path: '/v1/queue/q_nope/decision', body: { decision: 'allow', reason: 'fine' }, admits: ['moderator', 'admin'] },
  { method: 'GET', path: '/v1/evidence/u1', admits: ['moderator', 'admin'] },
  { method: 'GET', path: '/v1/evidence/export', admits: ['admin'] },
];

describe.each(DIALECTS)('auth and roles (%s)', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { screen: fakeScreen });
  });
  afterAll(() => server?.close());

  for (const route of ROUTES) {
    it(`${route.method} ${route.path}: 401 without a key, 401 with a wrong key`, async () => {
      const none = await server.request(route.method, route.path, { body: route.body });
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('unauthorized');
      const wrong = await server.request(route.method, route.path, { body: route.body, key: 'hvn_not-a-real-key' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error).toMatchObject({ code: 'unauthorized' });
      const malformed = await server.request(route.method, route.path, { body: route.body, headers: { authorization: 'Basic abc' } });
      expect(malformed.status).toBe(401);
    });

    for (const role of ['service', 'moderator', 'admin'] as const) {
      const admitted = route.admits.includes(role);
      it(`${route.method} ${route.path} as ${role}: ${admitted ? 'admitted' : '403'}`, async () => {
        const res = await server.request(route.method, route.path, { body: route.body, key: server.keys[role] });
        if (admitted) {
          expect([200, 201, 404]).toContain(res.status);
        } else {
          expect(res.status).toBe(403);
          expect(res.body.error.code).toBe('forbidden');
          expect(res.headers.get('content-type')).toMatch(/application\/json/);
        }
      });
    }
  }

  it('whoami names the key and its role', async () => {
    const res = await server.request('GET', '/v1/whoami', { key: server.keys.moderator });
    expect(res.body).toEqual({ keyId: server.keyIds.moderator, role: 'moderator' });
  });

  it('public routes need no key', async () => {
    for (const path of ['/healthz', '/metrics', '/docs', '/docs/openapi.json', '/']) {
      const res = await server.request('GET', path);
      expect(res.status, path).toBe(200);
    }
  });

  it('a revoked key stops working', async () => {
    const { createKey, revokeKey } = await import('../../src/store/keys.ts');
    const created = await createKey(server.store.db, 'service');
    await revokeKey(server.store.db, created.id);
    const res = await server.request('POST', '/v1/screen', { key: created.key, body: { text: 'x' } });
    expect(res.status).toBe(401);
  });
});
