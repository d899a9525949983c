import { and, eq, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Database } from '../db/client';
import { webhookDeliveries } from '../db/schema';
import type { AppEnv, Bindings } from '../env';
import { newId } from '../shared/ids';
import { toIso } from '../shared/time';
import { conflict } from '../http/problem';
import { activeEndpoints, type EndpointRow, findEndpoint, subscribedTo } from './endpoints';
import { type DeliveryEventType, TEST_EVENT_TYPE, type WebhookEventType } from './schemas';

export const WEBHOOK_QUEUE = 'rapport-webhooks';
export const WEBHOOK_DEAD_LETTER_QUEUE = 'rapport-webhooks-dlq';

export interface WebhookMessage {
  tenantId: string;
  deliveryId: string;
}

/** Announces a domain event to the tenant's subscribed endpoints. */
export type Notify = (tenantId: string, type: WebhookEventType, data: Record<string, unknown>) => Promise<void>;

/** Queues a `webhook.test` delivery to one active endpoint, whatever it subscribes to; it shows in the delivery log. */
export async function sendTestEvent(
  db: Database,
  queue: Queue<WebhookMessage>,
  tenantId: string,
  endpointId: string,
  now = Date.now(),
) {
  const endpoint = await findEndpoint(db, tenantId, endpointId);
  if (!endpoint.active) throw conflict('The endpoint is deactivated; nothing is sent to it.');
  const [delivery] = await recordDeliveries(db, queue, tenantId, [endpoint], TEST_EVENT_TYPE, { endpointId, test: true }, now);
  return {
    id: delivery!.id,
    eventType: delivery!.eventType,
    status: delivery!.status,
    attempts: [],
    createdAt: toIso(now),
    deliveredAt: null,
  };
}

/**
 * Records one delivery per endpoint, then queues them. The payload is fixed here, so every retry
 * sends the same bytes under the same webhook-id.
 */
async function recordDeliveries(
  db: Database,
  queue: Queue<WebhookMessage>,
  tenantId: string,
  endpoints: Array<{ id: string }>,
  type: DeliveryEventType,
  data: Record<string, unknown>,
  now: number,
) {
  if (endpoints.length === 0) return [];
  const payload = JSON.stringify({ type, timestamp: toIso(now), data });
  const rows = endpoints.map((endpoint) => ({
    id: newId('msg', now),
    tenantId,
    endpointId: endpoint.id,
    eventType: type,
    payload,
    status: 'pending' as const,
    attempts: 0,
    createdAt: now,
  }));
  await db.insert(webhookDeliveries).values(rows);
  await queue.sendBatch(rows.map((row) => ({ body: { tenantId, deliveryId: row.id } })));
  return rows;
}

/**
 * A Notify bound to this environment; a webhook failure is logged and never fails the caller's request.
 * Make one per request or job run: it reads each tenant's endpoints once, however many events it sends.
 */
export function webhookNotifier(db: Database, env: Bindings): Notify {
  const endpointsOf = new Map<string, Promise<EndpointRow[]>>();
  return async (tenantId, type, data) => {
    try {
      const active = endpointsOf.get(tenantId) ?? activeEndpoints(db, tenantId);
      endpointsOf.set(tenantId, active);
      await recordDeliveries(db, env.WEBHOOK_QUEUE, tenantId, subscribedTo(await active, type), type, data, Date.now());
    } catch (error) {
      endpointsOf.delete(tenantId);
      console.error(
        JSON.stringify({
          message: 'webhook emit failed',
          tenantId,
          type,
          error: error instanceof Error ? error.name : 'unknown',
        }),
      );
    }
  };
}

const requestNotifiers = new WeakMap<Context<AppEnv>, Notify>();

/** The request's one notifier: everything a request announces, in whichever hook, reads the endpoints once. */
export function requestNotifier(c: Context<AppEnv>): Notify {
  let notify = requestNotifiers.get(c);
  if (!notify) requestNotifiers.set(c, (notify = webhookNotifier(c.var.db, c.env)));
  return notify;
}

/** Deliveries recorded but never attempted this long after creation were probably never queued. */
const STALLED_AFTER_MS = 15 * 60_000;

/**
 * Scheduled: re-queues deliveries whose queue message was lost (the send failed after the insert).
 * Webhooks are at-least-once; receivers deduplicate by webhook-id.
 */
export async function requeueStalledDeliveries(db: Database, queue: Queue<WebhookMessage>, now: number): Promise<void> {
  const stalled = await db
    .select({ tenantId: webhookDeliveries.tenantId, deliveryId: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        eq(webhookDeliveries.attempts, 0),
        lt(webhookDeliveries.createdAt, now - STALLED_AFTER_MS),
      ),
    )
    .limit(100);
  if (stalled.length > 0) await queue.sendBatch(stalled.map((body) => ({ body })));
}
