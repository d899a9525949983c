// End-to-end: the retention, key-customer, customer and loyalty pages in Debian Chromium against the real Worker.
// Data is seeded through the real /v1 API with a secret key; every number checked on a page is compared with what
// the API returns for the same thing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardSizes } from '../../web/size-report.mjs';
import { REPO_ROOT, startWorkerServer, type WorkerServer } from '../node/worker-server';
import { ARTIFACTS, ensureDashboardBuilt, launchChromium, screenshot, seriousViolations } from '../node/dashboard-browser';

let server: WorkerServer;
let browser: Browser;

const OWNER = { tenantName: 'Borsch & Co', name: 'Olga Owner', email: 'olga@borsch.example', password: 'correct horse battery' };
const VIEWER = { email: 'vera@borsch.example', password: 'viewer password 1' };
const DAY_MS = 86_400_000;

beforeAll(async () => {
  ensureDashboardBuilt();
  [server, browser] = await Promise.all([startWorkerServer(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// What the pages print, formatted the way the dashboard formats it in English.
const share = (value: number | null, digits = 1) =>
  value === null
    ? '—'
    : `${new Intl.NumberFormat('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(100 * value)}%`;
const usd = (minor: number | null) =>
  minor === null ? '—' : new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(minor / 100);
const integer = (value: number) => new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(value);

interface Session {
  cookie: string;
  csrf: string;
}

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

const sessionCall = (session: Session, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

function v1(key: string, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
  if (method !== 'GET' && path.startsWith('/loyalty')) headers['Idempotency-Key'] = crypto.randomUUID();
  return fetch(`${server.url}/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function newContext(
  width = 1280,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server.url,
    locale: 'en-US',
    viewport: { width, height: 800 },
    colorScheme,
  });
  return { context, page: await context.newPage() };
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
}

const kpi = (page: Page, label: string) => page.getByRole('region', { name: label, exact: true }).locator('.kpi-value');

interface RetentionMonth {
  month: string;
  customers: number;
  start: number;
  retentionRate: number | null;
  churnRate: number | null;
  repeatPurchaseRate: number | null;
  lifetimeValue: { value: number | null };
}

interface KeyCustomers {
  customers: number;
  churnRate: number | null;
  repeatPurchaseRate: number | null;
  averageOrderValue: number | null;
  lifetimeValue: number | null;
  segments: Record<string, number>;
  segmentRevenue: Record<string, { revenue: number; share: number | null }>;
  top: Array<{ customerId: string; orders: number; revenue: number }>;
  loyalty: { members: number; participation: number | null };
}

describe('analytics and loyalty pages', () => {
  let key = '';
  let owner: Page;
  let ownerSession: Session;
  let anna = '';
  const customers = ['anna', 'boris', 'clara', 'dmitri', 'eva', 'fyodor'];

  it('seeds customers, orders, answers and a loyalty programme through the API', async () => {
    const signup = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantName: OWNER.tenantName, name: OWNER.name, email: OWNER.email, password: OWNER.password }),
    });
    const me = await json<{ csrfToken: string }>(signup, 201);
    ownerSession = { cookie: signup.headers.get('Set-Cookie')!.split(';')[0]!, csrf: me.csrfToken };
    key = (
      await json<{ key: string }>(await sessionCall(ownerSession, 'POST', '/api/keys', { name: 'seed', kind: 'secret' }), 201)
    ).key;
    await json(
      await sessionCall(ownerSession, 'POST', '/api/team', { email: VIEWER.email, role: 'viewer', password: VIEWER.password }),
      201,
    );

    await json(await v1(key, 'POST', '/loyalty/rules', { eventType: 'purchase', name: 'Purchases' }), 201);
    await json(await v1(key, 'PATCH', '/loyalty/settings', { pendingDays: 0, pointValue: 0.01 }), 200);
    await json(await v1(key, 'POST', '/loyalty/tiers', { name: 'Silver', threshold: 100, multiplierPercent: 110 }), 201);
    const mug = await json<{ id: string }>(
      await v1(key, 'POST', '/loyalty/rewards', { name: 'Mug', kind: 'gift', cost: 50 }),
      201,
    );

    // Orders over the last four months: some customers come back, some do not.
    const now = Date.now();
    let orderNumber = 0;
    for (const [index, externalId] of customers.entries()) {
      const visits = index % 3 === 0 ? [100, 60, 20, 3] : index % 3 === 1 ? [70, 2] : [40];
      for (const daysAgo of visits) {
        const occurredAt = new Date(now - daysAgo * DAY_MS - index * 60_000).toISOString();
        await json(
          await v1(key, 'POST', '/loyalty/orders', {
            id: `ORD-${++orderNumber}`,
            customer: { externalId },
            currency: 'USD',
            total: 2500 + index * 1000 + daysAgo * 10,
            occurredAt,
          }),
          201,
        );
      }
    }
    await json(await v1(key, 'POST', '/loyalty/redemptions', { customer: { externalId: 'anna' }, rewardId: mug.id }), 201);

    const survey = await json<{ id: string }>(
      await v1(key, 'POST', '/surveys', {
        kind: 'nps',
        name: 'After delivery',
        status: 'active',
        texts: {
          en: {
            question: 'How likely are you to recommend us to a friend?',
            lowLabel: 'Not likely',
            highLabel: 'Very likely',
            followUp: { default: 'What is the main reason for your score?' },
            thankYou: 'Thank you!',
          },
        },
      }),
      201,
    );
    await json(
      await v1(key, 'POST', '/responses', {
        surveyId: survey.id,
        score: 9,
        comment: 'Soup arrived hot',
        customer: { externalId: 'anna', email: 'anna@example.com', name: 'Anna Petrova' },
      }),
      201,
    );
    const found = await json<{ data: Array<{ id: string }> }>(await v1(key, 'GET', '/customers?externalId=anna'), 200);
    anna = found.data[0]!.id;
    // A 30-day churn window, so some months have churn and with it a lifetime value.
    await json(await v1(key, 'PUT', '/metrics/settings', { churnDays: 30, grossMargin: 0.4 }), 200);
    await json(await v1(key, 'POST', '/metrics/recompute', { full: true }), 200);
  }, 120_000);

  it('shows retention figures and month-by-month charts equal to the metrics API, with a cohort heatmap', async () => {
    ({ page: owner } = await newContext());
    await logIn(owner, OWNER.email, OWNER.password);
    const snapshot = await json<KeyCustomers>(await v1(key, 'GET', '/customers/key'), 200);
    const monthly = await json<{ months: RetentionMonth[] }>(await v1(key, 'GET', '/metrics/retention/monthly?months=12'), 200);
    expect(snapshot.customers).toBe(customers.length);
    expect(monthly.months).toHaveLength(12);
    expect(monthly.months.at(-1)!.customers).toBe(customers.length);
    expect(monthly.months.some((month) => month.lifetimeValue.value !== null)).toBe(true);
    // Customers who come back after a gap are active at the end without being retained: CRR never exceeds 100 %.
    for (const month of monthly.months) expect(month.retentionRate ?? 0, month.month).toBeLessThanOrEqual(1);

    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Retention' }).waitFor();
    await expect.poll(() => kpi(owner, 'Churn rate').textContent()).toBe(share(snapshot.churnRate));
    await expect(kpi(owner, 'Repeat purchase rate').textContent()).resolves.toBe(share(snapshot.repeatPurchaseRate));
    await expect(kpi(owner, 'Average order value').textContent()).resolves.toBe(usd(snapshot.averageOrderValue));
    await expect(kpi(owner, 'Lifetime value').textContent()).resolves.toBe(usd(snapshot.lifetimeValue));
    const latest = [...monthly.months].reverse().find((month) => month.retentionRate !== null);
    await expect(kpi(owner, 'Customer retention').textContent()).resolves.toBe(share(latest?.retentionRate ?? null));

    // Each monthly chart is an image with a table behind it: month, value, n (the chart's denominator).
    const monthLabel = (month: string) => month.slice(2).replace('-', '/');
    for (const [title, value, n] of [
      ['Retention by month', (m: RetentionMonth) => share(m.retentionRate, 0), (m: RetentionMonth) => m.start],
      ['Churn rate by month', (m: RetentionMonth) => share(m.churnRate, 0), (m: RetentionMonth) => m.customers],
      [
        'Repeat purchase rate by month',
        (m: RetentionMonth) => share(m.repeatPurchaseRate, 0),
        (m: RetentionMonth) => m.customers,
      ],
      ['Lifetime value by month', (m: RetentionMonth) => usd(m.lifetimeValue.value), (m: RetentionMonth) => m.customers],
    ] as const) {
      const chart = owner.getByRole('region', { name: title, exact: true }).first();
      await chart.getByRole('img', { name: title, exact: true }).waitFor();
      await chart.getByText('Show as table').click();
      for (const month of monthly.months) {
        await expect(
          chart
            .getByRole('row', { name: `${monthLabel(month.month)} ${value(month)} ${integer(n(month))}`, exact: true })
            .count(),
          `${title} ${month.month}`,
        ).resolves.toBe(1);
      }
    }
    for (const title of ['Orders per customer by month', 'Average order value by month'])
      await owner.getByRole('region', { name: title, exact: true }).first().getByRole('img').waitFor();

    const cohorts = await v1(key, 'GET', '/metrics/cohorts?months=12');
    if (cohorts.status === 200) {
      const body = (await cohorts.json()) as { cohorts: Array<{ cohort: string; size: number }> };
      const filled = body.cohorts.filter((cohort) => cohort.size > 0);
      expect(filled.reduce((sum, cohort) => sum + cohort.size, 0)).toBe(customers.length);
      const section = owner.getByRole('region', { name: 'Cohort retention', exact: true });
      await section.getByRole('img', { name: /^Cohort retention:/ }).waitFor();
      // The table behind the chart lists each cohort with its size.
      await section.getByText('Show as table').click();
      for (const cohort of filled) {
        await expect(
          section.getByRole('row', { name: new RegExp(`^${cohort.cohort} ${cohort.size}( |$)`) }).count(),
        ).resolves.toBe(1);
      }
    } else {
      await owner.getByText('Cohorts are not available yet').waitFor();
    }
  });

  it('lists RFM segments and the top customers as the API does, and opens a customer page', async () => {
    const snapshot = await json<KeyCustomers>(await v1(key, 'GET', '/customers/key'), 200);
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Key customers' }).click();
    const segments = owner.getByRole('list', { name: 'RFM segments' });
    await segments.waitFor();
    const segmentTotal = Object.values(snapshot.segments).reduce((sum, n) => sum + n, 0);
    for (const [label, segment] of [
      ['Champions', 'champions'],
      ['Lost', 'lost'],
      ['New', 'new'],
    ] as const) {
      const n = snapshot.segments[segment] ?? 0;
      await expect(
        segments
          .getByRole('listitem')
          .filter({ hasText: new RegExp(`^${label}`) })
          .locator('.bar-list-value')
          .textContent(),
      ).resolves.toBe(`${integer(n)} · ${share(segmentTotal === 0 ? null : n / segmentTotal)}`);
    }
    // Revenue per segment: a bar each with the amount and its share, and the same in the table behind it.
    const revenue = owner.getByRole('list', { name: 'Revenue by RFM segment' });
    const totalRevenue = Object.values(snapshot.segmentRevenue).reduce((sum, segment) => sum + segment.revenue, 0);
    expect(totalRevenue).toBe(snapshot.top.reduce((sum, customer) => sum + customer.revenue, 0));
    const revenueSection = owner.getByRole('region', { name: 'Revenue by RFM segment', exact: true }).first();
    await revenueSection.getByText('Show as table').click();
    for (const [label, segment] of [
      ['Champions', 'champions'],
      ['At risk', 'at_risk'],
      ['Lost', 'lost'],
    ] as const) {
      const { revenue: amount, share: revenueShare } = snapshot.segmentRevenue[segment]!;
      expect(revenueShare).toBeCloseTo(amount / totalRevenue, 10);
      await expect(
        revenue
          .getByRole('listitem')
          .filter({ hasText: new RegExp(`^${label}`) })
          .locator('.bar-list-value')
          .textContent(),
      ).resolves.toBe(`${usd(amount)} · ${share(revenueShare)}`);
      await expect(
        revenueSection
          .getByRole('row', {
            name: `${label} ${integer(snapshot.segments[segment] ?? 0)} ${usd(amount)} ${share(revenueShare)}`,
            exact: true,
          })
          .count(),
      ).resolves.toBe(1);
    }

    const table = owner.getByRole('region', { name: 'Top customers by revenue' }).first().locator('table');
    await expect.poll(() => table.getByRole('row').count()).toBe(snapshot.top.length + 1);
    for (const [index, customer] of snapshot.top.entries()) {
      const cells = await table
        .getByRole('row')
        .nth(index + 1)
        .getByRole('cell')
        .allTextContents();
      expect(cells.slice(1, 3)).toEqual([integer(customer.orders), usd(customer.revenue)]);
    }

    await table.getByRole('link', { name: 'Anna Petrova' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Anna Petrova' }).waitFor();
    expect(new URL(owner.url()).pathname).toBe(`/customers/${anna}`);
    await owner.getByText('anna@example.com').waitFor();
    const orders = await json<{ data: Array<{ orderId: string; total: number }> }>(
      await v1(key, 'GET', `/customers/${anna}/orders`),
      200,
    );
    expect(orders.data).toHaveLength(4);
    for (const order of orders.data) {
      await expect(
        owner
          .getByRole('row', { name: new RegExp(`^${order.orderId} `) })
          .getByRole('cell')
          .nth(1)
          .textContent(),
      ).resolves.toBe(usd(order.total));
    }
    await owner.getByText('Soup arrived hot').waitFor();
    const member = await json<{ available: number }>(await v1(key, 'GET', `/loyalty/members/${anna}`), 200);
    await expect(owner.locator('.member-available').textContent()).resolves.toBe(integer(member.available));
    await owner.getByRole('cell', { name: 'Redeemed', exact: true }).waitFor();
  });

  it('shows participation, liability, tiers and redemptions as the loyalty API does', async () => {
    const liability = await json<{ value: number; available: number; pending: number }>(
      await v1(key, 'GET', '/loyalty/liability'),
      200,
    );
    const programme = await json<{ members: number; tiers: Array<{ name: string | null; members: number }> }>(
      await v1(key, 'GET', '/loyalty/programme'),
      200,
    );
    const snapshot = await json<KeyCustomers>(await v1(key, 'GET', '/customers/key'), 200);
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Loyalty' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Loyalty' }).waitFor();
    await expect
      .poll(() => kpi(owner, 'Liability').textContent())
      .toBe(new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(liability.value));
    await expect(owner.getByRole('region', { name: 'Liability', exact: true }).textContent()).resolves.toContain(
      `${integer(liability.available)} available + ${integer(liability.pending)} pending points`,
    );
    await expect(kpi(owner, 'Participation').textContent()).resolves.toBe(share(snapshot.loyalty.participation));
    const tiers = owner.getByRole('list', { name: 'Members by tier' });
    for (const tier of programme.tiers) {
      await expect(
        tiers
          .getByRole('listitem')
          .filter({ hasText: new RegExp(`^${tier.name ?? 'No tier'}`) })
          .locator('.bar-list-value')
          .textContent(),
      ).resolves.toMatch(new RegExp(`^${integer(tier.members)} · `));
    }
    const mug = owner.getByRole('row', { name: /^Mug/ });
    await expect(mug.getByRole('cell').allTextContents()).resolves.toEqual(['50', '1', '0', '50']);
  });

  it('adjusts a member’s balance through the form by exactly the amount, with the reason in the ledger', async () => {
    await owner.getByRole('navigation', { name: 'Loyalty' }).getByRole('link', { name: 'Members' }).click();
    await owner.getByLabel('Customer', { exact: true }).fill('anna@example.com');
    await owner.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => new URL(owner.url()).pathname).toBe(`/loyalty/members/${anna}`);
    await owner.getByLabel('Customer', { exact: true }).fill('boris');
    await owner.getByRole('button', { name: 'Find' }).click();
    await owner.getByRole('button', { name: 'Adjust balance' }).waitFor();
    const before = await json<{ available: number }>(await v1(key, 'GET', '/loyalty/members/boris'), 200);
    await expect(owner.locator('.member-available').textContent()).resolves.toBe(integer(before.available));

    // A reason is required: nothing is booked without one.
    await owner.getByLabel('Points', { exact: true }).fill('37');
    await owner.getByRole('button', { name: 'Adjust balance' }).click();
    await owner.getByText('Please fix the highlighted fields.').waitFor();
    expect((await json<{ available: number }>(await v1(key, 'GET', '/loyalty/members/boris'), 200)).available).toBe(
      before.available,
    );

    await owner.getByLabel('Reason').fill('Soup was cold, sorry');
    await owner.getByRole('button', { name: 'Adjust balance' }).click();
    await owner.getByText('Balance adjusted by +37 points.').waitFor();
    const after = await json<{ available: number }>(await v1(key, 'GET', '/loyalty/members/boris'), 200);
    expect(after.available).toBe(before.available + 37);
    await expect.poll(() => owner.locator('.member-available').textContent()).toBe(integer(after.available));
    const ledger = await json<{ data: Array<{ kind: string; availableDelta: number; reason: string; actor: string }> }>(
      await v1(key, 'GET', '/loyalty/members/boris/transactions'),
      200,
    );
    expect(ledger.data.filter((entry) => entry.kind === 'adjust')).toEqual([
      expect.objectContaining({ availableDelta: 37, reason: 'Soup was cold, sorry', actor: `dashboard:${OWNER.email}` }),
    ]);
    const row = owner.getByRole('row', { name: /Soup was cold, sorry/ });
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
      expect.any(String),
      'Manual adjustment',
      '+37',
      '',
      'Soup was cold, sorry',
      `dashboard:${OWNER.email}`,
    ]);
  });

  it('retries a submit whose answer was lost with the same Idempotency-Key, so it is booked once', async () => {
    const before = await json<{ available: number }>(await v1(key, 'GET', '/loyalty/members/boris'), 200);
    const keys: string[] = [];
    await owner.route('**/api/loyalty/adjustments', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        // The request reaches the Worker and is booked, but the browser never sees the answer.
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await owner.getByLabel('Points', { exact: true }).fill('-5');
    await owner.getByLabel('Reason').fill('Goodwill given twice by mistake');
    await owner.getByRole('button', { name: 'Adjust balance' }).click();
    await owner.getByText('Could not reach the server. Check your connection.').waitFor();
    await owner.getByRole('button', { name: 'Adjust balance' }).click();
    await owner.getByText('Balance adjusted by −5 points.').waitFor();

    await owner.getByLabel('Points', { exact: true }).fill('2');
    await owner.getByLabel('Reason').fill('A separate action');
    await owner.getByRole('button', { name: 'Adjust balance' }).click();
    await owner.getByText('Balance adjusted by +2 points.').waitFor();
    await owner.unroute('**/api/loyalty/adjustments');

    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    const after = await json<{ available: number }>(await v1(key, 'GET', '/loyalty/members/boris'), 200);
    expect(after.available).toBe(before.available - 5 + 2);
    const ledger = await json<{ data: Array<{ reason: string }> }>(
      await v1(key, 'GET', '/loyalty/members/boris/transactions'),
      200,
    );
    expect(ledger.data.filter((entry) => entry.reason === 'Goodwill given twice by mistake')).toHaveLength(1);
  });

  it('creates a tier and edits programme settings through the editors', async () => {
    await owner.getByRole('navigation', { name: 'Loyalty' }).getByRole('link', { name: 'Tiers' }).click();
    const form = owner.getByRole('region', { name: 'New tier' });
    await form.getByLabel('Name').fill('Gold');
    await form.getByLabel('Threshold').fill('1000');
    await form.getByLabel('Earn multiplier, %').fill('150');
    await form.getByRole('button', { name: 'Create' }).click();
    await owner.getByRole('row', { name: /^Gold/ }).waitFor();
    const tiers = await json<{ data: Array<{ name: string; threshold: number; multiplierPercent: number }> }>(
      await v1(key, 'GET', '/loyalty/tiers'),
      200,
    );
    expect(tiers.data).toContainEqual(expect.objectContaining({ name: 'Gold', threshold: 1000, multiplierPercent: 150 }));

    await owner.getByRole('navigation', { name: 'Loyalty' }).getByRole('link', { name: 'Programme settings' }).click();
    await owner.getByLabel('Pending days').fill('14');
    await owner.getByRole('button', { name: 'Save' }).click();
    await owner.getByText('Saved', { exact: true }).waitFor();
    expect((await json<{ pendingDays: number }>(await v1(key, 'GET', '/loyalty/settings'), 200)).pendingDays).toBe(14);
  });

  it('shows a viewer no editors, and the API refuses the viewer’s changes', async () => {
    const { context, page: viewer } = await newContext();
    await logIn(viewer, VIEWER.email, VIEWER.password);
    await viewer.goto(`/loyalty/members/${anna}`);
    await viewer.locator('.member-available').waitFor();
    await viewer.getByRole('heading', { name: 'Ledger' }).waitFor();
    await expect(viewer.getByRole('button', { name: 'Adjust balance' }).count()).resolves.toBe(0);
    await expect(viewer.getByLabel('Reason').count()).resolves.toBe(0);
    for (const section of ['rules', 'tiers', 'rewards']) {
      await viewer.goto(`/loyalty/${section}`);
      await viewer.getByRole('table').waitFor();
      await expect(viewer.getByRole('button', { name: /^(Create|Edit|Remove|Retire)/ }).count()).resolves.toBe(0);
      await expect(viewer.locator('form').count()).resolves.toBe(0);
    }
    await viewer.goto('/loyalty/settings');
    await viewer.getByText('Pending days').waitFor();
    await expect(viewer.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    await expect(viewer.getByRole('textbox').count()).resolves.toBe(0);

    const status = await viewer.evaluate(async () => {
      const me = await fetch('/api/auth/me').then((response) => response.json() as Promise<{ csrfToken: string }>);
      const response = await fetch('/api/loyalty/adjustments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken, 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ customer: { externalId: 'anna' }, points: 1000, reason: 'viewer tries' }),
      });
      return response.status;
    });
    expect(status).toBe(403);
    await context.close();
  });

  it('shows empty states, not errors or zeros, in a workspace without orders', async () => {
    const fresh = { email: 'new@empty.example', password: 'correct horse battery' };
    await json(
      await fetch(`${server.url}/api/auth/signup`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ tenantName: 'Empty Ltd', ...fresh }),
      }),
      201,
    );
    const { context, page } = await newContext(375);
    await logIn(page, fresh.email, fresh.password);
    const expectations: Array<[string, string[]]> = [
      ['/retention', ['No monthly figures yet', 'No first orders in the last 12 months']],
      ['/customers', ['Not computed yet']],
      ['/loyalty', ['No points booked yet', 'No members yet', 'No rewards yet']],
      ['/loyalty/rules', ['No earning rules yet']],
    ];
    for (const [path, texts] of expectations) {
      await page.goto(path);
      for (const text of texts) await page.getByText(text, { exact: true }).waitFor();
      await expect(page.locator('.state-error').count()).resolves.toBe(0);
    }
    await page.goto('/retention');
    await expect.poll(() => kpi(page, 'Churn rate').textContent()).toBe('—');
    await context.close();
  });

  it('passes axe-core on every analytics and loyalty page at 1280 px and 375 px (English, Russian, dark) and screenshots them', async () => {
    const pages = [
      { path: '/retention', name: 'retention' },
      { path: '/customers', name: 'customers' },
      { path: `/customers/${anna}`, name: 'customer' },
      { path: '/loyalty', name: 'loyalty' },
      { path: '/loyalty/members', name: 'loyalty-members' },
      { path: `/loyalty/members/${anna}`, name: 'loyalty-member' },
      { path: '/loyalty/rules', name: 'loyalty-rules' },
      { path: '/loyalty/tiers', name: 'loyalty-tiers' },
      { path: '/loyalty/rewards', name: 'loyalty-rewards' },
      { path: '/loyalty/settings', name: 'loyalty-settings' },
    ];
    const found: string[] = [];
    for (const [width, colorScheme, languages] of [
      [1280, 'light', ['en', 'ru']],
      [375, 'light', ['en', 'ru']],
      [1280, 'dark', ['en']],
    ] as const) {
      const { context, page } = await newContext(width, colorScheme);
      await logIn(page, OWNER.email, OWNER.password);
      for (const language of languages) {
        await page.evaluate((value) => localStorage.setItem('rapport.lang', value), language);
        for (const { path, name } of pages) {
          await page.goto(path);
          await page.locator('h1').waitFor();
          await page.waitForFunction(() => !document.querySelector('.state-loading'));
          await page.waitForLoadState('networkidle');
          await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(language);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          const shot = `${name}-${width}-${colorScheme}-${language}`;
          if (overflow > 0) found.push(`${shot}: page scrolls sideways by ${overflow}px`);
          await screenshot(page, shot);
          for (const violation of await seriousViolations(page)) found.push(`${shot}: ${JSON.stringify(violation)}`);
        }
      }
      await context.close();
    }
    writeFileSync(join(ARTIFACTS, 'analytics-axe-violations.json'), JSON.stringify(found, null, 2));
    expect(found).toEqual([]);
  }, 300_000);

  it('loads each of these pages as its own chunk, outside the initial JavaScript', () => {
    const { chunks } = dashboardSizes(join(REPO_ROOT, 'web/dist'));
    for (const page of ['retention', 'customers', 'customer', 'loyalty']) {
      expect(
        chunks.some((chunk) => !chunk.initial && chunk.file.startsWith(`/assets/${page}-`)),
        page,
      ).toBe(true);
    }
    expect(chunks.filter((chunk) => chunk.initial && /\/assets\/(retention|customers?|loyalty)-/.test(chunk.file))).toEqual([]);
  });
});
