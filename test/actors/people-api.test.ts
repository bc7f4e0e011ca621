/**
 * People, not only messages, over HTTP on every database: blocks, strikes and sanctions (with a moderator's
 * lift), evasion links, raids with their shield and cluster actions, and state that outlives the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActorPolicy } from '../../src/actors/policy.ts';
import { buildApp } from '../../src/server/app.ts';
import { DIALECTS, fakeScreen, startTestServer, type TestServer } from '../server/helpers.ts';

const policy = resolveActorPolicy({ raids: { minAccounts: 4 }, shield: { duration: '2m' } });
const RAID_TEXTS = [
  'everyone unfollow this fraud streamer right now',
  '3very0ne unf0llow this fr4ud streamer right now',
  'everyone  unfollow  this fraud streamer right now 🤡',
  'EVERYONE UNFOLLOW THIS FRAUD STREAMER RIGHT NOW!!',
  'everyone unfollow this frаud streamer right now xq7',
  'everyone unfollow this fraud streamer right now 🚨🚨',
];

describe.each(DIALECTS)('people over HTTP (%s)', (dialect) => {
  let server: TestServer;
  const post = (path: string, body: unknown, key = server.keys.service) => server.request('POST', path, { key, body });
  const get = (path: string) => server.request('GET', path, { key: server.keys.moderator });
  const now = () => new Date().toISOString();
  const young = (id: string, extra: Record<string, unknown> = {}) => ({ id, createdAt: now(), verified: false, ...extra });
  const old = (id: string) => ({ id, createdAt: '2020-01-01T00:00:00Z', verified: true });

  beforeAll(async () => {
    server = await startTestServer(dialect, { screen: fakeScreen, actorPolicy: policy });
  });
  afterAll(() => server?.close());

  it('a blocked sender’s messages to the blocker are blocked as blocked_contact, and only to the blocker', async () => {
    expect((await post('/v1/blocks', { blocker: 'alice', blocked: 'mallory' })).status).toBe(201);
    const again = await post('/v1/blocks', { blocker: 'alice', blocked: 'mallory' });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    const toAlice = await post('/v1/messages', { sender: 'mallory', recipient: 'alice', text: 'hello again' });
    expect(toAlice.body).toMatchObject({ verdict: 'block', labels: ['blocked_contact'] });
    const toBob = await post('/v1/messages', { sender: 'mallory', recipient: 'bob', text: 'hello again' });
    expect(toBob.body).toMatchObject({ verdict: 'allow', labels: [] });
    expect((await post('/v1/blocks', { blocker: 'alice', blocked: 'alice' })).status).toBe(400);
  });

  it('accepts the sender as an object and rejects unknown sender fields', async () => {
    const ok = await post('/v1/messages', { sender: { id: 'obj-1', createdAt: '2024-05-01T00:00:00Z', verified: true, fingerprint: { device: 'd', network: 'n', payment: 'p' } }, text: 'hi' });
    expect(ok.status).toBe(201);
    expect(ok.body.sender).toBe('obj-1');
    const bad = await post('/v1/messages', { sender: { id: 'obj-2', ip: '1.2.3.4' }, text: 'hi' });
    expect(bad.status).toBe(400);
    const missing = await post('/v1/messages', { text: 'hi' });
    expect(missing.body.error.message).toBe('sender: required');
  });

  it('a new sender is recorded with its first message (same commit); a duplicate id with new facts records nothing', async () => {
    const first = await post('/v1/messages', { id: 'acct-m1', sender: { id: 'acct-new', createdAt: '2025-02-03T04:05:06Z', verified: false }, text: 'hello' });
    expect(first.status).toBe(201);
    const account = await get('/v1/accounts/acct-new');
    expect(account.body).toMatchObject({ id: 'acct-new', createdAt: '2025-02-03T04:05:06.000Z', verified: false });
    expect(account.body.firstSeenAt).toEqual(expect.any(String));
    // the same message again, now saying the account is verified: a duplicate stores nothing
    const again = await post('/v1/messages', { id: 'acct-m1', sender: { id: 'acct-new', verified: true }, text: 'hello' });
    expect(again.status).toBe(200);
    expect((await get('/v1/accounts/acct-new')).body.verified).toBe(false);
    // a new message saying so is recorded with it
    expect((await post('/v1/messages', { id: 'acct-m2', sender: { id: 'acct-new', verified: true }, text: 'hello again' })).status).toBe(201);
    expect((await get('/v1/accounts/acct-new')).body.verified).toBe(true);
  });

  it('blocked messages add strikes by label; the ladder mutes, then suspends; a moderator lifts it, recorded', async () => {
    await post('/v1/messages', { sender: 'bully', recipient: 'v1', text: 'I will kill you' });
    let account = await get('/v1/accounts/bully');
    expect(account.body.strikes).toMatchObject({ total: 4, counting: 4 });
    expect(account.body.sanctions.map((s: any) => s.level)).toEqual(['mute']);
    const muted = await post('/v1/messages', { sender: 'bully', recipient: 'v2', text: 'nice weather' });
    expect(muted.body).toMatchObject({ verdict: 'block', labels: ['sanctioned'] });

    await post('/v1/messages', { sender: 'bully', recipient: 'v1', text: 'kill kill' });
    account = await get('/v1/accounts/bully');
    expect(account.body.strikes.total).toBe(8);
    expect(account.body.sanctions[0].level).toBe('suspend');

    const lifted = await post('/v1/accounts/bully/lift', { reason: 'appeal accepted' }, server.keys.moderator);
    expect(lifted.status).toBe(200);
    expect(lifted.body.sanctions).toEqual([]);
    expect(lifted.body.strikes.counting).toBe(0);
    const lifts = lifted.body.sanctionHistory.filter((e: any) => e.type === 'lift');
    expect(lifts.length).toBeGreaterThanOrEqual(2);
    expect(lifts[0]).toMatchObject({ source: 'moderator', reason: 'appeal accepted', actor: server.keyIds.moderator });
    expect((await post('/v1/messages', { sender: 'bully', recipient: 'v2', text: 'sorry' })).body.verdict).toBe('allow');
    const again = await post('/v1/accounts/bully/lift', { reason: 'again' }, server.keys.moderator);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_in_state');
    expect((await post('/v1/accounts/bully/lift', { reason: 'x' })).status).toBe(403);
  });

  it('a held message confirmed by a moderator adds its strike once', async () => {
    const held = await post('/v1/messages', { sender: 'rude', recipient: 'v3', text: 'you idiot' });
    expect(held.body.verdict).toBe('hold');
    expect((await get('/v1/accounts/rude')).body.strikes.total).toBe(0);
    await post(`/v1/queue/${held.body.queueItemId}/decision`, { decision: 'block', reason: 'insult' }, server.keys.moderator);
    await post(`/v1/queue/${held.body.queueItemId}/decision`, { decision: 'allow', reason: 'second look' }, server.keys.moderator);
    await post(`/v1/queue/${held.body.queueItemId}/decision`, { decision: 'block', reason: 'third look' }, server.keys.moderator);
    const account = await get('/v1/accounts/rude');
    expect(account.body.strikes.total).toBe(1);
    expect(account.body.strikes.items[0]).toMatchObject({ cause: 'confirmed', label: 'insult' });
  });

  it('reversing a confirmed block takes its strike back and lifts the ladder sanction it alone earned', async () => {
    const decide = (itemId: string, decision: string, reason: string) => post(`/v1/queue/${itemId}/decision`, { decision, reason }, server.keys.moderator);
    const first = await post('/v1/messages', { sender: 'rude2', recipient: 'v4', text: 'you idiot' });
    const second = await post('/v1/messages', { sender: 'rude2', recipient: 'v4', text: 'idiot again' });
    await decide(first.body.queueItemId, 'block', 'insult');
    await decide(second.body.queueItemId, 'block', 'insult');
    let account = await get('/v1/accounts/rude2');
    expect(account.body.strikes.total).toBe(2);
    expect(account.body.sanctions.map((x: any) => x.level)).toEqual(['warn']);

    expect((await decide(second.body.queueItemId, 'allow', 'was a quote')).status).toBe(200);
    account = await get('/v1/accounts/rude2');
    expect(account.body.strikes).toMatchObject({ total: 1, counting: 1 });
    expect(account.body.sanctions).toEqual([]);
    const lift = account.body.sanctionHistory.find((e: any) => e.type === 'lift');
    expect(lift).toMatchObject({ source: 'strikes', actor: 'system', level: 'warn' });
    expect(lift.reason).toContain('was a quote');

    // the remaining strike still counts: confirming again earns the warning again
    await decide(second.body.queueItemId, 'block', 'third look');
    account = await get('/v1/accounts/rude2');
    expect(account.body.strikes.total).toBe(2);
    expect(account.body.sanctions.map((x: any) => x.level)).toEqual(['warn']);
  });

  it('a new account on the blocked harasser’s device is linked, inherits the block, and is listed for review', async () => {
    await post('/v1/messages', { sender: { id: 'harasser', createdAt: '2023-01-01T00:00:00Z', fingerprint: { device: 'dev-h', network: 'net-h' } }, recipient: 'seller', channel: 'listing-1', text: 'answer me right now about the bike' });
    await post('/v1/blocks', { blocker: 'seller', blocked: 'harasser' });
    const back = await post('/v1/messages', { sender: young('harasser-2', { fingerprint: { device: 'dev-h' } }), recipient: 'seller', text: 'hello?' });
    expect(back.body.verdict).toBe('block');
    expect(back.body.labels).toEqual(expect.arrayContaining(['blocked_contact', 'ban_evasion']));
    const links = await get('/v1/links?account=harasser-2');
    expect(links.body.links).toHaveLength(1);
    expect(links.body.links[0]).toMatchObject({ account: 'harasser-2', linkedTo: 'harasser', recipient: 'seller' });
    expect(links.body.links[0].reasons.map((r: any) => r.kind)).toContain('device');
    const account = await get('/v1/accounts/harasser-2');
    expect(account.body.links.linkedTo[0].linkedTo).toBe('harasser');
    expect(account.body.blocks.blockedBy[0]).toMatchObject({ blocker: 'seller', source: 'link' });

    const buyer = await post('/v1/messages', { sender: young('buyer-1', { fingerprint: { device: 'dev-b', network: 'net-h' } }), recipient: 'seller', channel: 'listing-1', text: 'hi, is the bike still available?' });
    expect(buyer.body.verdict).toBe('allow');
    expect((await get('/v1/links?account=buyer-1')).body.links).toEqual([]);
  });

  it('a raid is detected, the shield holds new accounts and the cluster, moderators act on the cluster at once', async () => {
    const answers = [];
    for (const [i, text] of RAID_TEXTS.slice(0, 5).entries()) answers.push((await post('/v1/messages', { sender: young(`raider-${i}`), channel: 'live', surface: 'livestream', text })).body);
    expect(answers.slice(0, 3).map((a) => a.verdict)).toEqual(['allow', 'allow', 'allow']);
    expect(answers[3]).toMatchObject({ verdict: 'hold', labels: ['raid'] });
    expect(answers[4]).toMatchObject({ verdict: 'hold', labels: ['raid'] });

    const raids = await get('/v1/raids?channel=live');
    expect(raids.body.raids).toHaveLength(1);
    const raid = raids.body.raids[0];
    expect(raid).toMatchObject({ channel: 'live', status: 'detected', memberCount: 5, shield: { up: true } });

    // an established account's copy of the template is held (it matches the cluster); its ordinary chat is not
    expect((await post('/v1/messages', { sender: old('aged-bot'), channel: 'live', text: RAID_TEXTS[5] })).body).toMatchObject({ verdict: 'hold', labels: ['raid'] });
    expect((await post('/v1/messages', { sender: old('regular'), channel: 'live', text: 'what a great match today' })).body.verdict).toBe('allow');
    expect((await post('/v1/messages', { sender: young('newbie'), channel: 'live', text: 'hi all, first time here' })).body.labels).toEqual(['raid']);
    expect((await post('/v1/messages', { sender: young('elsewhere'), channel: 'other', text: 'hi all, first time here' })).body.verdict).toBe('allow');

    const held = await post(`/v1/raids/${raid.id}/action`, { action: 'hold-all', reason: 'looking into it' }, server.keys.moderator);
    expect(held.body).toMatchObject({ status: 'held', memberCount: 6 });
    expect((await post('/v1/messages', { sender: 'raider-0', channel: 'another', text: 'hello' })).body).toMatchObject({ verdict: 'hold', labels: ['raid'] });

    const suspended = await post(`/v1/raids/${raid.id}/action`, { action: 'suspend-all', reason: 'hate raid' }, server.keys.moderator);
    expect(suspended.body.status).toBe('suspended');
    expect(suspended.body.events.map((e: any) => e.type)).toEqual(['detected', 'hold-all', 'suspend-all']);
    expect((await get('/v1/accounts/aged-bot')).body.sanctions[0]).toMatchObject({ level: 'suspend', source: 'raid' });
    expect((await post('/v1/messages', { sender: 'raider-1', text: 'hello' })).body).toMatchObject({ verdict: 'block', labels: ['sanctioned'] });

    const repeat = await post(`/v1/raids/${raid.id}/action`, { action: 'suspend-all' }, server.keys.moderator);
    expect(repeat.status).toBe(409);
    const dismissed = await post(`/v1/raids/${raid.id}/action`, { action: 'dismiss', reason: 'false alarm after all' }, server.keys.moderator);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', shield: { up: false } });
    expect((await get('/v1/accounts/raider-1')).body.sanctions).toEqual([]);
    expect((await post('/v1/messages', { sender: young('newbie-2'), channel: 'live', text: 'hello there' })).body.verdict).toBe('allow');
    const lift = await post('/v1/shields/live/lift', { reason: 'already down' }, server.keys.moderator);
    expect(lift.status).toBe(409);
    expect((await post('/v1/raids/raid_nope/action', { action: 'dismiss' }, server.keys.moderator)).status).toBe(404);
  });

  it('a moderator lifts a shield early; a shield expires by itself', async () => {
    for (const [i, text] of RAID_TEXTS.slice(0, 4).entries()) await post('/v1/messages', { sender: young(`r2-${i}`), channel: 'live-2', text });
    let shields = await get('/v1/shields');
    expect(shields.body.shields.find((s: any) => s.channel === 'live-2')).toMatchObject({ up: true });
    // three minutes on (a sentAt the service accepts): past the 2-minute shield
    const later = new Date(Date.now() + 3 * 60_000).toISOString();
    expect((await post('/v1/messages', { sender: young('late-newbie'), channel: 'live-2', text: 'hello there', sentAt: later })).body.verdict).toBe('allow');
    const lifted = await post('/v1/shields/live-2/lift', { reason: 'raid over' }, server.keys.moderator);
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ channel: 'live-2', up: false });
    shields = await get('/v1/shields');
    expect(shields.body.shields.find((s: any) => s.channel === 'live-2').liftedAt).not.toBeNull();
    expect((await post('/v1/messages', { sender: young('newbie-3'), channel: 'live-2', text: 'hello there' })).body.verdict).toBe('allow');
  });

  it('state is in the store: a new app on the same database still knows blocks, links, sanctions and shields', async () => {
    for (const [i, text] of RAID_TEXTS.slice(0, 4).entries()) await post('/v1/messages', { sender: young(`r3-${i}`), channel: 'live-3', text });
    await post('/v1/messages', { sender: 'bully-2', recipient: 'v9', text: 'kill kill' });
    await post('/v1/messages', { sender: 'bully-2', recipient: 'v9', text: 'kill kill' });
    const restarted = await buildApp({ config: server.config, db: server.store.db, screen: fakeScreen, defaultMetrics: false, actorPolicy: policy });
    try {
      const send = async (body: unknown) =>
        JSON.parse((await restarted.inject({ method: 'POST', url: '/v1/messages', headers: { authorization: `Bearer ${server.keys.service}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) })).body);
      expect(await send({ sender: young('after-restart'), channel: 'live-3', text: 'hello everyone' })).toMatchObject({ verdict: 'hold', labels: ['raid'] });
      expect(await send({ sender: old('aged-2'), channel: 'live-3', text: RAID_TEXTS[5] })).toMatchObject({ verdict: 'hold', labels: ['raid'] });
      expect(await send({ sender: 'bully-2', recipient: 'v9', text: 'hi' })).toMatchObject({ verdict: 'block', labels: ['sanctioned'] });
      expect(await send({ sender: 'mallory', recipient: 'alice', text: 'hi' })).toMatchObject({ verdict: 'block', labels: ['blocked_contact'] });
      expect(await send({ sender: 'harasser-2', recipient: 'seller', text: 'hi' })).toMatchObject({ verdict: 'block' });
    } finally {
      await restarted.close();
    }
  });

  it('moderator endpoints need a moderator key; unknown accounts are 404', async () => {
    expect((await server.request('GET', '/v1/raids', { key: server.keys.service })).status).toBe(403);
    expect((await server.request('GET', '/v1/links', { key: server.keys.service })).status).toBe(403);
    expect((await get('/v1/accounts/nobody-at-all')).status).toBe(404);
    expect((await post('/v1/blocks', { blocker: 'a', blocked: 'b' }, server.keys.moderator)).status).toBe(403);
  });
});
