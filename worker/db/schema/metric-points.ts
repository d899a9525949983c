import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tenants } from './core';

/**
 * Loyalty ledger totals per tenant-local day, written in the same batch as the ledger entries, so
 * points issued/redeemed/expired of any period and the outstanding liability are sums over days.
 * All counts are points; "taken" columns are positive numbers.
 */
export const metricPointsDaily = sqliteTable(
  'metric_points_daily',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    day: text('day').notNull(),
    /** Credited by earning rules (purchases, events, referrals), pending or available. */
    issued: integer('issued').notNull().default(0),
    /** Spent on rewards, net of cancelled redemptions. */
    redeemed: integer('redeemed').notNull().default(0),
    expired: integer('expired').notNull().default(0),
    /** Taken back by order refunds. */
    reversed: integer('reversed').notNull().default(0),
    /** Manual corrections, net (may be negative). */
    adjusted: integer('adjusted').notNull().default(0),
    /** Net changes of the members' balances: their running sum is the outstanding liability. */
    availableDelta: integer('available_delta').notNull().default(0),
    pendingDelta: integer('pending_delta').notNull().default(0),
    version: integer('version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.day] }),
    index('metric_points_daily_tenant_version_idx').on(t.tenantId, t.version),
  ],
);
