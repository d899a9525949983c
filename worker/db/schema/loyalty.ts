import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { EarnStatus, EntryKind, ExpiryPolicy, LotStatus, NegativeBalancePolicy, RedemptionStatus, RewardKind, Rounding, TierMetric } from '../../loyalty/schemas';
import { customers, tenants } from './core';

/** Epoch milliseconds. */
const millis = (name: string) => integer(name);

/** One row per tenant; absent means the defaults in loyalty/settings.ts. */
export const loyaltySettings = sqliteTable('loyalty_settings', {
  tenantId: text('tenant_id').primaryKey().references(() => tenants.id),
  currency: text('currency').notNull(),
  /** Points per whole currency unit of the eligible amount. */
  earnRate: real('earn_rate').notNull(),
  rounding: text('rounding').$type<Rounding>().notNull(),
  excludeShipping: integer('exclude_shipping', { mode: 'boolean' }).notNull(),
  excludeTax: integer('exclude_tax', { mode: 'boolean' }).notNull(),
  /** Currency value of one point, in whole currency units (e.g. 0.01). */
  pointValue: real('point_value').notNull(),
  pendingDays: integer('pending_days').notNull(),
  expiryPolicy: text('expiry_policy').$type<ExpiryPolicy>().notNull(),
  expiryMonths: integer('expiry_months').notNull(),
  negativeBalance: text('negative_balance').$type<NegativeBalancePolicy>().notNull(),
  tierMetric: text('tier_metric').$type<TierMetric>().notNull(),
  tierWindowDays: integer('tier_window_days').notNull(),
  /** A member keeps a tier at least this long before a downgrade (by one level) is considered. */
  tierPeriodDays: integer('tier_period_days').notNull(),
  updatedAt: millis('updated_at').notNull(),
});

export const loyaltyRules = sqliteTable(
  'loyalty_rules',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    /** purchase | review | referral | survey_answered | birthday | signup | custom:<name> */
    eventType: text('event_type').notNull(),
    name: text('name').notNull(),
    /** Fixed points per event; for purchases, a bonus on top of rate × amount. */
    points: integer('points').notNull(),
    /** Purchases only: overrides the programme earn rate. */
    rate: real('rate'),
    /** Referrals only: points for the referee (points go to the referrer). */
    refereePoints: integer('referee_points'),
    applyTierMultiplier: integer('apply_tier_multiplier', { mode: 'boolean' }).notNull(),
    /** Minor units of the programme currency. */
    minOrderAmount: integer('min_order_amount'),
    capPerDay: integer('cap_per_day'),
    capPerMonth: integer('cap_per_month'),
    startsAt: millis('starts_at'),
    endsAt: millis('ends_at'),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('loyalty_rules_tenant_event_unique').on(t.tenantId, t.eventType),
    index('loyalty_rules_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
  ],
);

/**
 * How often a rule paid a customer in one period ("d:2026-11-23", "m:2026-11"). The cap is
 * copied onto the row so a CHECK can refuse the increment that exceeds it and abort the batch.
 */
export const loyaltyRuleUsage = sqliteTable(
  'loyalty_rule_usage',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    ruleId: text('rule_id').notNull(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    period: text('period').notNull(),
    count: integer('count').notNull(),
    cap: integer('cap').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.ruleId, t.customerId, t.period] }),
    check('loyalty_rule_usage_cap', sql`${t.count} <= ${t.cap}`),
  ],
);

export const loyaltyTiers = sqliteTable(
  'loyalty_tiers',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    name: text('name').notNull(),
    /** Qualifying points (or spend, minor units) over the rolling window. */
    threshold: integer('threshold').notNull(),
    /** Earn multiplier in percent (150 = 1.5×). */
    multiplierPercent: integer('multiplier_percent').notNull(),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('loyalty_tiers_tenant_threshold_unique').on(t.tenantId, t.threshold),
    check('loyalty_tiers_threshold', sql`${t.threshold} >= 0`),
  ],
);

/**
 * Balances read model, changed only in the same batch as the ledger entry that explains it.
 * `available` may go below zero only through a statement that sets `allow_negative` (refund
 * reversals under the "allowed" policy); every other debit sets it to 0, so the CHECK refuses it.
 */
export const loyaltyMembers = sqliteTable(
  'loyalty_members',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    available: integer('available').notNull(),
    pending: integer('pending').notNull(),
    lifetimeEarned: integer('lifetime_earned').notNull(),
    allowNegative: integer('allow_negative').notNull(),
    tierId: text('tier_id'),
    tierSince: millis('tier_since'),
    referralCode: text('referral_code').notNull(),
    lastActivityAt: millis('last_activity_at').notNull(),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customerId] }),
    uniqueIndex('loyalty_members_tenant_referral_unique').on(t.tenantId, t.referralCode),
    index('loyalty_members_tenant_activity_idx').on(t.tenantId, t.lastActivityAt),
    check('loyalty_members_available', sql`${t.available} >= 0 OR ${t.allowNegative} = 1`),
    check('loyalty_members_pending', sql`${t.pending} >= 0`),
  ],
);

/** Points earned together, spent oldest first; expiry and activation work per lot. */
export const loyaltyLots = sqliteTable(
  'loyalty_lots',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    status: text('status').$type<LotStatus>().notNull(),
    points: integer('points').notNull(),
    remaining: integer('remaining').notNull(),
    availableAt: millis('available_at').notNull(),
    expiresAt: millis('expires_at'),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [
    index('loyalty_lots_tenant_customer_idx').on(t.tenantId, t.customerId, t.status, t.createdAt),
    index('loyalty_lots_tenant_available_at_idx').on(t.tenantId, t.status, t.availableAt),
    index('loyalty_lots_tenant_expires_idx').on(t.tenantId, t.status, t.expiresAt),
    check('loyalty_lots_remaining', sql`${t.remaining} >= 0 AND ${t.remaining} <= ${t.points}`),
  ],
);

/**
 * The append-only ledger. `source` names what caused the entry (order, event, redemption, …) and
 * is unique per tenant, so the same cause can never be booked twice: the insert fails and the
 * whole batch with it. Sum of deltas per customer = the member's balances.
 */
export const loyaltyEntries = sqliteTable(
  'loyalty_entries',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    kind: text('kind').$type<EntryKind>().notNull(),
    availableDelta: integer('available_delta').notNull(),
    pendingDelta: integer('pending_delta').notNull(),
    reason: text('reason').notNull(),
    source: text('source').notNull(),
    actor: text('actor').notNull(),
    ruleId: text('rule_id'),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('loyalty_entries_tenant_source_unique').on(t.tenantId, t.source),
    index('loyalty_entries_tenant_customer_idx').on(t.tenantId, t.customerId, t.createdAt, t.id),
  ],
);

/**
 * Orders that earned points. `version` is an optimistic lock: a refund sets it with
 * CASE WHEN version = <read> … ELSE -1, so a concurrent refund makes the CHECK abort the batch.
 */
export const loyaltyOrders = sqliteTable(
  'loyalty_orders',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    orderId: text('order_id').notNull(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    currency: text('currency').notNull(),
    /** Minor units. */
    total: integer('total').notNull(),
    eligibleAmount: integer('eligible_amount').notNull(),
    refunded: integer('refunded').notNull(),
    pointsAwarded: integer('points_awarded').notNull(),
    pointsReversed: integer('points_reversed').notNull(),
    lotId: text('lot_id'),
    version: integer('version').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId] }),
    index('loyalty_orders_tenant_customer_idx').on(t.tenantId, t.customerId, t.createdAt),
    check('loyalty_orders_refunded', sql`${t.refunded} >= 0 AND ${t.refunded} <= ${t.total}`),
    check('loyalty_orders_reversed', sql`${t.pointsReversed} >= 0 AND ${t.pointsReversed} <= ${t.pointsAwarded}`),
    check('loyalty_orders_version', sql`${t.version} >= 0`),
  ],
);

/** Non-purchase events that were accepted, paid or not (capped), so a replayed event id is recognised. */
export const loyaltyEvents = sqliteTable(
  'loyalty_events',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    eventId: text('event_id').notNull(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    type: text('type').notNull(),
    points: integer('points').notNull(),
    outcome: text('outcome').$type<EarnStatus>().notNull(),
    occurredAt: millis('occurred_at').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.eventId] })],
);

export const loyaltyRewards = sqliteTable(
  'loyalty_rewards',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    name: text('name').notNull(),
    kind: text('kind').$type<RewardKind>().notNull(),
    /** Minor units for fixed discounts, percent for percent discounts; null otherwise. */
    value: integer('value'),
    cost: integer('cost').notNull(),
    /** Null = unlimited. */
    stock: integer('stock'),
    perCustomerLimit: integer('per_customer_limit'),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    index('loyalty_rewards_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    check('loyalty_rewards_cost', sql`${t.cost} > 0`),
    check('loyalty_rewards_stock', sql`${t.stock} IS NULL OR ${t.stock} >= 0`),
  ],
);

/** Redemptions per customer and reward still counting against the per-customer limit (CHECK as for caps). */
export const loyaltyRewardClaims = sqliteTable(
  'loyalty_reward_claims',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    rewardId: text('reward_id').notNull().references(() => loyaltyRewards.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    count: integer('count').notNull(),
    limit: integer('limit').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.rewardId, t.customerId] }),
    check('loyalty_reward_claims_limit', sql`${t.count} >= 0 AND ${t.count} <= ${t.limit}`),
  ],
);

export const loyaltyRedemptions = sqliteTable(
  'loyalty_redemptions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    rewardId: text('reward_id').notNull().references(() => loyaltyRewards.id),
    code: text('code').notNull(),
    cost: integer('cost').notNull(),
    status: text('status').$type<RedemptionStatus>().notNull(),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('loyalty_redemptions_tenant_code_unique').on(t.tenantId, t.code),
    index('loyalty_redemptions_tenant_customer_idx').on(t.tenantId, t.customerId, t.createdAt),
  ],
);

/** One referee can be referred once; `rewarded_at` is set by the referee's first paid order. */
export const loyaltyReferrals = sqliteTable(
  'loyalty_referrals',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    refereeId: text('referee_id').notNull().references(() => customers.id),
    referrerId: text('referrer_id').notNull().references(() => customers.id),
    createdAt: millis('created_at').notNull(),
    rewardedAt: millis('rewarded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.refereeId] }),
    index('loyalty_referrals_tenant_referrer_idx').on(t.tenantId, t.referrerId, t.createdAt),
    check('loyalty_referrals_not_self', sql`${t.refereeId} <> ${t.referrerId}`),
  ],
);

/** When a birthday was last changed, so a change within 30 days of the birthday pays nothing. */
export const loyaltyBirthdays = sqliteTable(
  'loyalty_birthdays',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    birthday: text('birthday').notNull(),
    changedAt: millis('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.customerId] })],
);

/**
 * The key a tenant's backend signs customer ids with for the widget's loyalty panel (member identity).
 * One per tenant; rotating replaces it, so hashes made with the old one stop working at once.
 */
export const loyaltyMemberSecrets = sqliteTable('loyalty_member_secrets', {
  tenantId: text('tenant_id').primaryKey().references(() => tenants.id),
  /** Sealed with DATA_ENCRYPTION_KEY (shared/secret-box.ts); never stored in the clear. */
  secret: text('secret').notNull(),
  createdAt: millis('created_at').notNull(),
});
