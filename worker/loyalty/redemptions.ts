import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { loyaltyRedemptions, loyaltyRewardClaims, loyaltyRewards } from '../db/schema';
import { conflict, notFound, unprocessable } from '../http/problem';
import { newId } from '../shared/ids';
import { toIso } from '../shared/time';
import { creditStatements, runBatch, violatedConstraint, type Statement } from './ledger';
import { customerByKey, newReferralCode } from './members';
import { lotExpiry } from './points';
import { findReward, foundReward, rewardById, type RewardRow } from './rewards';
import type { CustomerKey } from './schemas';
import { getSettings } from './settings';
import { notEnoughPoints, spendPoints } from './spend';
import { SYSTEM_ACTOR } from './earn';

type RedemptionRow = typeof loyaltyRedemptions.$inferSelect;

export const redemptionView = (row: RedemptionRow) => ({
  id: row.id,
  customerId: row.customerId,
  rewardId: row.rewardId,
  code: row.code,
  cost: row.cost,
  status: row.status,
  createdAt: toIso(row.createdAt),
});

/** 12 characters from a 32-letter alphabet (60 bits): unguessable, and unique per tenant by index. */
const newRewardCode = () => `${newReferralCode()}${newReferralCode().slice(0, 4)}`;

const outOfStock = () => conflict('This reward is out of stock.');
const limitReached = (reward: RewardRow) =>
  unprocessable(`This customer has already redeemed "${reward.name}" ${reward.perCustomerLimit} time(s), the limit.`, [
    { path: 'rewardId', message: 'per-customer limit reached' },
  ]);

/** Stock and per-customer limit move with the points in one batch; their CHECKs refuse the redemption that exceeds them. */
function claimStatements(db: Database, tenantId: string, reward: RewardRow, customerId: string, delta: 1 | -1): Statement[] {
  const statements: Statement[] = [];
  if (reward.stock !== null) {
    statements.push(
      db
        .update(loyaltyRewards)
        .set({ stock: sql`${loyaltyRewards.stock} - ${delta}` })
        .where(and(eq(loyaltyRewards.tenantId, tenantId), eq(loyaltyRewards.id, reward.id), isNotNull(loyaltyRewards.stock))),
    );
  }
  if (reward.perCustomerLimit !== null && delta === 1) {
    statements.push(
      db
        .insert(loyaltyRewardClaims)
        .values({ tenantId, rewardId: reward.id, customerId, count: 1, limit: reward.perCustomerLimit })
        .onConflictDoUpdate({
          target: [loyaltyRewardClaims.tenantId, loyaltyRewardClaims.rewardId, loyaltyRewardClaims.customerId],
          set: { count: sql`${loyaltyRewardClaims.count} + 1`, limit: reward.perCustomerLimit },
        }),
    );
  }
  if (delta === -1) {
    // Also when the limit was removed since: the count must not keep a cancelled claim.
    statements.push(
      db
        .update(loyaltyRewardClaims)
        .set({ count: sql`${loyaltyRewardClaims.count} - 1` })
        .where(
          and(
            eq(loyaltyRewardClaims.tenantId, tenantId),
            eq(loyaltyRewardClaims.rewardId, reward.id),
            eq(loyaltyRewardClaims.customerId, customerId),
          ),
        ),
    );
  }
  return statements;
}

export async function redeem(db: Database, tenantId: string, input: { customer: CustomerKey; rewardId: string }): Promise<RedemptionRow> {
  const [[rewardRow], [customer]] = await db.batch([
    rewardById(db, tenantId, input.rewardId),
    customerByKey(db, tenantId, input.customer),
  ]);
  const reward = foundReward(rewardRow);
  if (!reward.active) throw conflict('This reward is no longer offered.');
  if (reward.stock === 0) throw outOfStock();
  if (!customer) throw notEnoughPoints(0, reward.cost);
  const customerId = customer.id;
  const id = newId('rdm');
  const code = newRewardCode();
  const issued = (now: number): RedemptionRow => ({
    id,
    tenantId,
    customerId,
    rewardId: reward.id,
    code,
    cost: reward.cost,
    status: 'issued',
    createdAt: now,
    updatedAt: now,
  });
  try {
    const bookedAt = await spendPoints(
      db,
      tenantId,
      { customerId, kind: 'redeem', reason: `reward "${reward.name}"`, source: `redemption:${id}`, actor: SYSTEM_ACTOR },
      reward.cost,
      (now) => [db.insert(loyaltyRedemptions).values(issued(now)), ...claimStatements(db, tenantId, reward, customerId, 1)],
    );
    return issued(bookedAt);
  } catch (error) {
    const constraint = violatedConstraint(error);
    if (constraint === 'loyalty_rewards_stock') throw outOfStock();
    if (constraint === 'loyalty_reward_claims_limit') throw limitReached(reward);
    throw error;
  }
}

export async function findRedemption(db: Database, tenantId: string, id: string): Promise<RedemptionRow> {
  const [row] = await db
    .select()
    .from(loyaltyRedemptions)
    .where(and(eq(loyaltyRedemptions.tenantId, tenantId), eq(loyaltyRedemptions.id, id)))
    .limit(1);
  if (!row) throw notFound('Redemption');
  return row;
}

/**
 * Gives the points back as a fresh lot and returns stock and limit. The ledger source
 * "redemption:<id>:cancel" is unique, so a redemption is cancelled at most once.
 */
export async function cancelRedemption(db: Database, tenantId: string, id: string): Promise<RedemptionRow> {
  const redemption = await findRedemption(db, tenantId, id);
  if (redemption.status !== 'issued') throw conflict('This redemption was already cancelled.');
  const reward = await findReward(db, tenantId, redemption.rewardId);
  const settings = await getSettings(db, tenantId);
  const now = Date.now();
  const credit = creditStatements(
    db,
    tenantId,
    {
      customerId: redemption.customerId,
      points: redemption.cost,
      availableAt: now,
      expiresAt: lotExpiry(settings, now),
      earnedAt: now,
      earned: false,
      kind: 'cancel',
      reason: `cancelled redemption of "${reward.name}"`,
      source: `redemption:${id}:cancel`,
      actor: SYSTEM_ACTOR,
    },
    now,
  );
  try {
    await runBatch(db, [
      db
        .update(loyaltyRedemptions)
        .set({ status: 'cancelled', updatedAt: now })
        .where(and(eq(loyaltyRedemptions.tenantId, tenantId), eq(loyaltyRedemptions.id, id))),
      ...claimStatements(db, tenantId, reward, redemption.customerId, -1),
      ...credit.statements,
    ]);
  } catch (error) {
    if (violatedConstraint(error) === 'source') throw conflict('This redemption was already cancelled.');
    throw error;
  }
  return findRedemption(db, tenantId, id);
}
