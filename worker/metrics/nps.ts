import type { ScoreCounts } from './counts';
import { clamp, type Interval, twoSidedP, Z95 } from './stats';

export interface Nps {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100…100. */
  score: number;
  /** Adjusted-Wald 95 % interval, −100…100. */
  interval: Interval;
  /** Variance of the adjusted estimate (proportion scale), kept for the change test. */
  variance: number;
}

export interface NpsChange {
  /** Current minus previous, NPS points. */
  delta: number;
  z: number;
  p: number;
  /** p < 0.05, two-sided. */
  significant: boolean;
}

/**
 * NPS over answered responses (dismissals are not answers). The interval is the adjusted-Wald
 * interval for NPS (Rocks 2016): add 3/4 to promoters and detractors and 3 to n, then
 * NPS' ± z·√((p' + d' − (p' − d')²) / n'). Null for an empty period.
 */
export function nps(counts: Pick<ScoreCounts, 'answered' | 'promoters' | 'passives' | 'detractors'>): Nps | null {
  const n = counts.answered;
  if (n === 0) return null;
  const adjustedN = n + 3;
  const p = (counts.promoters + 0.75) / adjustedN;
  const d = (counts.detractors + 0.75) / adjustedN;
  const adjusted = p - d;
  const variance = (p + d - adjusted * adjusted) / adjustedN;
  const half = Z95 * Math.sqrt(variance);
  return {
    n,
    promoters: counts.promoters,
    passives: counts.passives,
    detractors: counts.detractors,
    score: (100 * (counts.promoters - counts.detractors)) / n,
    interval: { low: 100 * clamp(adjusted - half, -1, 1), high: 100 * clamp(adjusted + half, -1, 1) },
    variance,
  };
}

/** Two-sample z test of the NPS difference with the adjusted-Wald variances. Null if either period is empty. */
export function npsChange(current: Nps | null, previous: Nps | null): NpsChange | null {
  if (!current || !previous) return null;
  const delta = current.score - previous.score;
  const z = delta / 100 / Math.sqrt(current.variance + previous.variance);
  const p = twoSidedP(z);
  return { delta, z, p, significant: p < 0.05 };
}
