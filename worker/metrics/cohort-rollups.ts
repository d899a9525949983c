import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { metricCohortCells, metricCustomerCohorts } from '../db/schema';
import { addMonths } from './days';
import type { Statement } from './rollups';

/**
 * Cohort cells for one order, to run in the order's batch BEFORE the customer-month upsert: they
 * read whether the customer already ordered in `month` and which cohort they were in until now.
 *
 * A customer's cohort is the month of their first order. An order dated before it (a late import)
 * moves the customer to the earlier cohort: every month they ordered in leaves the old cohort's
 * row and joins the new one. `latestMonth` bounds the months to look at (the current month).
 */
export function cohortRollups(
  db: Database,
  tenantId: string,
  order: { customerId: string; month: string; latestMonth: string },
): Statement[] {
  const { customerId, month } = order;
  const previousCohort = sql`(SELECT cohort FROM metric_customer_cohorts WHERE tenant_id = ${tenantId} AND customer_id = ${customerId})`;
  const addToCell = (select: SQL) =>
    db
      .insert(metricCohortCells)
      .select(select)
      .onConflictDoUpdate({
        target: [metricCohortCells.tenantId, metricCohortCells.cohort, metricCohortCells.month],
        set: { customers: sql.raw('metric_cohort_cells.customers + excluded.customers') },
      });
  return [
    // The customer's months are looked up one by one (primary key) over the months after `month`.
    addToCell(sql`SELECT ${tenantId}, moved.cohort, cm.month, moved.sign
      FROM (WITH RECURSIVE months(m) AS (
          SELECT ${addMonths(month, 1)} UNION ALL
          SELECT strftime('%Y-%m', m || '-01', '+1 month') FROM months WHERE m < ${addMonths(order.latestMonth, 1)}
        ) SELECT m FROM months) AS later
      JOIN metric_customer_months cm ON cm.tenant_id = ${tenantId} AND cm.month = later.m AND cm.customer_id = ${customerId}
      JOIN (SELECT ${previousCohort} AS cohort, -1 AS sign UNION ALL SELECT ${month}, 1) AS moved
      WHERE ${previousCohort} > ${month}`),
    addToCell(sql`SELECT ${tenantId}, min(coalesce(${previousCohort}, ${month}), ${month}), ${month}, 1
      WHERE NOT EXISTS (SELECT 1 FROM metric_customer_months WHERE tenant_id = ${tenantId} AND month = ${month} AND customer_id = ${customerId})`),
    db
      .insert(metricCustomerCohorts)
      .values({ tenantId, customerId, cohort: month })
      .onConflictDoUpdate({
        target: [metricCustomerCohorts.tenantId, metricCustomerCohorts.customerId],
        set: { cohort: sql.raw('min(metric_customer_cohorts.cohort, excluded.cohort)') },
      }),
  ];
}
