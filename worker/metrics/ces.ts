import type { ScoreCounts } from './counts';
import { type Interval, t95 } from './stats';

export interface Ces {
  n: number;
  /** Mean score on the 1–7 scale (7 = very easy). */
  mean: number;
  /** Student-t 95 % interval of the mean; null with one answer (no spread to estimate). */
  interval: Interval | null;
}

/** CES mean from sum and sum of squares, so periods stay additive. Null for an empty period. */
export function ces(counts: Pick<ScoreCounts, 'answered' | 'scoreSum' | 'scoreSquares'>): Ces | null {
  const n = counts.answered;
  if (n === 0) return null;
  const mean = counts.scoreSum / n;
  if (n === 1) return { n, mean, interval: null };
  const variance = Math.max(0, (counts.scoreSquares - n * mean * mean) / (n - 1));
  const half = t95(n - 1) * Math.sqrt(variance / n);
  return { n, mean, interval: { low: mean - half, high: mean + half } };
}
