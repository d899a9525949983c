import type { Context } from 'hono';
import type { Database } from '../db/client';
import type { responses } from '../db/schema';
import type { AppEnv, Bindings } from '../env';
import { responseView } from '../responses/repository';
import { requestNotifier, type Notify } from '../webhooks/emit';
import { claimAlert, fileAlert } from './repository';
import { digestKey, type AlertMessage } from './schemas';

/** An answer as a write just left it. */
export type WrittenResponse = typeof responses.$inferSelect;

/**
 * Whether an answer in this state can call for an alert. Only a write that leaves a detractor score or a
 * negative comment behind can; the claim then rechecks the stored state (and the survey kind) in SQL.
 */
const mayCallForAlert = (written: WrittenResponse): boolean =>
  written.category === 'detractor' || written.sentiment === 'negative';

/**
 * After a response was written (created, or its score or comment changed): if it now calls for an
 * alert and never alerted, announce `response.detractor` with the answer as written and queue the
 * email (at once, or in the window's digest). Safe to call any number of times for the same response.
 */
export async function raiseAlert(
  db: Database,
  env: Bindings,
  notify: Notify,
  written: WrittenResponse,
  baseUrl: string,
  now = Date.now(),
): Promise<void> {
  const { tenantId, id: responseId } = written;
  const claimed = await claimAlert(db, tenantId, responseId, baseUrl, now);
  if (!claimed) return;
  await notify(tenantId, 'response.detractor', { reasons: claimed.reasons, response: responseView(written) });
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
 * For routes: raises the alert after the HTTP response is sent, when the written state can call for one.
 * A failure is logged, never the caller's problem; the scheduled sweep (alerts/sweep.ts) emails alerts
 * whose queueing was lost.
 */
export const alertAfterWrite =
  (c: Context<AppEnv>) =>
  (written: WrittenResponse): void => {
    if (!mayCallForAlert(written)) return;
    const { tenantId } = written;
    const baseUrl = new URL(c.req.url).origin;
    c.executionCtx.waitUntil(
      raiseAlert(c.var.db, c.env, requestNotifier(c), written, baseUrl).catch((error: unknown) => {
        console.error(
          JSON.stringify({ message: 'alert failed', tenantId, error: error instanceof Error ? error.name : 'unknown' }),
        );
      }),
    );
  };
