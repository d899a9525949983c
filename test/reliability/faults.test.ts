// Faults: receivers and providers that fail or hang for a while, and database batches that fail half-way.
// Every webhook and email is delivered exactly once or ends visibly failed (dead-lettered); a failed batch leaves
// nothing behind, and a retry of the same request then applies it exactly once.
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEND_DEAD_LETTER_QUEUE, type SendMessage } from '../../worker/email/queue';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../worker/index';
import { call, newSurvey, newTenant, nextIp, ORIGIN, type TestTenant } from '../helpers';
import { expectConsistent, loyalty, ok } from '../loyalty/helpers';
import { callWithQueue, deliver, MAIL_API_URL, newCampaign, produced, recipientsOf, SEND } from '../email/support';
import { changedTables, tenantRows } from './tenant-rows';

afterEach(() => {
  vi.restoreAllMocks();
  produced.length = 0;
});

/** A fetch that never answers on its own: it fails only when the caller's AbortSignal fires (the caller's timeout). */
function hangUntilAborted(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    if (!signal) return; // no timeout on the caller's side: hangs for good, and the test times out
    signal.addEventListener('abort', () => reject(signal.reason));
  });
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('webhook receivers that fail for a while', () => {
  it(
    'every delivery is accepted exactly once, or dead-lettered and shown as failed with all its attempts',
    { timeout: 240_000 },
    async () => {
      const FLAKY = 'https://flaky.example.test/hooks';
      const DOWN = 'https://down.example.test/hooks';
      const EVENTS = 6;
      /** The flaky receiver's outage: its first two requests hang, the next ten answer 500, then it recovers. */
      let flakyRequests = 0;
      const accepted = new Map<string, number>();
      const downRequests: string[] = [];
      const realFetch = globalThis.fetch;
      vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
        const request = new Request(input, init);
        if (request.url === DOWN) {
          downRequests.push(request.headers.get('webhook-id')!);
          return new Response('down', { status: 500 });
        }
        if (request.url !== FLAKY) return realFetch(input, init);
        const attempt = ++flakyRequests;
        if (attempt <= 2) return hangUntilAborted(init?.signal);
        if (attempt <= 12) return new Response('busy', { status: 500 });
        const id = request.headers.get('webhook-id')!;
        accepted.set(id, (accepted.get(id) ?? 0) + 1);
        return new Response(null, { status: 204 });
      });

      const tenant = await newTenant('Webhook faults');
      const endpoint = async (url: string) =>
        ok<{ id: string }>(
          call('/v1/webhooks/endpoints', { method: 'POST', key: tenant.secretKey, json: { url, events: ['points.earned'] } }),
          201,
        );
      const flaky = await endpoint(FLAKY);
      const down = await endpoint(DOWN);
      await ok(loyalty(tenant.secretKey, '/rules', { json: { eventType: 'review', name: 'Reviews', points: 10 } }), 201);
      for (let i = 0; i < EVENTS; i++) {
        await ok(
          loyalty(tenant.secretKey, '/events', {
            json: { id: `review-${i}`, type: 'review', customer: { externalId: `c${i}` } },
          }),
          201,
        );
      }

      type Log = {
        data: Array<{ id: string; status: string; attempts: Array<{ statusCode: number | null; error: string | null }> }>;
      };
      const logOf = (id: string) => ok<Log>(call(`/v1/webhooks/endpoints/${id}/deliveries?limit=50`, { key: tenant.secretKey }));
      const settled = async (id: string) => {
        const log = await logOf(id);
        return log.data.length === EVENTS && log.data.every((delivery) => delivery.status !== 'pending');
      };
      await waitFor(async () => (await settled(flaky.id)) && (await settled(down.id)), 'every delivery to settle', 200_000);

      const flakyLog = await logOf(flaky.id);
      expect(flakyLog.data.map((delivery) => delivery.status)).toEqual(Array(EVENTS).fill('delivered'));
      // Exactly once: one accepted request per delivery, for every delivery, and nothing accepted twice.
      expect([...accepted.keys()].sort()).toEqual(flakyLog.data.map((delivery) => delivery.id).sort());
      expect([...accepted.values()]).toEqual(Array(EVENTS).fill(1));
      // The outage is in the log: the hung requests as timeouts, then the 500s.
      const attempts = flakyLog.data.flatMap((delivery) => delivery.attempts);
      expect(attempts.filter((attempt) => attempt.error === 'TimeoutError')).toHaveLength(2);
      expect(attempts.filter((attempt) => attempt.statusCode === 500)).toHaveLength(10);

      // The receiver that never recovers: dead-lettered after max_retries (8) + 1 attempts, visibly failed.
      const downLog = await logOf(down.id);
      expect(downLog.data.map((delivery) => delivery.status)).toEqual(Array(EVENTS).fill('failed'));
      for (const delivery of downLog.data)
        expect(delivery.attempts.map((attempt) => attempt.statusCode)).toEqual(Array(9).fill(500));
      expect(downRequests).toHaveLength(EVENTS * 9);
    },
  );
});

describe('a mail provider that fails for a while', () => {
  it('every recipient is emailed exactly once, or dead-lettered and shown as failed', { timeout: 120_000 }, async () => {
    const RECIPIENTS = ['ada@example.com', 'bob@example.com', 'cy@example.com', 'dee@example.com', 'eve@example.com'];
    const BOUNCING = 'never@example.com';
    /** The outage: the first request hangs, the next five answer 500 or 503, then the provider recovers. */
    let providerRequests = 0;
    const acceptedFor = new Map<string, number>();
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const request = new Request(input, init);
      if (request.url !== MAIL_API_URL) return realFetch(input, init);
      const to = ((await request.json()) as { to: Array<{ email: string }> }).to[0]!.email;
      const attempt = ++providerRequests;
      if (attempt === 1) return hangUntilAborted(init?.signal);
      if (attempt <= 6 || to === BOUNCING) return new Response('{}', { status: attempt % 2 ? 500 : 503 });
      acceptedFor.set(to, (acceptedFor.get(to) ?? 0) + 1);
      return new Response('{}', { status: 200 });
    });

    const tenant = await newTenant('Mail faults');
    const { campaignId } = await newCampaign(tenant.secretKey, [...RECIPIENTS, BOUNCING]);
    const start = await callWithQueue(`/v1/campaigns/${campaignId}/start`, { method: 'POST', key: tenant.secretKey });
    expect(start.status).toBe(200);
    const messages = [...produced];
    expect(messages).toHaveLength(RECIPIENTS.length + 1);

    // The queue, as the runtime runs it (wrangler.toml: max_retries = 4, then the dead-letter queue): every retried
    // message comes back with one more attempt; one that used its last attempt goes to the dead-letter consumer.
    // Every message is also delivered a second time at the end: queues deliver at least once.
    const MAX_ATTEMPTS = 5;
    let pending: Array<{ message: SendMessage; attempts: number }> = messages.map((message) => ({ message, attempts: 1 }));
    while (pending.length > 0) {
      const next: typeof pending = [];
      for (const { message, attempts } of pending) {
        const result = await deliver(SEND, message, attempts);
        if (result.retryMessages.length === 0) continue;
        if (attempts < MAX_ATTEMPTS) next.push({ message, attempts: attempts + 1 });
        else expect((await deliver(SEND_DEAD_LETTER_QUEUE, message, 1)).explicitAcks).toHaveLength(1);
      }
      pending = next;
    }
    for (const message of messages) expect((await deliver(SEND, message, 1)).explicitAcks).toHaveLength(1);

    const recipients = await recipientsOf(tenant.secretKey, campaignId);
    const statusOf = (email: string) => recipients.find((recipient) => recipient.email === email)!.status;
    for (const email of RECIPIENTS)
      expect({ email, status: statusOf(email), accepted: acceptedFor.get(email) }).toEqual({
        email,
        status: 'sent',
        accepted: 1,
      });
    expect({ status: statusOf(BOUNCING), accepted: acceptedFor.get(BOUNCING) ?? 0 }).toEqual({ status: 'failed', accepted: 0 });
  });
});

/**
 * The real D1, except that every batch gets a statement violating a NOT NULL constraint inserted in its middle: the
 * batch fails half-way, as it would on a violated CHECK or UNIQUE. Writes made outside a batch go through untouched.
 */
function dbWithFailingBatches(): { db: D1Database; failedBatches: () => number } {
  let failed = 0;
  const violation = env.DB.prepare('INSERT INTO tenants (id) VALUES (NULL)');
  const db = new Proxy(env.DB, {
    get(target, property) {
      if (property === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          failed += 1;
          const middle = Math.floor(statements.length / 2);
          return target.batch([...statements.slice(0, middle), violation, ...statements.slice(middle)]);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db, failedBatches: () => failed };
}

interface Send {
  path: string;
  init: RequestInit & { key: string; json: unknown };
}

/** Calls the real Worker with `db` as its database binding. */
async function callWithDb(db: D1Database, { path, init }: Send): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${init.key}`);
  headers.set('Content-Type', 'application/json');
  headers.set('CF-Connecting-IP', nextIp());
  const ctx = createExecutionContext();
  const request = new Request(ORIGIN + path, { method: 'POST', headers, body: JSON.stringify(init.json) });
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, { ...env, DB: db }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

interface Operation {
  name: string;
  /** Creates what the operation needs in the tenant; returns the request to send. */
  prepare(tenant: TestTenant): Promise<Send>;
}

const OPERATIONS: Operation[] = [
  {
    name: 'earn points for an event',
    async prepare(tenant) {
      await ok(loyalty(tenant.secretKey, '/rules', { json: { eventType: 'review', name: 'Reviews', points: 40 } }), 201);
      const json = { id: 'review-1', type: 'review', customer: { externalId: 'm1' } };
      return {
        path: '/v1/loyalty/events',
        init: { key: tenant.secretKey, json, headers: { 'Idempotency-Key': crypto.randomUUID() } },
      };
    },
  },
  {
    name: 'redeem a reward',
    async prepare(tenant) {
      await ok(
        loyalty(tenant.secretKey, '/adjustments', {
          json: { customer: { externalId: 'm1' }, points: 300, reason: 'opening balance', actor: 'test' },
        }),
        201,
      );
      const reward = await ok<{ id: string }>(
        loyalty(tenant.secretKey, '/rewards', { json: { name: 'Mug', kind: 'gift', cost: 120 } }),
        201,
      );
      const json = { customer: { externalId: 'm1' }, rewardId: reward.id };
      return {
        path: '/v1/loyalty/redemptions',
        init: { key: tenant.secretKey, json, headers: { 'Idempotency-Key': crypto.randomUUID() } },
      };
    },
  },
  {
    name: 'record a response for a new customer',
    async prepare(tenant) {
      const survey = await newSurvey(tenant.secretKey);
      const json = {
        id: 'answer-1',
        surveyId: survey.id,
        score: 3,
        comment: 'Slow delivery',
        customer: { externalId: 'm1', email: 'm1@example.com' },
      };
      return { path: '/v1/responses', init: { key: tenant.secretKey, json } };
    },
  },
];

/** Request bookkeeping rather than data: idempotency keys (released after a failure) and API keys' last-used time. */
const BOOKKEEPING = new Set(['idempotency_keys', 'api_keys']);
const dataChanges = (before: Map<string, string>, after: Map<string, string>) =>
  changedTables(before, after).filter((table) => !BOOKKEEPING.has(table));

describe('a batch that fails half-way', () => {
  for (const operation of OPERATIONS) {
    it(
      `${operation.name}: a constraint violation in the middle of its batch leaves no partial write; the retry applies once`,
      { timeout: 60_000 },
      async () => {
        const tenant = await newTenant();
        const send = await operation.prepare(tenant);
        const before = await tenantRows(tenant.tenantId);

        const { db, failedBatches } = dbWithFailingBatches();
        const failed = await callWithDb(db, send);
        expect(failedBatches()).toBeGreaterThan(0);
        expect(failed.status).toBe(500);
        expect(failed.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
        expect(await failed.text()).not.toMatch(/NOT NULL|SQLITE|D1_ERROR/);
        expect(dataChanges(before, await tenantRows(tenant.tenantId))).toEqual([]);

        // The same request once the fault is gone: applied, to several tables at once, and only once.
        const applied = await callWithDb(env.DB, send);
        expect(applied.status, await applied.clone().text()).toBe(201);
        const written = dataChanges(before, await tenantRows(tenant.tenantId));
        expect(written.length).toBeGreaterThan(1);
        const afterFirst = await tenantRows(tenant.tenantId);
        const replay = await callWithDb(env.DB, send);
        expect([200, 201]).toContain(replay.status);
        expect(dataChanges(afterFirst, await tenantRows(tenant.tenantId))).toEqual([]);
        const member = await env.DB.prepare('SELECT customer_id AS id FROM loyalty_members WHERE tenant_id = ?')
          .bind(tenant.tenantId)
          .first<{ id: string }>();
        if (member) await expectConsistent(tenant.tenantId, member.id);
      },
    );
  }
});
