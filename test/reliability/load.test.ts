import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, newSurvey, newTenant, sessionHeaders, SHOP_ORIGIN, type TestTenant } from '../helpers';
import { loyalty, ok } from '../loyalty/helpers';

const ANSWERS = 5_000;
const EVENTS = 5_000;
const IN_FLIGHT = 50;
const POINTS_PER_EVENT = 5;
/**
 * The Rate Limiting binding allows 1,200 writes a minute per widget key and per tenant (wrangler.toml), so the load is
 * spread over this many publishable keys (answers) and tenants (events): 1,000 each, plus the duplicates.
 */
const SPREAD = 5;
const DUPLICATES_PER_TENANT = 100;

/** Runs `tasks` with at most `limit` in flight; resolves with every result in order. */
async function pooled<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

async function extraPublishableKey(tenant: TestTenant, index: number): Promise<string> {
  const response = await call('/api/keys', { method: 'POST', headers: sessionHeaders(tenant), json: { name: `widget ${index}`, kind: 'publishable' } });
  return (await ok<{ key: string }>(response, 201)).key;
}

const ipOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

interface Outcome {
  stream: 'answer' | 'event';
  group: string;
  status: number;
}

describe('load without loss', () => {
  it(`${ANSWERS} widget answers and ${EVENTS} loyalty events sent concurrently: every answer stored once, every event booked once`, async () => {
    const shop = await newTenant('Busy shop');
    const survey = await newSurvey(shop.secretKey);
    const widgetKeys = [shop.publishableKey];
    for (let i = 1; i < SPREAD; i++) widgetKeys.push(await extraPublishableKey(shop, i));

    const programmes: TestTenant[] = [];
    for (let i = 0; i < SPREAD; i++) {
      const tenant = await newTenant(`Programme ${i}`);
      await ok(loyalty(tenant.secretKey, '/rules', { json: { eventType: 'custom:load', name: 'Load events', points: POINTS_PER_EVENT } }), 201);
      programmes.push(tenant);
    }

    const answerTasks = Array.from({ length: ANSWERS }, (_, n) => async (): Promise<Outcome> => {
      const response = await call('/w/v1/responses', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: SHOP_ORIGIN, 'CF-Connecting-IP': ipOf(n) },
        body: JSON.stringify({ key: widgetKeys[n % SPREAD], id: `load-answer-${n}`, surveyId: survey.id, score: n % 11, visitorId: `visitor-${n}` }),
      });
      await response.arrayBuffer();
      return { stream: 'answer', group: `answer-${n}`, status: response.status };
    });

    const eventOf = (n: number) => ({ id: `load-event-${n}`, type: 'custom:load', customer: { externalId: `member-${n % 97}` } });
    const eventTasks = Array.from({ length: EVENTS }, (_, n) => async (): Promise<Outcome> => {
      const tenant = programmes[n % SPREAD]!;
      const response = await loyalty(tenant.secretKey, '/events', { json: eventOf(n), idempotencyKey: `load-key-${n}` });
      await response.arrayBuffer();
      return { stream: 'event', group: `event-${n}`, status: response.status };
    });
    // Deliberate duplicates: half replay the same Idempotency-Key, half send the same event id under a new key.
    const duplicateTasks = Array.from({ length: DUPLICATES_PER_TENANT * SPREAD }, (_, d) => async (): Promise<Outcome> => {
      const n = (d * 7) % EVENTS;
      const tenant = programmes[n % SPREAD]!;
      const idempotencyKey = d % 2 === 0 ? `load-key-${n}` : `load-dup-${d}`;
      const response = await loyalty(tenant.secretKey, '/events', { json: eventOf(n), idempotencyKey });
      await response.arrayBuffer();
      return { stream: 'event', group: `event-${n}`, status: response.status };
    });

    // Interleave the streams so answers, events and duplicates are in flight at the same time.
    const tasks: Array<() => Promise<Outcome>> = [];
    for (let i = 0; i < Math.max(ANSWERS, EVENTS); i++) {
      if (answerTasks[i]) tasks.push(answerTasks[i]!);
      if (eventTasks[i]) tasks.push(eventTasks[i]!);
      if (i % 10 === 5 && duplicateTasks[i / 10 - 0.5]) tasks.push(duplicateTasks[i / 10 - 0.5]!);
    }
    expect(tasks).toHaveLength(ANSWERS + EVENTS + DUPLICATES_PER_TENANT * SPREAD);

    const started = Date.now();
    const outcomes = await pooled(tasks, IN_FLIGHT);
    console.log(`load: ${tasks.length} requests, ${IN_FLIGHT} in flight, ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Nothing failed on our side and nothing was refused by a rate limit.
    const statuses = new Map<number, number>();
    for (const { status } of outcomes) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    expect([...statuses.keys()].every((status) => [200, 201, 409].includes(status)), JSON.stringify([...statuses])).toBe(true);
    // Every answer was accepted the first time; every event was accepted by at least one of its requests
    // (a duplicate with the same key may win the race and leave the original a 409 "in progress").
    expect(outcomes.filter((o) => o.stream === 'answer' && o.status === 201)).toHaveLength(ANSWERS);
    const accepted = new Set(outcomes.filter((o) => o.stream === 'event' && o.status !== 409).map((o) => o.group));
    expect(accepted.size).toBe(EVENTS);

    const stored = await env.DB.prepare("SELECT count(*) AS n, count(DISTINCT client_id) AS ids FROM responses WHERE tenant_id = ? AND channel = 'widget'")
      .bind(shop.tenantId)
      .first<{ n: number; ids: number }>();
    expect(stored).toEqual({ n: ANSWERS, ids: ANSWERS });

    for (const tenant of programmes) {
      const ledger = await env.DB.prepare(
        "SELECT count(*) AS entries, coalesce(sum(available_delta + pending_delta), 0) AS points FROM loyalty_entries WHERE tenant_id = ? AND kind = 'earn'",
      )
        .bind(tenant.tenantId)
        .first<{ entries: number; points: number }>();
      expect(ledger).toEqual({ entries: EVENTS / SPREAD, points: (EVENTS / SPREAD) * POINTS_PER_EVENT });
      const members = await env.DB.prepare('SELECT coalesce(sum(available + pending), 0) AS points FROM loyalty_members WHERE tenant_id = ?')
        .bind(tenant.tenantId)
        .first<{ points: number }>();
      expect(members!.points).toBe((EVENTS / SPREAD) * POINTS_PER_EVENT);
    }
  }, 900_000);
});
