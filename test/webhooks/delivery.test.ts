import { afterEach, describe, expect, it, vi } from 'vitest';
import { retryDelaySeconds } from '../../worker/webhooks/deliver';
import { call, expectProblem, newTenant } from '../helpers';
import { loyalty, ok } from '../loyalty/helpers';

const RECEIVER = 'https://hooks.example.test/rapport';

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** Intercepts the worker's outbound fetch to RECEIVER: fails `failures` times with 500, then accepts. */
function receiver(failures: number): Received[] {
  const received: Received[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(RECEIVER)) return realFetch(input, init);
    received.push({
      id: request.headers.get('webhook-id')!,
      timestamp: request.headers.get('webhook-timestamp')!,
      signature: request.headers.get('webhook-signature')!,
      body: await request.text(),
    });
    return new Response(null, { status: received.length <= failures ? 500 : 204 });
  });
  return received;
}

/** Standard Webhooks verification, written from the spec rather than from the worker's signer. */
async function verify(secret: string, message: Received): Promise<boolean> {
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

async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

afterEach(() => vi.restoreAllMocks());

describe('webhooks', { timeout: 30_000 }, () => {
  it('deliver signed events through the queue and retry failures with the same webhook-id', async () => {
    const received = receiver(2);
    const tenant = await newTenant();
    const created = await call('/v1/webhooks/endpoints', { method: 'POST', key: tenant.secretKey, json: { url: RECEIVER, events: ['points.earned'] } });
    const endpoint = await ok<{ id: string; secret: string }>(created, 201);
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await ok(call(`/v1/webhooks/endpoints/${endpoint.id}`, { key: tenant.secretKey })))).not.toContain(endpoint.secret);

    await ok(loyalty(tenant.secretKey, '/rules', { json: { eventType: 'review', name: 'Reviews', points: 25 } }), 201);
    await ok(loyalty(tenant.secretKey, '/events', { json: { id: 'review-1', type: 'review', customer: { externalId: 'c1' } } }), 201);

    await waitFor(() => received.length >= 3, 'three delivery attempts');
    expect(new Set(received.map((r) => r.id)).size).toBe(1);
    for (const message of received) {
      expect(await verify(endpoint.secret, message)).toBe(true);
      expect(await verify('whsec_' + btoa('another secret, 24 bytes'), message)).toBe(false);
    }
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'points.earned', data: { points: 25, reason: 'review' } });

    type Log = { data: Array<{ status: string; attempts: Array<{ attempt: number; statusCode: number | null }> }> };
    const logOf = () => ok<Log>(call(`/v1/webhooks/endpoints/${endpoint.id}/deliveries`, { key: tenant.secretKey }));
    await waitFor(async () => (await logOf()).data[0]?.status === 'delivered', 'the delivery to be logged as delivered');
    expect((await logOf()).data[0]!.attempts.map((a) => a.statusCode)).toEqual([500, 500, 204]);
  });

  it('back off exponentially, only accept HTTPS endpoints, and keep endpoints per tenant', async () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelaySeconds(attempt, 10))).toEqual([10, 20, 40, 80]);
    expect(retryDelaySeconds(30, 10)).toBe(43_200);

    const tenant = await newTenant();
    const other = await newTenant();
    await expectProblem(await call('/v1/webhooks/endpoints', { method: 'POST', key: tenant.secretKey, json: { url: 'http://insecure.example/x' } }), 422);
    const endpoint = await ok<{ id: string }>(call('/v1/webhooks/endpoints', { method: 'POST', key: tenant.secretKey, json: { url: RECEIVER } }), 201);
    await expectProblem(await call(`/v1/webhooks/endpoints/${endpoint.id}`, { key: other.secretKey }), 404);
    await expectProblem(await call(`/v1/webhooks/endpoints/${endpoint.id}/deliveries`, { key: other.secretKey }), 404);
  });
});
