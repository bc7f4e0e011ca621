import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, fakeScreen, startTestServer, type TestServer } from './helpers.ts';

/** Bad input gets a clear JSON error naming the field, never a 500, and the service keeps serving. */
describe.each(DIALECTS)('bad input (%s)', (dialect) => {
  let server: TestServer;
  const send = (path: string, options: Parameters<TestServer['request']>[2]) => server.request('POST', path, { key: server.keys.admin, ...options });

  beforeAll(async () => {
    server = await startTestServer(dialect, { screen: fakeScreen, config: { limits: { textChars: 100 } } });
  });
  afterAll(async () => {
    // Still serving after everything below.
    const res = await send('/v1/messages', { body: { id: 'after-all', sender: 'ok', text: 'fine' } });
    expect(res.status).toBe(201);
    await server?.close();
  });

  it.each([
    ['{"text": "unterminated', 'invalid_json'],
    ['{text: "no quotes"}', 'invalid_json'],
    ['', 'invalid_json'],
    ['{"text":"x"} trailing', 'invalid_json'],
  ])('invalid JSON %j → 400 %s', async (raw, code) => {
    const res = await send('/v1/screen', { raw });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code, field: 'body' });
  });

  it.each([
    ['/v1/screen', { text: 42 }, 'text'],
    ['/v1/screen', { text: null }, 'text'],
    ['/v1/screen', {}, 'text'],
    ['/v1/screen', { text: 'x', kind: 'tweet' }, 'kind'],
    ['/v1/screen', { text: 'x', surface: 'forum' }, 'surface'],
    ['/v1/screen', { text: 'x', lang: 'fr' }, 'lang'],
    ['/v1/screen', { text: 'x', extra: true }, 'extra'],
    ['/v1/screen', [], 'body'],
    ['/v1/screen', 'just a string', 'body'],
    ['/v1/messages', { text: 'x' }, 'sender'],
    ['/v1/messages', { sender: 'a' }, 'text'],
    ['/v1/messages', { sender: '', text: 'x' }, 'sender'],
    ['/v1/messages', { sender: 'a'.repeat(257), text: 'x' }, 'sender'],
    ['/v1/messages', { sender: 'a\u0000b', text: 'x' }, 'sender'],
    ['/v1/messages', { sender: 'a', text: 'x', id: 'bad\nid' }, 'id'],
    ['/v1/messages', { sender: 'a\uD800', text: 'x' }, 'sender'],
    ['/v1/messages', { sender: 'a', text: 'x', sentAt: 'yesterday' }, 'sentAt'],
    ['/v1/messages', { sender: 'a', text: 'x', recipient: 7 }, 'recipient'],
    ['/v1/messages', { sender: 'a', text: 'x', nested: { deep: [1, 2] } }, 'nested'],
  ])('%s %j → 400 naming %s', async (path, body, field) => {
    const res = await send(path, { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field });
    expect(res.body.error.message).toContain(field);
    if (body && typeof body === 'object' && !Array.isArray(body) && !(field in body)) expect(res.body.error.message).toBe(`${field}: required`);
    else expect(res.body.error.message).not.toMatch(/required/);
  });

  it('a POST without a body → 400 naming the body', async () => {
    const res = await send('/v1/screen', {});
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'body', message: 'body: required' });
  });

  it('a body that is not application/json → 415 unsupported_media_type', async () => {
    const res = await send('/v1/screen', { raw: '{"text":"x"}', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    const xml = await send('/v1/screen', { raw: '<text>x</text>', headers: { 'content-type': 'application/xml' } });
    expect(xml.status).toBe(415);
    expect(xml.body.error.code).toBe('unsupported_media_type');
  });

  it('text over the limit → 413 text_too_long naming text', async () => {
    for (const [path, extra] of [['/v1/screen', {}], ['/v1/messages', { sender: 'a' }]] as const) {
      const res = await send(path, { body: { ...extra, text: 'x'.repeat(101) } });
      expect(res.status, path).toBe(413);
      expect(res.body.error).toMatchObject({ code: 'text_too_long', field: 'text' });
    }
    const ok = await send('/v1/screen', { body: { text: 'x'.repeat(100) } });
    expect(ok.status).toBe(200);
  });

  it('a 1 MB body → 413 body_too_large, before it is read in full', async () => {
    const res = await send('/v1/messages', { raw: JSON.stringify({ sender: 'a', text: 'x'.repeat(1024 * 1024) }) });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'body_too_large', field: 'body' });
  });

  it('a 1 MB body without a key → 401 (auth runs before the body is read)', async () => {
    const res = await server.request('POST', '/v1/messages', { raw: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(401);
  });

  it('deeply nested JSON → 400, no crash', async () => {
    const depth = 20_000; // ~40 KB, under the body limit
    const res = await send('/v1/screen', { raw: '['.repeat(depth) + ']'.repeat(depth) });
    expect(res.status).toBe(400);
    const inField = await send('/v1/screen', { raw: `{"text":${'['.repeat(depth)}${']'.repeat(depth)}}` });
    expect(inField.status).toBe(400);
    expect(inField.body.error.field).toBe('text');
  });

  it('prototype-poisoning keys → 400', async () => {
    const res = await send('/v1/screen', { raw: '{"text":"x","__proto__":{"admin":true}}' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('lone surrogates and NUL bytes in text are screened and stored (as U+FFFD), offsets unchanged', async () => {
    const text = 'idiot \uD800 and \u0000 and \uDFFF end';
    const screened = await send('/v1/screen', { body: { text } });
    expect(screened.status).toBe(200);
    const stored = await send('/v1/messages', { body: { id: 'odd-1', sender: 'a', text } });
    expect(stored.status).toBe(201);
    expect(stored.body.text).toBe('idiot \uFFFD and \uFFFD and \uFFFD end');
    expect(stored.body.text).toHaveLength(text.length);
    const read = await server.request('GET', '/v1/messages/odd-1', { key: server.keys.admin });
    expect(read.body.text).toBe(stored.body.text);
  });

  it('invalid UTF-8 bytes in the body are decoded as U+FFFD, not a crash', async () => {
    const bytes = Buffer.concat([Buffer.from('{"sender":"a","id":"utf8-1","text":"bad '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' bytes"}')]);
    const res = await send('/v1/messages', { raw: bytes });
    expect(res.status).toBe(201);
    expect(res.body.text).toContain('\uFFFD');
  });

  it('NUL and odd characters in URL parameters → 400/404/414, never 500', async () => {
    for (const path of ['/v1/messages/%00', '/v1/messages/%ZZ', '/v1/evidence/%E0%A4%A', '/v1/queue?channel=%00', `/v1/messages/${'x'.repeat(2000)}`]) {
      const res = await server.request('GET', path, { key: server.keys.admin });
      expect([400, 404, 414], path).toContain(res.status);
      expect(res.body?.error, path).toBeDefined();
    }
  });

  it('a decision reason with NUL is stored, not a 500', async () => {
    const held = await send('/v1/messages', { body: { id: 'nul-reason', sender: 'z', text: 'idiot' } });
    const res = await send(`/v1/queue/${held.body.queueItemId}/decision`, { body: { decision: 'block', reason: 'because\u0000' } });
    expect(res.status).toBe(200);
  });
});
