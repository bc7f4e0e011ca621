/** The `haven` commands of the service: serve (config errors), keys, evidence verify/export. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, DIALECTS, fakeScreen, haven, startTestServer, type TestServer } from './helpers.ts';

describe('haven serve: configuration errors', () => {
  it('names the bad setting and exits non-zero', async () => {
    const res = await haven(['serve'], { PATH: process.env.PATH ?? '', PORT: 'http' });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/setting `port` \(environment variable PORT\)/);
  });

  it('names a bad key in the config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-cli-'));
    const path = join(dir, 'haven.yaml');
    writeFileSync(path, 'rateLimit:\n  maximum: 5\n');
    const res = await haven(['serve', '--config', path], { PATH: process.env.PATH ?? '' });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/unknown setting `rateLimit\.maximum`/);
  });
});

describe.each(DIALECTS)('haven keys and evidence (%s)', (dialect) => {
  let server: TestServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer(dialect, { screen: fakeScreen });
    // The CLI works on the same private database as the server.
    env = cliEnv(server.config.database);
  });
  afterAll(() => server?.close());

  it('keys create prints a working key once; keys list shows it without the key; revoke stops it', async () => {
    const created = await haven(['keys', 'create', '--role', 'moderator', '--name', 'night shift', '--json'], env);
    expect(created.code).toBe(0);
    const { id, key, role } = JSON.parse(created.stdout) as { id: string; key: string; role: string };
    expect(role).toBe('moderator');
    expect(key).toMatch(/^hvn_[A-Za-z0-9_-]{43}$/);
    const ok = await server.request('GET', '/v1/queue', { key });
    expect(ok.status).toBe(200);
    const stored = await server.store.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key);
    const list = await haven(['keys', 'list'], env);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain('night shift');
    expect(list.stdout).not.toContain(key);
    const revoked = await haven(['keys', 'revoke', id], env);
    expect(revoked.code).toBe(0);
    const bad = await haven(['keys', 'create', '--role', 'root'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--role must be one of service, moderator, investigator, admin/);
  });

  it('evidence verify passes, then reports the first broken link after a row is edited', async () => {
    for (const [i, text] of ['idiot', 'kill', 'idiot again', 'kill again'].entries()) {
      await server.request('POST', '/v1/messages', { key: server.keys.service, body: { id: `ev-${i}`, sender: 'troll', text } });
    }
    const good = await haven(['evidence', 'verify'], env);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/evidence chain intact: 4 entries/);

    const exported = join(mkdtempSync(join(tmpdir(), 'haven-export-')), 'bundle.json');
    const exp = await haven(['evidence', 'export', '--subject', 'troll', '--out', exported], env);
    expect(exp.code).toBe(0);
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toMatchObject({ format: 'haven-evidence-bundle/1', verification: { ok: true } });

    await sql`update evidence_log set entry = replace(entry, 'kill again', 'k*** again') where seq = 4`.execute(server.store.db);
    await sql`update evidence_log set subject = 'someone-else' where seq = 2`.execute(server.store.db);
    const broken = await haven(['evidence', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN at entry #2: column subject differs/);
    const json = JSON.parse((await haven(['evidence', 'verify', '--json'], env)).stdout);
    expect(json).toMatchObject({ ok: false, entries: 1, broken: { seq: 2 } });

    await sql`update evidence_log set subject = 'troll' where seq = 2`.execute(server.store.db);
    expect((await haven(['evidence', 'verify'], env)).stdout).toMatch(/BROKEN at entry #4: hash does not match the entry/);
    await sql`update evidence_log set entry = replace(entry, 'k*** again', 'kill again') where seq = 4`.execute(server.store.db);
    const intact = await haven(['evidence', 'verify'], env);
    const [, headSeq, headHash] = /head #(\d+) ([0-9a-f]{64})/.exec(intact.stdout)!;
    expect(headSeq).toBe('4');
    expect((await haven(['evidence', 'verify', '--head', `${headSeq}:${headHash}`, '--bundle', exported], env)).code).toBe(0);
    await sql`delete from evidence_log where seq = 4`.execute(server.store.db);
    // Truncating the end leaves an intact-looking chain: only a head recorded elsewhere shows it.
    expect((await haven(['evidence', 'verify'], env)).code).toBe(0);
    const againstBundle = await haven(['evidence', 'verify', '--bundle', exported], env);
    expect(againstBundle.code).toBe(1);
    expect(againstBundle.stdout).toMatch(/BROKEN at entry #4: entries #4–#4 are missing from the end \(a head #4 was recorded earlier\)/);
    expect((await haven(['evidence', 'verify', '--head', `#${headSeq} ${headHash}`], env)).code).toBe(1);
    expect((await haven(['evidence', 'verify', '--head', `3:${headHash}`], env)).stdout).toMatch(/BROKEN at entry #3: entry #3 does not have the hash recorded earlier/);
    const badHead = await haven(['evidence', 'verify', '--head', '4:xyz'], env);
    expect(badHead.code).toBe(2);
    expect(badHead.stderr).toMatch(/a head is SEQ:HASH/);
    const notBundle = await haven(['evidence', 'verify', '--bundle', '/nonexistent/bundle.json'], env);
    expect(notBundle.code).toBe(2);
    expect(notBundle.stderr).toMatch(/cannot read the bundle/);
    await sql`delete from evidence_log where seq = 2`.execute(server.store.db);
    expect((await haven(['evidence', 'verify'], env)).stdout).toMatch(/BROKEN at entry #3: expected entry 2 next/);
  });
});
