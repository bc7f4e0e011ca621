import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, fakeScreen, privateDatabase, startTestServer, type TestServer } from './helpers.ts';

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
  { method: 'GET', path: '/metrics', admits: ['service', 'moderator', 'admin'] },
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
    for (const path of ['/healthz', '/docs', '/docs/openapi.json', '/']) {
      const res = await server.request('GET', path);
      expect(res.status, path).toBe(200);
    }
  });

  it('/metrics is public only where the operator says so (metricsPublic)', async () => {
    const open = await startTestServer(dialect, { screen: fakeScreen, config: { metricsPublic: true } });
    try {
      const res = await open.request('GET', '/metrics');
      expect(res.status).toBe(200);
      expect(res.text).toContain('haven_http_requests_total');
    } finally {
      await open.close();
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

// PostgreSQL only: there, READ COMMITTED let two nodes both see "no keys" and both insert one (fixed by a lock).
// SQLite's BEGIN IMMEDIATE serializes whole transactions across processes already; in ONE process (this test) a
// second handle would busy-wait synchronously on the lock the first handle holds across an await, until timeout.
describe.each(DIALECTS.filter((d) => d === 'postgres'))('first admin key of a new database (%s)', (dialect) => {
  it('nodes starting on one new database at once create a single admin key between them', async () => {
    const { openStore } = await import('../../src/store/index.ts');
    const { ensureBootstrapKey, listKeys } = await import('../../src/store/keys.ts');
    const { loadConfig } = await import('../../src/config/index.ts');
    const db = await privateDatabase(dialect);
    const config = loadConfig({ env: {}, overrides: { database: db.database } }).database;
    const first = await openStore(config); // migrates
    // Four more connections, as four server processes would have (SQLite: one file, four handles).
    const others = await Promise.all([1, 2, 3, 4].map(() => openStore(config, { migrate: false })));
    try {
      const created = await Promise.all([first, ...others].map((s) => ensureBootstrapKey(s.db)));
      expect(created.filter((c) => c !== null)).toHaveLength(1);
      expect(await listKeys(first.db)).toHaveLength(1);
      expect(await ensureBootstrapKey(first.db)).toBeNull();
    } finally {
      for (const s of [first, ...others]) await s.close();
      await db.drop();
    }
  });
});
