import { describe, expect, it } from 'vitest';
import { addMonths, localDay, monthOf, monthRange } from '../../worker/metrics/days';
import type { CustomersSnapshot, RetentionMonths } from '../../worker/metrics/schemas';
import { call, expectProblem, newTenant, sessionHeaders, type TestTenant } from '../helpers';
import { loyalty, ok, order } from '../loyalty/helpers';

const recompute = (tenant: TestTenant) => ok(call('/v1/metrics/recompute', { method: 'POST', key: tenant.secretKey, json: {} }));
const monthly = (tenant: TestTenant, months: number) =>
  ok<RetentionMonths>(call(`/v1/metrics/retention/monthly?months=${months}`, { key: tenant.secretKey }));

/** Expects counts exactly and ratios to 10 digits, field by field over the months. */
function expectSeries(series: RetentionMonths['months'], expected: Record<string, Array<number | null>>) {
  for (const [field, values] of Object.entries(expected)) {
    const actual = series.map((month) =>
      field.startsWith('ltv.')
        ? month.lifetimeValue[field.slice(4) as keyof RetentionMonths['months'][number]['lifetimeValue']]
        : (month[field as keyof typeof month] as number | null),
    );
    expect(actual.length, field).toBe(values.length);
    values.forEach((value, i) =>
      value === null
        ? expect(actual[i], `${field}[${i}]`).toBeNull()
        : expect(actual[i], `${field}[${i}]`).toBeCloseTo(value, 10),
    );
  }
}

describe('GET /v1/metrics/retention/monthly', { timeout: 60_000 }, () => {
  it('computes CRR, churn, repeat rate, frequency, AOV and LTV per tenant-local month from the orders, for this tenant only', async () => {
    const tenant = await newTenant('Tokyo shop');
    const other = await newTenant('Other shop');
    const key = tenant.secretKey;
    const zone = await call('/api/tenant', {
      method: 'PATCH',
      headers: sessionHeaders(tenant),
      json: { timezone: 'Asia/Tokyo' },
    });
    expect(zone.status).toBe(200);
    await ok(call('/v1/metrics/settings', { method: 'PUT', key, json: { churnDays: 60, grossMargin: 0.5 } }));
    expect(await monthly(tenant, 6)).toEqual({ asOf: null, windowMonths: null, grossMargin: null, months: [] });

    const current = monthOf(localDay(Date.now(), 'Asia/Tokyo'));
    const ago = (months: number) => addMonths(current, -months);
    const at = (month: string, day: string, hourUtc: string) => ({ occurredAt: `${month}-${day}T${hourUtc}:00:00Z` });
    await ok(order(key, 'f1', 'F', 1000, at(ago(14), '15', '03')), 201);
    await ok(order(key, 'a1', 'A', 1000, at(ago(4), '15', '03')), 201);
    await ok(order(key, 'b1', 'B', 3000, at(ago(4), '15', '04')), 201);
    await ok(order(key, 'a2', 'A', 1000, at(ago(3), '15', '03')), 201);
    await ok(order(key, 'c1', 'C', 1000, at(ago(3), '15', '05')), 201);
    await ok(order(key, 'c2', 'C', 1000, at(ago(3), '16', '05')), 201);
    // 20:00 UTC on the last day of that month is 05:00 on the 1st of the next one in Tokyo.
    await ok(order(key, 'd1', 'D', 4000, { occurredAt: `${monthRange(ago(3)).to}T20:00:00Z` }), 201);
    await ok(loyalty(key, '/orders/d1/refunds', { json: { id: 'd1-r1', amount: 1000 } }), 201);
    await ok(order(key, 'a3', 'A', 2000, at(ago(1), '15', '03')), 201);
    await ok(order(key, 'e1', 'E', 500), 201);
    // Another tenant's customers order in the same months; none of it may show up above. X orders last month and
    // this one; Y ordered six months ago and comes back this month (reactivated, past the 90-day window).
    const utcAgo = (months: number) => addMonths(monthOf(localDay(Date.now(), 'UTC')), -months);
    await ok(order(other.secretKey, 'y1', 'Y', 500, at(utcAgo(6), '15', '03')), 201);
    await ok(order(other.secretKey, 'x1', 'X', 9000, at(utcAgo(1), '15', '03')), 201);
    await ok(order(other.secretKey, 'x2', 'X', 9000), 201);
    await ok(order(other.secretKey, 'y2', 'Y', 500), 201);
    await recompute(tenant);
    await recompute(other);

    const result = await monthly(tenant, 6);
    expect(result.asOf).toBe(localDay(Date.now(), 'Asia/Tokyo'));
    expect(result.windowMonths).toBe(2);
    expect(result.grossMargin).toBe(0.5);
    expect(result.months.map((month) => [month.month, month.complete])).toEqual([
      [ago(5), true],
      [ago(4), true],
      [ago(3), true],
      [ago(2), true],
      [ago(1), true],
      [current, false],
    ]);
    // Months (oldest first): ·, A B, A C C, D, A, E — and F long before. Active = an order in the month or the one before.
    expectSeries(result.months, {
      customers: [1, 3, 4, 5, 5, 6],
      start: [0, 0, 2, 3, 3, 2],
      end: [0, 2, 3, 3, 2, 2],
      acquired: [0, 2, 1, 1, 0, 1],
      // Active at the start and still at the end: A B · A C · A D · A
      retained: [0, 0, 2, 2, 2, 1],
      // |S ∩ E| / S
      retentionRate: [null, null, 1, 2 / 3, 2 / 3, 1 / 2],
      // Ordered before but not in the window: F · F · F · F B · F B C · F B C D
      churned: [1, 1, 1, 2, 3, 4],
      churnRate: [1, 1 / 3, 1 / 4, 2 / 5, 3 / 5, 4 / 6],
      // A and C reach two orders in the third month.
      repeatCustomers: [0, 0, 2, 2, 2, 2],
      repeatPurchaseRate: [0, 0, 2 / 4, 2 / 5, 2 / 5, 2 / 6],
      orders: [0, 2, 3, 1, 1, 1],
      // D's 4,000 less the 1,000 refund, in its Tokyo month.
      revenue: [0, 4000, 3000, 3000, 2000, 500],
      orderingCustomers: [0, 2, 2, 1, 1, 1],
      purchaseFrequency: [null, 1, 1.5, 1, 1, 1],
      averageOrderValue: [null, 2000, 1000, 3000, 2000, 500],
      'ltv.averageOrderValue': [1000, 5000 / 3, 8000 / 6, 11000 / 7, 13000 / 8, 13500 / 9],
      // Orders ÷ customers in the 12 months ending with the month; F's order leaves them in the fourth.
      'ltv.frequencyPerYear': [1 / 1, 3 / 3, 6 / 4, 6 / 4, 7 / 4, 8 / 5],
      // AOV × frequency × 1 / churn × 0.5
      'ltv.value': [
        1000 * 1 * 1 * 0.5,
        (5000 / 3) * 1 * 3 * 0.5,
        (8000 / 6) * 1.5 * 4 * 0.5,
        (11000 / 7) * 1.5 * 2.5 * 0.5,
        (13000 / 8) * 1.75 * (5 / 3) * 0.5,
        (13500 / 9) * 1.6 * 1.5 * 0.5,
      ],
    });

    const otherMonths = await monthly(other, 2);
    // This month S = {X}, E = {X, Y}, N = 0: only X is retained ((E − N) / S would say 200 %).
    expectSeries(otherMonths.months, {
      customers: [2, 2],
      start: [0, 1],
      end: [1, 2],
      acquired: [1, 0],
      retained: [0, 1],
      retentionRate: [null, 1],
      orders: [1, 2],
      revenue: [9000, 9500],
    });
    for (const month of [...result.months, ...otherMonths.months]) {
      expect(month.retained).toBeLessThanOrEqual(Math.min(month.start, month.end));
      expect(month.retentionRate ?? 0).toBeLessThanOrEqual(1);
    }

    expect(await ok(call('/api/metrics/retention/monthly?months=6', { headers: sessionHeaders(tenant) }))).toEqual(result);
    expect((await monthly(tenant, 12)).months.map((month) => month.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => ago(11 - i)),
    );
    expect((await ok<RetentionMonths>(call('/v1/metrics/retention/monthly', { key }))).months).toHaveLength(12);
    for (const months of ['0', '37', 'x']) {
      await expectProblem(await call(`/v1/metrics/retention/monthly?months=${months}`, { key }), 422);
    }

    // The same customers by RFM: recency F B C D A E → 1 2 3 4 5 5; orders 1 1 2 1 3 1 → 4 4 5 4 5 4;
    // revenue 1000 3000 2000 3000 4000 500 → 2 5 3 5 5 1. Segments: F, B at risk; C loyal; D, A champions; E promising.
    const customers = await ok<CustomersSnapshot>(call('/v1/customers/key', { key }));
    expect(customers.segments).toMatchObject({ champions: 2, at_risk: 2, loyal: 1, promising: 1, lost: 0 });
    const total = 13_500;
    expect(customers.segmentRevenue).toEqual({
      champions: { revenue: 7000, share: 7000 / total },
      loyal: { revenue: 2000, share: 2000 / total },
      potential_loyalists: { revenue: 0, share: 0 },
      new: { revenue: 0, share: 0 },
      promising: { revenue: 500, share: 500 / total },
      need_attention: { revenue: 0, share: 0 },
      at_risk: { revenue: 4000, share: 4000 / total },
      cant_lose: { revenue: 0, share: 0 },
      hibernating: { revenue: 0, share: 0 },
      lost: { revenue: 0, share: 0 },
    });
    const otherCustomers = await ok<CustomersSnapshot>(call('/v1/customers/key', { key: other.secretKey }));
    expect(Object.values(otherCustomers.segmentRevenue!).reduce((sum, segment) => sum + segment.revenue, 0)).toBe(19_000);
  });

  it('documents the route in the OpenAPI document', async () => {
    const document = await ok<{ paths: Record<string, unknown> }>(call('/v1/openapi.json'));
    expect(document.paths).toHaveProperty(['/v1/metrics/retention/monthly']);
  });
});
