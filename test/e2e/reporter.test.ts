/**
 * The reporting channel end to end, in Chromium against the real service: an employee reports anonymously,
 * is shown the receipt once with a warning, copies it; an investigator (conflict-free, tier 1) acknowledges
 * and replies; the reporter comes back with the receipt, reads the reply and writes back; the investigator
 * reads it in the case's conversation, decides, and the audit trail records it all. A manager of the accused,
 * though an investigator, never sees the case.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP_TIMEOUT_MS, call, launchChromium, newContext, setUpOrg, shot, staffPage, startHaven, type Haven, type OrgInvestigator } from './harness.ts';

const REPORT = 'At the client dinner on Friday my team lead made me drink and said I was there as "a pretty lady". <b>Not bold</b>';

describe('reporter and investigator', () => {
  let haven: Haven;
  let browser: Browser;
  let reporter: BrowserContext;
  let staff: BrowserContext;
  const problems: string[][] = [];
  let keys: Record<OrgInvestigator, string>;
  let receipt: string;
  let caseId: string;
  let investigator: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    haven = await startHaven({ env: { HAVEN_REPORT_RATE_LIMIT_MAX: '1000' } });
    keys = await setUpOrg(haven);
    const r = await newContext(browser);
    reporter = r.context;
    await reporter.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: haven.url });
    const s = await newContext(browser);
    staff = s.context;
    problems.push(r.problems, s.problems);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await reporter?.close();
    await staff?.close();
    await browser?.close();
    await haven?.close();
  });

  it('files an anonymous report and is shown the receipt once, with a warning, and copies it', async () => {
    const page = await reporter.newPage();
    await page.goto(`${haven.url}/`);
    await page.getByRole('link', { name: 'Make a report' }).first().click();
    await page.getByLabel('What happened', { exact: true }).selectOption('sexual_harassment');
    await page.getByLabel('Describe what happened').fill(REPORT);
    await page.getByLabel('Who did it').fill('acc1');
    await page.getByLabel('Where (optional)').fill('Restaurant, client dinner');
    await page.getByRole('radio', { name: 'Report anonymously' }).check();
    await shot(page, 'report-form');
    await page.getByRole('button', { name: 'Send report' }).click();

    const sent = page.getByTestId('report-sent');
    await sent.waitFor();
    expect(await sent.getByRole('alert').textContent()).toContain('Keep this receipt now. It is shown only once');
    const shown = (await sent.getByTestId('receipt-code').textContent())!.trim();
    expect(shown).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    caseId = (await sent.getByTestId('case-id').textContent())!.trim();
    await page.getByRole('button', { name: 'Copy receipt' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    receipt = String(await page.evaluate('navigator.clipboard.readText()'));
    expect(receipt).toBe(shown);
    await shot(page, 'report-receipt');

    // Shown once: it is not in storage or the URL, and coming back to the page shows an empty form.
    expect(page.url()).not.toContain(receipt);
    expect(await page.evaluate('JSON.stringify({ ...sessionStorage, ...localStorage })')).not.toContain(receipt.slice(5));
    await page.goto(`${haven.url}/#/`);
    await page.goto(`${haven.url}/#/report`);
    await page.getByLabel('Describe what happened').waitFor();
    expect(await page.getByTestId('receipt-code').count()).toBe(0);
    await page.close();
  });

  it('the accused’s manager, an investigator, does not see the case', async () => {
    const page = await staffPage(staff, haven, keys.mgr1);
    await page.goto(`${haven.url}/#/cases`);
    await page.getByText('Nothing here.').waitFor();
    const direct = await call(haven, 'GET', `/v1/cases/${caseId}`, { key: keys.mgr1 });
    expect(direct.status).toBe(404);
    await page.close();
  });

  it('an investigator sees it sorted by deadline, acknowledges it and replies to the reporter', async () => {
    investigator = await staffPage(staff, haven, keys.hr1);
    await investigator.getByRole('link', { name: 'Cases', exact: true }).click();
    const row = investigator.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('time-left').textContent()).toMatch(/left/);
    await shot(investigator, 'cases');
    await row.getByRole('link', { name: caseId }).click();

    await investigator.getByTestId('report-text').waitFor();
    expect(await investigator.getByTestId('report-text').textContent()).toBe(REPORT);
    expect(await investigator.getByTestId('report-text').locator('b').count()).toBe(0);
    await investigator.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => investigator.getByTestId('case-status').getAttribute('data-status')).toBe('acknowledged');
    await investigator.getByLabel('Reply to the reporter').fill('Thank you for telling us. Could you tell us who else was at the dinner?');
    await investigator.getByRole('button', { name: 'Send', exact: true }).click();
    await investigator.getByRole('status').filter({ hasText: 'Reply sent.' }).waitFor();
    await expect.poll(() => investigator.getByTestId('case-conversation').locator('[data-from="investigator"]').count()).toBe(1);
    await shot(investigator, 'case');
  });

  it('offers only conflict-free investigators for reassignment, and reassigns', async () => {
    const assignment = investigator.getByTestId('case-assignment');
    const select = assignment.getByLabel('Assign to');
    await select.waitFor();
    const offered = (await select.locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))).filter(Boolean);
    // The accused's manager is an investigator but in the conflict set; the accused is no investigator at all.
    expect(offered).not.toContain('mgr1');
    expect(offered).not.toContain('acc1');
    expect(offered).toEqual(expect.arrayContaining(['hrhead', 'board1']));
    const peer = offered.includes('hr2') ? 'hr2' : 'hr1';
    await select.selectOption(peer);
    await assignment.getByRole('button', { name: 'Assign', exact: true }).click();
    await investigator.getByRole('status').filter({ hasText: 'Assigned.' }).waitFor();
    await expect.poll(() => assignment.locator('strong').first().textContent()).toContain(`(${peer})`);
    await shot(investigator, 'case-assignment');
  });

  it('the reporter comes back with the receipt, reads the reply and writes back', async () => {
    const page = await reporter.newPage();
    await page.goto(`${haven.url}/#/receipt`);
    await page.getByLabel('Receipt').fill('WRONG-RECEIPT');
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('alert').waitFor();

    await page.getByLabel('Receipt').fill(receipt);
    await page.getByRole('button', { name: 'Open' }).click();
    const view = page.getByTestId('receipt-case');
    await view.waitFor();
    expect(await view.getByTestId('receipt-status').getAttribute('data-status')).toBe('acknowledged');
    const conversation = view.getByTestId('conversation');
    expect(await conversation.locator('[data-from="investigator"]').textContent()).toContain('who else was at the dinner?');
    await page.getByLabel('Write to the investigator').fill('My colleague emp1 was there, and two people from the client. <script>alert(1)</script>');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Message sent.' }).waitFor();
    await expect.poll(() => conversation.locator('[data-from="reporter"]').count()).toBe(1);
    expect(await conversation.locator('script').count()).toBe(0);
    await shot(page, 'receipt');
    await page.getByRole('button', { name: 'Close and forget the receipt' }).click();
    await page.getByLabel('Receipt').waitFor();
    await page.close();
  });

  it('the investigator reads the reporter’s message, decides, and the audit trail records it', async () => {
    await investigator.getByRole('button', { name: 'Refresh' }).first().click();
    const conversation = investigator.getByTestId('case-conversation');
    await expect.poll(() => conversation.locator('[data-from="reporter"]').count()).toBe(1);
    expect(await conversation.locator('[data-from="reporter"]').textContent()).toContain('<script>alert(1)</script>');

    await investigator.getByLabel('Outcome').selectOption('substantiated');
    await investigator.getByLabel('Written decision').fill('The complaint is upheld; the team lead is removed from client work pending discipline.');
    await investigator.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => investigator.getByTestId('case-status').getAttribute('data-status')).toBe('decided');
    const audit = investigator.getByTestId('case-audit');
    await expect.poll(async () => (await audit.locator('tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).join(' ')).toMatch(
      /case\.acknowledged.*case\.message.*case\.decided/,
    );
    const timeline = await investigator.getByTestId('case-timeline').locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-type')));
    expect(timeline).toEqual(expect.arrayContaining(['reported', 'assigned', 'acknowledged', 'message', 'decided']));
    await shot(investigator, 'case-decided');

    const back = await call(haven, 'GET', '/v1/receipt', { headers: { 'X-Haven-Receipt': receipt } });
    expect(back.body.decision).toMatchObject({ outcome: 'substantiated' });
  });

  it('raised no script errors or CSP violations', () => {
    expect(problems.flat().filter((p) => !/401|Unauthorized/.test(p))).toEqual([]);
  });
});
