/**
 * The real server (`node bin/haven.js serve`) as a child process:
 * - kill -9 in the middle of a load loses no acknowledged message;
 * - SIGTERM lets an in-flight request finish (and commit) before the process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { verifyEvidenceChain } from '../../src/store/evidence.ts';
import { openStore } from '../../src/store/index.ts';
import { DIALECTS, privateDatabase, type PrivateDatabase } from './helpers.ts';

const KEY = 'hvn_durability-test-bootstrap-key-0123456789abcdef';
const BIN = new URL('../../bin/haven.js', import.meta.url).pathname;

interface Child {
  proc: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

function envFor(db: PrivateDatabase): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    PORT: '0',
    HOST: '127.0.0.1',
    HAVEN_BOOTSTRAP_KEY: KEY,
    HAVEN_LOG_LEVEL: 'warn',
  };
  if (db.database.url) {
    env.DATABASE_URL = db.database.url;
    env.HAVEN_PG_SCHEMA = db.database.schema!;
  } else {
    env.HAVEN_DB = db.database.path!;
  }
  return env;
}

async function startChild(db: PrivateDatabase): Promise<Child> {
  const proc = spawn(process.execPath, [BIN, 'serve'], { env: envFor(db), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Haven listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited during start:\n${out}`));
    });
  });
  return { proc, url, exited, output: () => out };
}

async function storedIds(db: PrivateDatabase, ids: string[]): Promise<Set<string>> {
  const store = await openStore(loadConfig({ env: {}, overrides: { database: db.database } }).database);
  try {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await store.db.selectFrom('messages').select('id').where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) found.add(r.id);
    }
    return found;
  } finally {
    await store.close();
  }
}

describe.each(DIALECTS)('durability of the real server (%s)', (dialect) => {
  let db: PrivateDatabase;
  beforeAll(async () => {
    db = await privateDatabase(dialect);
  });
  afterAll(() => db?.drop());

  it('kill -9 during a load loses no acknowledged message, and the evidence chain stays intact', async () => {
    const child = await startChild(db);
    const acked: string[] = [];
    let stop = false;
    let n = 0;
    const worker = async (w: number) => {
      while (!stop) {
        const id = `k9-${w}-${n++}`;
        try {
          const res = await fetch(`${child.url}/v1/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
            body: JSON.stringify({ id, sender: `u${w}`, channel: 'load', text: n % 3 === 0 ? 'you are an idiot' : `message ${n}` }),
          });
          if (res.status === 201) acked.push(id);
          else await res.text();
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 32 }, (_, w) => worker(w));
    while (acked.length < 400) await new Promise((r) => setTimeout(r, 10));
    child.proc.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    expect((await child.exited).signal).toBe('SIGKILL');

    const found = await storedIds(db, acked);
    const lost = acked.filter((id) => !found.has(id));
    expect(lost).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(400);

    // The restarted server serves them.
    const again = await startChild(db);
    try {
      const res = await fetch(`${again.url}/v1/messages/${acked.at(-1)}`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(res.status).toBe(200);
    } finally {
      again.proc.kill('SIGTERM');
      await again.exited;
    }
    const store = await openStore(loadConfig({ env: {}, overrides: { database: db.database } }).database);
    try {
      expect((await verifyEvidenceChain(store.db)).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('SIGTERM drains an in-flight request (it completes and is stored), then exits 0', async () => {
    const child = await startChild(db);
    const { hostname, port } = new URL(child.url);
    const body = JSON.stringify({ id: 'drained-1', sender: 'slow', text: 'a message that arrives slowly' });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: hostname, port, method: 'POST', path: '/v1/messages', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 20));
      setTimeout(() => {
        child.proc.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(20)), 300);
      }, 200);
    });
    const res = await response;
    expect(res.status).toBe(201);
    expect((await child.exited).code).toBe(0);
    expect((await storedIds(db, ['drained-1'])).has('drained-1')).toBe(true);
  });
});
