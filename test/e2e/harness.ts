/**
 * End-to-end harness: the real service (`node bin/haven.js serve`, as `npm start` runs it) on a private SQLite
 * file, the built console (web/dist, built by `npm test`'s pretest; built here into a temp folder when missing),
 * and Debian's Chromium driven by playwright-core. Chromium is REQUIRED: a missing /usr/bin/chromium fails the
 * suite with the command that installs it (`.ci/run` installs it); the tests never skip and never download one.
 *
 *   const haven = await startHaven({ env: { HAVEN_ACK_DEADLINE: 'PT2S' } });
 *   const browser = await launchChromium();
 *   const page = await staffPage(browser, haven, haven.keys.moderator);
 *   …
 *   await shot(page, 'queue');   // artifacts/e2e/queue.png
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.HAVEN_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
/** For beforeAll: a service start, keys made through the CLI and a browser launch, on a busy CI machine. */
export const SETUP_TIMEOUT_MS = 180_000;

/** Flags for Chromium on a machine with no outside network (see the machine notes). Playwright adds a fresh
 * temporary --user-data-dir of its own and --headless. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the browser end-to-end tests need it. Install it with \`apt-get install -y chromium\` ` +
        '(.ci/run does this), or point HAVEN_CHROMIUM at a Chromium binary. These tests do not skip.',
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** The console's built files: web/dist when built, else a fresh build in a temp folder (no shared writes). */
let builtWebDir: Promise<string> | null = null;
export function webDir(): Promise<string> {
  return (builtWebDir ??= (async () => {
    const dist = join(ROOT, 'web', 'dist');
    if (existsSync(join(dist, 'index.html'))) return dist;
    const out = mkdtempSync(join(tmpdir(), 'haven-web-'));
    const { build } = await import('vite');
    // Vite keeps a NODE_ENV it finds, and vitest sets 'test': that would bundle React's development build, which
    // is not what `npm run build:web` ships (and its focus order after load differed in Chromium 156).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    return out;
  })());
}

export type StaffRole = 'service' | 'moderator' | 'admin';

export interface Haven {
  url: string;
  dbPath: string;
  keys: Record<StaffRole, string>;
  /** The service's output so far (for failure messages). */
  log(): string;
  /** Runs the `haven` CLI against this service's database. */
  cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }>;
  close(): Promise<void>;
}

export interface StartHavenOptions {
  /** Extra environment for the service (e.g. `HAVEN_ACK_DEADLINE`). */
  env?: Record<string, string>;
}

const HAVEN_BIN = join(ROOT, 'bin', 'haven.js');

export async function startHaven(options: StartHavenOptions = {}): Promise<Haven> {
  const dir = mkdtempSync(join(tmpdir(), 'haven-e2e-'));
  const dbPath = join(dir, 'haven.db');
  const web = await webDir();
  const adminKey = `hvn_e2e_${randomBytes(24).toString('base64url')}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HAVEN_DB: dbPath,
    HAVEN_WEB_DIR: web,
    HAVEN_LOG_LEVEL: 'warn',
    HAVEN_BOOTSTRAP_KEY: adminKey,
    ...options.env,
  };
  const cli = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolveRun) => {
      const run = spawn(process.execPath, [HAVEN_BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
      let stdout = '';
      let stderr = '';
      run.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      run.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      run.on('close', (status) => resolveRun({ status, stdout, stderr }));
    });

  let output = '';
  const child: ChildProcess = spawn(process.execPath, [HAVEN_BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start within 120 s:\n${output}`)), 120_000);
    const check = () => {
      const m = /Haven listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited (${code}) before listening:\n${output}`));
    });
  });

  const keys = { admin: adminKey } as Record<StaffRole, string>;
  await Promise.all(
    (['service', 'moderator'] as const).map(async (role) => {
      const r = await cli(['keys', 'create', '--role', role, '--name', `e2e ${role}`, '--json']);
      if (r.status !== 0) throw new Error(`haven keys create --role ${role} failed:\n${r.stderr}${r.stdout}`);
      keys[role] = (JSON.parse(r.stdout) as { key: string }).key;
    }),
  );

  let closed = false;
  return {
    url,
    dbPath,
    keys,
    log: () => output,
    cli,
    async close() {
      if (closed) return;
      closed = true;
      if (child.exitCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** JSON over HTTP to the service, as a platform or a script would call it. */
export async function call<T = any>(haven: Haven, method: string, path: string, options: { key?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(haven.url + path, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body: body as T };
}

/** A context whose console errors and CSP violations fail the test (collected in `problems`). */
export async function newContext(browser: Browser): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const problems: string[] = [];
  context.on('page', (page) => watch(page, problems));
  return { context, problems };
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) {
      problems.push(`console: ${msg.text()}`);
    }
  });
}

/** A page logged in through the console's login form with `key`. */
export async function staffPage(context: BrowserContext, haven: Haven, key: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${haven.url}/#/login`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Logged in as' }).waitFor();
  return page;
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * A small organisation for the reporting channel: an accused employee (acc1) under a manager who is also an
 * investigator (mgr1: in the accused's chain, so never offered the case), two tier-1 HR investigators, a tier-2
 * head of HR, and a tier-3 board member outside the management tree.
 */
export const ORG = [
  { id: 'ceo', name: 'Chief Executive', unit: 'Board' },
  { id: 'mgr1', name: 'Sales Manager', managerId: 'ceo', unit: 'Sales', role: 'investigator', tier: 1 },
  { id: 'acc1', name: 'Account Lead', managerId: 'mgr1', unit: 'Sales' },
  { id: 'emp1', name: 'Junior Analyst', managerId: 'mgr1', unit: 'Sales' },
  { id: 'hrhead', name: 'Head of HR', managerId: 'ceo', unit: 'HR', role: 'investigator', tier: 2 },
  { id: 'hr1', name: 'HR Case Handler One', managerId: 'hrhead', unit: 'HR', role: 'investigator', tier: 1 },
  { id: 'hr2', name: 'HR Case Handler Two', managerId: 'hrhead', unit: 'HR', role: 'investigator', tier: 1 },
  { id: 'board1', name: 'Ethics Committee Chair', unit: 'Board', role: 'investigator', tier: 3 },
] as const;

export type OrgInvestigator = 'mgr1' | 'hrhead' | 'hr1' | 'hr2' | 'board1';

/** Imports ORG (PUT /v1/org) and creates an investigator key bound to each investigator. */
export async function setUpOrg(haven: Haven): Promise<Record<OrgInvestigator, string>> {
  const put = await call(haven, 'PUT', '/v1/org', { key: haven.keys.admin, body: ORG });
  if (put.status !== 200) throw new Error(`PUT /v1/org: ${put.status} ${JSON.stringify(put.body)}`);
  const keys = {} as Record<OrgInvestigator, string>;
  await Promise.all(
    (['mgr1', 'hrhead', 'hr1', 'hr2', 'board1'] as const).map(async (id) => {
      const r = await haven.cli(['keys', 'create', '--role', 'investigator', '--employee', id, '--name', `e2e ${id}`, '--json']);
      if (r.status !== 0) throw new Error(`haven keys create --role investigator --employee ${id} failed:\n${r.stderr}${r.stdout}`);
      keys[id] = (JSON.parse(r.stdout) as { key: string }).key;
    }),
  );
  return keys;
}
