/**
 * No report can sit silently: with a four-second acknowledgement deadline (HAVEN_ACK_DEADLINE=PT4S), a tier-1
 * investigator watches the case's time run out without acting; the service escalates it a tier up, the tier-1
 * investigator loses it (and so does tier 2, four seconds later), and the tier-3 committee member sees it marked
 * escalated, with the missed deadlines and the escalations on its timeline and in its audit trail.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP_TIMEOUT_MS, call, launchChromium, newContext, setUpOrg, shot, staffPage, startHaven, type Haven, type OrgInvestigator } from './harness.ts';

describe('a missed deadline escalates', () => {
  let haven: Haven;
  let browser: Browser;
  let context: BrowserContext;
  let problems: string[];
  let keys: Record<OrgInvestigator, string>;
  let caseId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    // Seconds-long stage deadlines; the scheduler looks every 200 ms.
    haven = await startHaven({ env: { HAVEN_ACK_DEADLINE: 'PT4S', HAVEN_SCHEDULER_POLL_MS: '200' } });
    keys = await setUpOrg(haven);
    ({ context, problems } = await newContext(browser));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await haven?.close();
  });

  it('shows the case escalated after the tier-1 investigator lets the deadline pass', async () => {
    const tier1 = await staffPage(context, haven, keys.hr1);
    const res = await call(haven, 'POST', '/v1/reports', {
      body: { anonymous: true, category: 'coerced_drinking', text: 'My manager forces us to drink with clients every week.', accused: ['acc1'] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    caseId = res.body.caseId;

    // Tier 1 sees the case with its acknowledgement deadline counting down, and does nothing.
    await tier1.goto(`${haven.url}/#/cases`);
    const row = tier1.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
    await row.waitFor();
    expect(await row.locator('td').nth(4).textContent()).toMatch(/Acknowledge/);
    await shot(tier1, 'deadline-before');

    // The service escalates: the case moves to tier 2 and out of tier 1's sight.
    await expect
      .poll(async () => (await call(haven, 'GET', `/v1/cases/${caseId}`, { key: keys.board1 })).body?.events?.some((e: { type: string }) => e.type === 'escalated'), { timeout: 20_000, interval: 250 })
      .toBe(true);
    await tier1.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    await tier1.close();

    // Tier 2 misses it too (four seconds again), so the committee at tier 3 holds it; it opens the case: escalated,
    // the missed deadlines and the escalations on the timeline and in the audit trail.
    const top = await staffPage(context, haven, keys.board1);
    await top.goto(`${haven.url}/#/cases`);
    await top.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`).getByRole('link', { name: caseId }).click();
    const badge = top.getByTestId('escalated');
    await badge.waitFor();
    expect(await badge.textContent()).toMatch(/Escalated ×\d/);
    const timeline = top.getByTestId('case-timeline');
    const missed = timeline.locator('li[data-type="deadline_missed"]').first();
    expect(await missed.textContent()).toContain('Acknowledge deadline');
    expect(await timeline.locator('li[data-type="escalated"]').first().textContent()).toContain('tier 1 → 2');
    expect(await top.getByTestId('case-deadlines').locator('tr[data-state="missed"]').count()).toBeGreaterThanOrEqual(1);
    await top.getByTestId('case-audit').locator('tr[data-action="case.escalated"]').first().waitFor();
    await shot(top, 'deadline-escalated');
    await top.close();
  });

  it('raised no script errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
