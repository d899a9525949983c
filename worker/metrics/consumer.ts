import { database } from '../db/client';
import type { Bindings } from '../env';
import type { RecomputeMessage } from './fan-out';
import { recomputeTenant } from './recompute';

export const METRICS_QUEUE = 'rapport-metrics';

/** Recomputes each tenant in the batch; a failure retries that message only. */
export async function consumeRecomputeBatch(batch: MessageBatch<RecomputeMessage>, env: Bindings): Promise<void> {
  const db = database(env.DB);
  for (const message of batch.messages) {
    try {
      await recomputeTenant(db, message.body.tenantId, Date.now());
      message.ack();
    } catch (error) {
      console.error('metrics recompute failed', { tenantId: message.body.tenantId, error: String(error) });
      message.retry();
    }
  }
}
