/**
 * The audit chain and the commands: `haven org import` (CSV and JSON, refused whole when wrong),
 * `haven keys create --role investigator --employee`, `haven audit verify` finding edited, deleted and
 * truncated rows and saying where, and `haven keys rotate` re-encrypting everything under a new key.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/cases/audit.ts';
import { Keyring } from '../../src/cases/crypto.ts';
import { cliEnv, haven } from '../server/helpers.ts';
import { DIALECTS, startCaseServer, STORY_ORG, type CaseServer } from './helpers.ts';

const CSV = `id,name,email,managerId,unit,role,tier
c1,Chen Wei,ceo@example.com,,exec,,
h1,"Ito, Henry",henry@example.com,c1,hr,investigator,1
e1,Erik Sato,,c1,ethics,investigator,2
b1,Beatrice Moss,,,board,investigator,3
m1,Mark Lee,,c1,sales,,
`;

describe.each(DIALECTS)('commands and the audit chain (%s)', (dialect) => {
  let s: CaseServer;
  let env: Record<string, string>;
  let dir: string;
  let caseId = '';

  beforeAll(async () => {
    s = await startCaseServer(dialect);
    dir = mkdtempSync(join(tmpdir(), 'haven-cases-cli-'));
    env = cliEnv(s.config.database, { HAVEN_KEY_FILE: s.config.reporting.keyFile! });
  });
  afterAll(() => s?.close());

  it('haven org import reads CSV (quoted commas) and refuses a bad file whole', async () => {
    writeFileSync(join(dir, 'org.csv'), CSV);
    const ok = await haven(['org', 'import', join(dir, 'org.csv')], env);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/imported 5 employees \(3 investigators\)/);
    const h1 = await s.store.db.selectFrom('org_employees').selectAll().where('id', '=', 'h1').executeTakeFirstOrThrow();
    expect(h1).toMatchObject({ name: 'Ito, Henry', tier: 1, manager_id: 'c1' });

    writeFileSync(join(dir, 'loop.json'), JSON.stringify([{ id: 'a', name: 'A', unit: 'x', managerId: 'b' }, { id: 'b', name: 'B', unit: 'x', managerId: 'a' }]));
    const loop = await haven(['org', 'import', join(dir, 'loop.json')], env);
    expect(loop.code).not.toBe(0);
    expect(loop.stderr).toMatch(/loops back/);
    writeFileSync(join(dir, 'bad.csv'), 'id,name,unit,shoe\nx,X,u,42\n');
    const bad = await haven(['org', 'import', join(dir, 'bad.csv')], env);
    expect(bad.stderr).toMatch(/unknown column "shoe"/);
    // Still the CSV org: nothing was half-imported.
    expect((await s.store.db.selectFrom('org_employees').select('id').execute()).length).toBe(5);

    writeFileSync(join(dir, 'org.json'), JSON.stringify(STORY_ORG));
    expect((await haven(['org', 'import', join(dir, 'org.json')], env)).stdout).toMatch(/imported 13 employees/);
  });

  it('haven keys create --employee binds an investigator key to an employee', async () => {
    const bad = await haven(['keys', 'create', '--role', 'investigator', '--employee', 'nobody'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/no employee "nobody"/);
    const res = await haven(['keys', 'create', '--role', 'investigator', '--employee', 'h1', '--json'], env);
    const created = JSON.parse(res.stdout) as { key: string };
    const report = await s.request('POST', '/v1/reports', { body: { anonymous: true, category: 'other', text: 'Secret words: bluebird.', accused: ['o2'] } });
    caseId = report.body.caseId;
    const who = await s.request('GET', '/v1/cases', { key: created.key });
    expect(who.status).toBe(200);
  });

  it('haven audit verify: intact, then an edited entry, then a deleted one, then a truncated tail', async () => {
    const h1 = await s.keyFor('h1');
    const h2 = await s.keyFor('h2');
    for (const key of [h1, h2]) await s.request('GET', `/v1/cases/${caseId}`, { key });
    const intact = await haven(['audit', 'verify'], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/audit chain intact: \d+ entries/);

    const db = s.store.db;
    const rows = await db.selectFrom('case_audit_log').selectAll().orderBy('seq').execute();
    const read = rows.find((r) => r.action === 'case.read')!;
    // 1. Someone rewrites who read the case.
    const edited = read.entry.replace(/employee:h\d/, 'employee:c1');
    await db.updateTable('case_audit_log').set({ entry: edited }).where('seq', '=', read.seq).execute();
    let res = await haven(['audit', 'verify'], env);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain(`BROKEN at entry #${read.seq}: hash does not match the entry`);
    // …and recomputes that row's hash: the NEXT row's link breaks instead.
    const { chainHash } = await import('../../src/store/evidence.ts');
    await db.updateTable('case_audit_log').set({ hash: chainHash(read.prev_hash, edited), actor: 'employee:c1' }).where('seq', '=', read.seq).execute();
    res = await haven(['audit', 'verify', '--json'], env);
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: false, broken: { seq: read.seq + 1, reason: expect.stringContaining('prev_hash') } });
    // 2. Restore it, then delete an entry in the middle.
    await db.updateTable('case_audit_log').set({ entry: read.entry, hash: read.hash, actor: read.actor }).where('seq', '=', read.seq).execute();
    expect((await verifyAuditChain(db)).ok).toBe(true);
    await db.deleteFrom('case_audit_log').where('seq', '=', read.seq).execute();
    res = await haven(['audit', 'verify'], env);
    expect(res.stdout).toContain(`BROKEN at entry #${read.seq}: entries #${read.seq}–#${read.seq} are missing (deleted)`);
    await db.insertInto('case_audit_log').values(read).execute();
    // 3. Delete the last entries (no gap left behind).
    const last = rows[rows.length - 1]!;
    const after = await db.selectFrom('case_audit_log').selectAll().where('seq', '>=', last.seq - 1).orderBy('seq').execute();
    await db.deleteFrom('case_audit_log').where('seq', '>=', last.seq - 1).execute();
    const truncated = await verifyAuditChain(db);
    expect(truncated.ok).toBe(false);
    expect(truncated.broken!.reason).toMatch(/missing from the end/);
    for (const row of after) await db.insertInto('case_audit_log').values(row).execute();
    // 4. A mirrored column edited behind the entry's back.
    await db.updateTable('case_audit_log').set({ actor: 'system' }).where('seq', '=', read.seq).execute();
    expect((await verifyAuditChain(db)).broken).toEqual({ seq: read.seq, reason: 'column actor differs from the hashed entry (the row was edited)' });
    await db.updateTable('case_audit_log').set({ actor: read.actor }).where('seq', '=', read.seq).execute();
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('keeps case content encrypted at rest, and haven keys rotate re-encrypts it', async () => {
    const events = await s.store.db.selectFrom('case_events').select(['content']).where('case_id', '=', caseId).where('content', 'is not', null).execute();
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.content).toMatch(/^hv1\./);
      expect(e.content).not.toContain('bluebird');
    }
    const before = Keyring.keyIdOfSealed(events[0]!.content!);
    const keyFileBefore = readFileSync(env.HAVEN_KEY_FILE!, 'utf8');
    const res = await haven(['keys', 'rotate'], env);
    expect(res.stderr).toBe('');
    expect(res.stdout).toMatch(/re-encrypted \d+ values under key [0-9a-f]{16}/);
    const afterRows = await s.store.db.selectFrom('case_events').select(['content']).where('content', 'is not', null).execute();
    const ids = new Set(afterRows.map((e) => Keyring.keyIdOfSealed(e.content!)));
    expect(ids.size).toBe(1);
    expect(ids.has(before)).toBe(false);
    expect(readFileSync(env.HAVEN_KEY_FILE!, 'utf8')).not.toBe(keyFileBefore);
    // The running service picks the rotated key file up and still reads the case.
    const h2 = await s.keyFor('h2');
    const h1 = await s.keyFor('h1');
    const reads = await Promise.all([h1, h2].map((key) => s.request('GET', `/v1/cases/${caseId}`, { key })));
    const ok = reads.find((r) => r.status === 200)!;
    expect(ok.body.report.text).toBe('Secret words: bluebird.');
    expect((await haven(['audit', 'verify'], env)).code).toBe(0);
  });
});
