import type { ScoreCounts } from './counts';
import { type Interval, Z95 } from './stats';

export interface Csat {
  n: number;
  /** Answers of 4–5. */
  satisfied: number;
  /** Share of satisfied answers, 0–100. */
  score: number;
  /** Wilson 95 % interval, 0–100. */
  interval: Interval;
}

/** Wilson score interval of k successes in n trials, as proportions. */
export function wilson(k: number, n: number, z = Z95): Interval {
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/** CSAT = share of 4–5 on a 1–5 scale. Null for an empty period. */
export function csat(counts: Pick<ScoreCounts, 'answered' | 'promoters'>): Csat | null {
  const n = counts.answered;
  if (n === 0) return null;
  const interval = wilson(counts.promoters, n);
  return {
    n,
    satisfied: counts.promoters,
    score: (100 * counts.promoters) / n,
    interval: { low: 100 * interval.low, high: 100 * interval.high },
  };
}
