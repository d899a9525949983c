import type { z } from 'zod';
import type { Database } from '../db/client';
import type { Notify } from '../webhooks/emit';
import { findMemberRow } from './members';
import type { MemberRedemption } from './member-schemas';
import { announceRedemption } from './redemption-events';
import { redeem } from './redemptions';
import { findReward } from './rewards';

/**
 * A verified member spends points on a reward: the same guarded batch as `POST /v1/loyalty/redemptions`
 * (balance, stock and per-customer limit are checked by the database), so no concurrent call can overspend.
 */
export async function redeemForMember(
  db: Database,
  notify: Notify,
  tenantId: string,
  externalId: string,
  rewardId: string,
): Promise<z.infer<typeof MemberRedemption>> {
  const redemption = await redeem(db, tenantId, { customer: { externalId }, rewardId });
  await announceRedemption(notify, tenantId, redemption);
  const [reward, member] = await Promise.all([
    findReward(db, tenantId, redemption.rewardId),
    findMemberRow(db, tenantId, redemption.customerId),
  ]);
  return {
    id: redemption.id,
    rewardId: redemption.rewardId,
    reward: reward.name,
    code: redemption.code,
    cost: redemption.cost,
    available: member?.available ?? 0,
  };
}
