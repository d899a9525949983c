import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { loyaltyMembers, loyaltyRedemptions, loyaltyRewards, loyaltyTiers } from '../db/schema';
import type { ProgrammeOverview } from './programme-schema';

/** Members per tier (lowest first, members without a tier as the first row) and redemptions per reward. */
export async function programmeOverview(db: Database, tenantId: string): Promise<z.infer<typeof ProgrammeOverview>> {
  const [tierRows, untiered, rewardRows] = await db.batch([
    db
      .select({
        id: loyaltyTiers.id,
        name: loyaltyTiers.name,
        threshold: loyaltyTiers.threshold,
        members: sql<number>`(SELECT count(*) FROM ${loyaltyMembers} WHERE ${loyaltyMembers.tenantId} = ${loyaltyTiers.tenantId} AND ${loyaltyMembers.tierId} = ${loyaltyTiers.id})`,
      })
      .from(loyaltyTiers)
      .where(eq(loyaltyTiers.tenantId, tenantId))
      .orderBy(loyaltyTiers.threshold),
    db
      .select({
        members: sql<number>`count(*)`,
        untiered: sql<number>`coalesce(sum(CASE WHEN ${loyaltyMembers.tierId} IS NULL THEN 1 ELSE 0 END), 0)`,
      })
      .from(loyaltyMembers)
      .where(eq(loyaltyMembers.tenantId, tenantId)),
    db
      .select({
        id: loyaltyRewards.id,
        name: loyaltyRewards.name,
        kind: loyaltyRewards.kind,
        cost: loyaltyRewards.cost,
        active: loyaltyRewards.active,
        issued: sql<number>`coalesce(sum(CASE WHEN ${loyaltyRedemptions.status} = 'issued' THEN 1 ELSE 0 END), 0)`,
        cancelled: sql<number>`coalesce(sum(CASE WHEN ${loyaltyRedemptions.status} = 'cancelled' THEN 1 ELSE 0 END), 0)`,
        points: sql<number>`coalesce(sum(CASE WHEN ${loyaltyRedemptions.status} = 'issued' THEN ${loyaltyRedemptions.cost} ELSE 0 END), 0)`,
      })
      .from(loyaltyRewards)
      .leftJoin(
        loyaltyRedemptions,
        and(eq(loyaltyRedemptions.tenantId, loyaltyRewards.tenantId), eq(loyaltyRedemptions.rewardId, loyaltyRewards.id)),
      )
      .where(eq(loyaltyRewards.tenantId, tenantId))
      .groupBy(loyaltyRewards.id)
      .orderBy(loyaltyRewards.createdAt, loyaltyRewards.id),
  ]);
  const counts = untiered[0] ?? { members: 0, untiered: 0 };
  return {
    members: counts.members,
    tiers: [{ id: null, name: null, threshold: null, members: counts.untiered }, ...tierRows],
    rewards: rewardRows,
  };
}
