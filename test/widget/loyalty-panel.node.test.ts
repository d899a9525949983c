// The loyalty panel in real Chromium against the real Worker (wrangler dev), on a shop page served from another
// origin: identify with a server-made hash, open the panel, see the balance, redeem and see the code.
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without type declarations
import { buildWidget } from '../../scripts/build-widget.mjs';
import { seriousViolations } from '../node/dashboard-browser';
import { freePort, REPO_ROOT, startWorkerServer, type WorkerServer } from '../node/worker-server';

const ARTIFACTS = join(REPO_ROOT, 'test/artifacts');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

let server: WorkerServer;
let browser: Browser;
let host: Server;
let hostOrigin: string;
let loyaltyPath: string;
const pages = new Map<string, string>();
let pageCounter = 0;
let ipCounter = 0;

beforeAll(async () => {
  ({ loyaltyPath } = (await buildWidget()) as { loyaltyPath: string });
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = await freePort();
  hostOrigin = `http://127.0.0.1:${port}`;
  host = createServer((request, response) => {
    const html = pages.get((request.url ?? '/').split('?')[0]!);
    response.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
  [server, browser] = await Promise.all([
    startWorkerServer(),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => host?.close(resolve));
});

// ---------- the shop's account and its server, through the real API ----------

interface Shop {
  secretKey: string;
  publishableKey: string;
  memberSecret: string;
}

async function api<T = unknown>(
  path: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const method = init.method ?? (init.json === undefined ? 'GET' : 'POST');
  const response = await fetch(server.url + path, {
    method,
    headers: {
      'Content-Type': 'application/json',
      'CF-Connecting-IP': `10.8.0.${++ipCounter % 250}`,
      ...(method === 'GET' ? {} : { 'Idempotency-Key': crypto.randomUUID() }),
      ...init.headers,
    },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A shop with a purchase and a review rule, a 10-point and a 500-point reward, Gold at 200 points, and Anna holding 30 points. */
async function newShop(): Promise<Shop> {
  const signup = await fetch(`${server.url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `10.8.1.${++ipCounter % 250}` },
    body: JSON.stringify({
      tenantName: 'Northwind Coffee',
      email: `owner-${crypto.randomUUID()}@example.com`,
      password: 'correct horse battery',
    }),
  });
  const session = {
    Cookie: signup.headers.getSetCookie()[0]!.split(';')[0]!,
    'X-CSRF-Token': ((await signup.json()) as { csrfToken: string }).csrfToken,
  };
  const key = async (kind: string) =>
    (await api<{ key: string }>('/api/keys', { headers: session, json: { name: kind, kind } })).key;
  const secretKey = await key('secret');
  const publishableKey = await key('publishable');
  await api('/api/tenant', { method: 'PATCH', headers: session, json: { allowedOrigins: [hostOrigin] } });
  const auth = { Authorization: `Bearer ${secretKey}` };
  await api('/v1/loyalty/rules', { headers: auth, json: { eventType: 'purchase', name: 'Purchases' } });
  await api('/v1/loyalty/rules', { headers: auth, json: { eventType: 'review', name: 'Reviews', points: 25 } });
  await api('/v1/loyalty/tiers', { headers: auth, json: { name: 'Gold', threshold: 200 } });
  await api('/v1/loyalty/rewards', { headers: auth, json: { name: '$1 off', kind: 'fixed_discount', value: 100, cost: 10 } });
  await api('/v1/loyalty/rewards', { headers: auth, json: { name: 'Coffee grinder', kind: 'gift', cost: 500 } });
  await api('/v1/loyalty/events', {
    headers: auth,
    json: { id: 'review-1', type: 'review', customer: { externalId: 'anna-42' } },
  });
  await api('/v1/loyalty/adjustments', {
    headers: auth,
    json: { customer: { externalId: 'anna-42' }, points: 5, reason: 'welcome', actor: 'test' },
  });
  const { secret } = await api<{ secret: string }>('/v1/loyalty/member-secret', { headers: auth });
  return { secretKey, publishableKey, memberSecret: secret };
}

/** What the shop's server does, exactly as the README shows it for Node. */
const sign = (secret: string, customerId: string) => createHmac('sha256', secret).update(customerId).digest('hex');

/** The shop's page: queue, identify with the server-made hash, the loader, and a launcher button. */
function shopPage(shop: Shop, identity: { id: string; hash: string; locale?: string }): string {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title>` +
    `<script>window.rapport=window.rapport||function(){(rapport.q=rapport.q||[]).push(arguments)};rapport('identify', ${JSON.stringify(identity)});</script>` +
    `<script async src="${server.url}/w/v1/loader.js" data-key="${shop.publishableKey}"></script></head>` +
    `<body><main><h1>Shop</h1><button id="points" data-rapport-loyalty>My points</button></main></body></html>`;
  const path = `/shop-${++pageCounter}`;
  pages.set(path, html);
  return hostOrigin + path;
}

async function newPage(options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  return { context, page, requests };
}

const panel = (page: Page) => page.locator('rapport-loyalty').getByRole('dialog');
const chunkRequests = (requests: string[]) => requests.filter((url) => url.endsWith(loyaltyPath));

/** Where focus is: inside the panel's shadow root, or on the page. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const inside = document.querySelector('rapport-loyalty')?.shadowRoot?.activeElement;
    return inside ? `panel:${inside.getAttribute('role') ?? inside.tagName}` : `page:${document.activeElement?.id}`;
  });

/** Waits until the widget body ran (its config request answered), then a little longer for any stray fetches. */
async function widgetReady(page: Page): Promise<void> {
  await page.waitForResponse((response) => response.url().includes('/w/v1/config'));
  await page.waitForTimeout(1000);
}

describe('loyalty panel in Chromium', () => {
  it('fetches its chunk only when opened, shows balance, tier and ways to earn, redeems and shows the code, passes axe', async () => {
    const shop = await newShop();
    const { context, page, requests } = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(shopPage(shop, { id: 'anna-42', hash: sign(shop.memberSecret, 'anna-42') }));
    await widgetReady(page);
    expect(chunkRequests(requests)).toEqual([]);
    expect(requests.some((url) => url.includes('/w/v1/loyalty/'))).toBe(false);

    await page.click('#points');
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    expect(chunkRequests(requests)).toHaveLength(1);
    expect(await panel(page).getAttribute('aria-modal')).toBe('true');
    expect(await focused(page)).toBe('panel:dialog');
    const dialog = page.locator('rapport-loyalty').getByRole('dialog', { name: 'Your points' });
    await expect.poll(() => dialog.getByText('30 points available').isVisible()).toBe(true);
    const progress = dialog.getByRole('progressbar', { name: 'Progress to Gold' });
    expect(await progress.getAttribute('aria-valuenow')).toBe('25');
    expect(await progress.getAttribute('aria-valuemax')).toBe('200');
    expect(await dialog.getByText('175 points more to reach Gold').isVisible()).toBe(true);
    expect(await dialog.getByText('25 points for a review').isVisible()).toBe(true);
    expect(await dialog.getByText('1 point per $1.00 spent').isVisible()).toBe(true);
    expect(await dialog.getByText('Not enough points').isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Redeem' }).nth(1).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'loyalty-panel-desktop.png'), animations: 'disabled' });

    const redemption = page.waitForResponse(
      (response) => response.url().includes('/redemptions') && response.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Redeem' }).first().click();
    const answer = (await (await redemption).json()) as { code: string };
    expect((await redemption).request().headers()['idempotency-key']).toMatch(/^[0-9a-z]{21}$/);
    expect(answer.code).toMatch(/^[A-Z2-9]{12}$/);
    const status = dialog.getByRole('status');
    await expect.poll(() => status.textContent()).toContain(answer.code);
    expect(await status.textContent()).toContain('Your code for $1 off:');
    await expect.poll(() => dialog.getByText('20 points available').isVisible()).toBe(true);
    expect(await focused(page)).toBe('panel:status');
    expect(await seriousViolations(page)).toEqual([]);

    const auth = { Authorization: `Bearer ${shop.secretKey}` };
    expect(await api('/v1/loyalty/members/anna-42', { headers: auth })).toMatchObject({ available: 20 });
    const ledger = await api<{ data: Array<{ kind: string; availableDelta: number }> }>(
      '/v1/loyalty/members/anna-42/transactions',
      { headers: auth },
    );
    expect(ledger.data.filter((entry) => entry.kind === 'redeem')).toEqual([expect.objectContaining({ availableDelta: -10 })]);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('rapport-loyalty').count()).toBe(0);
    expect(await focused(page)).toBe('page:points');
    // Opened again (this time by command): the chunk is not fetched twice.
    await page.evaluate(() => (window as unknown as { rapport: (command: string) => void }).rapport('loyalty'));
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    expect(chunkRequests(requests)).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps Tab inside and Escape closes; a forged hash shows an error and no balance', async () => {
    const shop = await newShop();
    const { context, page } = await newPage();
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.goto(shopPage(shop, { id: 'anna-42', hash: sign(shop.memberSecret, 'someone-else') }));
    await widgetReady(page);
    await page.focus('#points');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => panel(page).getByRole('alert').textContent())
      .toBe('Your points could not be loaded. Please try again later.');
    expect(await panel(page).textContent()).not.toMatch(/available|30/);
    expect(warnings.some((warning) => warning.includes('identity could not be verified'))).toBe(true);
    // Only the close button is focusable: Tab and Shift+Tab stay on it.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('panel:BUTTON');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('panel:BUTTON');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('rapport-loyalty').count()).toBe(0);
    expect(await focused(page)).toBe('page:points');
    await context.close();
  });

  it('is a bottom sheet on a 375 px phone, in Russian, with 44 px redeem buttons', async () => {
    const shop = await newShop();
    const { context, page } = await newPage({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await page.goto(shopPage(shop, { id: 'anna-42', hash: sign(shop.memberSecret, 'anna-42'), locale: 'ru' }));
    await widgetReady(page);
    await page.tap('#points');
    const dialog = page.locator('rapport-loyalty').getByRole('dialog', { name: 'Ваши баллы' });
    await expect.poll(() => dialog.getByText('30 баллов доступно').isVisible()).toBe(true);
    expect(await dialog.getByText('25 баллов за отзыв').isVisible()).toBe(true);
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBe(375);
    expect(Math.round(box.y + box.height)).toBe(740);
    for (const button of await dialog.getByRole('button', { name: 'Обменять' }).all()) {
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'loyalty-panel-mobile-ru.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Обменять' }).first().tap();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Ваш код для «\$1 off»:[A-Z2-9]{12}/);
    await context.close();
  });
});
