// Acceptance 3 end-to-end: a recipients CSV of 1,000 rows with 5 bad ones, uploaded in Chromium with a real
// progress bar against the real Worker, which sends through a local mail API so delivery is observable.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startWorkerServer, type WorkerServer } from '../node/worker-server';
import {
  ARTIFACTS,
  checkPages,
  ensureDashboardBuilt,
  launchChromium,
  logIn,
  newPage,
  VIEWPORTS,
} from '../node/dashboard-browser';

const OWNER = { tenantName: 'Birch Books', email: 'bea@birch.example', password: 'correct horse battery' };

let server: WorkerServer;
let browser: Browser;
let mailApi: Server;
/** Recipients the local mail API was asked to send to. */
const mailed: string[] = [];

async function startMailApi(): Promise<string> {
  const port = await freePort();
  mailApi = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const email = JSON.parse(body) as { to: Array<{ email: string }> };
      mailed.push(...email.to.map((to) => to.email));
      response.writeHead(202, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => mailApi.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${port}/send`;
}

beforeAll(async () => {
  ensureDashboardBuilt();
  const mailUrl = await startMailApi();
  [server, browser] = await Promise.all([startWorkerServer({ vars: { MAIL_API_URL: mailUrl } }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => mailApi?.close(resolve));
});

/** Lines (header = 1) of the bad rows and what is wrong with each. */
const BAD_ROWS = new Map<number, string>([
  [3, 'not-an-email,Broken Address,en'],
  [250, ',No Address,en'],
  [501, 'reader-1@birch.example,Same Reader Again,en'],
  [777, 'wrong-locale@birch.example,Wrong Locale,english'],
  [1001, 'two@@birch.example,Double At,ru'],
]);

/** 1,000 data rows after the header; 5 of them bad. */
function recipientsCsv(): string {
  const lines = ['email,name,locale'];
  for (let line = 2; line <= 1001; line++) {
    lines.push(BAD_ROWS.get(line) ?? `reader-${line - 1}@birch.example,Reader ${line - 1},${line % 2 ? 'ru' : 'en'}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Records every value the upload progress bar shows, from before it exists until the test reads them. */
async function recordProgress(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    const read = () => {
      const bar = document.querySelector('[role="progressbar"]');
      const value = bar?.getAttribute('aria-valuenow');
      if (value !== null && value !== undefined && seen[seen.length - 1] !== Number(value)) seen.push(Number(value));
    };
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });
  return () => page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
}

/** The card listing the campaign's recipients (the KPI and the status table are named "Recipients" too). */
const recipientList = (page: Page) => page.locator('section[aria-labelledby="recipients-title"]');

describe('email campaigns in the dashboard', () => {
  let owner: Page;
  let campaignPath = '';

  it('creates a campaign for a survey', async () => {
    ({ page: owner } = await newPage(browser, server.url));
    await owner.goto('/signup');
    await owner.getByLabel('Company or workspace name').fill(OWNER.tenantName);
    await owner.getByLabel('Email').fill(OWNER.email);
    await owner.getByLabel('Password').fill(OWNER.password);
    await owner.getByRole('button', { name: 'Sign up' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    await owner.getByText('No campaigns yet').waitFor();
    await owner.getByRole('link', { name: 'New campaign' }).first().click();
    await owner.getByText('Create a survey first').waitFor();

    await owner.goto('/surveys/new');
    await owner.getByLabel('Name', { exact: true }).fill('Reader NPS');
    await owner.getByLabel('Status').selectOption('active');
    await owner.getByLabel('Ask in Russian').check();
    await owner.getByRole('button', { name: 'Create' }).click();
    await owner.getByText('Survey created').waitFor();

    await owner.goto('/campaigns/new');
    await owner.getByLabel('Campaign name').fill('Spring readers');
    await expect(owner.getByLabel('Survey').inputValue()).resolves.toMatch(/^srv_/);
    await owner.getByRole('button', { name: 'Create campaign' }).click();
    await owner.getByText('Please fix the highlighted fields.').waitFor();
    await owner.getByLabel('Sender email').fill('news@birch.example');
    await owner.getByLabel('Send in Russian').check();
    await owner.getByLabel('Introduction · Russian').fill('Нам важно ваше мнение.');
    await owner.getByRole('button', { name: 'Create campaign' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Spring readers' }).waitFor();
    campaignPath = new URL(owner.url()).pathname;
    expect(campaignPath).toMatch(/^\/campaigns\/cmp_/);
    await owner.getByText('Upload recipients to send this campaign.').waitFor();
    await owner.getByText('No recipients yet').waitFor();
  });

  it('uploads 1,000 recipients with 5 bad rows: the bar advances, the errors are listed by line, 995 are queued', async () => {
    // Slow the upload down so the bar has something to show (40 KB at 16 KB/s).
    const cdp = await owner.context().newCDPSession(owner);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 16 * 1024,
    });
    const progress = await recordProgress(owner);
    await owner.getByLabel('Recipients CSV').setInputFiles({
      name: 'recipients.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(recipientsCsv()),
    });
    await owner.getByRole('button', { name: 'Upload', exact: true }).click();
    await owner.getByText('995 recipients added.').waitFor({ timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    const shown = await progress();
    // Advancing means the bar stood at more than one point between empty and full, not just that it appeared.
    const between = new Set(shown.filter((percent) => percent > 0 && percent < 100));
    expect(between.size, `progress seen: ${shown.join(', ')}`).toBeGreaterThanOrEqual(2);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));

    const errors = owner.getByRole('region', { name: 'Rows that were not added' });
    await expect(errors.getByRole('rowheader').allTextContents()).resolves.toEqual(['3', '250', '501', '777', '1001']);
    const reasons = await errors
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent));
    expect(reasons).toEqual(['Not an email address', 'Not an email address', 'Duplicate', 'Invalid row', 'Not an email address']);

    await expect.poll(() => recipientList(owner).getByRole('cell', { name: 'Waiting' }).count()).toBe(50);
    await expect.poll(() => owner.locator('section.kpi[aria-label="Recipients"] .kpi-value').textContent()).toBe('995');
  });

  it('previews the email a recipient gets, in their language', async () => {
    const row = recipientList(owner)
      .getByRole('row')
      .filter({ has: owner.getByRole('cell', { name: 'ru', exact: true }) })
      .first();
    const email = (await row.getByRole('cell').first().textContent()) ?? '';
    expect(email).toMatch(/^reader-\d+@birch\.example$/);
    await row.getByRole('button', { name: `Email preview for ${email}` }).click();
    const preview = owner.getByRole('region', { name: `Email preview for ${email}` });
    await expect(preview.locator('.email-subject').textContent()).resolves.toBe('Короткий вопрос от Birch Books');
    const frame = owner.frameLocator('iframe.email-preview');
    await frame.getByText('Нам важно ваше мнение.').waitFor();
    await frame.getByText('Насколько вероятно, что вы порекомендуете нас другу или коллеге?').waitFor();
    await preview.getByRole('button', { name: 'Close preview' }).click();
    await expect(preview.count()).resolves.toBe(0);
  });

  it('sends the campaign: 995 queued, and delivery shows up live', async () => {
    await owner.getByRole('button', { name: 'Send now' }).click();
    await owner.getByRole('group', { name: 'Email 995 recipients now?' }).getByRole('button', { name: 'Send' }).click();
    const queued = owner.locator('section.kpi[aria-label="Queued"]');
    await expect.poll(() => queued.locator('.kpi-value').textContent(), { timeout: 30_000 }).toBe('995');
    await expect.poll(() => owner.locator('.details .badge').textContent()).toMatch(/^(Sending|Sent)$/);
    await expect(owner.getByRole('button', { name: 'Send now' }).count()).resolves.toBe(0);
    await expect(owner.getByRole('button', { name: 'Upload', exact: true }).count()).resolves.toBe(0);
    // The page refreshes itself: the count of sent emails grows without a reload.
    await expect
      .poll(async () => Number((await queued.locator('.kpi-meta').textContent())?.replace(/\D/g, '')), { timeout: 60_000 })
      .toBeGreaterThan(0);
    expect(mailed.length).toBeGreaterThan(0);
    expect(mailed.every((email) => /^reader-\d+@birch\.example$/.test(email))).toBe(true);
  });

  it('schedules a campaign with a future send time instead of sending it', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await owner.goto('/campaigns/new');
    await owner.getByLabel('Campaign name').fill('Tomorrow’s readers');
    await owner.getByLabel('Sender email').fill('news@birch.example');
    await owner.getByLabel('Send time').fill(local);
    await owner.getByRole('button', { name: 'Create campaign' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Tomorrow’s readers' }).waitFor();
    await owner.getByLabel('Recipients CSV').setInputFiles({
      name: 'two.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('email\nlater-1@birch.example\nlater-2@birch.example\n'),
    });
    await owner.getByRole('button', { name: 'Upload', exact: true }).click();
    await owner.getByText('2 recipients added.').waitFor();
    await owner.getByRole('button', { name: 'Schedule' }).click();
    await owner
      .getByRole('group', { name: /^Email 2 recipients on / })
      .getByRole('button', { name: 'Schedule' })
      .click();
    await expect.poll(() => owner.locator('.details .badge').textContent()).toBe('Scheduled');
    await expect(owner.locator('section.kpi[aria-label="Queued"] .kpi-value').textContent()).resolves.toBe('0');
    await owner.getByText('2 waiting for the start').waitFor();
    await owner.goto('/campaigns');
    const row = owner.getByRole('row', { name: /Tomorrow’s readers/ });
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('Scheduled');
  });

  it('passes axe-core on the campaign pages at 1280 px and 375 px, light and dark, and screenshots them', async () => {
    const pages = [
      { path: '/campaigns', name: 'campaigns', heading: 'Campaigns' },
      { path: campaignPath, name: 'campaign', heading: 'Spring readers' },
    ];
    const found: string[] = [];
    for (const [width, colorScheme] of VIEWPORTS) {
      const { context, page } = await newPage(browser, server.url, { width, colorScheme });
      await logIn(page, OWNER.email, OWNER.password);
      found.push(...(await checkPages(page, pages, `${width}-${colorScheme}`)));
      await context.close();
    }
    writeFileSync(join(ARTIFACTS, 'axe-violations-campaigns.json'), JSON.stringify(found, null, 2));
    expect(found).toEqual([]);
  }, 180_000);
});
