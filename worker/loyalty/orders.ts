import type { Database } from '../db/client';
import type { Notify } from '../webhooks/emit';
import { recordOrder } from './earn';
import { rewardReferral } from './referrals';
import type { Order } from './schemas';
import { announceTierChange, evaluateTierAfterEarn } from './tier-hooks';

/** An order with its consequences: referral rewards on a first paid order, tier re-evaluation, webhooks. */
export async function bookOrder(db: Database, notify: Notify, tenantId: string, order: Order) {
  const outcome = await recordOrder(db, tenantId, order);
  if (outcome.created) {
    const { customerId, points } = outcome.result;
    if (points > 0) await notify(tenantId, 'points.earned', { customerId, points, reason: 'purchase', orderId: order.id, status: outcome.result.status });
    const referrerId = order.total > 0 ? await rewardReferral(db, tenantId, customerId) : null;
    await announceTierChange(notify, tenantId, await evaluateTierAfterEarn(db, tenantId, customerId, true));
    if (referrerId) await announceTierChange(notify, tenantId, await evaluateTierAfterEarn(db, tenantId, referrerId, true));
  }
  return outcome;
}
