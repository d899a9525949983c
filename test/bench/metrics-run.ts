/**
 * The metrics engine at scale, in a local D1 run by Miniflare (workerd + SQLite): used by `npm run bench:metrics`
 * (full size by default) and by `npm run bench` (a smaller size unless asked for the full one).
 *
 * Seeds one tenant with `scale` × (1,000,000 responses, 200,000 customers, 1,000,000 orders), generated in SQL,
 * builds the rollup tables from those rows as the write path would have, then measures:
 *   raw pass      one aggregate pass over the raw rows (answers by survey/channel, orders by customer): the baseline
 *   full rebuild  every snapshot recomputed from the rollups (recomputeTenant with full: true)
 *   incremental   the recompute after 1,000 new responses written through the real write path
 * Targets: incremental ≤ 5 % of the raw pass; full rebuild ≤ 2 × the raw pass.
 */
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../node/worker-server';

export const FULL_SIZE = { responses: 1_000_000, customers: 200_000, orders: 1_000_000 };
export const NEW_RESPONSES = 1_000;

export type MetricsSizes = typeof FULL_SIZE;

export interface MetricsFigure {
  name: 'full rebuild' | 'incremental recompute';
  ms: number;
  ratioToRawPass: number;
  goal: string;
  met: boolean;
  detail: string;
}

export interface MetricsBenchResult {
  sizes: MetricsSizes;
  rawPassMs: number;
  writePathMsPerResponse: number;
  figures: MetricsFigure[];
}

export const sizesAt = (scale: number): MetricsSizes => ({
  responses: Math.round(FULL_SIZE.responses * scale),
  customers: Math.round(FULL_SIZE.customers * scale),
  orders: Math.round(FULL_SIZE.orders * scale),
});

export const fmt = (n: number) => n.toLocaleString('en');

/** Runs the whole metrics bench at `scale` (1 = full size); `log` prints each step with its time. */
export async function runMetricsBench(scale: number, log: (line: string) => void = () => {}): Promise<MetricsBenchResult> {
  const sizes = sizesAt(scale);
  const bundle = await build({
    entryPoints: [join(REPO_ROOT, 'test/bench/metrics-worker.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    mainFields: ['module', 'main'],
  });
  const state = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  const mf = new Miniflare({
    modules: [{ type: 'ESModule', path: 'worker.js', contents: bundle.outputFiles[0]!.text }],
    compatibilityDate: '2026-04-20',
    d1Databases: { DB: 'bench' },
    d1Persist: state,
  });

  async function step(label: string, path: string, body?: unknown): Promise<{ ms: number; value: unknown }> {
    const start = performance.now();
    const response = await mf.dispatchFetch(
      `http://bench${path}`,
      body === undefined ? { method: 'POST' } : { method: 'POST', body: JSON.stringify(body) },
    );
    const value = await response.json();
    const ms = performance.now() - start;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(value)}`);
    log(`  ${label.padEnd(48)} ${(ms / 1000).toFixed(2).padStart(8)} s`);
    return { ms, value };
  }

  try {
    const migrations = join(REPO_ROOT, 'migrations');
    const statements = readdirSync(migrations)
      .filter((name) => name.endsWith('.sql'))
      .sort()
      .flatMap((file) => readFileSync(join(migrations, file), 'utf8').split('--> statement-breakpoint'))
      .filter((statement) => statement.trim());
    log(
      `Seeding ${fmt(sizes.responses)} responses, ${fmt(sizes.customers)} customers, ${fmt(sizes.orders)} orders (local D1 in ${state})…`,
    );
    await step('migrations', '/migrate', statements);
    await step('seed raw rows', '/seed', sizes);
    await step('rollups from the raw rows (one-off backfill)', '/backfill');

    log('Measuring…');
    await step('raw aggregate pass (warm-up, not counted)', '/raw');
    const raw = await step('raw aggregate pass (baseline)', '/raw');
    const full = await step('full rebuild (every snapshot from the rollups)', '/full');
    const writes = await step(`${NEW_RESPONSES} responses through the write path`, `/write?count=${NEW_RESPONSES}`);
    const incremental = await step('incremental recompute after them', '/incremental');

    const fullResult = full.value as { written: number; periods: string[] };
    const incrementalResult = incremental.value as { written: number; periods: string[] };
    return {
      sizes,
      rawPassMs: raw.ms,
      writePathMsPerResponse: writes.ms / NEW_RESPONSES,
      figures: [
        {
          name: 'full rebuild',
          ms: full.ms,
          ratioToRawPass: full.ms / raw.ms,
          goal: '≤ 2 × raw pass',
          met: full.ms <= 2 * raw.ms,
          detail: `${fullResult.written} snapshot rows, ${fullResult.periods.length} periods`,
        },
        {
          name: 'incremental recompute',
          ms: incremental.ms,
          ratioToRawPass: incremental.ms / raw.ms,
          goal: '≤ 0.05 × raw pass',
          met: incremental.ms <= 0.05 * raw.ms,
          detail: `after ${fmt(NEW_RESPONSES)} new responses; ${incrementalResult.written} rows rewritten; periods ${incrementalResult.periods.join(', ')}`,
        },
      ],
    };
  } finally {
    await mf.dispose();
    rmSync(state, { recursive: true, force: true });
  }
}
