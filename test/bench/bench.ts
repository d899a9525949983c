/**
 * npm run bench — speed and size figures of Rapport, each next to a ceiling measured in the same run.
 *
 * Starts the real Worker locally (wrangler's dev server: workerd + local D1 + rate limits, see test/node/worker-server.ts),
 * creates tenants through the API, then loads it with autocannon at a fixed concurrency for a fixed duration:
 *   ceiling   GET /healthz: the Worker with no I/O, the best this machine can do
 *   ingest    POST /w/v1/responses as the widget sends it (text/plain JSON, publishable key, allowed Origin)
 *   earn      POST /v1/loyalty/events with a fresh Idempotency-Key and event id per request
 *   redeem    POST /v1/loyalty/redemptions with a fresh Idempotency-Key per request
 * Sizes: widget gzip (scripts/build-widget.mjs) and dashboard initial JS gzip (web/size-report.mjs).
 * Metrics: the figures `npm run bench:metrics` wrote to test/artifacts/bench-metrics.json, when it has run.
 * Writes test/artifacts/bench.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: plain ESM build script without type declarations
import * as widgetBuild from '../../scripts/build-widget.mjs';
import { dashboardSizes } from '../../web/size-report.mjs';
import { REPO_ROOT, startWorkerServer } from '../node/worker-server';
import { CONNECTIONS, DURATION_SECONDS, type LoadFigures, measure } from './load';
import { type BenchRow, metricsRows, printTable } from './report';
import { type BenchTenant, BENCH_CUSTOMER, BENCH_EVENT_TYPE, createBenchTenant, SHOP_ORIGIN } from './tenant-setup';

const { buildWidget, GZIP_BUDGET_BYTES } = widgetBuild as {
  buildWidget(options: { outDir: string }): Promise<{ total: number; sizes: Record<string, number> }>;
  GZIP_BUDGET_BYTES: number;
};

/**
 * The Rate Limiting binding allows 1,200 writes a minute per widget key and per tenant (wrangler.toml); a 10-second
 * run at full speed sends more than that, so the load is spread over this many keys and tenants. Each request also
 * carries its own CF-Connecting-IP, so the per-IP ingest limit (120/min) does not answer instead of the ingest path.
 */
const SPREAD = 12;

function ensureDashboardBuilt(): void {
  if (existsSync(join(REPO_ROOT, 'web/dist/index.html'))) return;
  const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

const ipOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

function loadRow(name: string, figures: LoadFigures, ceiling: LoadFigures, minRatio: number, p99Goal: boolean): BenchRow[] {
  const ratio = figures.requestsPerSecond / ceiling.requestsPerSecond;
  const clean = figures.non2xx === 0 && figures.errors === 0;
  const rows: BenchRow[] = [
    {
      figure: `${name} throughput`,
      value: `${figures.requestsPerSecond.toFixed(0)} req/s (p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms)${clean ? '' : `, ${figures.non2xx} non-2xx`}`,
      ratio: `${ratio.toFixed(2)} × ceiling`,
      goal: `≥ ${minRatio} × ceiling req/s, all 2xx`,
      met: ratio >= minRatio && clean,
    },
  ];
  if (p99Goal) {
    const p99Ratio = figures.p99Ms / ceiling.p99Ms;
    rows.push({
      figure: `${name} p99 latency`,
      value: `${figures.p99Ms} ms`,
      ratio: `${p99Ratio.toFixed(2)} × ceiling p99`,
      goal: '≤ 2 × ceiling p99',
      met: p99Ratio <= 2,
    });
  }
  return rows;
}

async function main(): Promise<void> {
  ensureDashboardBuilt();
  const widgetDir = mkdtempSync(join(tmpdir(), 'rapport-bench-widget-'));
  const widget = await buildWidget({ outDir: widgetDir });
  rmSync(widgetDir, { recursive: true, force: true });
  const dashboard = dashboardSizes();

  console.log(`Starting the Worker (${cpus().length} CPUs; ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run)…`);
  const server = await startWorkerServer();
  try {
    const tenants: BenchTenant[] = [];
    for (let i = 0; i < SPREAD; i++) tenants.push(await createBenchTenant(server.url, i, i === 0 ? SPREAD : 0));
    const [main] = tenants;
    if (!main) throw new Error('no tenant');

    // Warm-up: the first requests compile code paths and open the database.
    await measure(server.url, { method: 'GET', path: '/healthz' }, 2);

    console.log('ceiling: GET /healthz');
    const ceiling = await measure(server.url, { method: 'GET', path: '/healthz' });

    console.log('ingest: POST /w/v1/responses (a distinct client id, visitor and CF-Connecting-IP per request)');
    const ingest = await measure(server.url, {
      method: 'POST',
      path: '/w/v1/responses',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: SHOP_ORIGIN },
      build: (n) => ({
        headers: { 'CF-Connecting-IP': ipOf(n) },
        body: JSON.stringify({
          key: main.publishableKeys[n % SPREAD],
          id: `bench-answer-${n}-${crypto.randomUUID()}`,
          surveyId: main.surveyId,
          score: n % 11,
          visitorId: `visitor-${n}`,
          locale: 'en',
          device: 'desktop',
          pageUrl: `${SHOP_ORIGIN}/checkout`,
        }),
      }),
    });

    console.log('earn: POST /v1/loyalty/events (a distinct Idempotency-Key and event id per request)');
    const earn = await measure(server.url, {
      method: 'POST',
      path: '/v1/loyalty/events',
      headers: { 'Content-Type': 'application/json' },
      build: (n) => {
        const tenant = tenants[n % SPREAD]!;
        return {
          headers: { Authorization: `Bearer ${tenant.secretKey}`, 'Idempotency-Key': `earn-${n}-${crypto.randomUUID()}`, 'CF-Connecting-IP': ipOf(n) },
          body: JSON.stringify({ id: `bench-event-${n}`, type: BENCH_EVENT_TYPE, customer: { externalId: `member-${n % 500}` } }),
        };
      },
    });

    console.log('redeem: POST /v1/loyalty/redemptions (a distinct Idempotency-Key per request)');
    const redeem = await measure(server.url, {
      method: 'POST',
      path: '/v1/loyalty/redemptions',
      headers: { 'Content-Type': 'application/json' },
      build: (n) => {
        const tenant = tenants[n % SPREAD]!;
        return {
          headers: { Authorization: `Bearer ${tenant.secretKey}`, 'Idempotency-Key': `redeem-${n}-${crypto.randomUUID()}`, 'CF-Connecting-IP': ipOf(n) },
          body: JSON.stringify({ customer: BENCH_CUSTOMER, rewardId: tenant.rewardId }),
        };
      },
    });

    const rows: BenchRow[] = [
      {
        figure: 'ceiling: GET /healthz',
        value: `${ceiling.requestsPerSecond.toFixed(0)} req/s (p50 ${ceiling.p50Ms} ms, p99 ${ceiling.p99Ms} ms)`,
        ratio: '1.00',
        goal: 'reference',
        met: null,
      },
      ...loadRow('ingest POST /w/v1/responses', ingest, ceiling, 0.5, true),
      ...loadRow('loyalty earn POST /v1/loyalty/events', earn, ceiling, 0.4, false),
      ...loadRow('loyalty redeem POST /v1/loyalty/redemptions', redeem, ceiling, 0.4, false),
      {
        figure: 'widget gzip (loader + widget + NPS config)',
        value: `${widget.total} B`,
        ratio: `${(widget.total / GZIP_BUDGET_BYTES).toFixed(2)} × budget`,
        goal: `≤ ${GZIP_BUDGET_BYTES} B`,
        met: widget.total <= GZIP_BUDGET_BYTES,
      },
      {
        figure: 'dashboard initial JS gzip',
        value: `${(dashboard.initialGzip / 1024).toFixed(1)} KB`,
        ratio: `${(dashboard.initialGzip / dashboard.budget).toFixed(2)} × budget`,
        goal: `≤ ${dashboard.budget / 1024} KB`,
        met: dashboard.initialGzip <= dashboard.budget,
      },
      ...metricsRows(join(REPO_ROOT, 'test/artifacts/bench-metrics.json')),
    ];
    printTable(rows);
    console.log(
      `\nLoad: autocannon, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run, against wrangler's local dev server on this machine. ` +
        `Writes are spread over ${SPREAD} widget keys / tenants (rate limits allow 1,200 a minute each) and every request has its own CF-Connecting-IP.`,
    );

    mkdirSync(join(REPO_ROOT, 'test/artifacts'), { recursive: true });
    const report = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      load: { tool: 'autocannon', connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, spreadOverKeysAndTenants: SPREAD },
      runs: { ceiling, ingest, earn, redeem },
      sizes: { widgetGzip: widget.total, widgetParts: widget.sizes, dashboardInitialGzip: dashboard.initialGzip },
      rows,
    };
    writeFileSync(join(REPO_ROOT, 'test/artifacts/bench.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log('wrote test/artifacts/bench.json');
  } finally {
    await server.stop();
  }
}

await main();
