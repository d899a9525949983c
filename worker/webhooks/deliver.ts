import { and, eq } from 'drizzle-orm';
import { database, type Database } from '../db/client';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../db/schema';
import type { Bindings } from '../env';
import type { WebhookMessage } from './emit';
import { secretBox } from '../shared/secret-box';
import { signPayload } from './sign';

const DEFAULT_RETRY_BASE_SECONDS = 10;
/** Cloudflare Queues accept delays up to 12 hours. */
const MAX_DELAY_SECONDS = 43_200;
const TIMEOUT_MS = 10_000;

/** Exponential backoff: base, 2×base, 4×base, … after the 1st, 2nd, 3rd failed attempt. */
export function retryDelaySeconds(attempts: number, baseSeconds = DEFAULT_RETRY_BASE_SECONDS): number {
  return Math.min(MAX_DELAY_SECONDS, baseSeconds * 2 ** Math.max(0, attempts - 1));
}

const retryBase = (env: Bindings) => {
  const configured = Number(env.WEBHOOK_RETRY_BASE_SECONDS);
  return Number.isFinite(configured) && configured >= 0 && env.WEBHOOK_RETRY_BASE_SECONDS !== undefined
    ? configured
    : DEFAULT_RETRY_BASE_SECONDS;
};

async function post(
  url: string,
  headers: Record<string, string>,
  payload: string,
): Promise<{ statusCode: number | null; error: string | null }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    return { statusCode: response.status, error: null };
  } catch (error) {
    return { statusCode: null, error: error instanceof Error ? error.name : 'network error' };
  }
}

/** One attempt; true when the delivery needs no retry (delivered, gone, or its endpoint was deactivated). */
async function attemptDelivery(db: Database, env: Bindings, message: WebhookMessage): Promise<boolean> {
  const [found] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.tenantId, message.tenantId), eq(webhookDeliveries.id, message.deliveryId)))
    .limit(1);
  if (!found || found.delivery.status !== 'pending') return true;
  const { delivery, endpoint } = found;
  const where = and(eq(webhookDeliveries.tenantId, delivery.tenantId), eq(webhookDeliveries.id, delivery.id));
  if (!endpoint.active) {
    await db.update(webhookDeliveries).set({ status: 'failed' }).where(where);
    return true;
  }

  const now = Date.now();
  const timestamp = Math.floor(now / 1000);
  const secret = await secretBox(env.DATA_ENCRYPTION_KEY).open(endpoint.secretCiphertext);
  const outcome = await post(
    endpoint.url,
    {
      'Content-Type': 'application/json',
      'User-Agent': 'Rapport-Webhooks/1',
      'webhook-id': delivery.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': await signPayload(secret, delivery.id, timestamp, delivery.payload),
    },
    delivery.payload,
  );
  const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  await db.batch([
    db
      .insert(webhookAttempts)
      .values({
        tenantId: delivery.tenantId,
        deliveryId: delivery.id,
        attempt: delivery.attempts + 1,
        ...outcome,
        createdAt: now,
      })
      .onConflictDoNothing(),
    db
      .update(webhookDeliveries)
      .set({ attempts: delivery.attempts + 1, ...(delivered ? { status: 'delivered' as const, deliveredAt: now } : {}) })
      .where(where),
  ]);
  return delivered;
}

export async function consumeWebhookBatch(batch: MessageBatch<WebhookMessage>, env: Bindings): Promise<void> {
  const db = database(env.DB);
  for (const message of batch.messages) {
    if (await attemptDelivery(db, env, message.body)) message.ack();
    else message.retry({ delaySeconds: retryDelaySeconds(message.attempts, retryBase(env)) });
  }
}

/** Deliveries that used up their retries (see max_retries in wrangler.toml) end as failed. */
export async function consumeWebhookDeadLetters(batch: MessageBatch<WebhookMessage>, env: Bindings): Promise<void> {
  const db = database(env.DB);
  for (const message of batch.messages) {
    await db
      .update(webhookDeliveries)
      .set({ status: 'failed' })
      .where(
        and(
          eq(webhookDeliveries.tenantId, message.body.tenantId),
          eq(webhookDeliveries.id, message.body.deliveryId),
          eq(webhookDeliveries.status, 'pending'),
        ),
      );
    message.ack();
  }
}
