/**
 * A moderator, in Chromium, against the real service: tries the engine, works the review queue (filters,
 * evidence highlighted, a decision by click and one by key), and sees a message full of markup as text.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP_TIMEOUT_MS, call, launchChromium, newContext, shot, staffPage, startHaven, type Haven } from './harness.ts';

const MARKUP = '<img src=x onerror="window.__xss=1"><b>bold</b><script>window.__xss=2</script> add me on wechat';

describe('moderator console', () => {
  let haven: Haven;
  let browser: Browser;
  let context: BrowserContext;
  let problems: string[];
  let markupItem: string;
  let insultItem: string;

  beforeAll(async () => {
    browser = await launchChromium();
    haven = await startHaven();
    ({ context, problems } = await newContext(browser));
    const post = async (body: Record<string, unknown>) => {
      const res = await call(haven, 'POST', '/v1/messages', { key: haven.keys.service, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.verdict, `the engine should hold ${JSON.stringify(body.text)}`).toBe('hold');
      return res.body.queueItemId as string;
    };
    markupItem = await post({ sender: 'buyer-17', recipient: 'seller-2', channel: 'shop-1', surface: 'marketplace', text: MARKUP });
    insultItem = await post({ sender: 'viewer-9', channel: 'stream-9', surface: 'livestream', text: 'you are an idiot' });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await haven?.close();
  });

  it('serves the console at / under a CSP that allows only its own scripts', async () => {
    const res = await fetch(haven.url + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<div id="root">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  });

  it('works from the keyboard: skip link first, log in with Enter', async () => {
    const page = await context.newPage();
    await page.goto(`${haven.url}/`);
    await shot(page, 'home');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    await page.goto(`${haven.url}/#/login`);
    await page.getByLabel('API key').focus();
    await page.keyboard.type(haven.keys.moderator);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Logged in as moderator' }).waitFor();
    expect(await page.getByTestId('session-role').textContent()).toBe('Logged in: moderator');
    await shot(page, 'login');
    // The key lives in this tab only.
    expect(await page.evaluate('localStorage.getItem("haven.apiKey")')).toBeNull();
    const other = await context.newPage();
    await other.goto(`${haven.url}/#/queue`);
    await other.getByText('This page needs an API key').waitFor();
    await other.close();
    await page.close();
  });

  it('tries the engine: verdict and the evidence highlighted in the original text', async () => {
    const page = await staffPage(context, haven, haven.keys.moderator);
    await page.getByRole('link', { name: 'Try the engine' }).click();
    await page.getByLabel('Text to screen').fill('Hi! add me on wechat, thanks');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const result = page.getByTestId('screen-result');
    await expect.poll(() => result.locator('[data-verdict]').getAttribute('data-verdict')).toBe('hold');
    const marks = result.getByTestId('highlighted-text').locator('mark');
    const marked = await marks.allTextContents();
    expect(marked.join('|')).toContain('wechat');
    // The whole text is there, unchanged, around the marks.
    expect((await result.getByTestId('highlighted-text').textContent())?.replace(/ \([^)]*\)/g, '')).toBe('Hi! add me on wechat, thanks');
    await shot(page, 'try-engine');
    await page.close();
  });

  it('shows the queue with evidence, labels and scores; markup in a message is text', async () => {
    const page = await staffPage(context, haven, haven.keys.moderator);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${haven.url}/#/queue`);
    const items = page.getByTestId('queue-item');
    await expect.poll(() => items.count()).toBe(2);

    const markup = page.locator(`[data-item-id="${markupItem}"]`);
    const text = markup.getByTestId('highlighted-text');
    expect(await text.textContent()).toContain('<b>bold</b>');
    expect(await text.textContent()).toContain('<script>window.__xss=2</script>');
    expect(await text.locator('b, img, script').count()).toBe(0);
    expect(await markup.locator('mark').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('wechat')]));
    expect(await markup.locator('[data-label="contact_offplatform"]').textContent()).toMatch(/off-platform contact \d\.\d\d/);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(dialogs).toBe(0);
    await shot(page, 'queue');

    // Filter by channel, then by label.
    await page.getByLabel('Channel', { exact: true }).fill('stream-9');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute('data-item-id')).toBe(insultItem);
    await page.getByLabel('Channel', { exact: true }).fill('');
    await page.getByLabel('Label', { exact: true }).selectOption('contact_offplatform');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(async () => (await items.count()) === 1 && (await items.first().getAttribute('data-item-id'))).toBe(markupItem);
    await shot(page, 'queue-filtered');
    await page.close();
  });

  it('decides a held message with one click, and another with one key', async () => {
    const page = await staffPage(context, haven, haven.keys.moderator);
    await page.goto(`${haven.url}/#/queue`);
    const items = page.getByTestId('queue-item');
    await expect.poll(() => items.count()).toBe(2);

    const card = page.locator(`[data-item-id="${markupItem}"]`);
    await card.getByLabel(`Reason for the decision on item ${markupItem}`).fill('pushes the buyer off the platform');
    await card.getByRole('button', { name: 'Block', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Item ${markupItem}: Block` }).waitFor();
    await expect.poll(() => items.count()).toBe(1);

    // The other item: focus it and press `a`.
    await page.locator(`[data-item-id="${insultItem}"]`).focus();
    await page.keyboard.press('a');
    await page.getByRole('status').filter({ hasText: `Item ${insultItem}: Allow` }).waitFor();
    await expect.poll(() => items.count()).toBe(0);
    await shot(page, 'queue-empty');

    const blocked = await call(haven, 'GET', '/v1/queue?status=blocked', { key: haven.keys.moderator });
    expect(blocked.body.items.map((i: any) => [i.id, i.decision.reason])).toEqual([[markupItem, 'pushes the buyer off the platform']]);
    const allowed = await call(haven, 'GET', '/v1/queue?status=allowed', { key: haven.keys.moderator });
    expect(allowed.body.items.map((i: any) => [i.id, i.decision.reason])).toEqual([[insultItem, 'Reviewed: no violation']]);

    // Decided items are listed with their decision.
    await page.getByLabel('Status', { exact: true }).selectOption('blocked');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.getByTestId('decision').first().textContent()).toContain('pushes the buyer off the platform');
    await page.close();
  });

  it('switches the interface to Chinese and back', async () => {
    const page = await staffPage(context, haven, haven.keys.moderator);
    await page.goto(`${haven.url}/#/queue`);
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('heading', { level: 1, name: '审核队列' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await shot(page, 'queue-zh');
    await page.getByTestId('lang-toggle').click();
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    await page.close();
  });

  it('raised no script errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
