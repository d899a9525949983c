import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { database } from '../../worker/db/client';
import { runLoyaltyJobs } from '../../worker/loyalty/jobs';
import type { CohortsSnapshot, MetricsSnapshot } from '../../worker/metrics/schemas';
import { webhookNotifier } from '../../worker/webhooks/emit';
import { call, newTenant, sessionHeaders, type TestTenant } from '../helpers';
import { loyalty, ok, order, purchaseRule, setUp } from '../loyalty/helpers';
import { DAY, order as orderRollupsOnly } from './helpers';

const recompute = (tenant: TestTenant) => ok(call('/v1/metrics/recompute', { method: 'POST', key: tenant.secretKey, json: {} }));
const metrics = (tenant: TestTenant, period: string) =>
  ok<MetricsSnapshot>(call(`/v1/metrics?period=${period}`, { key: tenant.secretKey }));

describe('loyalty points in the metrics snapshots', { timeout: 30_000 }, () => {
  it('sums points issued, redeemed, expired, reversed and adjusted per period, and the liability, from ledger rollups', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    await setUp(key, { expiryPolicy: 'lot', expiryMonths: 2 }, [purchaseRule]);
    const adjust = (customer: string, points: number) =>
      ok(
        loyalty(key, '/adjustments', { json: { customer: { externalId: customer }, points, reason: 'goodwill', actor: 'test' } }),
        201,
      );

    // $1 = 1 point. o1 is 70 days old, so its lot (2-month expiry) is past its date when the jobs run.
    await ok(order(key, 'o1', 'c1', 10_000, { occurredAt: new Date(Date.now() - 70 * DAY).toISOString() }), 201); // c1 +100
    await ok(order(key, 'o2', 'c1', 5_000), 201); // c1 +50
    await ok(order(key, 'o2', 'c1', 5_000), 200); // a retry books nothing
    await ok(order(key, 'o3', 'c2', 20_000), 201); // c2 +200
    await ok(loyalty(key, '/orders/o3/refunds', { json: { id: 'r1', amount: 5_000 } }), 201); // c2 −50 (a quarter of 200)
    const reward = await ok<{ id: string }>(loyalty(key, '/rewards', { json: { name: 'Mug', kind: 'gift', cost: 30 } }), 201);
    const redeem = () =>
      ok<{ id: string }>(loyalty(key, '/redemptions', { json: { customer: { externalId: 'c2' }, rewardId: reward.id } }), 201);
    await redeem(); // c2 −30
    const cancelled = await redeem(); // c2 −30 …
    await ok(loyalty(key, `/redemptions/${cancelled.id}/cancel`, { json: {} })); // … +30 back
    await adjust('c1', 7); // c1 +7
    await adjust('c1', -2); // c1 −2, from o1's lot (oldest first): 98 left in it
    await runLoyaltyJobs(database(env.DB), Date.now(), webhookNotifier(database(env.DB), env)); // o1's lot: 98 expire

    // Pending points: from now on purchases wait 14 days.
    await setUp(key, { pendingDays: 14 });
    await ok(order(key, 'o4', 'c2', 1_000), 201); // c2 +10 pending

    await recompute(tenant);
    // available: c1 100 + 50 + 7 − 2 − 98 = 57, c2 200 − 50 − 30 = 120; pending: 10. Value: 187 × $0.01.
    const expected = {
      issued: 360,
      redeemed: 30,
      expired: 98,
      reversed: 50,
      adjusted: 5,
      liability: { available: 177, pending: 10, currency: 'USD', pointValue: 0.01, value: 1.87 },
    };
    expect((await metrics(tenant, '30d')).points).toEqual(expected);
    expect((await metrics(tenant, '7d')).points).toEqual(expected);
    const trend = await ok<{ months: Array<{ month: string; snapshot: MetricsSnapshot | null }> }>(
      call('/v1/metrics/trend?months=4', { key }),
    );
    // The ledger dates entries when they are booked: all of them this month, none in o1's month.
    expect(trend.months.at(-1)!.snapshot!.points).toEqual(expected);
    const o1Month = trend.months.find((month) => month.month === new Date(Date.now() - 70 * DAY).toISOString().slice(0, 7));
    expect(o1Month?.snapshot).toMatchObject({ orders: { orders: 1 }, points: null });
    // The incremental liability agrees with the live one computed from the balances.
    expect(await ok(loyalty(key, '/liability'))).toEqual({
      currency: 'USD',
      pointValue: 0.01,
      available: 177,
      pending: 10,
      value: 1.87,
    });
  });

  it('reports loyalty participation: members ÷ customers, active members and members’ share of revenue', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    await ok(order(key, 'o1', 'm1', 3_000), 201); // members m1 and m2 (orders enrol)
    await ok(order(key, 'o2', 'm2', 1_000), 201);
    const guest = await ok<{ id: string }>(call('/v1/customers', { method: 'POST', key, json: { externalId: 'guest' } }), 201);
    await orderRollupsOnly(tenant.tenantId, guest.id, 1_000, Date.now()); // revenue of a customer outside the programme
    // m2 was last active 100 days ago: past the default 90-day churn window.
    await env.DB.prepare(
      "UPDATE loyalty_members SET last_activity_at = ? WHERE tenant_id = ? AND customer_id = (SELECT id FROM customers WHERE tenant_id = ? AND external_id = 'm2')",
    )
      .bind(Date.now() - 100 * DAY, tenant.tenantId, tenant.tenantId)
      .run();

    await recompute(tenant);
    const customers = await ok<{ loyalty: unknown }>(call('/v1/customers/key', { key }));
    // 2 members of 3 customers; members ordered 4,000 of 5,000.
    expect(customers.loyalty).toEqual({ members: 2, activeMembers: 1, participation: 2 / 3, membersRevenueShare: 0.8 });
  });

  it('has no points block for a tenant that never booked points', async () => {
    const tenant = await newTenant();
    await ok(order(tenant.secretKey, 'o1', 'c1', 1_000), 201); // no purchase rule: the order earns nothing
    await recompute(tenant);
    const snapshot = await metrics(tenant, '30d');
    expect(snapshot.orders?.orders).toBe(1);
    expect(snapshot.points).toBeNull();
  });
});

/** Noon UTC on the 15th, `monthsAgo` months before the current month (the tenant's zone is UTC). */
function inMonth(monthsAgo: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 15, 12)).toISOString();
}
const monthLabel = (monthsAgo: number) => inMonth(monthsAgo).slice(0, 7);

describe('GET /v1/metrics/cohorts', { timeout: 30_000 }, () => {
  it('groups customers by month of first order and shows who ordered again in each following month', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    const place = async (id: string, customer: string, monthsAgo: number, status = 201) =>
      ok(order(key, id, customer, 1_000, monthsAgo === 0 ? {} : { occurredAt: inMonth(monthsAgo) }), status);

    const empty = await ok<CohortsSnapshot>(call('/v1/metrics/cohorts', { key }));
    expect(empty).toEqual({ asOf: null, cohorts: [] });

    await place('a1', 'A', 3);
    await place('a2', 'A', 2);
    await place('a2', 'A', 2, 200); // retried: counted once
    await place('a3', 'A', 0);
    await place('b1', 'B', 3);
    await place('c1', 'C', 2);
    await place('c2', 'C', 1);
    await place('c3', 'C', 1); // a second order in the same month: still one customer that month
    await place('d1', 'D', 0);
    // A late import: C's real first order was 4 months ago, which moves C to that cohort.
    await place('c0', 'C', 4);
    await recompute(tenant);

    const cohorts = await ok<CohortsSnapshot>(call('/v1/metrics/cohorts?months=5', { key }));
    /** The following months of the cohort `cohortAgo` months back: [customers, share] each. */
    const shifted = (cohortAgo: number, cells: Array<[number, number | null]>) =>
      cells.map(([customers, share], i) => ({
        offset: i + 1,
        month: monthLabel(cohortAgo - i - 1),
        customers,
        share,
        complete: cohortAgo - i - 1 > 0,
      }));
    expect(cohorts.cohorts).toEqual([
      // C: ordered 4, 2 and 1 months ago.
      {
        cohort: monthLabel(4),
        size: 1,
        months: shifted(4, [
          [0, 0],
          [1, 1],
          [1, 1],
          [0, 0],
        ]),
      },
      // A and B: A again 2 months ago and this month.
      {
        cohort: monthLabel(3),
        size: 2,
        months: shifted(3, [
          [1, 0.5],
          [0, 0],
          [1, 0.5],
        ]),
      },
      // C left this cohort for the earlier one.
      {
        cohort: monthLabel(2),
        size: 0,
        months: shifted(2, [
          [0, null],
          [0, null],
        ]),
      },
      { cohort: monthLabel(1), size: 0, months: shifted(1, [[0, null]]) },
      { cohort: monthLabel(0), size: 1, months: [] },
    ]);
    expect(cohorts.asOf).toBe(new Date().toISOString().slice(0, 10));

    const mirror = await ok<CohortsSnapshot>(call('/api/metrics/cohorts?months=5', { headers: sessionHeaders(tenant) }));
    expect(mirror).toEqual(cohorts);
    expect((await ok<CohortsSnapshot>(call('/v1/metrics/cohorts', { key }))).cohorts).toHaveLength(12);
  });
});
