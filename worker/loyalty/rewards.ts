import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { loyaltyRewards } from '../db/schema';
import { notFound } from '../http/problem';
import { pageAfter, toPage } from '../shared/cursor';
import { newId } from '../shared/ids';
import { toIso } from '../shared/time';
import type { CreateReward, UpdateReward } from './schemas';

export type RewardRow = typeof loyaltyRewards.$inferSelect;

export const rewardView = (row: RewardRow) => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  value: row.value,
  cost: row.cost,
  stock: row.stock,
  perCustomerLimit: row.perCustomerLimit,
  active: row.active,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

const whereReward = (tenantId: string, id: string) => and(eq(loyaltyRewards.tenantId, tenantId), eq(loyaltyRewards.id, id));

export async function createReward(db: Database, tenantId: string, input: z.infer<typeof CreateReward>): Promise<RewardRow> {
  const now = Date.now();
  const [row] = await db.insert(loyaltyRewards).values({ ...input, id: newId('rwd', now), tenantId, createdAt: now, updatedAt: now }).returning();
  return row!;
}

/** The reward as a query, for callers that batch it with other reads; `foundReward` checks the result. */
export const rewardById = (db: Database, tenantId: string, id: string) =>
  db.select().from(loyaltyRewards).where(whereReward(tenantId, id)).limit(1);

export function foundReward(row: RewardRow | undefined): RewardRow {
  if (!row) throw notFound('Reward');
  return row;
}

export async function findReward(db: Database, tenantId: string, id: string): Promise<RewardRow> {
  const [row] = await rewardById(db, tenantId, id);
  return foundReward(row);
}

export async function listRewards(db: Database, tenantId: string, cursor: string | undefined, limit: number) {
  const { where, orderBy } = pageAfter(loyaltyRewards, cursor);
  const rows = await db
    .select()
    .from(loyaltyRewards)
    .where(and(eq(loyaltyRewards.tenantId, tenantId), where))
    .orderBy(...orderBy)
    .limit(limit + 1);
  return toPage(rows, limit, rewardView);
}

export async function updateReward(db: Database, tenantId: string, id: string, patch: z.infer<typeof UpdateReward>): Promise<RewardRow> {
  await findReward(db, tenantId, id);
  const [row] = await db.update(loyaltyRewards).set({ ...patch, updatedAt: Date.now() }).where(whereReward(tenantId, id)).returning();
  return row!;
}

/** Redemptions refer to the reward, so deleting it only retires it from the catalogue. */
export async function retireReward(db: Database, tenantId: string, id: string): Promise<void> {
  await findReward(db, tenantId, id);
  await db.update(loyaltyRewards).set({ active: false, updatedAt: Date.now() }).where(whereReward(tenantId, id));
}
