/**
 * npm run bench:metrics — the metrics engine at scale, in a local D1 run by Miniflare (workerd + SQLite).
 *
 * Seeds one tenant with 1,000,000 responses, 200,000 customers and 1,000,000 orders (generated in SQL),
 * builds the rollup tables from those rows as the write path would have, then prints:
 *   raw pass      one aggregate pass over the raw rows (answers by survey/channel, orders by customer): the baseline
 *   full rebuild  every snapshot recomputed from the rollups (recomputeTenant with full: true)
 *   incremental   the recompute after 1,000 new responses written through the real write path
 * Targets: incremental ≤ 5 % of the raw pass; full rebuild ≤ 2 × the raw pass.
 * BENCH_SCALE (e.g. 0.1) scales the row counts down for a quick run.
 */
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const sizes = {
  responses: Math.round(1_000_000 * scale),
  customers: Math.round(200_000 * scale),
  orders: Math.round(1_000_000 * scale),
};
const NEW_RESPONSES = 1_000;

const bundle = await build({
  entryPoints: ['test/bench/metrics-worker.ts'],
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
  console.log(`  ${label.padEnd(48)} ${(ms / 1000).toFixed(2).padStart(8)} s`);
  return { ms, value };
}

const fmt = (n: number) => n.toLocaleString('en');

try {
  const statements = readdirSync('migrations')
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .flatMap((file) => readFileSync(join('migrations', file), 'utf8').split('--> statement-breakpoint'))
    .filter((statement) => statement.trim());
  console.log(
    `Seeding ${fmt(sizes.responses)} responses, ${fmt(sizes.customers)} customers, ${fmt(sizes.orders)} orders (local D1 in ${state})…`,
  );
  await step('migrations', '/migrate', statements);
  await step('seed raw rows', '/seed', sizes);
  await step('rollups from the raw rows (one-off backfill)', '/backfill');

  console.log('\nMeasuring…');
  await step('raw aggregate pass (warm-up, not counted)', '/raw');
  const raw = await step('raw aggregate pass (baseline)', '/raw');
  const full = await step('full rebuild (every snapshot from the rollups)', '/full');
  const writes = await step(`${NEW_RESPONSES} responses through the write path`, `/write?count=${NEW_RESPONSES}`);
  const incremental = await step('incremental recompute after them', '/incremental');

  const fullResult = full.value as { written: number; periods: string[] };
  const incrementalResult = incremental.value as { written: number; periods: string[] };
  const verdict = (ok: boolean) => (ok ? 'OK    ' : 'MISSED');
  console.log(`
Results for ${fmt(sizes.responses)} responses, ${fmt(sizes.customers)} customers, ${fmt(sizes.orders)} orders
  raw aggregate pass         ${raw.ms.toFixed(0).padStart(7)} ms   baseline
  full rebuild               ${full.ms.toFixed(0).padStart(7)} ms   ${(full.ms / raw.ms).toFixed(2)} × raw pass      target ≤ 2 ×   ${verdict(full.ms <= 2 * raw.ms)} (${fullResult.written} snapshot rows, ${fullResult.periods.length} periods)
  incremental recompute      ${incremental.ms.toFixed(0).padStart(7)} ms   ${((100 * incremental.ms) / raw.ms).toFixed(1)} % of raw pass    target ≤ 5 %   ${verdict(incremental.ms <= 0.05 * raw.ms)} (${incrementalResult.written} rows rewritten; periods ${incrementalResult.periods.join(', ')})
  write path                 ${(writes.ms / NEW_RESPONSES).toFixed(2)} ms per response (insert + rollups, one batch)`);
} finally {
  await mf.dispose();
  rmSync(state, { recursive: true, force: true });
}
