/**
 * npm run bench — speed and size figures of Rapport, each next to a ceiling measured in the same run.
 *
 *   npm run bench                          metrics at full size (1,000,000 responses), about 2 minutes in all
 *   npm run bench -- --metrics-scale=0.1   metrics at a tenth of that, for a quicker run
 *   npm run bench -- --metrics-scale=0.3   any other size
 *
 * Builds web/dist when it is missing or stale (node scripts/build.mjs: dashboard + widget), measures the widget and
 * dashboard gzip sizes and the metrics engine (metrics-run.ts, in its own Miniflare), then starts the real Worker
 * (wrangler's dev server: workerd + fresh migrated local D1 + rate limits, see test/node/worker-server.ts), creates
 * tenants through the API and loads it with autocannon at a fixed concurrency for a fixed duration:
 *   ceiling   GET /healthz: the Worker with no I/O, the best this machine can do
 *   one D1    GET /readyz: the Worker with one D1 round trip (SELECT 1), what a single query costs here
 *   ingest    POST /w/v1/responses as the widget sends it (text/plain JSON, publishable key, allowed Origin)
 *   earn      POST /v1/loyalty/events with a fresh Idempotency-Key and event id per request
 *   redeem    POST /v1/loyalty/redemptions with a fresh Idempotency-Key per request
 * Prints the table (Markdown) and writes test/artifacts/bench.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
// @ts-expect-error: plain ESM build script without type declarations
import * as widgetBuild from '../../scripts/build-widget.mjs';
import { dashboardSizes } from '../../web/size-report.mjs';
import { REPO_ROOT, startWorkerServer } from '../node/worker-server';
import { ensureAssetsBuilt } from './build-assets';
import { CONNECTIONS, DURATION_SECONDS, ipOf, type LoadFigures, measure } from './load';
import { fmt, runMetricsBench } from './metrics-run';
import { type BenchRow, formatTable, metricsRows } from './report';
import { type BenchTenant, BENCH_EVENT_TYPE, BENCH_CUSTOMER, createBenchTenant, SHOP_ORIGIN } from './tenant-setup';

const { buildWidget, GZIP_BUDGET_BYTES } = widgetBuild as {
  buildWidget(options: { outDir: string }): Promise<{ total: number; sizes: Record<string, number> }>;
  GZIP_BUDGET_BYTES: number;
};

const DEFAULT_METRICS_SCALE = 1;

/**
 * The Rate Limiting binding allows 1,200 writes a minute per widget key and per tenant (wrangler.toml); a 10-second
 * run at full speed may send more than that, so the load is spread over this many keys and tenants. Each request also
 * carries its own CF-Connecting-IP, so the per-IP ingest limit (120/min) does not answer instead of the ingest path.
 */
const SPREAD = 12;

function options(): { metricsScale: number } {
  const { values } = parseArgs({ options: { 'metrics-scale': { type: 'string' } } });
  const metricsScale = Number(values['metrics-scale'] ?? DEFAULT_METRICS_SCALE);
  if (!(metricsScale > 0 && metricsScale <= 1)) throw new Error('--metrics-scale must be in (0, 1]');
  return { metricsScale };
}

const throughput = (figures: LoadFigures) =>
  `${figures.requestsPerSecond.toFixed(0)} req/s (p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms)`;
const ratioOf = (figures: LoadFigures, ceiling: LoadFigures) => figures.requestsPerSecond / ceiling.requestsPerSecond;

/** A figure measured to read the others by, with no goal of its own. */
const referenceRow = (figure: string, figures: LoadFigures, ceiling: LoadFigures): BenchRow => ({
  figure,
  value: throughput(figures),
  ratio: `${ratioOf(figures, ceiling).toFixed(2)} × ceiling`,
  goal: 'reference',
  met: null,
});

function loadRow(name: string, figures: LoadFigures, ceiling: LoadFigures, minRatio: number, p99Goal: boolean): BenchRow[] {
  const ratio = ratioOf(figures, ceiling);
  const clean = figures.non2xx === 0 && figures.errors === 0;
  const rows: BenchRow[] = [
    {
      figure: `${name} throughput`,
      value: `${throughput(figures)}${clean ? '' : `, ${figures.non2xx} non-2xx`}`,
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
  const { metricsScale } = options();
  ensureAssetsBuilt();
  const widgetDir = mkdtempSync(join(tmpdir(), 'rapport-bench-widget-'));
  const widget = await buildWidget({ outDir: widgetDir });
  rmSync(widgetDir, { recursive: true, force: true });
  const dashboard = dashboardSizes();

  // Before the Worker starts, so the two do not compete for the CPU.
  console.log(`metrics at ${metricsScale} × full size:`);
  const metrics = await runMetricsBench(metricsScale, (line) => console.log(line));

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

    console.log('one D1 round trip: GET /readyz');
    const oneQuery = await measure(server.url, { method: 'GET', path: '/readyz' });

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
          headers: {
            Authorization: `Bearer ${tenant.secretKey}`,
            'Idempotency-Key': `earn-${n}-${crypto.randomUUID()}`,
            'CF-Connecting-IP': ipOf(n),
          },
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
          headers: {
            Authorization: `Bearer ${tenant.secretKey}`,
            'Idempotency-Key': `redeem-${n}-${crypto.randomUUID()}`,
            'CF-Connecting-IP': ipOf(n),
          },
          body: JSON.stringify({ customer: BENCH_CUSTOMER, rewardId: tenant.rewardId }),
        };
      },
    });

    const rows: BenchRow[] = [
      referenceRow('ceiling: GET /healthz', ceiling, ceiling),
      referenceRow('one D1 round trip: GET /readyz', oneQuery, ceiling),
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
      ...metricsRows(metrics),
    ];
    console.log(`\n${formatTable(rows)}`);
    console.log(
      `\nLoad: autocannon, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run, against wrangler's local dev server on this machine. ` +
        `Writes are spread over ${SPREAD} widget keys / tenants (rate limits allow 1,200 a minute each) and every request has its own CF-Connecting-IP.`,
    );
    const { sizes } = metrics;
    console.log(
      `Metrics: ${metricsScale} × full size (${fmt(sizes.responses)} responses, ${fmt(sizes.customers)} customers, ${fmt(sizes.orders)} orders) ` +
        'in a Miniflare local D1.',
    );

    mkdirSync(join(REPO_ROOT, 'test/artifacts'), { recursive: true });
    const report = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      load: { tool: 'autocannon', connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, spreadOverKeysAndTenants: SPREAD },
      runs: { ceiling, oneQuery, ingest, earn, redeem },
      sizes: { widgetGzip: widget.total, widgetParts: widget.sizes, dashboardInitialGzip: dashboard.initialGzip },
      metrics: { scale: metricsScale, ...metrics },
      rows,
    };
    writeFileSync(join(REPO_ROOT, 'test/artifacts/bench.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log('wrote test/artifacts/bench.json');
  } finally {
    await server.stop();
  }
}

await main();
