/**
 * Test helpers for the HTTP service: a real listening server on a private database per call —
 * a fresh SQLite file in a temp dir, or (when DATABASE_URL is set) a fresh PostgreSQL schema that is
 * dropped on close. Use `DIALECTS` to run one suite against every database:
 *
 *   describe.each(DIALECTS)('queue on %s', (dialect) => {
 *     let server: TestServer;
 *     beforeAll(async () => { server = await startTestServer(dialect, { screen: fakeScreen }); });
 *     afterAll(() => server.close());
 *     it('…', async () => { const res = await server.request('GET', '/v1/queue', { key: server.keys.moderator }); … });
 *   });
 *
 * `haven(args, cliEnv(server.config.database))` runs the `haven` command on the same database.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { loadConfig, type Config, type ConfigInput, type DatabaseConfig } from '../../src/config/index.ts';
import type { ActorPolicy } from '../../src/actors/policy.ts';
import { buildApp, type HavenApp } from '../../src/server/app.ts';
import type { ScreenFn } from '../../src/server/context.ts';
import type { Dialect } from '../../src/store/dialect.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { createKey } from '../../src/store/keys.ts';
import type { Role } from '../../src/store/schema/index.ts';
import type { Evidence, Label, ScreenResult, Verdict } from '../../src/types.ts';

/** Every database the suite runs against: SQLite always, PostgreSQL when DATABASE_URL is set (as in CI). */
export const DIALECTS: readonly Dialect[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** A private database: a temp SQLite file, or a new PostgreSQL schema. `drop()` removes it. */
export interface PrivateDatabase {
  database: NonNullable<ConfigInput['database']>;
  drop(): Promise<void>;
}

export async function privateDatabase(dialect: Dialect): Promise<PrivateDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'haven-test-'));
    return { database: { path: join(dir, 'haven.db') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('privateDatabase(postgres) needs DATABASE_URL');
  const schema = `haven_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    database: { url, schema },
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  key?: string;
  /** JSON-encoded as the body. */
  body?: unknown;
  /** Sent as is (invalid JSON, odd bytes…). */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

/**
 * One request to a listening server at `baseUrl`: adds the bearer key, JSON-encodes `body` (with a JSON
 * content type unless one is given), and parses the answer as JSON when it is JSON (`body` undefined otherwise).
 */
export async function requestJson<T = any>(baseUrl: string, method: string, path: string, o: RequestOptions = {}): Promise<TestResponse<T>> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.key) headers.authorization = `Bearer ${o.key}`;
  let body: string | Uint8Array | undefined;
  if (o.raw !== undefined) body = o.raw;
  else if (o.body !== undefined) body = JSON.stringify(o.body);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  const res = await fetch(baseUrl + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

export interface TestServer {
  dialect: Dialect;
  url: string;
  app: HavenApp;
  store: Store;
  config: Config;
  /** One key per role. */
  keys: Record<Role, string>;
  keyIds: Record<Role, string>;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  screen?: ScreenFn;
  config?: ConfigInput;
  /** Strike, sanction, evasion and raid policy (default: rules/actors.yaml). */
  actorPolicy?: ActorPolicy;
}

export async function startTestServer(dialect: Dialect, options: TestServerOptions = {}): Promise<TestServer> {
  const db = await privateDatabase(dialect);
  const config = loadConfig({
    env: {},
    overrides: { port: 0, logLevel: 'silent', webDir: join(tmpdir(), 'haven-no-console'), ...options.config, database: { ...db.database, ...options.config?.database } },
  });
  const store = await openStore(config.database);
  const keys = {} as Record<Role, string>;
  const keyIds = {} as Record<Role, string>;
  for (const role of ['service', 'moderator', 'admin'] as const) {
    const created = await createKey(store.db, role, { name: `test ${role}` });
    keys[role] = created.key;
    keyIds[role] = created.id;
  }
  const app = await buildApp({ config, db: store.db, defaultMetrics: false, ...(options.screen ? { screen: options.screen } : {}), ...(options.actorPolicy ? { actorPolicy: options.actorPolicy } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const request = <T = any>(method: string, path: string, o: RequestOptions = {}) => requestJson<T>(url, method, path, o);

  let closed = false;
  return {
    dialect,
    url,
    app,
    store,
    config,
    keys,
    keyIds,
    request,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await store.close();
      await db.drop();
    },
  };
}

/**
 * A deterministic stand-in for the engine, so service tests do not depend on its tuning:
 *   "kill"  → threat (block)      "idiot" → insult (hold)      "wechat" → contact_offplatform (hold)
 *   a phone number like 555-0100 → pii (allow), redacted as [phone]
 * Evidence spans point at the matched words in the text as given.
 */
export const fakeScreen: ScreenFn = ({ text, lang }) => {
  const rules: Array<[RegExp, Label, Verdict]> = [
    [/kill/gi, 'threat', 'block'],
    [/idiot/gi, 'insult', 'hold'],
    [/wechat/gi, 'contact_offplatform', 'hold'],
    [/\b\d{3}-\d{4}\b/g, 'pii', 'allow'],
  ];
  const evidence: Evidence[] = [];
  const scores: ScreenResult['scores'] = {};
  let verdict: Verdict = 'allow';
  for (const [pattern, label, v] of rules) {
    for (const m of text.matchAll(pattern)) {
      evidence.push({ label, rule: `fake.${label}`, start: m.index, end: m.index + m[0].length, excerpt: m[0], score: 0.99 });
      scores[label] = 0.99;
      if (v === 'block' || (v === 'hold' && verdict === 'allow')) verdict = v;
    }
  }
  const labels = [...new Set(evidence.map((e) => e.label))];
  const result: ScreenResult = { verdict, labels, scores, evidence, lang: lang ?? 'en' };
  if (labels.includes('pii')) result.redacted = text.replace(/\b\d{3}-\d{4}\b/g, '[phone]');
  return result;
};

const BIN = new URL('../../bin/haven.js', import.meta.url).pathname;
const execFileAsync = promisify(execFile);

/** The environment for a `haven` command on `database`: PATH, HOME, the database settings, then `extra`. */
export function cliEnv(database: Pick<DatabaseConfig, 'path' | 'url' | 'schema'>, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  if (database.url) Object.assign(env, { DATABASE_URL: database.url, HAVEN_PG_SCHEMA: database.schema! });
  else env.HAVEN_DB = database.path!;
  return { ...env, ...extra };
}

/** Runs `bin/haven.js` in a child process with exactly `env`; a non-zero exit comes back as `code`, never thrown. */
export async function haven(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
