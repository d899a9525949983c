import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { GoalMetric, GoalPeriod } from '../../metrics/schemas';
import { tenants } from './core';

/** Epoch milliseconds. */
const millis = (name: string) => integer(name);

/**
 * Additive answer counters of one day; the rollup tables share them so a period is a sum over days.
 * Bands are the survey's own (CSAT satisfied = promoters, see responses/scoring.ts).
 */
const scoreCounters = () => ({
  answered: integer('answered').notNull().default(0),
  promoters: integer('promoters').notNull().default(0),
  passives: integer('passives').notNull().default(0),
  detractors: integer('detractors').notNull().default(0),
  scoreSum: integer('score_sum').notNull().default(0),
  scoreSquares: integer('score_squares').notNull().default(0),
});

/**
 * Per tenant: `data_version` goes up in every batch that changes a rollup; rollup rows carry the
 * version that last changed them, so a recompute reads only rows newer than `computed_version`.
 */
export const metricState = sqliteTable('metric_state', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  dataVersion: integer('data_version').notNull(),
  computedVersion: integer('computed_version').notNull().default(0),
  /** Tenant-local day (YYYY-MM-DD) the rolling windows were last computed for. */
  computedDay: text('computed_day'),
  computedAt: millis('computed_at'),
});

/** Day = the tenant's local calendar day (YYYY-MM-DD) at write time. */
export const metricDaily = sqliteTable(
  'metric_daily',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    day: text('day').notNull(),
    surveyId: text('survey_id').notNull(),
    channel: text('channel').notNull(),
    ...scoreCounters(),
    displayed: integer('displayed').notNull().default(0),
    dismissed: integer('dismissed').notNull().default(0),
    sent: integer('sent').notNull().default(0),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.day, t.surveyId, t.channel] }),
    index('metric_daily_tenant_version_idx').on(t.tenantId, t.version),
  ],
);

/** Answer counters per day and value of a response or customer property (`device`, `locale`, `property.plan`, `customer.country`). */
export const metricSegmentDaily = sqliteTable(
  'metric_segment_daily',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    day: text('day').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    surveyId: text('survey_id').notNull(),
    ...scoreCounters(),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.day, t.dimension, t.value, t.surveyId] }),
    index('metric_segment_daily_tenant_version_idx').on(t.tenantId, t.version),
  ],
);

/** Per-customer purchase and answer stats, updated with each order and response. */
export const metricCustomers = sqliteTable(
  'metric_customers',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    customerId: text('customer_id').notNull(),
    orders: integer('orders').notNull().default(0),
    /** Minor units. */
    revenue: integer('revenue').notNull().default(0),
    firstOrderAt: millis('first_order_at'),
    lastOrderAt: millis('last_order_at'),
    lastScore: integer('last_score'),
    lastScoreKind: text('last_score_kind'),
    lastScoreAt: millis('last_score_at'),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customerId] }),
    index('metric_customers_tenant_version_idx').on(t.tenantId, t.version),
    index('metric_customers_tenant_last_order_idx').on(t.tenantId, t.lastOrderAt),
  ],
);

export const metricOrdersDaily = sqliteTable(
  'metric_orders_daily',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    day: text('day').notNull(),
    orders: integer('orders').notNull().default(0),
    revenue: integer('revenue').notNull().default(0),
    /** Customers whose first order this was. */
    newCustomers: integer('new_customers').notNull().default(0),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.day] }),
    index('metric_orders_daily_tenant_version_idx').on(t.tenantId, t.version),
  ],
);

/** Which customers ordered in which month (YYYY-MM): the base of month-by-month retention. */
export const metricCustomerMonths = sqliteTable(
  'metric_customer_months',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    month: text('month').notNull(),
    customerId: text('customer_id').notNull(),
    orders: integer('orders').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.month, t.customerId] })],
);

/**
 * What the API reads. `period` is `7d`/`30d`/`90d`/`365d` (rolling, ending today), `YYYY-MM`
 * (a calendar month) or `customers`; `segment` is `all`, `dimension:value` or `segments`.
 */
export const metricSnapshots = sqliteTable(
  'metric_snapshots',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    period: text('period').notNull(),
    segment: text('segment').notNull(),
    data: text('data').notNull(),
    /** The tenant's data version this snapshot was computed from. */
    version: integer('version').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.period, t.segment] })],
);

export const metricSettings = sqliteTable('metric_settings', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  churnDays: integer('churn_days').notNull(),
  /** 0–1; null = LTV on revenue. */
  grossMargin: real('gross_margin'),
  updatedAt: millis('updated_at').notNull(),
});

export const metricGoals = sqliteTable(
  'metric_goals',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    metric: text('metric').$type<GoalMetric>().notNull(),
    target: real('target').notNull(),
    period: text('period').$type<GoalPeriod>().notNull(),
    /** `dimension:value`, or null for the whole tenant. */
    segment: text('segment'),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [index('metric_goals_tenant_created_idx').on(t.tenantId, t.createdAt, t.id)],
);
