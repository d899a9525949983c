import { describe, expect, it } from 'vitest';
import { retentionMonths, type CustomerMonthCounts } from '../../worker/metrics/retention-months';
import type { RetentionMonth } from '../../worker/metrics/schemas';

/**
 * Six customers, a two-month churn window. Orders (month: customer × orders):
 *   2024-12 F · 2025-10 A, B · 2025-11 A, C×2 · 2025-12 D · 2026-01 A · 2026-02 E, B, F (the current month).
 * Active spans end two months after an order (a lapse) or at the customer's next order month; 12-month
 * spans likewise. B and F come back in 2026-02 after lapsing: reactivated, active at the end but not retained.
 */
const counts = (month: string, fields: Partial<Omit<CustomerMonthCounts, 'month'>>): CustomerMonthCounts => ({
  month,
  ordering: 0,
  first: 0,
  second: 0,
  activeUntil: 0,
  lapsed: 0,
  yearUntil: 0,
  ...fields,
});
const customerMonths = [
  counts('2024-12', { ordering: 1, first: 1 }), // F
  counts('2025-02', { activeUntil: 1, lapsed: 1 }), // F's span lapses
  counts('2025-10', { ordering: 2, first: 2 }), // A, B
  counts('2025-11', { ordering: 2, first: 1, second: 2, activeUntil: 1, yearUntil: 1 }), // A again, C twice; A's first span ends
  counts('2025-12', { ordering: 1, first: 1, activeUntil: 1, lapsed: 1, yearUntil: 1 }), // D; B's span lapses, F's year ends
  counts('2026-01', { ordering: 1, activeUntil: 2, lapsed: 1, yearUntil: 1 }), // A; A's span ends, C's lapses
  counts('2026-02', { ordering: 3, first: 1, second: 2, activeUntil: 1, lapsed: 1, yearUntil: 1 }), // E, B, F; D's span lapses, B's year ends
  counts('2026-03', { activeUntil: 1, lapsed: 1 }),
  counts('2026-04', { activeUntil: 3, lapsed: 3 }),
  // (12-month spans ending after the series do not matter here)
];
const orderMonths = [
  { month: '2024-12', orders: 1, revenue: 1000 },
  { month: '2025-10', orders: 2, revenue: 4000 },
  { month: '2025-11', orders: 3, revenue: 3000 },
  { month: '2025-12', orders: 1, revenue: 3000 },
  { month: '2026-01', orders: 1, revenue: 2000 },
  { month: '2026-02', orders: 3, revenue: 2500 },
];

/** Counts exactly, ratios to 10 digits. */
function expectMonth(actual: RetentionMonth | undefined, expected: RetentionMonth) {
  const { lifetimeValue, retentionRate, churnRate, repeatPurchaseRate, purchaseFrequency, averageOrderValue, ...rest } = expected;
  expect(actual).toMatchObject(rest);
  const close = (value: number | null | undefined, wanted: number | null) =>
    wanted === null ? expect(value).toBeNull() : expect(value).toBeCloseTo(wanted, 10);
  close(actual?.retentionRate, retentionRate);
  close(actual?.churnRate, churnRate);
  close(actual?.repeatPurchaseRate, repeatPurchaseRate);
  close(actual?.purchaseFrequency, purchaseFrequency);
  close(actual?.averageOrderValue, averageOrderValue);
  close(actual?.lifetimeValue.averageOrderValue, lifetimeValue.averageOrderValue);
  close(actual?.lifetimeValue.frequencyPerYear, lifetimeValue.frequencyPerYear);
  close(actual?.lifetimeValue.value, lifetimeValue.value);
}

describe('retention by month', () => {
  const series = retentionMonths({
    months: ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'],
    currentMonth: '2026-02',
    customerMonths,
    orderMonths,
    windowMonths: 2,
    grossMargin: 0.5,
  });

  it('takes CRR = |S ∩ E| / S: of the customers active at the start, those still active at the end', () => {
    expect(series.map((m) => [m.month, m.start, m.end, m.acquired, m.retained])).toEqual([
      ['2025-09', 0, 0, 0, 0],
      ['2025-10', 0, 2, 2, 0], // A, B
      ['2025-11', 2, 3, 1, 2], // A, B, C; C new; A, B kept
      ['2025-12', 3, 3, 1, 2], // A, C, D; D new; B lapsed
      ['2026-01', 3, 2, 0, 2], // D, A; C lapsed
      ['2026-02', 2, 4, 1, 1], // A, E, B, F; E new, B and F reactivated; D lapsed, only A kept
    ]);
    // (E − N) / S would give (4 − 1) / 2 = 150 % in 2026-02.
    expect(series.map((m) => m.retentionRate)).toEqual([null, null, 1, 2 / 3, 2 / 3, 0.5]);
    for (const m of series) expect(m.retentionRate ?? 0).toBeLessThanOrEqual(1);
    expect(series.map((m) => m.complete)).toEqual([true, true, true, true, true, false]);
  });

  it('computes every figure of a month as of its end', () => {
    // 2025-09: only F, whose span ended in 2025-02 → churned; no orders that month; LTV on F's one order a year.
    expectMonth(series[0], {
      month: '2025-09',
      complete: true,
      customers: 1,
      start: 0,
      end: 0,
      acquired: 0,
      retained: 0,
      retentionRate: null,
      churned: 1,
      churnRate: 1,
      repeatCustomers: 0,
      repeatPurchaseRate: 0,
      orders: 0,
      revenue: 0,
      orderingCustomers: 0,
      purchaseFrequency: null,
      averageOrderValue: null,
      lifetimeValue: { averageOrderValue: 1000, frequencyPerYear: 1, value: 1000 * 1 * 1 * 0.5 },
    });
    // 2025-11: F, A, B, C (F churned); A and C reached two orders; 3 orders by 2 customers for 3,000;
    // to date 8,000 / 6 orders; 12 months back to 2024-12: 6 orders by F, A, B, C; churn 1/4 → 4-year lifetime.
    expectMonth(series[2], {
      month: '2025-11',
      complete: true,
      customers: 4,
      start: 2,
      end: 3,
      acquired: 1,
      retained: 2,
      retentionRate: 1,
      churned: 1,
      churnRate: 0.25,
      repeatCustomers: 2,
      repeatPurchaseRate: 0.5,
      orders: 3,
      revenue: 3000,
      orderingCustomers: 2,
      purchaseFrequency: 1.5,
      averageOrderValue: 1000,
      lifetimeValue: { averageOrderValue: 8000 / 6, frequencyPerYear: 1.5, value: (8000 / 6) * 1.5 * 4 * 0.5 },
    });
    // 2025-12: F's order falls out of the 12 months: 6 orders by A, B, C, D; churn 2/5 (F, B).
    expectMonth(series[3], {
      month: '2025-12',
      complete: true,
      customers: 5,
      start: 3,
      end: 3,
      acquired: 1,
      retained: 2,
      retentionRate: 2 / 3,
      churned: 2,
      churnRate: 0.4,
      repeatCustomers: 2,
      repeatPurchaseRate: 0.4,
      orders: 1,
      revenue: 3000,
      orderingCustomers: 1,
      purchaseFrequency: 1,
      averageOrderValue: 3000,
      lifetimeValue: { averageOrderValue: 11000 / 7, frequencyPerYear: 1.5, value: (11000 / 7) * 1.5 * 2.5 * 0.5 },
    });
    // 2026-02 (running): B and F are back, C and D churned of 6; B and F reach two orders; 3 orders by
    // 3 customers for 2,500; 10 orders by 6 customers in 12 months; 15,500 / 11 to date; churn 1/3.
    expectMonth(series[5], {
      month: '2026-02',
      complete: false,
      customers: 6,
      start: 2,
      end: 4,
      acquired: 1,
      retained: 1,
      retentionRate: 0.5,
      churned: 2,
      churnRate: 2 / 6,
      repeatCustomers: 4,
      repeatPurchaseRate: 4 / 6,
      orders: 3,
      revenue: 2500,
      orderingCustomers: 3,
      purchaseFrequency: 1,
      averageOrderValue: 2500 / 3,
      lifetimeValue: { averageOrderValue: 15500 / 11, frequencyPerYear: 10 / 6, value: (15500 / 11) * (10 / 6) * 3 * 0.5 },
    });
  });

  it('has no LTV while nobody churned, and nothing but nulls and zeros without orders', () => {
    const early = retentionMonths({
      months: ['2025-10'],
      currentMonth: '2025-10',
      customerMonths: customerMonths.filter((row) => row.month >= '2025-10'),
      orderMonths: orderMonths.filter((row) => row.month >= '2025-10'),
      windowMonths: 2,
      grossMargin: 1,
    });
    expect(early[0]).toMatchObject({ customers: 2, churned: 0, churnRate: 0, lifetimeValue: { value: null } });
    const [empty] = retentionMonths({
      months: ['2026-02'],
      currentMonth: '2026-02',
      customerMonths: [],
      orderMonths: [],
      windowMonths: 3,
      grossMargin: 1,
    });
    expect(empty).toEqual({
      month: '2026-02',
      complete: false,
      customers: 0,
      start: 0,
      end: 0,
      acquired: 0,
      retained: 0,
      retentionRate: null,
      churned: 0,
      churnRate: null,
      repeatCustomers: 0,
      repeatPurchaseRate: null,
      orders: 0,
      revenue: 0,
      orderingCustomers: 0,
      purchaseFrequency: null,
      averageOrderValue: null,
      lifetimeValue: { averageOrderValue: null, frequencyPerYear: null, value: null },
    });
  });
});
