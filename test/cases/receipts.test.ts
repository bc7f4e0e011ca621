/**
 * Receipts: wrong, malformed and missing receipts; brute force (rate-limited per client address, and a fake
 * bearer key does not buy a fresh bucket); the compare is constant-time (a wrong locator costs the same scrypt
 * as a wrong secret); the receipt is never accepted from the URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReceipt, parseReceipt, verifySecret } from '../../src/cases/receipt.ts';
import { DIALECTS, startCaseServer, STORY_ORG, type CaseServer } from './helpers.ts';

const REPORT = { anonymous: true, category: 'sexual_harassment', text: 'He keeps commenting on my body.', accused: ['m1'] };

/** Flips one character of the secret part (after the locator). */
function wrongSecret(receipt: string): string {
  const chars = receipt.split('');
  const i = chars.length - 1;
  chars[i] = chars[i] === '0' ? '1' : '0';
  return chars.join('');
}

describe.each(DIALECTS)('receipts (%s)', (dialect) => {
  let s: CaseServer;
  let receipt = '';
  beforeAll(async () => {
    s = await startCaseServer(dialect);
    await s.importOrg(STORY_ORG);
    const res = await s.request('POST', '/v1/reports', { body: REPORT });
    receipt = res.body.receipt;
  });
  afterAll(() => s?.close());

  it('opens the case with the right receipt, however it is typed', async () => {
    expect((await s.request('GET', '/v1/receipt', { receipt })).status).toBe(200);
    const sloppy = ` ${receipt.toLowerCase().replace(/-/g, ' ')} `;
    expect((await s.request('GET', '/v1/receipt', { receipt: sloppy })).status).toBe(200);
  });

  it.each([
    ['a wrong secret', (r: string) => wrongSecret(r), 401, 'unauthorized'],
    ['an unknown locator', (r: string) => `ZZZZ-ZZZZ${r.slice(9)}`, 401, 'unauthorized'],
    ['a fresh random receipt', () => '', 401, 'unauthorized'],
    ['a malformed one', () => 'not-a-receipt', 400, 'invalid_request'],
    ['one with a letter outside the alphabet', (r: string) => `U${r.slice(1)}`, 400, 'invalid_request'],
  ] as const)('refuses %s', async (_name, mutate, status, code) => {
    const candidate = mutate(receipt) || (await newReceipt()).code;
    for (const path of ['/v1/receipt', '/v1/receipt/messages']) {
      const res = await s.request(path.endsWith('messages') ? 'POST' : 'GET', path, { receipt: candidate, ...(path.endsWith('messages') ? { body: { text: 'hello' } } : {}) });
      expect(res.status).toBe(status);
      expect(res.body.error).toMatchObject({ code, field: 'X-Haven-Receipt' });
      expect(res.text).not.toContain('case_');
    }
    // Nothing was added to the case.
    const events = await s.store.db.selectFrom('case_events').select('type').where('type', '=', 'message').execute();
    expect(events).toEqual([]);
  });

  it('needs the receipt in the header, never in the URL', async () => {
    const missing = await s.request('GET', '/v1/receipt');
    expect(missing.status).toBe(401);
    expect(missing.body.error.field).toBe('X-Haven-Receipt');
    const inUrl = await s.request('GET', `/v1/receipt?receipt=${encodeURIComponent(receipt)}`);
    expect(inUrl.status).toBe(400);
    expect(inUrl.body.error.field).toBe('receipt');
  });

  it('compares in constant time: a wrong locator costs what a wrong secret costs', async () => {
    const parsed = parseReceipt(receipt)!;
    const row = await s.store.db.selectFrom('cases').select(['receipt_salt', 'receipt_hash']).where('receipt_locator', '=', parsed.locator).executeTakeFirstOrThrow();
    const stored = { salt: row.receipt_salt, hash: row.receipt_hash };
    expect(await verifySecret(parsed.secret, stored)).toBe(true);
    const time = async (fn: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await fn();
        samples.push(performance.now() - t);
      }
      return samples.sort((a, b) => a - b)[2]!;
    };
    const wrongSecretMs = await time(() => verifySecret(parsed.secret.replace(/.$/, (c) => (c === '0' ? '1' : '0')), stored));
    const noLocatorMs = await time(() => verifySecret(parsed.secret, null));
    // Both do one scrypt (tens of milliseconds); neither is a fast path.
    expect(wrongSecretMs).toBeGreaterThan(5);
    expect(noLocatorMs).toBeGreaterThan(5);
    expect(noLocatorMs / wrongSecretMs).toBeGreaterThan(0.5);
    expect(noLocatorMs / wrongSecretMs).toBeLessThan(2);
    expect(await verifySecret(parsed.secret, null)).toBe(false);
  });
});

describe.each(DIALECTS)('brute force (%s)', (dialect) => {
  let s: CaseServer;
  beforeAll(async () => {
    s = await startCaseServer(dialect, { config: { reporting: { rateLimit: { max: 5, windowMs: 60_000 } } } });
    await s.importOrg(STORY_ORG);
  });
  afterAll(() => s?.close());

  it('rate-limits guesses per client address, whatever bearer key is sent', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const guess = (await newReceipt()).code;
      const res = await s.request('GET', '/v1/receipt', { receipt: guess, headers: { authorization: `Bearer made-up-${i}` } });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const limited = await s.request('GET', '/v1/receipt', { receipt: 'x' });
    expect(limited.body.error.code).toBe('rate_limited');
  });

  it('rate-limits intake too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await s.request('POST', '/v1/reports', { body: REPORT })).status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
