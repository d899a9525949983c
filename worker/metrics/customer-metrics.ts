import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { toIso } from '../shared/time';
import { addDays } from './days';
import { customersOrderingSince, orderTotals } from './rollup-reads';
import { averageOrderValue, churnRate, lifetimeValue, purchaseFrequency, repeatPurchaseRate } from './retention';
import { RFM_SEGMENTS, rfmSegment, type RfmSegment } from './rfm';
import type { CustomersSnapshot } from './schemas';
import { ratio } from './stats';

const DAY_MS = 86_400_000;
const TOP_CUSTOMERS = 20;

export interface CustomerSettings {
  churnDays: number;
  grossMargin: number | null;
}

/**
 * RFM scores in SQL over the per-customer stats: cume_dist() (the share of customers with a value ≤
 * this one, so ties share a score) mapped to 1–5 exactly as `quintileScore` does: ceil(5·cd).
 */
const scored = (tenantId: string) => sql`
  WITH cd AS (
    SELECT customer_id, orders, revenue, last_order_at, last_score, last_score_kind,
      5 * cume_dist() OVER (ORDER BY last_order_at) - 1e-9 AS r,
      5 * cume_dist() OVER (ORDER BY orders) - 1e-9 AS f,
      5 * cume_dist() OVER (ORDER BY revenue) - 1e-9 AS m
    FROM metric_customers WHERE tenant_id = ${tenantId} AND orders > 0
  ), scored AS (
    SELECT *, max(1, min(5, CAST(r AS INTEGER) + (r > CAST(r AS INTEGER)))) AS recency,
      max(1, min(5, CAST(f AS INTEGER) + (f > CAST(f AS INTEGER)))) AS frequency,
      max(1, min(5, CAST(m AS INTEGER) + (m > CAST(m AS INTEGER)))) AS monetary
    FROM cd
  )`;

interface ScoredCustomer {
  customerId: string;
  orders: number;
  revenue: number;
  lastOrderAt: number | null;
  lastScore: number | null;
  lastScoreKind: string | null;
  recency: number;
  frequency: number;
  monetary: number;
}

/** RFM segment sizes and revenue and the top customers by revenue, from one pass of the scoring (the CTE is materialised once). */
export async function keyCustomers(db: Database, tenantId: string) {
  /** Group rows have no customer and sum the group's revenue; top-list rows have n = 0. */
  type Row = Omit<ScoredCustomer, 'customerId'> & { customerId: string | null; n: number };
  const rows = await db.all<Row>(sql`${scored(tenantId)}
    SELECT NULL AS customerId, NULL AS orders, sum(revenue) AS revenue, NULL AS lastOrderAt, NULL AS lastScore, NULL AS lastScoreKind,
      recency, frequency, monetary, count(*) AS n
    FROM scored GROUP BY recency, frequency, monetary
    UNION ALL
    SELECT * FROM (
      SELECT customer_id, orders, revenue, last_order_at, last_score, last_score_kind, recency, frequency, monetary, 0
      FROM scored ORDER BY revenue DESC, customer_id LIMIT ${TOP_CUSTOMERS}
    )`);
  const perSegment = () => Object.fromEntries(RFM_SEGMENTS.map((name) => [name, 0])) as Record<RfmSegment, number>;
  const segments = perSegment();
  const revenue = perSegment();
  for (const group of rows.filter((row) => row.customerId === null)) {
    const segment = rfmSegment(group.recency, group.frequency, group.monetary);
    segments[segment] += group.n;
    revenue[segment] += group.revenue;
  }
  const top = rows.flatMap(({ n: _group, customerId, ...customer }) =>
    customerId === null ? [] : [{ ...customer, customerId }],
  );
  return { segments, revenue, top };
}

/** Each segment's revenue and its share of `totalRevenue` (all customers with orders). */
const segmentRevenue = (revenue: Record<RfmSegment, number>, totalRevenue: number) =>
  Object.fromEntries(
    RFM_SEGMENTS.map((segment) => [segment, { revenue: revenue[segment], share: ratio(revenue[segment], totalRevenue) }]),
  ) as Record<RfmSegment, { revenue: number; share: number | null }>;

async function loyaltyParticipation(db: Database, tenantId: string, activeSince: number, totalRevenue: number) {
  const [row] = await db.all<{
    members: number;
    activeMembers: number | null;
    customers: number;
    membersRevenue: number | null;
  }>(sql`
    SELECT (SELECT count(*) FROM loyalty_members WHERE tenant_id = ${tenantId}) AS members,
      (SELECT count(*) FROM loyalty_members WHERE tenant_id = ${tenantId} AND last_activity_at >= ${activeSince}) AS activeMembers,
      (SELECT count(*) FROM customers WHERE tenant_id = ${tenantId} AND erased_at IS NULL) AS customers,
      (SELECT sum(mc.revenue) FROM metric_customers mc JOIN loyalty_members lm ON lm.tenant_id = mc.tenant_id AND lm.customer_id = mc.customer_id
        WHERE mc.tenant_id = ${tenantId}) AS membersRevenue`);
  return {
    members: row?.members ?? 0,
    activeMembers: row?.activeMembers ?? 0,
    participation: ratio(row?.members ?? 0, row?.customers ?? 0),
    membersRevenueShare: ratio(row?.membersRevenue ?? 0, totalRevenue),
  };
}

/** Churn, repeat rate, LTV, RFM segments, key customers and loyalty participation as of `now`. */
export async function buildCustomersSnapshot(
  db: Database,
  tenantId: string,
  now: number,
  today: string,
  settings: CustomerSettings,
): Promise<CustomersSnapshot> {
  const churnCutoff = now - settings.churnDays * DAY_MS;
  const [totals] = await db.all<{
    customers: number;
    repeatCustomers: number | null;
    churned: number | null;
    orders: number | null;
    revenue: number | null;
  }>(sql`
    SELECT count(*) AS customers, sum(orders >= 2) AS repeatCustomers, sum(last_order_at < ${churnCutoff}) AS churned,
      sum(orders) AS orders, sum(revenue) AS revenue
    FROM metric_customers WHERE tenant_id = ${tenantId} AND orders > 0`);
  const customers = totals?.customers ?? 0;
  const churned = totals?.churned ?? 0;
  const repeatCustomers = totals?.repeatCustomers ?? 0;
  const revenue = totals?.revenue ?? 0;
  const [lastYear, orderingLastYear, key, loyalty] = await Promise.all([
    orderTotals(db, tenantId, addDays(today, -364), today),
    customersOrderingSince(db, tenantId, [now - 365 * DAY_MS]).then(([n]) => n!),
    keyCustomers(db, tenantId),
    loyaltyParticipation(db, tenantId, churnCutoff, revenue),
  ]);
  const margin = settings.grossMargin ?? 1;
  const aov = averageOrderValue(revenue, totals?.orders ?? 0);
  const frequencyPerYear = purchaseFrequency(lastYear.orders, orderingLastYear);
  const churn = churnRate(churned, customers);
  return {
    asOf: today,
    customers,
    churnDays: settings.churnDays,
    churned,
    churnRate: churn,
    repeatCustomers,
    repeatPurchaseRate: repeatPurchaseRate(repeatCustomers, customers),
    averageOrderValue: aov,
    frequencyPerYear,
    grossMargin: margin,
    lifetimeValue: lifetimeValue({ averageOrderValue: aov, frequencyPerYear, churnRate: churn, grossMargin: margin }),
    segments: key.segments,
    segmentRevenue: segmentRevenue(key.revenue, revenue),
    top: key.top.map((customer) => ({
      ...customer,
      segment: rfmSegment(customer.recency, customer.frequency, customer.monetary),
      lifetimeValue: customer.revenue * margin,
      lastOrderAt: customer.lastOrderAt === null ? null : toIso(customer.lastOrderAt),
    })),
    loyalty,
  };
}
