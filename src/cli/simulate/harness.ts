/**
 * The REAL service for a simulation: the app of `haven serve` (src/server/app.ts, the real engine, the real
 * store) on a fresh SQLite file in a temp folder, called in-process with `app.inject` (HTTP semantics, routing,
 * auth and validation included; no socket). Removed on `close()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActorPolicy } from '../../actors/policy.ts';
import { loadConfig } from '../../config/index.ts';
import { buildApp, type HavenApp } from '../../server/app.ts';
import { openStore, type Store } from '../../store/index.ts';
import { createKey } from '../../store/keys.ts';

export interface SimService {
  app: HavenApp;
  store: Store;
  /** POST/GET with the service key (or the moderator key for `moderator: true`); throws on a 5xx. */
  call<T = any>(method: 'GET' | 'POST', url: string, body?: unknown, options?: { moderator?: boolean }): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startSimService(options: { actorPolicy?: ActorPolicy } = {}): Promise<SimService> {
  const dir = mkdtempSync(join(tmpdir(), 'haven-sim-'));
  const config = loadConfig({
    env: {},
    overrides: { port: 0, logLevel: 'silent', webDir: join(dir, 'no-console'), database: { path: join(dir, 'haven.db'), sqliteSynchronous: 'normal' } },
  });
  const store = await openStore(config.database);
  const service = await createKey(store.db, 'service', { name: 'simulation' });
  const moderator = await createKey(store.db, 'moderator', { name: 'simulation' });
  const app = await buildApp({ config, db: store.db, defaultMetrics: false, ...(options.actorPolicy ? { actorPolicy: options.actorPolicy } : {}) });
  await app.ready();
  return {
    app,
    store,
    async call(method, url, body, o = {}) {
      const res = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${o.moderator ? moderator.key : service.key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      const parsed = res.body ? JSON.parse(res.body) : undefined;
      if (res.statusCode >= 500 || res.statusCode === 400 || res.statusCode === 401 || res.statusCode === 403) {
        throw new Error(`simulation: ${method} ${url} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
      }
      return { status: res.statusCode, body: parsed };
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
