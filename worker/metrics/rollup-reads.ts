import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { SurveyKind } from '../surveys/schemas';
import type { OrderTotals, PeriodRow } from './headline';

/**
 * Reads of the rollup tables for one tenant. Days are summed into buckets in SQL (months, or the
 * disjoint slices rolling windows are made of), so a whole recompute is a handful of queries whose
 * results are bounded by buckets × surveys × segment values, not by the number of answers or days.
 */

const SUMS = sql.raw(`sum(answered) AS answered, sum(promoters) AS promoters, sum(passives) AS passives,
  sum(detractors) AS detractors, sum(score_sum) AS scoreSum, sum(score_squares) AS scoreSquares`);

interface CounterRow {
  bucket: string;
  surveyId: string;
  answered: number;
  promoters: number;
  passives: number;
  detractors: number;
  scoreSum: number;
  scoreSquares: number;
}

const counts = (row: CounterRow) => ({
  answered: row.answered,
  promoters: row.promoters,
  passives: row.passives,
  detractors: row.detractors,
  scoreSum: row.scoreSum,
  scoreSquares: row.scoreSquares,
});

export type SurveyKinds = ReadonlyMap<string, SurveyKind>;
export type OrderSums = Omit<OrderTotals, 'orderingCustomers'>;

export async function surveyKinds(db: Database, tenantId: string): Promise<SurveyKinds> {
  const rows = await db.all<{ id: string; kind: SurveyKind }>(sql`SELECT id, kind FROM surveys WHERE tenant_id = ${tenantId}`);
  return new Map(rows.map((row) => [row.id, row.kind]));
}

/** Rollup sums per bucket: rows per survey and channel, rows per `dimension:value` segment, and order totals. */
export interface Buckets {
  daily: Map<string, PeriodRow[]>;
  segments: Map<string, Map<string, PeriodRow[]>>;
  orders: Map<string, OrderSums>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** `bucket` is an SQL expression over `day` (a month, or a slice index) evaluated for days in [from, to]. */
export async function readBuckets(
  db: Database,
  tenantId: string,
  kinds: SurveyKinds,
  bucket: SQL,
  from: string,
  to: string,
): Promise<Buckets> {
  const range = sql`tenant_id = ${tenantId} AND day BETWEEN ${from} AND ${to}`;
  const [daily, segments, orders] = await Promise.all([
    db.all<CounterRow & { channel: string; displayed: number; dismissed: number; sent: number }>(sql`
      SELECT ${bucket} AS bucket, survey_id AS surveyId, channel, ${SUMS}, sum(displayed) AS displayed, sum(dismissed) AS dismissed, sum(sent) AS sent
      FROM metric_daily WHERE ${range} GROUP BY 1, 2, 3`),
    db.all<CounterRow & { dimension: string; value: string }>(sql`
      SELECT ${bucket} AS bucket, dimension, value, survey_id AS surveyId, ${SUMS}
      FROM metric_segment_daily WHERE ${range} GROUP BY 1, 2, 3, 4 HAVING sum(answered) > 0`),
    db.all<OrderSums & { bucket: string }>(sql`
      SELECT ${bucket} AS bucket, sum(orders) AS orders, sum(revenue) AS revenue, sum(new_customers) AS newCustomers
      FROM metric_orders_daily WHERE ${range} GROUP BY 1`),
  ]);
  const result: Buckets = { daily: new Map(), segments: new Map(), orders: new Map() };
  for (const row of daily) {
    const kind = kinds.get(row.surveyId);
    if (!kind) continue;
    push(result.daily, String(row.bucket), {
      kind,
      surveyId: row.surveyId,
      channel: row.channel,
      counts: counts(row),
      displayed: row.displayed,
      dismissed: row.dismissed,
      sent: row.sent,
    });
  }
  for (const row of segments) {
    const kind = kinds.get(row.surveyId);
    if (!kind) continue;
    const bySegment = result.segments.get(String(row.bucket)) ?? new Map<string, PeriodRow[]>();
    result.segments.set(String(row.bucket), bySegment);
    push(bySegment, `${row.dimension}:${row.value}`, {
      kind,
      surveyId: row.surveyId,
      channel: null,
      counts: counts(row),
      displayed: 0,
      dismissed: 0,
      sent: 0,
    });
  }
  for (const row of orders)
    result.orders.set(String(row.bucket), { orders: row.orders, revenue: row.revenue, newCustomers: row.newCustomers });
  return result;
}

/** The rows, segments and orders of several buckets together (periods are sums of buckets). */
export function combineBuckets(buckets: Buckets, keys: readonly string[]) {
  const segments = new Map<string, PeriodRow[]>();
  const orders: OrderSums = { orders: 0, revenue: 0, newCustomers: 0 };
  for (const key of keys) {
    for (const [segment, rows] of buckets.segments.get(key) ?? []) for (const row of rows) push(segments, segment, row);
    const sums = buckets.orders.get(key);
    if (sums) {
      orders.orders += sums.orders;
      orders.revenue += sums.revenue;
      orders.newCustomers += sums.newCustomers;
    }
  }
  return { daily: keys.flatMap((key) => buckets.daily.get(key) ?? []), segments, orders };
}

/** For each instant in `since` (epoch ms), the customers whose last order is at or after it: those who ordered in a window ending now. */
export async function customersOrderingSince(db: Database, tenantId: string, since: readonly number[]): Promise<number[]> {
  const columns = sql.join(
    since.map((instant, i) => sql`coalesce(sum(last_order_at >= ${instant}), 0) AS ${sql.identifier(`n${i}`)}`),
    sql`, `,
  );
  const [row] = await db.all<Record<string, number>>(
    sql`SELECT ${columns} FROM metric_customers WHERE tenant_id = ${tenantId} AND last_order_at >= ${Math.min(...since)}`,
  );
  return since.map((_, i) => row?.[`n${i}`] ?? 0);
}

type MonthRange = readonly [first: string, last: string];

/** Distinct customers with an order in each month range [first, last], in one round trip. */
export async function customersOrderingInMonths(
  db: Database,
  tenantId: string,
  ranges: readonly MonthRange[],
): Promise<number[]> {
  if (ranges.length === 0) return [];
  const statement = db.$client.prepare(
    'SELECT count(DISTINCT customer_id) AS n FROM metric_customer_months WHERE tenant_id = ? AND month BETWEEN ? AND ?',
  );
  const results = await db.$client.batch<{ n: number }>(ranges.map(([first, last]) => statement.bind(tenantId, first, last)));
  return results.map((result) => result.results[0]?.n ?? 0);
}

export async function orderTotals(db: Database, tenantId: string, from: string, to: string): Promise<OrderSums> {
  const [row] = await db.all<{ orders: number | null; revenue: number | null; newCustomers: number | null }>(sql`
    SELECT sum(orders) AS orders, sum(revenue) AS revenue, sum(new_customers) AS newCustomers
    FROM metric_orders_daily WHERE tenant_id = ${tenantId} AND day BETWEEN ${from} AND ${to}`);
  return { orders: row?.orders ?? 0, revenue: row?.revenue ?? 0, newCustomers: row?.newCustomers ?? 0 };
}

/** Days whose rollups changed after `version`. */
export async function changedDays(db: Database, tenantId: string, version: number): Promise<string[]> {
  const rows = await db.all<{ day: string }>(sql`
    SELECT day FROM metric_daily WHERE tenant_id = ${tenantId} AND version > ${version}
    UNION SELECT day FROM metric_segment_daily WHERE tenant_id = ${tenantId} AND version > ${version}
    UNION SELECT day FROM metric_orders_daily WHERE tenant_id = ${tenantId} AND version > ${version}
    UNION SELECT day FROM metric_points_daily WHERE tenant_id = ${tenantId} AND version > ${version}`);
  return rows.map((row) => row.day);
}

export async function customersChangedSince(db: Database, tenantId: string, version: number): Promise<boolean> {
  const rows = await db.all(sql`SELECT 1 FROM metric_customers WHERE tenant_id = ${tenantId} AND version > ${version} LIMIT 1`);
  return rows.length > 0;
}
