import type { Context } from 'hono';
import type { Database } from '../db/client';
import type { AppEnv, Bindings } from '../env';
import { findResponse, responseView } from '../responses/repository';
import { webhookNotifier } from '../webhooks/emit';
import { claimAlert, fileAlert } from './repository';
import { digestKey, type AlertMessage } from './schemas';

/**
 * After a response was written (created, or its score or comment changed): if it now calls for an
 * alert and never alerted, announce `response.detractor` and queue the email (at once, or in the
 * window's digest). Safe to call any number of times for the same response.
 */
export async function raiseAlert(
  db: Database,
  env: Bindings,
  tenantId: string,
  responseId: string,
  baseUrl: string,
  now = Date.now(),
): Promise<void> {
  const claimed = await claimAlert(db, tenantId, responseId, baseUrl, now);
  if (!claimed) return;
  const response = responseView(await findResponse(db, tenantId, responseId));
  await webhookNotifier(db, env)(tenantId, 'response.detractor', { reasons: claimed.reasons, response });
  const filing = await fileAlert(db, tenantId, responseId, now);
  const messages: Array<MessageSendRequest<AlertMessage>> = [];
  if (filing.digestDueAt !== null) {
    messages.push({ body: { tenantId, batchKey: filing.batchKey } });
    // The window's digest, due when it closes; it finds nothing to send if no other alert joined.
    const delaySeconds = Math.max(0, Math.ceil((filing.digestDueAt - now) / 1000));
    messages.push({ body: { tenantId, batchKey: digestKey(filing.digestDueAt) }, delaySeconds });
  }
  if (messages.length > 0) await env.ALERT_QUEUE.sendBatch(messages);
}

/**
 * For routes: raises the alert after the HTTP response is sent. A failure is logged, never the
 * caller's problem; the scheduled sweep (alerts/sweep.ts) emails alerts whose queueing was lost.
 */
export const alertAfterWrite =
  (c: Context<AppEnv>) =>
  (tenantId: string, responseId: string): void => {
    const baseUrl = new URL(c.req.url).origin;
    c.executionCtx.waitUntil(
      raiseAlert(c.var.db, c.env, tenantId, responseId, baseUrl).catch((error: unknown) => {
        console.error(
          JSON.stringify({ message: 'alert failed', tenantId, error: error instanceof Error ? error.name : 'unknown' }),
        );
      }),
    );
  };
