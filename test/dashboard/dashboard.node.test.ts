// End-to-end: the dashboard in Debian Chromium against the real Worker (wrangler dev, local D1, web/dist).
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
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
  newPage as openPage,
  type PageOptions,
  screenshot,
  seriousViolations,
  VIEWPORTS,
} from '../node/dashboard-browser';

let server: WorkerServer;
let browser: Browser;

const OWNER = { tenantName: 'Acme Coffee', name: 'Olga Owner', email: 'olga@acme.example', password: 'correct horse battery' };
const VIEWER = { email: 'victor@acme.example', password: 'viewer password 1' };

beforeAll(async () => {
  ensureDashboardBuilt();
  [server, browser] = await Promise.all([startWorkerServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const newPage = (options: PageOptions = {}) => openPage(browser, server.url, options);

/** Calls the dashboard API from the page, with its session cookie and CSRF token, like the app does. */
async function callApi(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await fetch('/api/auth/me').then((response) => response.json() as Promise<{ csrfToken: string }>);
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}

/** A second origin, like a customer's shop, serving one HTML page. */
async function serveShopPage(html: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const port = await freePort();
  const shop = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => shop.listen(port, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => shop.close(() => resolve())) };
}

const v1 = (key: string, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/v1${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...init.headers },
  });

describe('dashboard', () => {
  let owner: Page;
  let secretKey = '';
  let copiedSnippet = '';

  it('signs up a new workspace and lands on the overview', async () => {
    ({ page: owner } = await newPage());
    await owner.goto('/');
    await owner.getByRole('heading', { level: 1, name: 'Log in to Rapport' }).waitFor();
    await owner.getByRole('link', { name: 'Sign up' }).click();
    await owner.getByLabel('Company or workspace name').fill(OWNER.tenantName);
    await owner.getByLabel('Your name').fill(OWNER.name);
    await owner.getByLabel('Email').fill(OWNER.email);
    await owner.getByLabel('Password').fill('short');
    await owner.getByRole('button', { name: 'Sign up' }).click();
    await expect(owner.getByText('At least 10 characters', { exact: true }).isVisible()).resolves.toBe(true);
    await owner.getByLabel('Password').fill(OWNER.password);
    await owner.getByRole('button', { name: 'Sign up' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(new URL(owner.url()).pathname).toBe('/');
    await expect(owner.getByRole('banner').textContent()).resolves.toContain(OWNER.tenantName);
  });

  it('creates an API key, shows it once, and a revoked key gets 401 from /v1', async () => {
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await owner.getByRole('link', { name: 'API keys' }).click();
    await owner.getByLabel('Key name').fill('Backend');
    await owner.getByRole('button', { name: 'Create key' }).click();
    const shown = owner.locator('pre code');
    await shown.waitFor();
    secretKey = (await shown.textContent()) ?? '';
    expect(secretKey).toMatch(/^rk_sk_\w{32}$/);
    expect((await v1(secretKey, '/surveys')).status).toBe(200);

    await owner.getByLabel('Key name').fill('Old integration');
    await owner.getByRole('button', { name: 'Create key' }).click();
    await owner.getByRole('row', { name: /Old integration/ }).waitFor();
    const doomed = (await owner.locator('pre code').textContent()) ?? '';
    expect(doomed).not.toBe(secretKey);
    expect((await v1(doomed, '/surveys')).status).toBe(200);

    // After a reload the full key is gone for good: only its prefix is listed.
    await owner.reload();
    await owner.getByRole('row', { name: /Old integration/ }).waitFor();
    await expect(owner.locator('pre code').count()).resolves.toBe(0);
    await expect(owner.getByRole('main').textContent()).resolves.not.toContain(doomed);

    const row = owner.getByRole('row', { name: /Old integration/ });
    await row.getByRole('button', { name: 'Revoke Old integration' }).click();
    await row.getByRole('button', { name: 'Revoke', exact: true }).click();
    await row.getByText('Revoked').waitFor();
    expect((await v1(doomed, '/surveys')).status).toBe(401);
    expect((await v1(secretKey, '/surveys')).status).toBe(200);
  });

  it('creates a survey and shows its embed snippet with a copy button', async () => {
    await owner.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    await owner.getByText('No surveys yet').waitFor();
    await owner.getByRole('link', { name: 'New survey' }).first().click();
    await owner.getByRole('button', { name: 'Create' }).click();
    await owner.getByText('Please fix the highlighted fields.').waitFor();
    await owner.getByLabel('Name', { exact: true }).fill('Checkout NPS');
    await owner.getByLabel('Status').selectOption('active');
    await owner.getByLabel('Ask in Russian').check();
    await owner.getByLabel('Delay in seconds').fill('0');
    await owner.getByRole('button', { name: 'Create' }).click();
    await owner.getByText('Survey created').waitFor();
    expect(new URL(owner.url()).pathname).toMatch(/^\/surveys\/srv_/);

    const surveys = (await (await v1(secretKey, '/surveys')).json()) as {
      data: Array<{ name: string; status: string; texts: Record<string, unknown>; settings: { trigger: unknown } }>;
    };
    expect(surveys.data).toHaveLength(1);
    expect(surveys.data[0]).toMatchObject({
      name: 'Checkout NPS',
      status: 'active',
      settings: { trigger: { type: 'delay', seconds: 0 } },
    });
    expect(Object.keys(surveys.data[0]!.texts).sort()).toEqual(['en', 'ru']);

    const embed = owner.getByRole('region', { name: 'Embed on your site' });
    await embed.getByRole('button', { name: 'Create a publishable key for this snippet' }).click();
    const snippet = embed.locator('pre code');
    await expect
      .poll(() => snippet.textContent())
      .toMatch(new RegExp(`^<script async src="${server.url}/w/v1/loader\\.js" data-key="rk_pk_\\w{32}"></script>$`));
    await embed.getByRole('button', { name: 'Copy' }).click();
    await embed.getByRole('button', { name: 'Copied' }).waitFor();
    copiedSnippet = await owner.evaluate(() => navigator.clipboard.readText());
    expect(copiedSnippet).toBe(await snippet.textContent());
  });

  it('lists responses with filters and load more', async () => {
    const surveys = (await (await v1(secretKey, '/surveys')).json()) as { data: Array<{ id: string }> };
    const surveyId = surveys.data[0]!.id;
    for (let index = 0; index < 55; index++) {
      const score = index % 11;
      const response = await v1(secretKey, '/responses', {
        method: 'POST',
        body: JSON.stringify({
          surveyId,
          score,
          comment: index % 2 ? `Comment number ${index}` : undefined,
          channel: index % 3 ? 'widget' : 'email',
        }),
      });
      expect(response.status).toBe(201);
    }
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Responses' }).click();
    await owner.getByText('50 shown').waitFor();
    await owner.getByRole('button', { name: 'Load more' }).click();
    await owner.getByText('55 shown').waitFor();
    await expect(owner.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);

    await owner.getByLabel('Category').selectOption('promoter');
    await owner.getByLabel('Comment').selectOption('true');
    // Scores 9 and 10 with odd indexes: 9, 21, 43 (score 9, 10, 10) and so on; the API decides, the page shows them all.
    const expected = (await (await v1(secretKey, `/responses?category=promoter&hasComment=true&limit=200`)).json()) as {
      data: unknown[];
    };
    await owner.getByText(`${expected.data.length} shown`).waitFor();
    expect(expected.data.length).toBeGreaterThan(0);
    const exportHref = await owner.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(exportHref).toContain('category=promoter');
    const csv = await owner.evaluate((href) => fetch(href).then((response) => response.text()), exportHref!);
    expect(csv.trim().split('\n')).toHaveLength(expected.data.length + 1);

    // Each answer has its own address (alert emails link there).
    const first = (expected.data as Array<{ id: string; comment: string }>)[0]!;
    await owner.locator(`a[href="/responses/${first.id}"]`).click();
    await owner.getByRole('heading', { level: 1, name: 'Response' }).waitFor();
    await owner.getByText(first.comment, { exact: true }).waitFor();
    expect(new URL(owner.url()).pathname).toBe(`/responses/${first.id}`);
  });

  it('shows the same NPS, CSAT and response count on the overview as GET /v1/metrics', async () => {
    expect((await v1(secretKey, '/metrics/recompute', { method: 'POST', body: JSON.stringify({ full: true }) })).status).toBe(
      200,
    );
    const metrics = (await (await v1(secretKey, '/metrics?period=30d')).json()) as {
      nps: { score: number; n: number; interval: { low: number; high: number } } | null;
      csat: { score: number; n: number } | null;
      ces: { n: number } | null;
    };
    expect(metrics.nps?.n).toBe(55);
    await owner.goto('/');
    const nps = owner.getByRole('region', { name: 'NPS', exact: true });
    await nps.waitFor();
    const rounded = Math.round(metrics.nps!.score);
    const npsText = `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)}`;
    await expect(nps.locator('.kpi-value').textContent()).resolves.toBe(npsText);
    await expect(nps.textContent()).resolves.toContain('n = 55');
    await expect(owner.getByRole('region', { name: 'CSAT', exact: true }).locator('.kpi-value').textContent()).resolves.toBe(
      metrics.csat ? `${Math.round(metrics.csat.score)}%` : '—',
    );
    const count = (metrics.nps?.n ?? 0) + (metrics.csat?.n ?? 0) + (metrics.ces?.n ?? 0);
    await expect(owner.getByRole('region', { name: 'Responses', exact: true }).locator('.kpi-value').textContent()).resolves.toBe(
      String(count),
    );
    await owner.getByRole('img', { name: 'Share of promoters, passives and detractors by period' }).waitFor();

    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click();
    await owner.getByRole('img', { name: 'NPS by channel with 95% intervals' }).waitFor();

    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
    const row = owner.getByRole('row', { name: /Checkout NPS/ });
    await expect.poll(async () => (await row.getByRole('cell').allTextContents()).slice(3, 5)).toEqual(['55', npsText]);
  });

  it('creates a goal and shows it with its current value and on-track state', async () => {
    const metrics = (await (await v1(secretKey, '/metrics?period=30d')).json()) as { nps: { score: number } };
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' }).click();
    await owner.getByText('No goals yet').waitFor();
    await owner.getByLabel('Metric').selectOption('nps');
    await owner.getByLabel('Target', { exact: true }).fill('40');
    await owner.getByRole('button', { name: 'Create goal' }).click();
    const row = owner.getByRole('row', { name: /NPS/ });
    await row.waitFor();
    const rounded = Math.round(metrics.nps.score);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['+40', `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)}`]);
    expect(cells[3]).toBe(metrics.nps.score >= 40 ? 'On track' : 'Off track');
    const goals = (await (await v1(secretKey, '/goals')).json()) as {
      data: Array<{ metric: string; target: number; onTrack: boolean }>;
    };
    expect(goals.data).toMatchObject([{ metric: 'nps', target: 40, onTrack: metrics.nps.score >= 40 }]);

    await row.getByRole('button', { name: 'Edit NPS' }).click();
    await row.getByLabel('Target · NPS').fill('-90');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByText('On track').waitFor();
    await owner.goto('/');
    await owner.getByRole('region', { name: 'Goals' }).getByText('On track').waitFor();
  });

  it('shows the tone of comments and what detractors write about, and filters the feed by them', async () => {
    const surveys = (await (await v1(secretKey, '/surveys')).json()) as { data: Array<{ id: string }> };
    const comments: Array<[number, string]> = [
      [1, 'Delivery was late again and the courier was rude.'],
      [2, 'Terrible delivery, the parcel arrived broken.'],
      [3, 'Доставка опоздала на неделю, ужасно.'],
      [10, 'Great coffee and lovely friendly service!'],
    ];
    for (const [score, comment] of comments) {
      const response = await v1(secretKey, '/responses', {
        method: 'POST',
        body: JSON.stringify({ surveyId: surveys.data[0]!.id, score, comment }),
      });
      expect(response.status).toBe(201);
    }
    expect((await v1(secretKey, '/metrics/recompute', { method: 'POST', body: JSON.stringify({ full: true }) })).status).toBe(
      200,
    );
    const metrics = (await (await v1(secretKey, '/metrics?period=30d')).json()) as {
      sentiment: { positive: number; neutral: number; negative: number; n: number };
      detractorTopics: Array<{ topic: string; count: number }>;
    };
    expect(metrics.sentiment.n).toBeGreaterThan(0);
    expect(metrics.detractorTopics.map((entry) => entry.topic)).toContain('delivery');

    await owner.goto('/');
    const tone = owner.getByRole('region', { name: 'Tone of comments' });
    await tone.waitFor();
    const legend = await tone.getByRole('listitem').allTextContents();
    for (const [key, label] of [
      ['positive', 'Positive'],
      ['neutral', 'Neutral'],
      ['negative', 'Negative'],
    ] as const) {
      expect(legend.some((item) => item.startsWith(`${label} ${Math.round(100 * metrics.sentiment[key])}%`))).toBe(true);
    }
    expect(legend).toContain(`n = ${metrics.sentiment.n}`);
    const topics = owner.getByRole('region', { name: 'What detractors write about' });
    const labels: Record<string, string> = { service: 'Service', product: 'Product', delivery: 'Delivery', price: 'Price' };
    await expect(topics.getByRole('listitem').allTextContents()).resolves.toEqual(
      metrics.detractorTopics.map(({ topic, count }) => `${labels[topic]}${count}`),
    );

    await topics.getByRole('link', { name: 'Delivery' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Responses' }).waitFor();
    await expect(owner.getByLabel('Category').inputValue()).resolves.toBe('detractor');
    await expect(owner.getByLabel('Topic', { exact: true }).inputValue()).resolves.toBe('delivery');
    const about = async (query: string) =>
      ((await (await v1(secretKey, `/responses?limit=200&${query}`)).json()) as { data: unknown[] }).data.length;
    const deliveryCount = await about('category=detractor&topic=delivery');
    expect(deliveryCount).toBe(metrics.detractorTopics.find((entry) => entry.topic === 'delivery')!.count);
    await owner.getByText(`${deliveryCount} shown`).waitFor();
    const item = owner.getByRole('listitem').filter({ hasText: 'Terrible delivery' });
    await expect(item.getByRole('list', { name: 'Tone and topics' }).textContent()).resolves.toContain('Delivery');

    await owner.getByRole('button', { name: 'Reset' }).click();
    await owner.getByLabel('Tone', { exact: true }).selectOption('negative');
    await owner.getByText(`${await about('sentiment=negative')} shown`).waitFor();
    await expect(owner.locator('.chip-positive').count()).resolves.toBe(0);
    await expect(owner.locator('.chip-negative').count()).resolves.toBeGreaterThan(0);
  });

  it('lets a viewer look but not change settings (hidden in the UI, 403 from the API)', async () => {
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await owner.getByRole('link', { name: 'Team' }).click();
    await owner.getByLabel('Email').fill(VIEWER.email);
    await owner.getByLabel('Role').selectOption('viewer');
    await owner.getByLabel('Initial password').fill(VIEWER.password);
    await owner.getByRole('button', { name: 'Add member' }).click();
    await owner.getByRole('cell', { name: VIEWER.email }).waitFor();

    const { context, page: viewer } = await newPage();
    await logIn(viewer, VIEWER.email, VIEWER.password);
    await viewer.getByText('You have read-only access').waitFor();

    await viewer.goto('/settings');
    await viewer.getByLabel('Workspace name').waitFor();
    await expect(viewer.getByLabel('Workspace name').isDisabled()).resolves.toBe(true);
    await expect(viewer.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    await expect(viewer.getByRole('button', { name: 'Add origin' }).count()).resolves.toBe(0);

    await viewer.goto('/settings/keys');
    await viewer.getByRole('row', { name: /Backend/ }).waitFor();
    await expect(viewer.getByRole('button', { name: 'Create key' }).count()).resolves.toBe(0);
    await expect(viewer.getByRole('button', { name: /Revoke/ }).count()).resolves.toBe(0);

    await viewer.goto('/settings/team');
    await viewer.getByRole('cell', { name: OWNER.email }).waitFor();
    await expect(viewer.getByRole('button', { name: 'Add member' }).count()).resolves.toBe(0);

    await viewer.goto('/surveys');
    await viewer.getByRole('link', { name: 'Checkout NPS' }).waitFor();
    await expect(viewer.getByRole('link', { name: 'New survey' }).count()).resolves.toBe(0);

    expect((await callApi(viewer, 'PATCH', '/api/tenant', { name: 'Hijacked' })).status).toBe(403);
    expect((await callApi(viewer, 'POST', '/api/keys', { name: 'Sneaky', kind: 'secret' })).status).toBe(403);
    expect(
      (await callApi(viewer, 'POST', '/api/team', { email: 'x@acme.example', role: 'owner', password: 'long enough pw' })).status,
    ).toBe(403);
    expect((await callApi(owner, 'GET', '/api/tenant')).body).toMatchObject({ name: OWNER.tenantName });
    await context.close();
  });

  it('changes workspace settings and allowed origins', async () => {
    await owner.goto('/settings');
    await owner.getByLabel('Currency').fill('rub');
    await owner.getByLabel('Time zone').selectOption('Europe/Moscow');
    await owner.getByRole('button', { name: 'Save' }).click();
    await owner.getByText('Saved').first().waitFor();
    await owner.getByLabel('Origin', { exact: true }).fill('not an origin');
    await owner.getByRole('button', { name: 'Add origin' }).click();
    await owner.getByText('expected an origin such as https://shop.example').waitFor();
    await owner.getByLabel('Origin', { exact: true }).fill('https://shop.acme.example/');
    await owner.getByRole('button', { name: 'Add origin' }).click();
    await owner.getByText('https://shop.acme.example', { exact: true }).waitFor();
    expect((await callApi(owner, 'GET', '/api/tenant')).body).toMatchObject({
      currency: 'RUB',
      timezone: 'Europe/Moscow',
      allowedOrigins: ['https://shop.acme.example'],
    });
  });

  it('edits the alert recipients', async () => {
    await owner.goto('/settings');
    const alerts = owner.getByRole('region', { name: 'Alert recipients' });
    await alerts.getByText('Nobody gets alerts yet.').waitFor();
    await alerts.getByLabel('Recipient email').fill('not an address');
    await alerts.getByRole('button', { name: 'Add recipient' }).click();
    await alerts.getByText('Enter a valid email address').waitFor();
    await alerts.getByLabel('Recipient email').fill('CX@acme.example');
    await alerts.getByRole('button', { name: 'Add recipient' }).click();
    await alerts.getByText('cx@acme.example', { exact: true }).waitFor();
    expect((await callApi(owner, 'GET', '/api/tenant')).body).toMatchObject({ alertRecipients: ['cx@acme.example'] });
    await owner.reload();
    await owner.getByRole('region', { name: 'Alert recipients' }).getByText('cx@acme.example', { exact: true }).waitFor();
  });

  it('adds a webhook endpoint, shows its secret once, logs a test event, and deletes it', async () => {
    // Nothing listens there: the test event's attempt is logged with the connection error, and retried.
    const url = 'https://127.0.0.1:9/rapport-hooks';
    await owner.goto('/settings');
    await owner.getByRole('link', { name: 'Webhooks' }).click();
    await owner.getByText('No endpoints yet.').waitFor();
    await owner.getByLabel('Endpoint URL').fill('http://insecure.example/hooks');
    await owner.getByRole('button', { name: 'Add endpoint' }).click();
    await owner.getByText('Please fix the highlighted fields.').waitFor();
    await expect(owner.getByLabel('Endpoint URL').getAttribute('aria-invalid')).resolves.toBe('true');
    await owner.getByLabel('Endpoint URL').fill(url);
    await owner.getByLabel('response.created').check();
    await owner.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await owner.locator('pre code').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    const row = owner.getByRole('row', { name: new RegExp(url.replaceAll('.', '\\.')) });
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('response.created');

    await owner.reload();
    await row.waitFor();
    await expect(owner.locator('pre code').count()).resolves.toBe(0);
    await expect(owner.getByRole('main').textContent()).resolves.not.toContain(secret);

    await row.getByRole('button', { name: `Send a test event to ${url}` }).click();
    await row.getByText('Test event queued').waitFor();
    const log = owner.getByRole('region', { name: `Delivery log of ${url}` });
    const delivery = log.getByRole('row', { name: /webhook\.test/ });
    await delivery.waitFor();
    // The log refreshes itself while the delivery is being retried.
    await expect
      .poll(async () => Number((await delivery.getByRole('cell').nth(2).textContent()) ?? 0), { timeout: 45_000 })
      .toBeGreaterThan(0);
    await expect(delivery.getByRole('cell').nth(1).textContent()).resolves.toMatch(/^(Retrying|Failed)$/);

    await row.getByRole('button', { name: `Delete ${url}` }).click();
    await row.getByRole('button', { name: 'Delete', exact: true }).click();
    await row.getByText('Deleted', { exact: true }).waitFor();
    const endpoints = (await (await v1(secretKey, '/webhooks/endpoints')).json()) as {
      data: Array<{ url: string; active: boolean }>;
    };
    expect(endpoints.data).toEqual([expect.objectContaining({ url, active: false })]);
  });

  it('downloads the workspace export and a customer’s data, and erases customers (owners and admins only)', async () => {
    const customer = async (externalId: string) => {
      const created = await v1(secretKey, '/customers', {
        method: 'POST',
        body: JSON.stringify({ externalId, email: `${externalId}@example.com`, name: `Person ${externalId}` }),
      });
      expect(created.status).toBe(201);
      return ((await created.json()) as { id: string }).id;
    };
    const fromSettings = await customer('privacy-a');
    const fromPage = await customer('privacy-b');
    const downloaded = async (page: Page, link: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
    };

    await owner.goto('/settings');
    await owner.getByRole('link', { name: 'Privacy' }).click();
    const workspace = await downloaded(owner, 'Download export');
    expect(workspace.name).toMatch(/^rapport-export-\d{4}-\d{2}-\d{2}\.ndjson$/);
    const lines = workspace.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });
    expect(lines[0]!.type).toBe('export');
    expect(lines.at(-1)).toEqual({ type: 'end', data: { records: lines.length - 2 } });
    expect(lines.filter((line) => line.type === 'customer').map((line) => line.data.email)).toContain('privacy-a@example.com');

    await owner.getByLabel('Customer id').fill(fromSettings);
    await owner.getByLabel('Type ERASE to confirm').fill('erase?');
    await owner.getByRole('button', { name: 'Erase personal data' }).click();
    await owner.getByText('Type ERASE to confirm the erasure.').waitFor();
    await owner.getByLabel('Type ERASE to confirm').fill('ERASE');
    await owner.getByRole('button', { name: 'Erase personal data' }).click();
    await owner.getByRole('status').getByText(`Customer ${fromSettings} has been erased.`).waitFor();
    await owner.getByRole('row', { name: new RegExp(`${fromSettings}.*${OWNER.email.replaceAll('.', '\\.')}`) }).waitFor();

    await owner.goto(`/customers/${fromPage}`);
    await owner.getByRole('heading', { level: 2, name: 'Personal data' }).waitFor();
    for (const width of [1280, 375]) {
      await owner.setViewportSize({ width, height: 800 });
      await screenshot(owner, `customer-personal-data-${width}-light`);
      expect(await seriousViolations(owner)).toEqual([]);
    }
    await owner.setViewportSize({ width: 1280, height: 800 });
    const data = await downloaded(owner, 'Download data');
    expect(data.name).toMatch(new RegExp(`^customer-${fromPage}-`));
    expect(JSON.parse(data.text)).toMatchObject({ customer: { id: fromPage, email: 'privacy-b@example.com' } });
    await owner.getByLabel('Type ERASE to confirm').fill('ERASE');
    await owner.getByRole('button', { name: 'Erase personal data' }).click();
    await owner.getByText('This customer’s personal data has been erased.').waitFor();
    await expect(owner.getByRole('button', { name: 'Erase personal data' }).count()).resolves.toBe(0);
    const erased = (await (await v1(secretKey, `/customers/${fromPage}`)).json()) as { email: string | null; erased: boolean };
    expect(erased).toMatchObject({ email: null, erased: true });

    const { context, page: viewer } = await newPage();
    await logIn(viewer, VIEWER.email, VIEWER.password);
    await viewer.goto('/settings/privacy');
    await viewer.getByText('Only owners and admins can export').waitFor();
    await expect(viewer.getByRole('link', { name: 'Download export' }).count()).resolves.toBe(0);
    await viewer.goto(`/customers/${fromSettings}`);
    await viewer.getByRole('heading', { level: 2, name: 'Profile' }).waitFor();
    await expect(viewer.getByRole('link', { name: 'Download data' }).count()).resolves.toBe(0);
    expect((await callApi(viewer, 'GET', '/api/privacy/export')).status).toBe(403);
    await context.close();
  });

  it('switches the interface to Russian and back', async () => {
    await owner.goto('/');
    await owner.getByLabel('Language').selectOption('ru');
    await owner.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Ответы' }).waitFor();
    await expect(owner.evaluate(() => document.documentElement.lang)).resolves.toBe('ru');
    await owner.reload();
    await owner.getByRole('heading', { level: 1, name: 'Обзор' }).waitFor();
    await owner.getByLabel('Язык').selectOption('en');
    await owner.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });

  it('sends an expired session to the login page and back to where it was', async () => {
    const { context, page } = await newPage();
    await logIn(page, OWNER.email, OWNER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    await page.waitForLoadState('networkidle');
    await context.clearCookies();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Responses' }).click();
    await page.getByText('Your session has expired. Please log in again.').waitFor();
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Responses' }).waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByText('You have been logged out.').waitFor();
    expect(await page.evaluate(() => fetch('/api/auth/me').then((response) => response.status))).toBe(401);
    await context.close();
  });

  it('answers the survey through the copied snippet on a shop page and shows the answer in the feed', async () => {
    const shop = await serveShopPage(
      `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1>${copiedSnippet}</body></html>`,
    );
    try {
      await owner.goto('/settings');
      await owner.getByLabel('Origin', { exact: true }).fill(shop.origin);
      await owner.getByRole('button', { name: 'Add origin' }).click();
      await owner.getByText(shop.origin, { exact: true }).waitFor();

      const { context, page: visitor } = await newPage();
      await visitor.goto(shop.origin);
      await visitor.getByRole('radio', { name: '9', exact: true }).click();
      await visitor.locator('rapport-widget textarea').fill('Loved the quick checkout');
      await visitor.getByRole('button', { name: 'Send' }).click();
      await visitor.getByText('Thank you for your feedback!').waitFor();
      await context.close();
      // The widget records the score on tap and sends the comment in the background (keepalive), so the thank-you
      // can show before the comment is stored; wait for the API to have it, then check the feed shows it.
      await expect
        .poll(async () => {
          const page = (await (await v1(secretKey, '/responses?channel=widget&hasComment=true')).json()) as {
            data: Array<{ comment: string | null }>;
          };
          return page.data.map((response) => response.comment);
        })
        .toContain('Loved the quick checkout');

      await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Responses' }).click();
      await owner.getByLabel('Channel').selectOption('widget');
      const item = owner.getByRole('listitem').filter({ hasText: 'Loved the quick checkout' });
      await item.waitFor();
      await expect(item.textContent()).resolves.toContain('Promoter');
    } finally {
      await shop.close();
    }
  });

  const PAGES = [
    { path: '/', name: 'overview', heading: 'Overview' },
    { path: '/responses', name: 'responses', heading: 'Responses' },
    { path: '/segments', name: 'segments', heading: 'Segments' },
    { path: '/goals', name: 'goals', heading: 'Goals' },
    { path: '/surveys', name: 'surveys', heading: 'Surveys' },
    { path: '/surveys/new', name: 'survey-new', heading: 'New survey' },
    { path: '/campaigns', name: 'campaigns-empty', heading: 'Campaigns' },
    { path: '/campaigns/new', name: 'campaign-new', heading: 'New campaign' },
    { path: '/settings', name: 'settings', heading: 'Settings' },
    { path: '/settings/keys', name: 'settings-keys', heading: 'Settings' },
    { path: '/settings/team', name: 'settings-team', heading: 'Settings' },
    { path: '/settings/webhooks', name: 'settings-webhooks', heading: 'Settings' },
    { path: '/settings/privacy', name: 'settings-privacy', heading: 'Settings' },
    { path: '/nowhere', name: 'not-found', heading: 'Page not found' },
  ];

  it('passes axe-core on every page at 1280 px and 375 px, light and dark, and screenshots them', async () => {
    const surveys = (await (await v1(secretKey, '/surveys')).json()) as { data: Array<{ id: string; name: string }> };
    const answers = (await (await v1(secretKey, '/responses?limit=1')).json()) as { data: Array<{ id: string }> };
    const pages = [
      ...PAGES,
      { path: `/surveys/${surveys.data[0]!.id}`, name: 'survey-edit', heading: surveys.data[0]!.name },
      { path: `/responses/${answers.data[0]!.id}`, name: 'response', heading: 'Response' },
    ];
    const found: string[] = [];
    for (const [width, colorScheme] of VIEWPORTS) {
      const { context, page } = await newPage({ width, colorScheme });
      for (const [path, name, heading] of [
        ['/login', 'login', 'Log in to Rapport'],
        ['/signup', 'signup', 'Create your workspace'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await screenshot(page, `${name}-${width}-${colorScheme}`);
        for (const violation of await seriousViolations(page))
          found.push(`${name} ${width} ${colorScheme}: ${JSON.stringify(violation)}`);
      }
      await logIn(page, OWNER.email, OWNER.password);
      found.push(...(await checkPages(page, pages, `${width}-${colorScheme}`)));
      await context.close();
    }
    writeFileSync(join(ARTIFACTS, 'axe-violations.json'), JSON.stringify(found, null, 2));
    expect(found).toEqual([]);
  }, 600_000);
});
