import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { loyaltyEntries, loyaltyMembers, loyaltyOrders, loyaltyTiers } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { conflict, notFound } from '../http/problem';
import { newId } from '../shared/ids';
import { DAY_MS, toIso } from '../shared/time';
import type { CreateTier, Settings, UpdateTier } from './schemas';
import { getSettings } from './settings';

export type TierRow = typeof loyaltyTiers.$inferSelect;

export const tierView = (row: TierRow) => ({
  id: row.id,
  name: row.name,
  threshold: row.threshold,
  multiplierPercent: row.multiplierPercent,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

const whereTier = (tenantId: string, id: string) => and(eq(loyaltyTiers.tenantId, tenantId), eq(loyaltyTiers.id, id));
const sameThreshold = () => conflict('Another tier already has this threshold.');

/** The tenant's tiers, lowest threshold first. */
/** The tenant's tiers, lowest threshold first (a query: await it, or batch it). */
export const listTiers = (db: Database, tenantId: string) =>
  db.select().from(loyaltyTiers).where(eq(loyaltyTiers.tenantId, tenantId)).orderBy(asc(loyaltyTiers.threshold));

export async function createTier(db: Database, tenantId: string, input: z.infer<typeof CreateTier>): Promise<TierRow> {
  const now = Date.now();
  try {
    const [row] = await db.insert(loyaltyTiers).values({ ...input, id: newId('tir', now), tenantId, createdAt: now, updatedAt: now }).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw sameThreshold();
    throw error;
  }
}

export async function findTier(db: Database, tenantId: string, id: string): Promise<TierRow> {
  const [row] = await db.select().from(loyaltyTiers).where(whereTier(tenantId, id)).limit(1);
  if (!row) throw notFound('Tier');
  return row;
}

export async function updateTier(db: Database, tenantId: string, id: string, patch: z.infer<typeof UpdateTier>): Promise<TierRow> {
  await findTier(db, tenantId, id);
  try {
    const [row] = await db.update(loyaltyTiers).set({ ...patch, updatedAt: Date.now() }).where(whereTier(tenantId, id)).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw sameThreshold();
    throw error;
  }
}

/** A tier that members hold cannot be deleted; move them first by lowering or raising thresholds. */
export async function deleteTier(db: Database, tenantId: string, id: string): Promise<void> {
  await findTier(db, tenantId, id);
  const [holder] = await db
    .select({ customerId: loyaltyMembers.customerId })
    .from(loyaltyMembers)
    .where(and(eq(loyaltyMembers.tenantId, tenantId), eq(loyaltyMembers.tierId, id)))
    .limit(1);
  if (holder) throw conflict('Members hold this tier; it cannot be deleted.');
  await db.delete(loyaltyTiers).where(whereTier(tenantId, id));
}

/** The member's tier multiplier, as a query for callers that batch it; `multiplierOf` reads it. */
export const tierMultiplierQuery = (db: Database, tenantId: string, customerId: string | SQL) =>
  db
    .select({ multiplierPercent: loyaltyTiers.multiplierPercent })
    .from(loyaltyMembers)
    .innerJoin(loyaltyTiers, and(eq(loyaltyTiers.tenantId, loyaltyMembers.tenantId), eq(loyaltyTiers.id, loyaltyMembers.tierId)))
    .where(and(eq(loyaltyMembers.tenantId, tenantId), eq(loyaltyMembers.customerId, customerId)))
    .limit(1);

/** The earn multiplier in percent (100 without a tier). */
export const multiplierOf = ([row]: Array<{ multiplierPercent: number }>): number => row?.multiplierPercent ?? 100;

/** Qualifying amount over the rolling window, as a one-row query: points earned (net of refunds) or eligible spend (net of refunds). */
function qualifyingAmountQuery(
  db: Database,
  tenantId: string,
  customerId: string,
  settings: Pick<Settings, 'tierMetric' | 'tierWindowDays'>,
  now: number,
) {
  const since = now - settings.tierWindowDays * DAY_MS;
  if (settings.tierMetric === 'spend') {
    return db
      .select({ total: sql<number>`coalesce(sum(${loyaltyOrders.eligibleAmount} * (${loyaltyOrders.total} - ${loyaltyOrders.refunded}) / max(${loyaltyOrders.total}, 1)), 0)` })
      .from(loyaltyOrders)
      .where(and(eq(loyaltyOrders.tenantId, tenantId), eq(loyaltyOrders.customerId, customerId), gt(loyaltyOrders.createdAt, since)));
  }
  return db
    .select({ total: sql<number>`max(0, coalesce(sum(${loyaltyEntries.availableDelta} + ${loyaltyEntries.pendingDelta}), 0))` })
    .from(loyaltyEntries)
    .where(
      and(
        eq(loyaltyEntries.tenantId, tenantId),
        eq(loyaltyEntries.customerId, customerId),
        inArray(loyaltyEntries.kind, ['earn', 'refund']),
        gt(loyaltyEntries.createdAt, since),
      ),
    );
}

const amountOf = ([row]: Array<{ total: number }>): number => row?.total ?? 0;

/** Highest tier whose threshold `amount` reaches; -1 for none. `tiers` sorted by threshold. */
export const tierIndexFor = (tiers: TierRow[], amount: number): number => tiers.findLastIndex((tier) => tier.threshold <= amount);

/**
 * Where a member should be: up at once to whatever the amount reaches; down by one level only,
 * and only once the current tier has been held a full period.
 */
export function nextTierIndex(input: { tiers: TierRow[]; currentIndex: number; tierSince: number | null; amount: number; periodDays: number; now: number }): number {
  const reached = tierIndexFor(input.tiers, input.amount);
  if (reached > input.currentIndex) return reached;
  if (reached < input.currentIndex && (input.tierSince ?? 0) + input.periodDays * DAY_MS <= input.now) return input.currentIndex - 1;
  return input.currentIndex;
}

export interface TierChange {
  customerId: string;
  from: string | null;
  to: string | null;
}

/**
 * Re-evaluates one member; compare-and-set on the tier so concurrent evaluations apply once.
 * Callers that hold the programme settings pass them and save a round trip.
 */
export async function evaluateTier(
  db: Database,
  tenantId: string,
  customerId: string,
  now: number,
  known?: Settings,
): Promise<TierChange | null> {
  const settings = known ?? (await getSettings(db, tenantId));
  const [tiers, [member], qualifying] = await db.batch([
    listTiers(db, tenantId),
    db
      .select({ tierId: loyaltyMembers.tierId, tierSince: loyaltyMembers.tierSince })
      .from(loyaltyMembers)
      .where(and(eq(loyaltyMembers.tenantId, tenantId), eq(loyaltyMembers.customerId, customerId)))
      .limit(1),
    qualifyingAmountQuery(db, tenantId, customerId, settings, now),
  ]);
  if (!member) return null;
  const currentIndex = tiers.findIndex((tier) => tier.id === member.tierId);
  if (tiers.length === 0 && currentIndex === -1) return null;
  const amount = amountOf(qualifying);
  const index = nextTierIndex({ tiers, currentIndex, tierSince: member.tierSince, amount, periodDays: settings.tierPeriodDays, now });
  if (index === currentIndex) return null;
  const to = index >= 0 ? tiers[index]!.id : null;
  const changed = await db
    .update(loyaltyMembers)
    .set({ tierId: to, tierSince: now, updatedAt: now })
    .where(
      and(
        eq(loyaltyMembers.tenantId, tenantId),
        eq(loyaltyMembers.customerId, customerId),
        member.tierId === null ? isNull(loyaltyMembers.tierId) : eq(loyaltyMembers.tierId, member.tierId),
      ),
    )
    .returning({ customerId: loyaltyMembers.customerId });
  return changed.length > 0 ? { customerId, from: member.tierId, to } : null;
}

export interface TierProgress {
  current: { id: string; name: string; multiplierPercent: number } | null;
  next: { id: string; name: string; threshold: number } | null;
  qualifying: number;
  remaining: number | null;
}

export async function tierProgress(db: Database, tenantId: string, customerId: string, tierId: string | null, settings: Settings, now: number): Promise<TierProgress> {
  const [tiers, amount] = await db.batch([listTiers(db, tenantId), qualifyingAmountQuery(db, tenantId, customerId, settings, now)]);
  const qualifying = tiers.length > 0 ? amountOf(amount) : 0;
  const index = tiers.findIndex((tier) => tier.id === tierId);
  const current = tiers[index];
  const next = tiers[index + 1];
  return {
    current: current ? { id: current.id, name: current.name, multiplierPercent: current.multiplierPercent } : null,
    next: next ? { id: next.id, name: next.name, threshold: next.threshold } : null,
    qualifying,
    remaining: next ? Math.max(0, next.threshold - qualifying) : null,
  };
}
