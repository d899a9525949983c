import { describe, expect, it } from 'vitest';
import { cumeDistScores, quintileScore, rfmScores, rfmSegment } from '../../worker/metrics/rfm';
import {
  averageOrderValue,
  churnRate,
  lifetimeValue,
  purchaseFrequency,
  repeatPurchaseRate,
  retentionRate,
} from '../../worker/metrics/retention';

describe('RFM', () => {
  it('scores by cumulative distribution, so equal customers get equal scores', () => {
    // cume_dist of 10, 20, 20, 30, 40 = 0.2, 0.6, 0.6, 0.8, 1.0 → ceil(5·cd) = 1, 3, 3, 4, 5 (NTILE(5) would split the 20s).
    expect(cumeDistScores([20, 40, 10, 20, 30])).toEqual([3, 5, 1, 3, 4]);
    expect(cumeDistScores([7, 7, 7])).toEqual([5, 5, 5]);
    expect(quintileScore(0.2)).toBe(1);
    expect(quintileScore(0.2000001)).toBe(2);
  });

  it('names segments', () => {
    expect(rfmSegment(5, 5, 5)).toBe('champions');
    expect(rfmSegment(5, 1, 2)).toBe('new');
    expect(rfmSegment(3, 4, 3)).toBe('loyal');
    expect(rfmSegment(4, 2, 2)).toBe('promising');
    expect(rfmSegment(3, 2, 2)).toBe('potential_loyalists');
    expect(rfmSegment(1, 5, 4)).toBe('cant_lose');
    expect(rfmSegment(2, 3, 4)).toBe('at_risk');
    expect(rfmSegment(2, 1, 2)).toBe('need_attention');
    expect(rfmSegment(1, 2, 2)).toBe('hibernating');
    expect(rfmSegment(1, 1, 1)).toBe('lost');
  });

  it('scores customers on recency, frequency and monetary', () => {
    const scores = rfmScores([
      { customerId: 'a', lastOrderAt: 500, orders: 10, revenue: 900 },
      { customerId: 'b', lastOrderAt: 100, orders: 1, revenue: 50 },
      { customerId: 'c', lastOrderAt: 500, orders: 10, revenue: 900 },
      { customerId: 'd', lastOrderAt: 300, orders: 2, revenue: 100 },
      { customerId: 'e', lastOrderAt: 400, orders: 3, revenue: 300 },
    ]);
    expect(scores.map((s) => [s.customerId, s.recency, s.frequency, s.monetary, s.segment])).toEqual([
      ['a', 5, 5, 5, 'champions'],
      ['b', 1, 1, 1, 'lost'],
      ['c', 5, 5, 5, 'champions'],
      ['d', 2, 2, 2, 'need_attention'],
      ['e', 3, 3, 3, 'loyal'],
    ]);
  });
});

describe('retention and value', () => {
  it('CRR = |S ∩ E| / S', () => {
    // 100 at the start, of whom 70 are still active at the end (whoever else is active then is new or back) → 70 % kept.
    expect(retentionRate(100, 70)).toBeCloseTo(0.7, 10);
    expect(retentionRate(2, 2)).toBe(1);
    expect(retentionRate(0, 0)).toBeNull();
  });

  it('churn, repeat purchase, frequency and AOV over their denominators, null when empty', () => {
    expect(churnRate(25, 200)).toBe(0.125);
    expect(repeatPurchaseRate(60, 200)).toBe(0.3);
    expect(purchaseFrequency(300, 200)).toBe(1.5);
    expect(averageOrderValue(150_000, 30)).toBe(5000);
    expect([churnRate(0, 0), repeatPurchaseRate(0, 0), purchaseFrequency(0, 0), averageOrderValue(0, 0)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('LTV = AOV × frequency × 1/churn × margin', () => {
    // 50.00 per order, 2 orders a year, a quarter churn → 4 years → 400.00 revenue, 200.00 at 50 % margin.
    expect(lifetimeValue({ averageOrderValue: 5000, frequencyPerYear: 2, churnRate: 0.25, grossMargin: 0.5 })).toBe(20_000);
    expect(lifetimeValue({ averageOrderValue: 5000, frequencyPerYear: 2, churnRate: 0, grossMargin: 1 })).toBeNull();
    expect(lifetimeValue({ averageOrderValue: null, frequencyPerYear: 2, churnRate: 0.2, grossMargin: 1 })).toBeNull();
  });
});
