// Issue #7, acceptance point 1, end to end: the demo tenant exactly as `npm run dev` prepares it (scripts/seed.ts,
// then the metrics rebuild), logged into through the real form in Debian Chromium. The overview must show the
// NPS, CSAT and response count that GET /v1/metrics returns for the same period.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en';
import { ru } from '../../web/src/i18n/ru';
import type { MetricsSnapshot } from '../../worker/metrics/schemas';
import { ARTIFACTS, checkPages, ensureDashboardBuilt, launchChromium, newPage } from '../node/dashboard-browser';
import { startWorkerServer, type DemoWorkerServer } from '../node/worker-server';

const SETUP_TIMEOUT_MS = 300_000;

let server: DemoWorkerServer;
let browser: Browser;

beforeAll(async () => {
  ensureDashboardBuilt();
  [server, browser] = await Promise.all([startWorkerServer({ seedDemo: true }), launchChromium()]);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function metricsFromApi(period: string): Promise<MetricsSnapshot> {
  const response = await fetch(`${server.url}/v1/metrics?period=${period}`, {
    headers: { Authorization: `Bearer ${server.demo.secretKey}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as MetricsSnapshot;
}

interface Headline {
  nps: string | null;
  csat: string | null;
  responses: string | null;
}

/** The headline numbers as the overview shows them, read from its KPI regions (named by their labels). */
async function shownHeadline(page: Page): Promise<Headline> {
  const value = (label: string) => page.getByRole('region', { name: label, exact: true }).locator('.kpi-value').textContent();
  return {
    nps: await value(ru['overview.nps']),
    csat: await value(ru['overview.csat']),
    responses: await value(ru['overview.responses']),
  };
}

/**
 * The API's numbers formatted as the overview formats them (formatNumber in web/src/i18n, `signed` in
 * pages/overview.tsx): whole numbers in the page's language, NPS with its sign and a real minus, CSAT in percent,
 * and the response count as the sum of the NPS, CSAT and CES samples. Formatted in the page, so with its Intl data.
 */
function expectedHeadline(page: Page, metrics: MetricsSnapshot): Promise<Headline> {
  const { nps, csat, ces } = metrics;
  return page.evaluate(
    ({ npsScore, csatScore, responses }) => {
      const format = (value: number) =>
        new Intl.NumberFormat(document.documentElement.lang, { minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(
          value,
        );
      const rounded = Math.round(npsScore);
      return {
        nps: `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${format(Math.abs(rounded))}`,
        csat: `${format(csatScore)}%`,
        responses: format(responses),
      };
    },
    { npsScore: nps!.score, csatScore: csat!.score, responses: nps!.n + csat!.n + (ces?.n ?? 0) },
  );
}

describe('demo login (issue #7)', () => {
  let page: Page;

  it('logs in with the demo credentials through the form and lands on the overview, in the demo workspace’s Russian', async () => {
    expect(server.demo.email).toBe('demo@rapport.local');
    ({ page } = await newPage(browser, server.url));
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: en['auth.loginTitle'] }).waitFor();
    await page.getByLabel(en['auth.email']).fill(server.demo.email);
    await page.getByLabel(en['auth.password']).fill(server.demo.password);
    await page.getByRole('button', { name: en['auth.login'] }).click();
    await page.getByRole('heading', { level: 1, name: ru['overview.title'] }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('ru');
  });

  const periodPicker = () => page.getByLabel(ru['overview.period'], { exact: true });

  async function expectHeadlineOf(period: '30d' | '90d'): Promise<void> {
    const metrics = await metricsFromApi(period);
    // Non-trivial numbers, so an empty tenant (both sides showing "—" or 0) cannot pass.
    expect(metrics.nps?.n).toBeGreaterThan(0);
    expect(metrics.csat?.n).toBeGreaterThan(0);
    const expected = await expectedHeadline(page, metrics);
    await expect.poll(() => shownHeadline(page)).toEqual(expected);
  }

  it('shows the NPS, CSAT and response count GET /v1/metrics returns for the default 30 days', async () => {
    await expect(periodPicker().inputValue()).resolves.toBe('30d');
    await expectHeadlineOf('30d');
  });

  it('shows the NPS, CSAT and response count GET /v1/metrics returns for 90 days once picked', async () => {
    const [loaded] = await Promise.all([
      page.waitForResponse((response) => {
        const url = new URL(response.url());
        return url.pathname === '/api/metrics' && url.searchParams.get('period') === '90d';
      }),
      periodPicker().selectOption('90d'),
    ]);
    expect(loaded.status()).toBe(200);
    await expectHeadlineOf('90d');
  });

  it('renders the demo overview at 1280 and 375 px without serious axe violations or sideways scrolling', async () => {
    const found: string[] = [];
    const overview = [{ path: '/', name: 'demo-overview', heading: ru['overview.title'] }];
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      found.push(...(await checkPages(page, overview, `${width}-light`)));
    }
    writeFileSync(join(ARTIFACTS, 'axe-violations-demo.json'), JSON.stringify(found, null, 2));
    expect(found).toEqual([]);
  });
});
