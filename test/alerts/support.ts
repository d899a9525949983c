import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { vi } from 'vitest';
import worker from '../../worker/index';
import { ALERT_QUEUE } from '../../worker/alerts/consumer';
import type { AlertMessage } from '../../worker/alerts/schemas';
import { body, call, nextIp, ORIGIN, sessionHeaders, type TestTenant } from '../helpers';

export const MAIL_API_URL = 'https://mail-provider.test/v1/send';
export const RECEIVER = 'https://hooks.example.test/alerts';

/** Alert queue messages the Worker produced, captured instead of going to the real local queue. */
export interface Produced {
  body: AlertMessage;
  delaySeconds: number | undefined;
}
export const produced: Produced[] = [];
const fakeQueue = {
  async send(message: AlertMessage, options?: QueueSendOptions) {
    produced.push({ body: message, delaySeconds: options?.delaySeconds });
  },
  async sendBatch(messages: Iterable<MessageSendRequest<AlertMessage>>) {
    for (const message of messages) produced.push({ body: message.body, delaySeconds: message.delaySeconds });
  },
} as unknown as Queue<AlertMessage>;

/** The real bindings, with the HTTP mail adapter pointed at the fake provider and the capturing alert queue. */
export const testEnv = { ...env, ALERT_QUEUE: fakeQueue, MAIL_API_URL, MAIL_API_TOKEN: 'test-mail-token' };

/** Calls the real Worker with `testEnv` and waits for its after-response work (the alert) to finish. */
export async function callWorker(path: string, init: RequestInit & { key?: string; json?: unknown } = {}): Promise<Response> {
  const { key, json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (key) headers.set('Authorization', `Bearer ${key}`);
  if (json !== undefined) headers.set('Content-Type', 'application/json');
  headers.set('CF-Connecting-IP', nextIp());
  const ctx = createExecutionContext();
  const request = new Request(ORIGIN + path, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, testEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** Runs the Worker's queue handler on alert messages, as the queue would deliver them. */
export async function deliverAlerts(messages: readonly Produced[], attempts = 1) {
  const batch = createMessageBatch<AlertMessage>(
    ALERT_QUEUE,
    messages.map((message, i) => ({ id: `alert-${i}-${attempts}`, timestamp: new Date(), attempts, body: message.body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, testEnv);
  return getQueueResult(batch, ctx);
}

/** Takes (and forgets) what was produced since the last call. */
export const takeProduced = (): Produced[] => produced.splice(0, produced.length);

export interface SentMail {
  idempotencyKey: string | null;
  body: { from: { email: string }; to: Array<{ email: string }>; subject: string; html: string; text: string };
}
export interface ReceivedHook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** One fake for the Worker's outbound fetch: the mail provider (accepts everything) and the webhook receiver. */
export function fakeOutbound(): { mails: SentMail[]; hooks: ReceivedHook[] } {
  const mails: SentMail[] = [];
  const hooks: ReceivedHook[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (request.url === MAIL_API_URL) {
      mails.push({ idempotencyKey: request.headers.get('Idempotency-Key'), body: (await request.json()) as SentMail['body'] });
      return new Response('{}', { status: 200 });
    }
    if (request.url.startsWith(RECEIVER)) {
      hooks.push({
        id: request.headers.get('webhook-id')!,
        timestamp: request.headers.get('webhook-timestamp')!,
        signature: request.headers.get('webhook-signature')!,
        body: await request.text(),
      });
      return new Response(null, { status: 204 });
    }
    return realFetch(input, init);
  });
  return { mails, hooks };
}

/** Standard Webhooks verification, written from the spec rather than from the Worker's signer. */
export async function verifySignature(secret: string, message: ReceivedHook): Promise<boolean> {
  const keyBytes = Uint8Array.from(atob(secret.replace(/^whsec_/, '')), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const signed = new TextEncoder().encode(`${message.id}.${message.timestamp}.${message.body}`);
  for (const candidate of message.signature.split(' ')) {
    const [version, base64] = candidate.split(',');
    if (version !== 'v1' || !base64) continue;
    const mac = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    if (await crypto.subtle.verify('HMAC', key, mac, signed)) return true;
  }
  return false;
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Sets the tenant's alert recipients (and optionally its language) through the dashboard API. */
export async function configureAlerts(tenant: TestTenant, alertRecipients: string[], defaultLocale?: string): Promise<void> {
  const response = await call('/api/tenant', {
    method: 'PATCH',
    headers: sessionHeaders(tenant),
    json: { alertRecipients, ...(defaultLocale ? { defaultLocale } : {}) },
  });
  if (response.status !== 200) throw new Error(`tenant update failed: ${response.status} ${await response.text()}`);
}

/** A webhook endpoint for `response.detractor` only; returns its signing secret. */
export async function detractorEndpoint(tenant: TestTenant, url = RECEIVER): Promise<string> {
  const response = await call('/v1/webhooks/endpoints', {
    method: 'POST',
    key: tenant.secretKey,
    json: { url, events: ['response.detractor'] },
  });
  if (response.status !== 201) throw new Error(`endpoint creation failed: ${response.status} ${await response.text()}`);
  return (await body<{ secret: string }>(response)).secret;
}

export async function alertRows(tenantId: string) {
  const { results } = await env.DB.prepare(
    'SELECT response_id AS responseId, detractor_score AS detractorScore, negative_comment AS negativeComment, batch_key AS batchKey, emailed_at AS emailedAt FROM response_alerts WHERE tenant_id = ? ORDER BY created_at',
  )
    .bind(tenantId)
    .all<{
      responseId: string;
      detractorScore: number;
      negativeComment: number;
      batchKey: string | null;
      emailedAt: number | null;
    }>();
  return results;
}
