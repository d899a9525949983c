import { z } from 'zod';
import { Email, ExternalId, Timestamp } from '../shared/schemas';

export const ROUNDINGS = ['floor', 'round', 'ceil'] as const;
export type Rounding = (typeof ROUNDINGS)[number];
export const EXPIRY_POLICIES = ['none', 'lot', 'inactivity'] as const;
export type ExpiryPolicy = (typeof EXPIRY_POLICIES)[number];
export const NEGATIVE_BALANCE_POLICIES = ['never', 'allowed'] as const;
export type NegativeBalancePolicy = (typeof NEGATIVE_BALANCE_POLICIES)[number];
export const TIER_METRICS = ['points', 'spend'] as const;
export type TierMetric = (typeof TIER_METRICS)[number];
export type LotStatus = 'pending' | 'available';
export const ENTRY_KINDS = ['earn', 'activate', 'redeem', 'cancel', 'refund', 'expire', 'adjust'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const REWARD_KINDS = ['fixed_discount', 'percent_discount', 'free_shipping', 'gift'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];
export type RedemptionStatus = 'issued' | 'cancelled';
/** What an accepted event or order earned: points now, points later, or nothing (cap reached / no paying rule). */
export type EarnStatus = 'available' | 'pending' | 'capped' | 'ineligible';

const Points = z.number().int().min(0).max(100_000_000);
/** Money in minor units of the currency (cents for USD, yen for JPY). */
const MinorAmount = z.number().int().min(0).max(1_000_000_000_000);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "USD"');

/** Identifies a customer by externalId (preferred) or email; unknown customers are created. */
export const CustomerKey = z
  .strictObject({ externalId: ExternalId.optional(), email: Email.optional() })
  .refine((ref) => ref.externalId !== undefined || ref.email !== undefined, 'externalId or email is required');
export type CustomerKey = z.infer<typeof CustomerKey>;

export const Settings = z.strictObject({
  currency: Currency,
  earnRate: z.number().min(0).max(10_000),
  rounding: z.enum(ROUNDINGS),
  excludeShipping: z.boolean(),
  excludeTax: z.boolean(),
  pointValue: z.number().min(0).max(10_000),
  pendingDays: z.number().int().min(0).max(365),
  expiryPolicy: z.enum(EXPIRY_POLICIES),
  expiryMonths: z.number().int().min(1).max(120),
  negativeBalance: z.enum(NEGATIVE_BALANCE_POLICIES),
  tierMetric: z.enum(TIER_METRICS),
  tierWindowDays: z.number().int().min(1).max(3650),
  tierPeriodDays: z.number().int().min(1).max(3650),
});
export type Settings = z.infer<typeof Settings>;
export const UpdateSettings = Settings.partial().refine((patch) => Object.keys(patch).length > 0, 'nothing to update');

export const BUILT_IN_EVENTS = ['purchase', 'review', 'referral', 'survey_answered', 'birthday', 'signup'] as const;
export const EventType = z.union([
  z.enum(BUILT_IN_EVENTS),
  z.string().regex(/^custom:[a-z0-9_]{1,48}$/, 'custom event types look like "custom:newsletter_signup"'),
]);
export type EventType = z.infer<typeof EventType>;

const RuleFields = z.strictObject({
  eventType: EventType,
  name: z.string().trim().min(1).max(200),
  points: Points.default(0),
  rate: z.number().min(0).max(10_000).nullable().default(null),
  refereePoints: Points.nullable().default(null),
  applyTierMultiplier: z.boolean().default(true),
  minOrderAmount: MinorAmount.nullable().default(null),
  capPerDay: z.number().int().min(1).max(10_000).nullable().default(null),
  capPerMonth: z.number().int().min(1).max(100_000).nullable().default(null),
  startsAt: Timestamp.nullable().default(null),
  endsAt: Timestamp.nullable().default(null),
  active: z.boolean().default(true),
});
export const CreateRule = RuleFields;
export const UpdateRule = z
  .strictObject(RuleFields.omit({ eventType: true }).shape)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to update');
export const Rule = z.object({
  id: z.string(),
  eventType: z.string(),
  name: z.string(),
  points: z.number().int(),
  rate: z.number().nullable(),
  refereePoints: z.number().int().nullable(),
  applyTierMultiplier: z.boolean(),
  minOrderAmount: z.number().int().nullable(),
  capPerDay: z.number().int().nullable(),
  capPerMonth: z.number().int().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const TierFields = z.strictObject({
  name: z.string().trim().min(1).max(100),
  threshold: z.number().int().min(0).max(1_000_000_000_000),
  multiplierPercent: z.number().int().min(100).max(1000).default(100),
});
export const CreateTier = TierFields;
export const UpdateTier = TierFields.partial().refine((patch) => Object.keys(patch).length > 0, 'nothing to update');
export const Tier = z.object({
  id: z.string(),
  name: z.string(),
  threshold: z.number().int(),
  multiplierPercent: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const RewardFields = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(REWARD_KINDS),
  value: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  cost: z.number().int().min(1).max(100_000_000),
  stock: z.number().int().min(0).max(100_000_000).nullable().default(null),
  perCustomerLimit: z.number().int().min(1).max(10_000).nullable().default(null),
  active: z.boolean().default(true),
});
export const CreateReward = RewardFields;
export const UpdateReward = RewardFields.partial().refine((patch) => Object.keys(patch).length > 0, 'nothing to update');
export const Reward = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(REWARD_KINDS),
  value: z.number().int().nullable(),
  cost: z.number().int(),
  stock: z.number().int().nullable(),
  perCustomerLimit: z.number().int().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const LoyaltyEvent = z.strictObject({
  /** The caller's id for this event; the same id never earns twice. */
  id: ExternalId,
  type: EventType,
  customer: CustomerKey,
  amount: MinorAmount.optional(),
  currency: Currency.optional(),
  orderId: ExternalId.optional(),
  occurredAt: Timestamp.optional(),
});
export type LoyaltyEvent = z.infer<typeof LoyaltyEvent>;

export const Order = z.strictObject({
  id: ExternalId,
  customer: CustomerKey,
  currency: Currency,
  /** Everything the customer paid, in minor units. */
  total: MinorAmount,
  shipping: MinorAmount.default(0),
  tax: MinorAmount.default(0),
  occurredAt: Timestamp.optional(),
});
export type Order = z.infer<typeof Order>;

export const Refund = z.strictObject({
  /** The caller's refund id; the same refund id is booked once. */
  id: ExternalId,
  amount: MinorAmount.refine((amount) => amount > 0, 'must be positive'),
});

export const Adjustment = z.strictObject({
  customer: CustomerKey,
  points: z.number().int().min(-100_000_000).max(100_000_000).refine((points) => points !== 0, 'must not be zero'),
  reason: z.string().trim().min(3).max(500),
  actor: z.string().trim().min(1).max(200),
});

export const CreateRedemption = z.strictObject({
  customer: CustomerKey,
  rewardId: z.string().min(1).max(64),
});

export const Entry = z.object({
  id: z.string(),
  kind: z.enum(ENTRY_KINDS),
  availableDelta: z.number().int(),
  pendingDelta: z.number().int(),
  reason: z.string(),
  source: z.string(),
  actor: z.string(),
  createdAt: z.string(),
});

export const Earned = z.object({
  customerId: z.string(),
  points: z.number().int(),
  status: z.enum(['available', 'pending', 'capped', 'ineligible']),
});

export const OrderResult = z.object({
  orderId: z.string(),
  customerId: z.string(),
  eligibleAmount: z.number().int(),
  points: z.number().int(),
  status: z.enum(['available', 'pending', 'ineligible']),
});

export const RefundResult = z.object({
  orderId: z.string(),
  refunded: z.number().int(),
  pointsReversed: z.number().int(),
  fromPending: z.number().int(),
  fromAvailable: z.number().int(),
  /** Points the customer had already spent and the negative-balance policy forgave. */
  forgiven: z.number().int(),
});

export const TierProgress = z.object({
  current: z.object({ id: z.string(), name: z.string(), multiplierPercent: z.number().int() }).nullable(),
  next: z.object({ id: z.string(), name: z.string(), threshold: z.number().int() }).nullable(),
  qualifying: z.number().int(),
  remaining: z.number().int().nullable(),
});

export const Member = z.object({
  customerId: z.string(),
  available: z.number().int(),
  pending: z.number().int(),
  expiringSoon: z.number().int(),
  lifetimeEarned: z.number().int(),
  referralCode: z.string().nullable(),
  tier: TierProgress,
});

export const Redemption = z.object({
  id: z.string(),
  customerId: z.string(),
  rewardId: z.string(),
  code: z.string(),
  cost: z.number().int(),
  status: z.enum(['issued', 'cancelled']),
  createdAt: z.string(),
});

export const Liability = z.object({
  currency: z.string(),
  pointValue: z.number(),
  available: z.number().int(),
  pending: z.number().int(),
  /** (available + pending) × point value, in whole currency units. */
  value: z.number(),
});

export const CreateReferral = z.strictObject({
  /** The new customer (the referee). */
  customer: CustomerKey,
  /** The referrer's code, from their member view. */
  code: z.string().trim().toUpperCase().min(4).max(32),
});

export const Referral = z.object({
  referrerId: z.string(),
  refereeId: z.string(),
  createdAt: z.string(),
  rewardedAt: z.string().nullable(),
});
