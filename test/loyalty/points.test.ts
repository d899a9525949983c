import { describe, expect, it } from 'vitest';
import { addMonths, capPeriods, currencyExponent, eligibleAmount, multiplied, planSpend, purchasePoints, refundReversal } from '../../worker/loyalty/points';
import { nextTierIndex, tierIndexFor, type TierRow } from '../../worker/loyalty/tiers';

describe('points arithmetic', () => {
  it('computes purchase points exactly, with the programme rounding and tier multiplier', () => {
    const base = { exponent: 2, rate: 1, multiplierPercent: 100, rounding: 'floor' as const };
    expect(purchasePoints({ ...base, eligibleMinor: 12_345 })).toBe(123);
    expect(purchasePoints({ ...base, eligibleMinor: 12_345, rounding: 'round' })).toBe(123);
    expect(purchasePoints({ ...base, eligibleMinor: 12_350, rounding: 'round' })).toBe(124);
    expect(purchasePoints({ ...base, eligibleMinor: 12_301, rounding: 'ceil' })).toBe(124);
    // 0.1 × 3 would be 0.30000000000000004 in floating point; here it is exactly 0.3 → 30 points for $300.
    expect(purchasePoints({ ...base, rate: 0.1, eligibleMinor: 30_000 })).toBe(30);
    expect(purchasePoints({ ...base, eligibleMinor: 10_000, multiplierPercent: 150 })).toBe(150);
    expect(purchasePoints({ ...base, exponent: 0, eligibleMinor: 1000 })).toBe(1000);
    expect(multiplied(25, 150, 'floor')).toBe(37);
    expect(multiplied(25, 150, 'round')).toBe(38);
  });

  it('knows currency exponents and eligible amounts', () => {
    expect([currencyExponent('USD'), currencyExponent('JPY'), currencyExponent('KWD')]).toEqual([2, 0, 3]);
    expect(eligibleAmount({ total: 10_000, shipping: 500, tax: 800 }, { shipping: true, tax: false })).toBe(9_500);
  });

  it('reverses refunds cumulatively so partial refunds never exceed the award', () => {
    const order = { total: 300, refunded: 0, pointsAwarded: 10, pointsReversed: 0 };
    const first = refundReversal(order, 100);
    const second = refundReversal({ ...order, refunded: 100, pointsReversed: first }, 100);
    const third = refundReversal({ ...order, refunded: 200, pointsReversed: first + second }, 100);
    expect([first, second, third]).toEqual([3, 3, 4]);
  });

  it('plans spending oldest lot first', () => {
    const lots = [
      { id: 'a', remaining: 5 },
      { id: 'b', remaining: 10 },
      { id: 'c', remaining: 10 },
    ];
    expect(planSpend(lots, 12)).toEqual({ takes: [{ lotId: 'a', take: 5 }, { lotId: 'b', take: 7 }], covered: 12 });
    expect(planSpend(lots, 40).covered).toBe(25);
  });

  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(new Date(addMonths(Date.UTC(2026, 0, 31, 12), 1)).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(new Date(addMonths(Date.UTC(2028, 0, 31), 1)).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(new Date(addMonths(Date.UTC(2026, 10, 15), 3)).toISOString()).toBe('2027-02-15T00:00:00.000Z');
    expect(capPeriods(Date.UTC(2026, 10, 23, 23, 59))).toEqual({ day: 'd:2026-11-23', month: 'm:2026-11' });
  });
});

describe('tier movement', () => {
  const tier = (id: string, threshold: number) => ({ id, threshold }) as TierRow;
  const tiers = [tier('bronze', 0), tier('silver', 100), tier('gold', 500)];
  const DAY = 86_400_000;

  it('goes up at once, down one level only after a full period', () => {
    expect(tierIndexFor(tiers, 499)).toBe(1);
    expect(nextTierIndex({ tiers, currentIndex: 0, tierSince: 0, amount: 600, periodDays: 90, now: DAY })).toBe(2);
    expect(nextTierIndex({ tiers, currentIndex: 2, tierSince: 0, amount: 0, periodDays: 90, now: 89 * DAY })).toBe(2);
    expect(nextTierIndex({ tiers, currentIndex: 2, tierSince: 0, amount: 0, periodDays: 90, now: 90 * DAY })).toBe(1);
  });
});
