import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '../../worker/metrics/schemas';
import { body, call, newSurvey, newTenant, nextIp, SHOP_ORIGIN, type TestTenant } from '../helpers';
import { loyalty, ok, order } from '../loyalty/helpers';
import { DAY } from './helpers';

/** What the widget sends: text/plain from the shop's origin. */
const widget = (path: 'responses' | 'events', payload: Record<string, unknown>) =>
  call(`/w/v1/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: SHOP_ORIGIN, 'CF-Connecting-IP': nextIp() },
    body: JSON.stringify(payload),
  });

const recompute = (tenant: TestTenant) => ok(call('/v1/metrics/recompute', { method: 'POST', key: tenant.secretKey, json: {} }));
const metrics = (tenant: TestTenant, period: string) =>
  ok<MetricsSnapshot>(call(`/v1/metrics?period=${period}`, { key: tenant.secretKey }));

const widgetCounters = (tenantId: string) =>
  env.DB.prepare(
    "SELECT sum(answered) AS answered, sum(promoters) AS promoters, sum(passives) AS passives, sum(detractors) AS detractors, sum(score_sum) AS scoreSum, sum(displayed) AS displayed, sum(dismissed) AS dismissed FROM metric_daily WHERE tenant_id = ? AND channel = 'widget'",
  )
    .bind(tenantId)
    .first();

describe('widget write paths keep the daily counters in the same batch', () => {
  it('moves a widget answer from detractor to promoter when its score is corrected, and a repeated update changes nothing', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const answer = { key: tenant.publishableKey, id: 'answer-1', surveyId: survey.id, visitorId: 'visitor-1', device: 'mobile' };

    expect((await widget('responses', { ...answer, score: 3 })).status).toBe(201);
    expect(await widgetCounters(tenant.tenantId)).toMatchObject({ answered: 1, promoters: 0, detractors: 1, scoreSum: 3 });

    for (let i = 0; i < 2; i++) expect((await widget('responses', { ...answer, score: 10, comment: 'Great' })).status).toBe(200);
    expect(await widgetCounters(tenant.tenantId)).toMatchObject({
      answered: 1,
      promoters: 1,
      passives: 0,
      detractors: 0,
      scoreSum: 10,
    });
    const device = await env.DB.prepare(
      "SELECT answered, promoters, detractors FROM metric_segment_daily WHERE tenant_id = ? AND dimension = 'device' AND value = 'mobile'",
    )
      .bind(tenant.tenantId)
      .first();
    expect(device).toEqual({ answered: 1, promoters: 1, detractors: 0 });

    await recompute(tenant);
    const snapshot = await metrics(tenant, '7d');
    // One answer, a promoter: NPS 100 on n = 1.
    expect(snapshot.nps).toMatchObject({ n: 1, promoters: 1, passives: 0, detractors: 0, score: 100 });
  });

  it('counts displays and dismissals posted by the widget once each, retries included', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const event = (id: string, type: 'display' | 'dismiss', visitorId: string) => ({
      key: tenant.publishableKey,
      id,
      type,
      surveyId: survey.id,
      visitorId,
    });
    for (const [id, type, visitor] of [
      ['display-1', 'display', 'visitor-1'],
      ['display-2', 'display', 'visitor-2'],
      ['display-3', 'display', 'visitor-3'],
      ['display-1', 'display', 'visitor-1'], // retried
      ['dismiss-1', 'dismiss', 'visitor-2'],
      ['dismiss-1', 'dismiss', 'visitor-2'], // retried
    ] as const) {
      expect(await ok(widget('events', event(id, type, visitor)))).toEqual({ recorded: true });
    }
    expect(await widgetCounters(tenant.tenantId)).toMatchObject({ displayed: 3, dismissed: 1 });

    expect(
      (
        await widget('responses', {
          key: tenant.publishableKey,
          id: 'answer-1',
          surveyId: survey.id,
          visitorId: 'visitor-1',
          score: 9,
        })
      ).status,
    ).toBe(201);
    await recompute(tenant);
    const snapshot = await metrics(tenant, '7d');
    // 1 answer and 1 dismissal out of 3 displays.
    expect(snapshot.responseRate).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(snapshot.dismissalRate).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
  });
});

const customerStats = (tenantId: string) =>
  env.DB.prepare(
    `SELECT c.external_id AS customer, m.orders, m.revenue FROM metric_customers m JOIN customers c ON c.id = m.customer_id
    WHERE m.tenant_id = ? ORDER BY c.external_id`,
  )
    .bind(tenantId)
    .all()
    .then((result) => result.results);

describe('loyalty orders and refunds keep the order rollups in the same batch', () => {
  it('counts each order once (retries included), revenue net of refunds, and serves the numbers from GET /v1/metrics', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    const longAgo = new Date(Date.now() - 70 * DAY).toISOString();
    await ok(order(key, 'o1', 'c1', 10_000, { occurredAt: longAgo }), 201);
    await ok(order(key, 'o2', 'c1', 5_000), 201);
    await ok(order(key, 'o2', 'c1', 5_000), 200); // the same order again, with a new idempotency key
    await ok(order(key, 'o3', 'c2', 20_000), 201);
    await ok(order(key, 'o4', 'c2', 1_000), 201);
    await ok(loyalty(key, '/orders/o3/refunds', { json: { id: 'r1', amount: 5_000 } }), 201);
    const replay = await loyalty(key, '/orders/o3/refunds', { json: { id: 'r1', amount: 5_000 } });
    expect(replay.status).toBe(409);

    expect(await customerStats(tenant.tenantId)).toEqual([
      { customer: 'c1', orders: 2, revenue: 15_000 },
      { customer: 'c2', orders: 2, revenue: 16_000 },
    ]);

    await recompute(tenant);
    // Last 30 days: o2, o3 (15,000 after the refund) and o4; c1's first order is older, so only c2 is new.
    expect((await metrics(tenant, '30d')).orders).toEqual({
      orders: 3,
      revenue: 21_000,
      averageOrderValue: 7_000,
      orderingCustomers: 2,
      purchaseFrequency: 1.5,
      newCustomers: 1,
    });
    expect((await metrics(tenant, '90d')).orders).toEqual({
      orders: 4,
      revenue: 31_000,
      averageOrderValue: 7_750,
      orderingCustomers: 2,
      purchaseFrequency: 2,
      newCustomers: 2,
    });
  });
});
