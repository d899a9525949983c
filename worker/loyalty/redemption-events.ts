import type { Notify } from '../webhooks/emit';
import type { redeem } from './redemptions';

type RedemptionRow = Awaited<ReturnType<typeof redeem>>;

/** The webhooks every new redemption emits, whichever channel (API or member panel) made it. */
export async function announceRedemption(notify: Notify, tenantId: string, redemption: RedemptionRow): Promise<void> {
  const data = {
    customerId: redemption.customerId,
    redemptionId: redemption.id,
    rewardId: redemption.rewardId,
    points: redemption.cost,
  };
  await notify(tenantId, 'points.redeemed', data);
  await notify(tenantId, 'reward.redeemed', { ...data, code: redemption.code });
}
