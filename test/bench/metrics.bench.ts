/**
 * npm run bench:metrics — the metrics engine at scale (see metrics-run.ts): 1,000,000 responses, 200,000 customers
 * and 1,000,000 orders by default. BENCH_SCALE (e.g. 0.1) scales the row counts down for a quick run.
 */
import { fmt, runMetricsBench } from './metrics-run';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const result = await runMetricsBench(scale, (line) => console.log(line));
const { sizes } = result;
const [full, incremental] = result.figures;
const verdict = (ok: boolean) => (ok ? 'OK    ' : 'MISSED');
console.log(`
Results for ${fmt(sizes.responses)} responses, ${fmt(sizes.customers)} customers, ${fmt(sizes.orders)} orders
  raw aggregate pass         ${result.rawPassMs.toFixed(0).padStart(7)} ms   baseline
  full rebuild               ${full!.ms.toFixed(0).padStart(7)} ms   ${full!.ratioToRawPass.toFixed(2)} × raw pass      target ≤ 2 ×   ${verdict(full!.met)} (${full!.detail})
  incremental recompute      ${incremental!.ms.toFixed(0).padStart(7)} ms   ${(100 * incremental!.ratioToRawPass).toFixed(1)} % of raw pass    target ≤ 5 %   ${verdict(incremental!.met)} (${incremental!.detail})
  write path                 ${result.writePathMsPerResponse.toFixed(2)} ms per response (insert + rollups, one batch)`);
