import type { Database } from '../db/client';
import type { Notify } from '../webhooks/emit';
import type { Settings } from './schemas';
import { evaluateTier, type TierChange } from './tiers';

/** Tiers are re-evaluated on every new earn (upgrades are immediate); replays change nothing. */
export async function evaluateTierAfterEarn(
  db: Database,
  tenantId: string,
  customerId: string,
  created: boolean,
  settings?: Settings,
): Promise<TierChange | null> {
  if (!created) return null;
  return evaluateTier(db, tenantId, customerId, Date.now(), settings);
}

export async function announceTierChange(notify: Notify, tenantId: string, change: TierChange | null): Promise<void> {
  if (change) await notify(tenantId, 'tier.changed', { customerId: change.customerId, from: change.from, to: change.to });
}
