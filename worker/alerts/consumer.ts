import { database } from '../db/client';
import { PermanentMailError } from '../email/transport';
import type { Bindings } from '../env';
import { markEmailed, pendingAlerts } from './repository';
import type { AlertMessage } from './schemas';
import { sendAlertBatch } from './send';

export const ALERT_QUEUE = 'rapport-alerts';

/** 30 s, 60 s, 120 s … capped at 15 minutes. */
const retryDelaySeconds = (attempts: number) => Math.min(30 * 2 ** (attempts - 1), 900);

/** Sends each message's email; a transient failure retries that message only, a permanent one is logged and dropped. */
export async function consumeAlertBatch(batch: MessageBatch<AlertMessage>, env: Bindings): Promise<void> {
  const db = database(env.DB);
  for (const message of batch.messages) {
    const { tenantId, batchKey } = message.body;
    try {
      await sendAlertBatch(db, env, message.body, Date.now());
      message.ack();
    } catch (error) {
      const permanent = error instanceof PermanentMailError;
      console.error(JSON.stringify({ message: 'alert email failed', tenantId, batchKey, permanent, error: String(error) }));
      if (!permanent) {
        message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
        continue;
      }
      // Retrying cannot help (the provider refused it): stop the sweep from trying again.
      const alerts = await pendingAlerts(db, tenantId, batchKey);
      await markEmailed(
        db,
        tenantId,
        alerts.map((alert) => alert.responseId),
        Date.now(),
      );
      message.ack();
    }
  }
}
