import { describe, expect, it } from 'vitest';
import { nps, npsChange } from '../../worker/metrics/nps';

const counts = (promoters: number, passives: number, detractors: number) => ({
  answered: promoters + passives + detractors,
  promoters,
  passives,
  detractors,
});

describe('NPS', () => {
  it('is null for an empty period, not 0', () => {
    expect(nps(counts(0, 0, 0))).toBeNull();
  });

  it('matches the worked example n = 100, 50 promoters, 20 detractors', () => {
    // By hand: NPS = 50 % − 20 % = 30.
    // Adjusted-Wald: n' = 103, p' = 50.75 / 103 = 0.4927184, d' = 20.75 / 103 = 0.2014563,
    // NPS' = 0.2912621, var = (0.4927184 + 0.2014563 − 0.2912621²) / 103 = 0.6093411 / 103 = 0.00591593,
    // se = 0.0769151, half-width = 1.959964 × 0.0769151 = 0.1507508 → [14.05, 44.20].
    const result = nps(counts(50, 30, 20))!;
    expect(result.n).toBe(100);
    expect([result.promoters, result.passives, result.detractors]).toEqual([50, 30, 20]);
    expect(result.score).toBe(30);
    expect(result.interval.low).toBeCloseTo(14.05, 2);
    expect(result.interval.high).toBeCloseTo(44.2, 2);
  });

  it('handles a single response', () => {
    // n' = 4, p' = 1.75/4, d' = 0.75/4, NPS' = 0.25, var = (0.625 − 0.0625)/4 = 0.140625, se = 0.375,
    // half-width = 0.735 → [−48.50, 98.50].
    const result = nps(counts(1, 0, 0))!;
    expect(result.score).toBe(100);
    expect(result.interval.low).toBeCloseTo(-48.5, 1);
    expect(result.interval.high).toBeCloseTo(98.5, 1);
  });

  it('keeps the interval inside −100…100', () => {
    const result = nps(counts(0, 0, 2))!;
    expect(result.score).toBe(-100);
    expect(result.interval.low).toBeGreaterThanOrEqual(-100);
  });

  it('tests the change against the previous period', () => {
    // Previous: 40/30/30 → NPS 10, var = (0.3956311 + 0.2985437 − 0.0970874²)/103 = 0.00664805.
    // z = 0.20 / √(0.00591593 + 0.00664805) = 0.20 / 0.1120892 = 1.7843; p = 2(1 − Φ(1.7843)) = 0.0744.
    const change = npsChange(nps(counts(50, 30, 20)), nps(counts(40, 30, 30)))!;
    expect(change.delta).toBe(20);
    expect(change.z).toBeCloseTo(1.7843, 3);
    expect(change.p).toBeCloseTo(0.0744, 3);
    expect(change.significant).toBe(false);

    // Five times the sample with the same shares: z = 3.936, p ≈ 0.00008 → significant.
    const big = npsChange(nps(counts(250, 150, 100)), nps(counts(200, 150, 150)))!;
    expect(big.z).toBeCloseTo(3.936, 2);
    expect(big.p).toBeLessThan(0.001);
    expect(big.significant).toBe(true);
  });

  it('has no change when either period is empty', () => {
    expect(npsChange(nps(counts(1, 0, 0)), null)).toBeNull();
    expect(npsChange(null, nps(counts(1, 0, 0)))).toBeNull();
  });
});
