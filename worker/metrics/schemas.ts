import { z } from 'zod';
import { RFM_SEGMENTS } from './rfm';
import { TOPICS } from '../sentiment/types';

export const ROLLING_PERIODS = ['7d', '30d', '90d', '365d'] as const;
export const RollingPeriod = z.enum(ROLLING_PERIODS);
export type RollingPeriod = z.infer<typeof RollingPeriod>;

/** A rolling window ending today, or a calendar month. */
export const Period = z.union([
  RollingPeriod,
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a rolling period (7d, 30d, 90d, 365d) or a month YYYY-MM'),
]);

export const Segment = z
  .string()
  .max(200)
  .regex(
    /^[\w.\-]+:.+$/,
    'dimension:value, e.g. channel:widget, survey:srv_…, device:mobile, property.plan:pro, customer.country:DE',
  )
  .meta({ description: 'Restricts to one segment; omit for the whole account.' });

export const GOAL_METRICS = [
  'nps',
  'csat',
  'ces',
  'response_rate',
  'dismissal_rate',
  'average_order_value',
  'purchase_frequency',
  'retention_rate',
  'churn_rate',
  'repeat_purchase_rate',
  'lifetime_value',
] as const;
export const GoalMetric = z.enum(GOAL_METRICS);
export type GoalMetric = z.infer<typeof GoalMetric>;

export const GOAL_PERIODS = [...ROLLING_PERIODS, 'month'] as const;
export const GoalPeriod = z
  .enum(GOAL_PERIODS)
  .meta({ description: 'A rolling window ending today, or the current calendar month.' });
export type GoalPeriod = z.infer<typeof GoalPeriod>;

const IntervalView = z.object({ low: z.number(), high: z.number() });

export const NpsView = z.object({
  n: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  score: z.number().meta({ description: '−100…100' }),
  interval: IntervalView.meta({ description: 'Adjusted-Wald 95 % interval' }),
});
export const NpsChangeView = z.object({ delta: z.number(), z: z.number(), p: z.number(), significant: z.boolean() });
export const CsatView = z.object({
  n: z.number().int(),
  satisfied: z.number().int(),
  score: z.number(),
  interval: IntervalView.meta({ description: 'Wilson 95 %' }),
});
export const CesView = z.object({ n: z.number().int(), mean: z.number(), interval: IntervalView.nullable() });
export const RateView = z.object({ numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable() });

export const HeadlineValues = z.object({
  nps: z.number().nullable(),
  csat: z.number().nullable(),
  ces: z.number().nullable(),
  responseRate: z.number().nullable(),
  dismissalRate: z.number().nullable(),
  averageOrderValue: z.number().nullable(),
  purchaseFrequency: z.number().nullable(),
});
export type HeadlineValues = z.infer<typeof HeadlineValues>;

export const OrderStats = z.object({
  orders: z.number().int(),
  revenue: z.number().int().meta({ description: 'Minor units' }),
  averageOrderValue: z.number().nullable(),
  orderingCustomers: z.number().int().nullable().meta({ description: 'Rolling periods only' }),
  purchaseFrequency: z.number().nullable(),
  newCustomers: z.number().int(),
});

/** The customer sets behind a retention rate, for a month or for the window ending on a date. */
const RetentionSets = z.object({
  start: z
    .number()
    .int()
    .meta({ description: 'S: customers active at the start (an order in the window ending the month before)' }),
  end: z.number().int().meta({ description: 'E: customers active at the end (an order in the window ending with the month)' }),
  acquired: z.number().int().meta({ description: 'N: customers whose first order was in the month' }),
  retained: z.number().int().meta({ description: 'Customers active at both the start and the end: |S ∩ E|' }),
});
const retentionRate = z.number().nullable().meta({
  description: 'CRR = |S ∩ E| / S, 0–1: new and reactivated customers are not retained; null when S = 0',
});

export const Retention = RetentionSets.extend({
  rate: retentionRate,
  windowMonths: z
    .number()
    .int()
    .meta({ description: 'A customer counts as active with an order in this many months up to the date' }),
});

// Comment sentiment and topics (see metrics/comment-metrics.ts)

export const SentimentShare = z.object({
  positive: z.number().meta({ description: 'Share of analysed comments that read positive, 0–1' }),
  neutral: z.number().meta({ description: 'Share that read neutral, 0–1' }),
  negative: z.number().meta({ description: 'Share that read negative, 0–1' }),
  n: z.number().int().meta({ description: 'Comments analysed in the period (the shares’ denominator)' }),
});
export const TopicCount = z.object({
  topic: z.enum(TOPICS),
  count: z.number().int().meta({ description: 'Detractor comments about this topic' }),
});

// Loyalty points (see metrics/points.ts)

export const PointsStats = z.object({
  issued: z.number().int().meta({ description: 'Points credited by earning rules (purchases, events, referrals) in the period' }),
  redeemed: z.number().int().meta({ description: 'Points spent on rewards, net of cancelled redemptions' }),
  expired: z.number().int(),
  reversed: z.number().int().meta({ description: 'Points taken back by order refunds' }),
  adjusted: z.number().int().meta({ description: 'Manual corrections, net (may be negative)' }),
  liability: z
    .object({
      available: z.number().int(),
      pending: z.number().int(),
      currency: z.string(),
      pointValue: z.number().meta({ description: 'Currency units per point' }),
      value: z.number().meta({ description: '(available + pending) × point value, in whole currency units' }),
    })
    .meta({ description: 'Outstanding points at the end of the period (today for rolling periods), net of negative balances' }),
});
export type PointsStats = z.infer<typeof PointsStats>;

/** One period (and segment) as the recompute wrote it. Empty periods have null metrics, never 0. */
export const MetricsSnapshot = z.object({
  period: z.string(),
  segment: z.string(),
  from: z.string(),
  to: z.string(),
  nps: NpsView.nullable(),
  npsChange: NpsChangeView.nullable().meta({ description: 'Against the previous period of the same length' }),
  csat: CsatView.nullable(),
  ces: CesView.nullable(),
  responseRate: RateView,
  dismissalRate: RateView,
  orders: OrderStats.nullable().meta({ description: 'Whole account only' }),
  retention: Retention.nullable().meta({ description: 'Calendar months, whole account only' }),
  previous: HeadlineValues,
  points: PointsStats.nullable().meta({
    description: 'Loyalty points, whole account only; null when no points were booked up to the end of the period',
  }),
  sentiment: SentimentShare.nullable().meta({
    description: 'Tone of the period’s comments; null without comments, and for segments other than all, channel:… and survey:…',
  }),
  detractorTopics: z.array(TopicCount).meta({
    description: 'Topics of detractors’ comments, most mentioned first (a comment can have several); empty when none',
  }),
});
export type MetricsSnapshot = z.infer<typeof MetricsSnapshot>;

export const SegmentRowView = z.object({
  dimension: z.string(),
  value: z.string(),
  n: z.number().int(),
  tooSmall: z.boolean().meta({ description: 'n < 30: shown, but too small to steer by' }),
  nps: NpsView.nullable(),
  csat: CsatView.nullable(),
});
export const SegmentsSnapshot = z.object({ period: z.string(), nps: z.array(SegmentRowView), csat: z.array(SegmentRowView) });
export type SegmentsSnapshot = z.infer<typeof SegmentsSnapshot>;

export const KeyCustomer = z.object({
  customerId: z.string(),
  recency: z.number().int(),
  frequency: z.number().int(),
  monetary: z.number().int(),
  segment: z.enum(RFM_SEGMENTS),
  orders: z.number().int(),
  revenue: z.number().int(),
  lifetimeValue: z.number().nullable().meta({ description: 'Revenue to date × gross margin' }),
  lastOrderAt: z.string().nullable(),
  lastScore: z.number().int().nullable(),
  lastScoreKind: z.string().nullable(),
});

export const SegmentRevenue = z.object({
  revenue: z.number().int().meta({ description: 'Revenue to date of the segment’s customers, net of refunds, minor units' }),
  share: z.number().nullable().meta({ description: 'Of the revenue of all customers with orders (0–1); null when that is 0' }),
});

export const CustomersSnapshot = z.object({
  asOf: z.string(),
  customers: z.number().int().meta({ description: 'Customers with at least one order' }),
  churnDays: z.number().int(),
  churned: z.number().int(),
  churnRate: z.number().nullable(),
  repeatCustomers: z.number().int(),
  repeatPurchaseRate: z.number().nullable(),
  averageOrderValue: z.number().nullable(),
  frequencyPerYear: z.number().nullable(),
  grossMargin: z.number(),
  lifetimeValue: z.number().nullable(),
  segments: z.record(z.enum(RFM_SEGMENTS), z.number().int()),
  segmentRevenue: z
    .record(z.enum(RFM_SEGMENTS), SegmentRevenue)
    .optional()
    .meta({ description: 'Absent only in snapshots written before it existed; the next recompute adds it' }),
  top: z.array(KeyCustomer),
  loyalty: z.object({
    members: z.number().int(),
    activeMembers: z.number().int(),
    participation: z.number().nullable().meta({ description: 'Members ÷ customers' }),
    membersRevenueShare: z.number().nullable(),
  }),
});
export type CustomersSnapshot = z.infer<typeof CustomersSnapshot>;

export const MetricsQuery = z.object({ period: Period.default('30d'), segment: Segment.optional() });
export const TrendQuery = z.object({ months: z.coerce.number().int().min(1).max(36).default(13), segment: Segment.optional() });
export const SegmentsQuery = z.object({ period: RollingPeriod.default('30d') });

export const Trend = z.object({
  segment: z.string(),
  months: z.array(
    z.object({ month: z.string(), snapshot: MetricsSnapshot.nullable().meta({ description: 'Null: no data that month' }) }),
  ),
});

export const MetricSettings = z.strictObject({
  churnDays: z.number().int().min(7).max(3650),
  grossMargin: z.number().gt(0).max(1).nullable(),
});
export type MetricSettings = z.infer<typeof MetricSettings>;

export const CreateGoal = z.strictObject({
  metric: GoalMetric,
  target: z.number().finite(),
  period: GoalPeriod,
  segment: Segment.optional(),
});
export const UpdateGoal = z.strictObject({
  target: z.number().finite().optional(),
  period: GoalPeriod.optional(),
  segment: Segment.nullable().optional(),
});

export const Goal = z.object({
  id: z.string(),
  metric: GoalMetric,
  target: z.number(),
  period: GoalPeriod,
  segment: z.string().nullable(),
  current: z.number().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable().meta({ description: 'Current minus the previous period' }),
  onTrack: z.boolean().nullable().meta({ description: 'Null while there is no current value' }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// Cohort retention

export const COHORT_FOLLOW_UP_MONTHS = 12;
/** Cohort months kept in the snapshot; the API returns the latest `months` of them. */
export const COHORT_MONTHS = 24;

export const CohortCell = z.object({
  offset: z
    .number()
    .int()
    .min(1)
    .max(COHORT_FOLLOW_UP_MONTHS)
    .meta({ description: 'Months after the cohort month: 1 = the next month' }),
  month: z.string().meta({ description: 'YYYY-MM' }),
  customers: z.number().int().meta({ description: 'Customers of the cohort with at least one order in that month' }),
  share: z.number().nullable().meta({ description: 'customers ÷ cohort size (0–1); null when the cohort is empty' }),
  complete: z.boolean().meta({ description: 'False for the current month, which is still running' }),
});

export const Cohort = z.object({
  cohort: z.string().meta({ description: 'YYYY-MM: the month of these customers’ first order (tenant time zone)' }),
  size: z.number().int().meta({ description: 'Customers whose first order was in that month' }),
  months: z.array(CohortCell).meta({
    description: `The following months, oldest first, up to ${COHORT_FOLLOW_UP_MONTHS}; months that have not begun yet are absent`,
  }),
});

export const CohortsSnapshot = z.object({
  asOf: z.string().nullable().meta({ description: 'Tenant-local day of the recompute that wrote this; null before the first' }),
  cohorts: z
    .array(Cohort)
    .meta({ description: 'One per month, oldest first, ending with the current month; empty months have size 0' }),
});
export type CohortsSnapshot = z.infer<typeof CohortsSnapshot>;

export const CohortsQuery = z.object({
  months: z.coerce
    .number()
    .int()
    .min(1)
    .max(COHORT_MONTHS)
    .default(12)
    .meta({ description: 'How many cohorts (months), ending with the current one' }),
});

// Retention by month (see metrics/retention-months.ts)

/** Months kept in the snapshot; the API returns the latest `months` of them. */
export const RETENTION_MONTHS_KEPT = 36;

export const RetentionMonth = RetentionSets.extend({
  month: z.string().meta({ description: 'YYYY-MM, tenant time zone' }),
  complete: z.boolean().meta({ description: 'False for the current month: its figures are as of the recompute' }),
  customers: z.number().int().meta({ description: 'Customers with an order up to the month’s end' }),
  retentionRate,
  churned: z
    .number()
    .int()
    .meta({ description: 'Customers with an order up to the month’s end but none in the window ending with it' }),
  churnRate: z.number().nullable().meta({ description: 'churned ÷ customers' }),
  repeatCustomers: z.number().int().meta({ description: 'Customers with two or more orders up to the month’s end' }),
  repeatPurchaseRate: z.number().nullable().meta({ description: 'repeatCustomers ÷ customers' }),
  orders: z.number().int().meta({ description: 'Orders in the month' }),
  revenue: z.number().int().meta({ description: 'Revenue of the month’s orders, net of refunds, minor units' }),
  orderingCustomers: z.number().int().meta({ description: 'Distinct customers with an order in the month' }),
  purchaseFrequency: z.number().nullable().meta({ description: 'orders ÷ orderingCustomers' }),
  averageOrderValue: z.number().nullable().meta({ description: 'revenue ÷ orders, minor units' }),
  lifetimeValue: z
    .object({
      averageOrderValue: z.number().nullable().meta({ description: 'Revenue ÷ orders up to the month’s end' }),
      frequencyPerYear: z
        .number()
        .nullable()
        .meta({ description: 'Orders ÷ ordering customers in the 12 months ending with the month' }),
      value: z.number().nullable().meta({ description: 'AOV × frequency × 1 / churnRate × gross margin; null when churn is 0' }),
    })
    .meta({ description: 'LTV as of the month’s end, by the same formula as the current LTV of /customers/key' }),
});
export type RetentionMonth = z.infer<typeof RetentionMonth>;

export const RetentionMonths = z.object({
  asOf: z.string().nullable().meta({ description: 'Tenant-local day of the recompute that wrote this; null before the first' }),
  windowMonths: z.number().int().nullable().meta({
    description: 'A customer is active at a month’s end with an order in its last windowMonths months (churn days ÷ 30)',
  }),
  grossMargin: z.number().nullable().meta({ description: 'Margin LTV was computed with; 1 = revenue LTV' }),
  months: z.array(RetentionMonth).meta({ description: 'Oldest first, ending with the current month' }),
});
export type RetentionMonths = z.infer<typeof RetentionMonths>;

export const RetentionMonthsQuery = z.object({
  months: z.coerce
    .number()
    .int()
    .min(1)
    .max(RETENTION_MONTHS_KEPT)
    .default(12)
    .meta({ description: 'How many months, ending with the current one' }),
});
