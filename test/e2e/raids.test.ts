/**
 * A raid appears and is acted on, in Chromium against the real service: fresh unverified accounts paste
 * altered copies of one template into a live-stream chat; the raid view shows the cluster with the channel's
 * shield up; the moderator suspends the whole cluster in one action; a raider's held message shows the
 * sender's history (the raid, the sanction) in the review queue.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP_TIMEOUT_MS, call, launchChromium, newContext, shot, staffPage, startHaven, type Haven } from './harness.ts';

const CHANNEL = 'stream-raid-1';
const VARIANTS = [
  'get out of this stream nobody wants your kind here',
  'g3t out of this stream nobody wants your kind here',
  'get out of this stream, nobody wants your kind here!!',
  'get 0ut of this str3am nobody wants your kind here',
  'GET OUT OF THIS STREAM nobody wants your kind here',
  'get out of this stream nobody wants ur kind here',
  'get out of this stream nobody w4nts your kind here',
  'get  out  of this stream nobody wants your kind here 🙂',
  'get out of th1s stream nobody wants your kind here',
  'get out of this stream nobody wants your k1nd here',
  'get out of this stream nobody wants your kind here lol',
  'get out of this stream nobody wants your kind h3re',
];

describe('raid view', () => {
  let haven: Haven;
  let browser: Browser;
  let context: BrowserContext;
  let problems: string[];
  let page: Page;
  let raidId: string;

  const raid = (n: number, text: string) =>
    call(haven, 'POST', '/v1/messages', {
      key: haven.keys.service,
      body: { sender: { id: `raider-${n}`, createdAt: new Date().toISOString(), verified: false }, channel: CHANNEL, surface: 'livestream', text },
    });

  beforeAll(async () => {
    browser = await launchChromium();
    haven = await startHaven();
    ({ context, problems } = await newContext(browser));
    for (const [i, text] of VARIANTS.entries()) {
      const res = await raid(i + 1, text);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const raids = await call(haven, 'GET', '/v1/raids', { key: haven.keys.moderator });
    expect(raids.status, JSON.stringify(raids.body)).toBe(200);
    expect(raids.body.raids.map((r: any) => r.channel), 'the service should detect the raid').toEqual([CHANNEL]);
    raidId = raids.body.raids[0].id;
    page = await staffPage(context, haven, haven.keys.moderator);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await haven?.close();
  });

  it('shows the cluster in its channel with the shield up', async () => {
    await page.goto(`${haven.url}/#/raids`);
    const channel = page.locator(`[data-testid="raid-channel"][data-channel="${CHANNEL}"]`);
    await channel.waitFor();
    expect(await channel.getByTestId('shield').getAttribute('data-up')).toBe('true');
    const card = channel.locator(`[data-raid-id="${raidId}"]`);
    expect(await card.getAttribute('data-status')).toBe('detected');
    const count = Number(/\d+/.exec((await card.getByTestId('member-count').textContent()) ?? '')?.[0]);
    expect(count).toBeGreaterThanOrEqual(8);
    await card.getByRole('button', { name: 'Show members and history' }).click();
    await expect.poll(() => card.getByTestId('raid-members').locator('li').count()).toBe(count);
    await shot(page, 'raids');
  });

  it('a new raider is held by the shield; the queue shows the sender history', async () => {
    const res = await raid(99, 'get out of this stream nobody wants your kind here!!!');
    expect(res.status).toBe(201);
    expect(res.body.verdict).toBe('hold');
    expect(res.body.labels).toContain('raid');

    const queue = await staffPage(context, haven, haven.keys.moderator);
    await queue.goto(`${haven.url}/#/queue`);
    await queue.getByLabel('Label', { exact: true }).selectOption('raid');
    await queue.getByRole('button', { name: 'Apply filters' }).click();
    const item = queue.locator(`[data-item-id="${res.body.queueItemId}"]`);
    await item.waitFor();
    await item.getByRole('button', { name: 'Show sender history' }).click();
    const history = item.getByTestId('account-history');
    await history.getByRole('link', { name: CHANNEL }).waitFor();
    await shot(queue, 'queue-sender-history');
    await queue.close();
  });

  it('suspends the whole cluster in one action', async () => {
    await page.goto(`${haven.url}/#/raids`);
    const card = page.locator(`[data-raid-id="${raidId}"]`);
    await card.getByLabel('Action', { exact: true }).selectOption('suspend-all');
    await card.getByLabel(`Reason for the action on cluster ${raidId}`).fill('hate raid on a streamer');
    await card.getByRole('button', { name: 'Apply to cluster' }).click();
    await page.getByRole('status').filter({ hasText: `Cluster ${raidId}: Suspend every account applied.` }).waitFor();
    await expect.poll(() => card.getAttribute('data-status')).toBe('suspended');
    await shot(page, 'raids-suspended');

    const detail = await call(haven, 'GET', `/v1/raids/${raidId}`, { key: haven.keys.moderator });
    expect(detail.body.status).toBe('suspended');
    expect(detail.body.events.at(-1)).toMatchObject({ status: 'suspended', reason: 'hate raid on a streamer' });
    for (const m of detail.body.members as Array<{ account: string }>) {
      const account = await call(haven, 'GET', `/v1/accounts/${m.account}`, { key: haven.keys.moderator });
      expect(account.body.sanctions.map((s: any) => s.level), m.account).toContain('suspend');
    }
  });

  it('lifts the shield', async () => {
    const channel = page.locator(`[data-testid="raid-channel"][data-channel="${CHANNEL}"]`);
    await channel.getByLabel(`Reason for lifting the shield on ${CHANNEL}`).fill('raid over');
    await channel.getByRole('button', { name: 'Lift the shield' }).click();
    await expect.poll(() => channel.getByTestId('shield').getAttribute('data-up')).toBe('false');
  });

  it('raised no script errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
