import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tenants } from './core';

/** Each ordering customer's cohort: the tenant-local month (YYYY-MM) of their first order, kept on the order path. */
export const metricCustomerCohorts = sqliteTable(
  'metric_customer_cohorts',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    customerId: text('customer_id').notNull(),
    cohort: text('cohort').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.customerId] })],
);

/**
 * Customers of a cohort who ordered in a month (cohort = month: the cohort's size), kept on the order
 * path so the retention table is a read of at most cohorts × months rows.
 */
export const metricCohortCells = sqliteTable(
  'metric_cohort_cells',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    cohort: text('cohort').notNull(),
    month: text('month').notNull(),
    customers: integer('customers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.cohort, t.month] })],
);
