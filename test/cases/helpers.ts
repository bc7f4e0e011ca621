/**
 * Test helpers for the reporting channel: a real listening server on a private database (SQLite, or a fresh
 * PostgreSQL schema when DATABASE_URL is set) whose deadlines run on a `FakeClock`, that can be restarted on
 * the same database, with investigator keys bound to employees of a small org chart.
 *
 *   const s = await startCaseServer(dialect);
 *   await s.importOrg(ORG);
 *   const h1 = await s.keyFor('h1');
 *   const { body } = await s.request('POST', '/v1/reports', { body: {...} });
 *   s.clock.advance(HOUR * 25); await s.tick();
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { FakeClock } from '../../src/cases/clock.ts';
import { bindKeyToEmployee } from '../../src/cases/org-store.ts';
import type { EmployeeInput } from '../../src/cases/org.ts';
import { loadConfig, type Config, type ConfigInput } from '../../src/config/index.ts';
import { buildApp, type HavenApp } from '../../src/server/app.ts';
import type { Dialect } from '../../src/store/dialect.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { createKey } from '../../src/store/keys.ts';
import type { Role } from '../../src/store/schema/index.ts';
import { fakeScreen, privateDatabase, requestJson, type RequestOptions, type TestResponse } from '../server/helpers.ts';

export { DIALECTS } from '../server/helpers.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface CaseServer {
  dialect: Dialect;
  clock: FakeClock;
  config: Config;
  readonly app: HavenApp;
  readonly store: Store;
  readonly url: string;
  adminKey: string;
  request<T = any>(method: string, path: string, options?: RequestOptions & { receipt?: string }): Promise<TestResponse<T>>;
  /** PUT /v1/org as admin; throws unless 200. */
  importOrg(employees: EmployeeInput[]): Promise<void>;
  /** A new API key bound to an employee. */
  keyFor(employeeId: string, role?: Role): Promise<string>;
  /** One scheduler pass at the fake clock's time. */
  tick(): Promise<number>;
  /** Closes the app and the store, then opens both again on the same database (and key file). */
  restart(between?: () => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function startCaseServer(dialect: Dialect, options: { config?: ConfigInput; clock?: FakeClock } = {}): Promise<CaseServer> {
  const db = await privateDatabase(dialect);
  const clock = options.clock ?? new FakeClock();
  const keyDir = join(tmpdir(), `haven-case-keys-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const config = loadConfig({
    env: {},
    overrides: {
      port: 0,
      logLevel: 'silent',
      webDir: join(tmpdir(), 'haven-no-console'),
      ...options.config,
      database: { ...db.database, ...options.config?.database },
      reporting: { schedulerPollMs: 60_000, keyFile: join(keyDir, 'haven.key'), ...options.config?.reporting, rateLimit: { max: 10_000, ...options.config?.reporting?.rateLimit } },
    },
  });
  let store!: Store;
  let app!: HavenApp;
  let url = '';
  const open = async () => {
    store = await openStore(config.database);
    app = await buildApp({ config, db: store.db, clock, defaultMetrics: false, screen: fakeScreen });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  };
  await open();
  const admin = await createKey(store.db, 'admin', { name: 'test admin' });

  const request = <T = any>(method: string, path: string, { receipt, ...o }: RequestOptions & { receipt?: string } = {}): Promise<TestResponse<T>> =>
    requestJson<T>(url, method, path, receipt === undefined ? o : { ...o, headers: { ...o.headers, 'x-haven-receipt': receipt } });

  let closed = false;
  const server: CaseServer = {
    dialect,
    clock,
    config,
    get app() {
      return app;
    },
    get store() {
      return store;
    },
    get url() {
      return url;
    },
    adminKey: admin.key,
    request,
    async importOrg(employees) {
      const res = await request('PUT', '/v1/org', { key: admin.key, body: employees });
      if (res.status !== 200) throw new Error(`org import failed: ${res.status} ${res.text}`);
    },
    async keyFor(employeeId, role = 'investigator') {
      const created = await createKey(store.db, role, { name: `${role} ${employeeId}` });
      await bindKeyToEmployee(store.db, created.id, employeeId, new Date(clock.now()).toISOString());
      return created.key;
    },
    tick: () => app.haven.cases.scheduler.tick(),
    async restart(between) {
      await app.close();
      await store.close();
      await between?.();
      await open();
    },
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await store.close();
      await db.drop();
    },
  };
  return server;
}

/**
 * The org of the story in PRODUCT.md: a sales team whose manager (Mark Lee) is accused; the sales director
 * above him happens to be a tier-1 investigator too, so routing must pass over her.
 *
 *   c1 CEO ── d1 Sales director (investigator, tier 1) ── m1 Mark Lee (manager) ── s1, s2 (sales)
 *        ├── hd1 HR director ── h1, h2 (investigators, tier 1)
 *        ├── e1 Ethics officer (investigator, tier 2)
 *        └── o1 Ops lead ── o2
 *   b1, b2 board committee (investigators, tier 3)
 */
export const STORY_ORG: EmployeeInput[] = [
  { id: 'c1', name: 'Chen Wei', unit: 'exec', email: 'ceo@example.com' },
  { id: 'd1', name: 'Dana Ortiz', unit: 'sales', managerId: 'c1', role: 'investigator', tier: 1, email: 'dana@example.com' },
  { id: 'm1', name: 'Mark Lee', unit: 'sales', managerId: 'd1', email: 'mark@example.com' },
  { id: 's1', name: 'Sara Kim', unit: 'sales', managerId: 'm1', email: 'sara@example.com' },
  { id: 's2', name: 'Sam Park', unit: 'sales', managerId: 'm1' },
  { id: 'hd1', name: 'Hana Diaz', unit: 'hr', managerId: 'c1' },
  { id: 'h1', name: 'Henry Ito', unit: 'hr', managerId: 'hd1', role: 'investigator', tier: 1, email: 'henry@example.com' },
  { id: 'h2', name: 'Helen Roy', unit: 'hr', managerId: 'hd1', role: 'investigator', tier: 1 },
  { id: 'e1', name: 'Erik Sato', unit: 'ethics', managerId: 'c1', role: 'investigator', tier: 2, email: 'ethics@example.com' },
  { id: 'o1', name: 'Omar Ali', unit: 'ops', managerId: 'c1' },
  { id: 'o2', name: 'Olga Nowak', unit: 'ops', managerId: 'o1' },
  { id: 'b1', name: 'Beatrice Moss', unit: 'board', role: 'investigator', tier: 3, email: 'board1@example.com' },
  { id: 'b2', name: 'Bruno Hale', unit: 'board', role: 'investigator', tier: 3 },
];
