/**
 * A moderator's decision on an evasion link, over HTTP on every database: a rejected link counts nowhere (its
 * inherited block and sanction go, the new account is screened as itself, also after a restart); a later
 * confirmation makes the link count again; repeats, unknown links and the wrong role are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActorPolicy } from '../../src/actors/policy.ts';
import { buildApp } from '../../src/server/app.ts';
import { DIALECTS, fakeScreen, startTestServer, type TestServer } from '../server/helpers.ts';

const policy = resolveActorPolicy({});

describe.each(DIALECTS)('link decisions over HTTP (%s)', (dialect) => {
  let server: TestServer;
  const post = (path: string, body: unknown, key = server.keys.service) => server.request('POST', path, { key, body });
  const get = (path: string) => server.request('GET', path, { key: server.keys.moderator });
  const decide = (linkId: string, body: unknown, key = server.keys.moderator) => post(`/v1/links/${linkId}/decision`, body, key);
  const young = (id: string, fingerprint: Record<string, string>) => ({ id, createdAt: new Date().toISOString(), verified: false, fingerprint });
  /** POST /v1/messages on another app over the same database: what a restart sees. */
  const afterRestart = async (body: unknown) => {
    const app = await buildApp({ config: server.config, db: server.store.db, screen: fakeScreen, defaultMetrics: false, actorPolicy: policy });
    try {
      const res = await app.inject({ method: 'POST', url: '/v1/messages', headers: { authorization: `Bearer ${server.keys.service}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
      return JSON.parse(res.body);
    } finally {
      await app.close();
    }
  };

  let linkId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { screen: fakeScreen, actorPolicy: policy });
    // The harasser threatens the seller (a strike worth a mute), is blocked, and comes back on a new account on
    // the same device: linked, inheriting the block and the mute.
    await post('/v1/messages', { sender: { id: 'old-acct', createdAt: '2023-01-01T00:00:00Z', fingerprint: { device: 'dev-shared' } }, recipient: 'seller', text: 'I will kill you' });
    await post('/v1/blocks', { blocker: 'seller', blocked: 'old-acct' });
    const back = await post('/v1/messages', { sender: young('new-acct', { device: 'dev-shared' }), recipient: 'seller', text: 'hello, is it still for sale?' });
    expect(back.body.verdict).toBe('block');
    expect(back.body.labels).toEqual(expect.arrayContaining(['blocked_contact', 'sanctioned', 'ban_evasion']));
    const links = await get('/v1/links?account=new-acct');
    expect(links.body.links).toHaveLength(1);
    expect(links.body.links[0]).toMatchObject({ linkedTo: 'old-acct', status: 'pending', decision: null });
    linkId = links.body.links[0].id;
    const account = await get('/v1/accounts/new-acct');
    expect(account.body.blocks.blockedBy).toEqual([expect.objectContaining({ blocker: 'seller', source: 'link', linkId })]);
    expect(account.body.sanctions).toEqual([expect.objectContaining({ level: 'mute', source: 'link' })]);
  });
  afterAll(() => server?.close());

  it('refuses the wrong role, an unknown link and an unknown field', async () => {
    expect((await decide(linkId, { decision: 'reject', reason: 'x' }, server.keys.service)).status).toBe(403);
    const unknown = await decide('lnk_nope', { decision: 'reject', reason: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect((await decide(linkId, { decision: 'reject', reason: 'x', extra: 1 })).status).toBe(400);
    expect((await decide(linkId, { decision: 'maybe', reason: 'x' })).status).toBe(400);
    expect((await get('/v1/links?account=new-acct')).body.links[0].status).toBe('pending');
  });

  it('a rejected link counts nowhere: the inherited block and mute go, and the next message to the blocker is delivered', async () => {
    const rejected = await decide(linkId, { decision: 'reject', reason: 'shared family tablet' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ id: linkId, status: 'rejected', decision: { decision: 'reject', reason: 'shared family tablet', decidedBy: server.keyIds.moderator, previousStatus: 'pending' } });

    const account = await get('/v1/accounts/new-acct');
    expect(account.body.blocks.blockedBy).toEqual([]);
    expect(account.body.sanctions).toEqual([]);
    const lift = account.body.sanctionHistory.find((e: any) => e.type === 'lift');
    expect(lift).toMatchObject({ source: 'link', ref: linkId, actor: server.keyIds.moderator, level: 'mute' });
    expect(lift.reason).toContain('shared family tablet');
    expect(account.body.links.linkedTo[0]).toMatchObject({ id: linkId, status: 'rejected' });

    const next = await post('/v1/messages', { sender: young('new-acct', { device: 'dev-shared' }), recipient: 'seller', text: 'hello, is it still for sale?' });
    expect(next.body).toMatchObject({ verdict: 'allow', labels: [] });
    // the earlier account is untouched
    expect((await post('/v1/messages', { sender: 'old-acct', recipient: 'seller', text: 'hi' })).body.verdict).toBe('block');
    expect((await get('/v1/links?account=new-acct')).body.links).toEqual([expect.objectContaining({ id: linkId, status: 'rejected' })]);

    const again = await decide(linkId, { decision: 'reject', reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_in_state');
  });

  it('a rejection survives a restart', async () => {
    expect(await afterRestart({ sender: 'new-acct', recipient: 'seller', text: 'any news?' })).toMatchObject({ verdict: 'allow', labels: [] });
  });

  it('confirming after a rejection makes the link count again (the earlier account’s block and mute apply through it)', async () => {
    const confirmed = await decide(linkId, { decision: 'confirm', reason: 'same payment later seen' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', decision: { decision: 'confirm', previousStatus: 'rejected' } });
    const next = await post('/v1/messages', { sender: 'new-acct', recipient: 'seller', text: 'any news?' });
    expect(next.body.verdict).toBe('block');
    expect(next.body.labels).toEqual(expect.arrayContaining(['blocked_contact', 'sanctioned', 'ban_evasion']));
    // the lifted rows are not re-created: the record shows what the rejection undid
    expect((await get('/v1/accounts/new-acct')).body.blocks.blockedBy).toEqual([]);
    expect((await decide(linkId, { decision: 'confirm', reason: 'again' })).status).toBe(409);
    expect((await afterRestart({ sender: 'new-acct', recipient: 'seller', text: 'any news?' })).verdict).toBe('block');
  });
});
