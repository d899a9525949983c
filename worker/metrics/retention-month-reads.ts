import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { monthsEndingWith } from './days';
import { retentionMonths, type CustomerMonthCounts, type OrderMonthSums } from './retention-months';
import { RETENTION_MONTHS_KEPT, type MetricSettings, type RetentionMonths } from './schemas';
import { retentionWindowMonths } from './windows';

/**
 * One scan of the tenant's customer months, one row out per month: each customer's months in order
 * give their first and second order and the spans they count as active (see CustomerMonthCounts).
 * A span ends `windowMonths` (or 12) months after an order, or earlier at their next order month; it
 * lapses when it ends before the next order month (the customer is inactive from that month on).
 */
export function readCustomerMonthCounts(db: Database, tenantId: string, windowMonths: number) {
  return db.all<CustomerMonthCounts>(sql`
    WITH cm AS (
      SELECT month, orders, row_number() OVER w AS nth, sum(orders) OVER w AS cumulative,
        coalesce(lead(month) OVER w, '9999-12') AS next,
        strftime('%Y-%m', month || '-01', ${`+${windowMonths} months`}) AS expires
      FROM metric_customer_months WHERE tenant_id = ${tenantId}
      WINDOW w AS (PARTITION BY customer_id ORDER BY month)
    ), marks AS (
      SELECT month, 1 AS ordering, nth = 1 AS first, cumulative >= 2 AND cumulative - orders < 2 AS second,
        0 AS activeUntil, 0 AS lapsed, 0 AS yearUntil FROM cm
      UNION ALL SELECT min(expires, next), 0, 0, 0, 1, expires < next, 0 FROM cm
      UNION ALL SELECT min(strftime('%Y-%m', month || '-01', '+12 months'), next), 0, 0, 0, 0, 0, 1 FROM cm
    )
    SELECT month, sum(ordering) AS ordering, sum(first) AS first, sum(second) AS second,
      sum(activeUntil) AS activeUntil, sum(lapsed) AS lapsed, sum(yearUntil) AS yearUntil
    FROM marks GROUP BY month`);
}

/** Orders and net revenue per tenant-local month: at most one row per month of history. */
export function readOrderMonthSums(db: Database, tenantId: string) {
  return db.all<OrderMonthSums>(sql`
    SELECT substr(day, 1, 7) AS month, sum(orders) AS orders, sum(revenue) AS revenue
    FROM metric_orders_daily WHERE tenant_id = ${tenantId} GROUP BY 1`);
}

/** The last `RETENTION_MONTHS_KEPT` months up to `currentMonth`, from two reads whose size is bounded by months, not customers. */
export async function buildRetentionMonthsSnapshot(
  db: Database,
  tenantId: string,
  currentMonth: string,
  today: string,
  settings: MetricSettings,
): Promise<RetentionMonths> {
  const windowMonths = retentionWindowMonths(settings.churnDays);
  const grossMargin = settings.grossMargin ?? 1;
  const [customerMonths, orderMonths] = await Promise.all([
    readCustomerMonthCounts(db, tenantId, windowMonths),
    readOrderMonthSums(db, tenantId),
  ]);
  const months = retentionMonths({
    months: monthsEndingWith(currentMonth, RETENTION_MONTHS_KEPT),
    currentMonth,
    customerMonths,
    orderMonths,
    windowMonths,
    grossMargin,
  });
  return { asOf: today, windowMonths, grossMargin, months };
}
