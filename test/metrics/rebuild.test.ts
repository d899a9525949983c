import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '../../worker/metrics/schemas';
import { offsetsBetween } from '../../worker/metrics/zone-offsets';
import { call, newSurvey, newTenant, nextIp, SHOP_ORIGIN, sessionHeaders, type TestTenant } from '../helpers';
import { loyalty, ok, order, purchaseRule, setUp } from '../loyalty/helpers';
import { answer } from './helpers';

const HOUR = 3_600_000;

describe('offsetsBetween', () => {
  it('finds the minute a zone changes its offset', () => {
    const from = Date.UTC(2026, 0, 1);
    expect(offsetsBetween(from, Date.UTC(2026, 11, 31), 'America/New_York')).toEqual([
      { since: from, offset: -5 * HOUR },
      { since: Date.UTC(2026, 2, 8, 7), offset: -4 * HOUR }, // 02:00 EST → 03:00 EDT
      { since: Date.UTC(2026, 10, 1, 6), offset: -5 * HOUR }, // 02:00 EDT → 01:00 EST
    ]);
    expect(offsetsBetween(from, Date.UTC(2026, 11, 31), 'Asia/Kathmandu')).toEqual([{ since: from, offset: 5.75 * HOUR }]);
  });
});

const ROLLUPS = {
  metric_daily: 'day, survey_id, channel',
  metric_segment_daily: 'day, dimension, value, survey_id',
  metric_customers: 'customer_id',
  metric_orders_daily: 'day',
  metric_customer_months: 'month, customer_id',
  metric_customer_cohorts: 'customer_id',
  metric_cohort_cells: 'cohort, month',
  metric_points_daily: 'day',
  metric_sentiment_daily: 'day, survey_id, channel',
  metric_topic_daily: 'day, survey_id, channel, topic',
} as const;

/** Comments in both languages, so the rebuilt tone and topic rollups have something to match. */
const COMMENTS = [
  'Delivery was late again and support never answered my emails.',
  'Отличный сервис, доставка быстрая, спасибо!',
  undefined,
  'The price is too high for what you get.',
];

/** Every rollup row of the tenant, without the versions (which only order changes). */
async function rollups(tenantId: string): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(ROLLUPS)) {
    const { results } = await env.DB.prepare(`SELECT * FROM ${table} WHERE tenant_id = ? ORDER BY ${order}`).bind(tenantId).all();
    tables[table] = results.map(({ version: _version, ...row }) => row);
  }
  return tables;
}

const recompute = (tenant: TestTenant, json: Record<string, boolean>) =>
  ok<{ skipped: boolean; written: number }>(call('/v1/metrics/recompute', { method: 'POST', key: tenant.secretKey, json }));
const metrics = (tenant: TestTenant, period: string) =>
  ok<MetricsSnapshot>(call(`/v1/metrics?period=${period}`, { key: tenant.secretKey }));

describe('POST /v1/metrics/recompute {"rebuild": true}', { timeout: 60_000 }, () => {
  it('rebuilds from the raw rows exactly the rollups the write path kept, in the tenant’s time zone, idempotently', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    await ok(call('/api/tenant', { method: 'PATCH', headers: sessionHeaders(tenant), json: { timezone: 'America/New_York' } }));
    const survey = await newSurvey(key);
    // Around the end of summer time in New York (2026-11-01 06:00 UTC), and late evenings that are the next day in UTC.
    const instants = ['2026-11-01T03:59:00Z', '2026-11-01T04:30:00Z', '2026-11-01T06:30:00Z', '2026-07-10T03:30:00Z'];
    for (const [i, at] of instants.entries()) {
      const json = {
        surveyId: survey.id,
        score: i * 3,
        occurredAt: at,
        device: 'mobile',
        properties: { plan: i % 2 ? 'pro' : 'free' },
        customer: { externalId: `c${i % 2}` },
        comment: COMMENTS[i],
      };
      await ok(call('/v1/responses', { method: 'POST', key, json }), 201);
    }
    await answer(key, survey.id, [10, 9], { channel: 'widget' });
    for (const id of ['display-1', 'display-2']) {
      await call('/w/v1/events', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Origin: SHOP_ORIGIN, 'CF-Connecting-IP': nextIp() },
        body: JSON.stringify({
          key: tenant.publishableKey,
          id,
          type: 'display',
          surveyId: survey.id,
          visitorId: `visitor-${id}`,
        }),
      });
    }
    await setUp(key, {}, [purchaseRule]);
    await ok(order(key, 'o1', 'c0', 4_000, { occurredAt: '2026-07-10T03:00:00Z' }), 201);
    await ok(order(key, 'o2', 'c1', 2_500, { occurredAt: '2026-11-01T04:00:00Z' }), 201);
    await ok(order(key, 'o3', 'c0', 1_000), 201);
    await ok(loyalty(key, '/orders/o1/refunds', { json: { id: 'r1', amount: 1_000 } }), 201);
    await ok(
      loyalty(key, '/adjustments', { json: { customer: { externalId: 'c1' }, points: -5, reason: 'correction', actor: 'test' } }),
      201,
    );

    await recompute(tenant, { full: true });
    const kept = await rollups(tenant.tenantId);
    const headline = await metrics(tenant, '365d');
    // The data is there: 6 answers, 3 orders, points booked; New York days (03:59 UTC on 1 November is 31 October there).
    expect(headline.nps?.n).toBe(6);
    expect(headline.orders?.orders).toBe(3);
    expect(headline.points?.issued).toBe(75);
    expect(kept.metric_daily!.map((row) => (row as { day: string }).day)).toContain('2026-10-31');
    expect(kept.metric_daily!.map((row) => (row as { day: string }).day)).toContain('2026-07-09');
    // The comments were analysed on write: some tone and some topics to rebuild.
    expect(kept.metric_sentiment_daily!.length).toBeGreaterThan(0);
    expect(kept.metric_topic_daily!.length).toBeGreaterThan(0);

    // As if all of it had been written before the rollups existed.
    for (const table of Object.keys(ROLLUPS))
      await env.DB.prepare(`DELETE FROM ${table} WHERE tenant_id = ?`).bind(tenant.tenantId).run();
    await recompute(tenant, { full: true });
    expect((await metrics(tenant, '365d')).nps).toBeNull();

    await recompute(tenant, { rebuild: true });
    expect(await rollups(tenant.tenantId)).toEqual(kept);
    expect(await metrics(tenant, '365d')).toEqual(headline);

    await recompute(tenant, { rebuild: true });
    expect(await rollups(tenant.tenantId)).toEqual(kept);
  });
});
