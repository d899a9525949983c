import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { loyaltyEvents, loyaltyLots, loyaltyOrders, loyaltyRuleUsage } from '../db/schema';
import { unprocessable } from '../http/problem';
import { DAY_MS } from '../shared/time';
import { orderRollups } from '../metrics/rollups';
import { creditStatements, runBatch, violatedConstraint, type Statement } from './ledger';
import { ensureMember, type EnsuredMember } from './members';
import { capPeriods, currencyExponent, eligibleAmount, lotExpiry, multiplied, purchasePoints } from './points';
import { findPayingRule, payingRule, ruleForEvent, type RuleRow } from './rules';
import type { EarnStatus, LoyaltyEvent, Order, Settings } from './schemas';
import { getSettings, settingsOf, settingsQueries } from './settings';
import { multiplierOf, tierMultiplierQuery } from './tiers';

export const SYSTEM_ACTOR = 'system';
/** Clocks differ; an occurredAt this far ahead is still accepted as "now". */
const CLOCK_SKEW_MS = 5 * 60_000;

export function occurredAtOf(iso: string | undefined, now: number): number {
  if (iso === undefined) return now;
  const at = Date.parse(iso);
  if (at > now + CLOCK_SKEW_MS) throw unprocessable('occurredAt is in the future.', [{ path: 'occurredAt', message: 'must not be in the future' }]);
  return Math.min(at, now);
}

/** Usage counters for the rule's caps; the CHECK on each refuses the award that exceeds a cap. */
export function capStatements(db: Database, tenantId: string, rule: RuleRow, customerId: string, at: number): Statement[] {
  const periods = capPeriods(at);
  const caps: Array<[string, number | null]> = [
    [periods.day, rule.capPerDay],
    [periods.month, rule.capPerMonth],
  ];
  return caps
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .map(([period, cap]) =>
      db
        .insert(loyaltyRuleUsage)
        .values({ tenantId, ruleId: rule.id, customerId, period, count: 1, cap })
        .onConflictDoUpdate({
          target: [loyaltyRuleUsage.tenantId, loyaltyRuleUsage.ruleId, loyaltyRuleUsage.customerId, loyaltyRuleUsage.period],
          set: { count: sql`${loyaltyRuleUsage.count} + 1`, cap },
        }),
    );
}

export interface EarnResult {
  customerId: string;
  points: number;
  status: EarnStatus;
}

const eventById = (db: Database, tenantId: string, eventId: string) =>
  db
    .select()
    .from(loyaltyEvents)
    .where(and(eq(loyaltyEvents.tenantId, tenantId), eq(loyaltyEvents.eventId, eventId)))
    .limit(1);

const earnResult = (row: typeof loyaltyEvents.$inferSelect): EarnResult => ({
  customerId: row.customerId,
  points: row.points,
  status: row.outcome,
});

async function storedEvent(db: Database, tenantId: string, eventId: string): Promise<EarnResult | null> {
  const [row] = await eventById(db, tenantId, eventId);
  return row ? earnResult(row) : null;
}

/** What pays an event: its rule (if one pays at `at`) and the programme settings. */
interface Terms {
  rule: RuleRow | null;
  settings: Settings;
}

/** Fixed-points events (everything but purchases). The event id is booked once, paid or not. */
export async function recordEvent(
  db: Database,
  tenantId: string,
  event: Omit<LoyaltyEvent, 'amount' | 'currency' | 'orderId'>,
): Promise<{ result: EarnResult; created: boolean; settings: Settings }> {
  const now = Date.now();
  const at = occurredAtOf(event.occurredAt, now);
  // One round trip for every read that does not depend on the member.
  const [[stored], [rule], [settings], [tenant]] = await db.batch([
    eventById(db, tenantId, event.id),
    ruleForEvent(db, tenantId, event.type),
    ...settingsQueries(db, tenantId),
  ]);
  const terms = { rule: payingRule(rule, at), settings: settingsOf(settings, tenant) };
  if (stored) return { result: earnResult(stored), created: false, settings: terms.settings };
  const member = await ensureMember(db, tenantId, event.customer, now);
  return { ...(await bookEvent(db, tenantId, member, event, at, now, terms)), settings: terms.settings };
}

/** As `recordEvent`, for a customer already known by id (whose member row exists). */
export async function recordEventFor(
  db: Database,
  tenantId: string,
  customerId: string,
  event: { id: string; type: string; occurredAt?: string | undefined },
  now = Date.now(),
): Promise<{ result: EarnResult; created: boolean }> {
  const at = occurredAtOf(event.occurredAt, now);
  const [[rule], [settings], [tenant], tier] = await db.batch([
    ruleForEvent(db, tenantId, event.type),
    ...settingsQueries(db, tenantId),
    tierMultiplierQuery(db, tenantId, customerId),
  ]);
  const member = { customerId, multiplierPercent: multiplierOf(tier) };
  return bookEvent(db, tenantId, member, event, at, now, { rule: payingRule(rule, at), settings: settingsOf(settings, tenant) });
}

async function bookEvent(
  db: Database,
  tenantId: string,
  { customerId, multiplierPercent }: EnsuredMember,
  event: { id: string; type: string },
  at: number,
  now: number,
  { rule, settings }: Terms,
): Promise<{ result: EarnResult; created: boolean }> {
  const points = rule ? multiplied(rule.points, ruleMultiplier(rule, multiplierPercent), settings.rounding) : 0;
  const eventRow = (outcome: EarnStatus, paid: number) =>
    db.insert(loyaltyEvents).values({ tenantId, eventId: event.id, customerId, type: event.type, points: paid, outcome, occurredAt: at, createdAt: now });
  const booked = (status: EarnStatus, paid: number) => ({ result: { customerId, points: paid, status }, created: true });

  try {
    if (!rule || points === 0) {
      await eventRow('ineligible', 0);
      return booked('ineligible', 0);
    }
    const credit = creditStatements(
      db,
      tenantId,
      {
        customerId,
        points,
        availableAt: at,
        expiresAt: lotExpiry(settings, at),
        earnedAt: at,
        earned: true,
        kind: 'earn',
        reason: `${event.type} (${rule.name})`,
        source: `event:${event.id}`,
        actor: SYSTEM_ACTOR,
        ruleId: rule.id,
      },
      now,
    );
    try {
      await runBatch(db, [eventRow('available', points), ...capStatements(db, tenantId, rule, customerId, at), ...credit.statements]);
      return booked('available', points);
    } catch (error) {
      if (violatedConstraint(error) !== 'loyalty_rule_usage_cap') throw error;
      await eventRow('capped', 0);
      return booked('capped', 0);
    }
  } catch (error) {
    const replay = violatedConstraint(error) === 'event_id' ? await storedEvent(db, tenantId, event.id) : null;
    if (replay) return { result: replay, created: false };
    throw error;
  }
}

/** The member's tier multiplier where the rule applies it, else 100 %. */
const ruleMultiplier = (rule: RuleRow, multiplierPercent: number): number => (rule.applyTierMultiplier ? multiplierPercent : 100);

export type OrderRow = typeof loyaltyOrders.$inferSelect;
export interface OrderResult {
  orderId: string;
  customerId: string;
  eligibleAmount: number;
  points: number;
  status: 'available' | 'pending' | 'ineligible';
}

const orderResult = (row: OrderRow, status: OrderResult['status']): OrderResult => ({
  orderId: row.orderId,
  customerId: row.customerId,
  eligibleAmount: row.eligibleAmount,
  points: row.pointsAwarded,
  status,
});

export async function findOrder(db: Database, tenantId: string, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(loyaltyOrders)
    .where(and(eq(loyaltyOrders.tenantId, tenantId), eq(loyaltyOrders.orderId, orderId)))
    .limit(1);
  return row;
}

async function storedOrder(db: Database, tenantId: string, orderId: string): Promise<OrderResult | null> {
  const row = await findOrder(db, tenantId, orderId);
  if (!row) return null;
  const status = row.pointsAwarded === 0 ? 'ineligible' : row.lotId && (await lotIsPending(db, tenantId, row.lotId)) ? 'pending' : 'available';
  return orderResult(row, status);
}

async function lotIsPending(db: Database, tenantId: string, lotId: string): Promise<boolean> {
  const [row] = await db
    .select({ status: loyaltyLots.status })
    .from(loyaltyLots)
    .where(and(eq(loyaltyLots.tenantId, tenantId), eq(loyaltyLots.id, lotId)))
    .limit(1);
  return row?.status === 'pending';
}

/**
 * A purchase earns rate × eligible amount × tier multiplier, pending for the returns window.
 * The order row's primary key (tenant, order id) makes an order earn once, whoever retries it.
 */
export async function recordOrder(db: Database, tenantId: string, order: Order): Promise<{ result: OrderResult; created: boolean }> {
  const stored = await storedOrder(db, tenantId, order.id);
  if (stored) return { result: stored, created: false };

  const now = Date.now();
  const at = occurredAtOf(order.occurredAt, now);
  const settings = await getSettings(db, tenantId);
  if (order.currency !== settings.currency) {
    throw unprocessable(`This programme counts ${settings.currency}; convert the order first.`, [
      { path: 'currency', message: `must be ${settings.currency}` },
    ]);
  }
  const eligible = eligibleAmount(order, { shipping: settings.excludeShipping, tax: settings.excludeTax });
  if (eligible < 0) throw unprocessable('shipping and tax exceed the total.', [{ path: 'total', message: 'must cover shipping and tax' }]);

  const { customerId, multiplierPercent } = await ensureMember(db, tenantId, order.customer, now);
  const rule = await findPayingRule(db, tenantId, 'purchase', at);
  const qualifies = rule !== null && (rule.minOrderAmount === null || eligible >= rule.minOrderAmount);
  const points = qualifies ? orderPoints(rule, ruleMultiplier(rule, multiplierPercent), settings, eligible) : 0;

  const orderRow = (awarded: number, lotId: string | null) =>
    db.insert(loyaltyOrders).values({
      tenantId,
      orderId: order.id,
      customerId,
      currency: order.currency,
      total: order.total,
      eligibleAmount: eligible,
      refunded: 0,
      pointsAwarded: awarded,
      pointsReversed: 0,
      lotId,
      version: 0,
      createdAt: at,
    });

  // Metrics count the order in the same batch as its row: a replayed order id aborts both.
  const rollups = await orderRollups(db, tenantId, { customerId, total: order.total, createdAt: at });
  let status: OrderResult['status'] = 'ineligible';
  try {
    if (!rule || points === 0) {
      await runBatch(db, [orderRow(0, null), ...rollups]);
    } else {
      const availableAt = at + settings.pendingDays * DAY_MS;
      const credit = creditStatements(
        db,
        tenantId,
        {
          customerId,
          points,
          availableAt,
          expiresAt: lotExpiry(settings, at),
          earnedAt: at,
          earned: true,
          kind: 'earn',
          reason: `purchase (order ${order.id})`,
          source: `order:${order.id}`,
          actor: SYSTEM_ACTOR,
          ruleId: rule.id,
        },
        now,
      );
      try {
        await runBatch(db, [
          orderRow(points, credit.lotId),
          ...capStatements(db, tenantId, rule, customerId, at),
          ...credit.statements,
          ...rollups,
        ]);
        status = availableAt > now ? 'pending' : 'available';
      } catch (error) {
        if (violatedConstraint(error) !== 'loyalty_rule_usage_cap') throw error;
        await runBatch(db, [orderRow(0, null), ...rollups]);
      }
    }
  } catch (error) {
    const replay = violatedConstraint(error) === 'order_id' ? await storedOrder(db, tenantId, order.id) : null;
    if (replay) return { result: replay, created: false };
    throw error;
  }
  return { result: orderResult((await findOrder(db, tenantId, order.id))!, status), created: true };
}

function orderPoints(rule: RuleRow, multiplierPercent: number, settings: Settings, eligible: number): number {
  const base = purchasePoints({
    eligibleMinor: eligible,
    exponent: currencyExponent(settings.currency),
    rate: rule.rate ?? settings.earnRate,
    multiplierPercent,
    rounding: settings.rounding,
  });
  return base + multiplied(rule.points, multiplierPercent, settings.rounding);
}
