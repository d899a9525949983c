import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { addMonths, localDay, monthOf } from '../../worker/metrics/days';
import { rfmScores } from '../../worker/metrics/rfm';
import type { CustomersSnapshot, MetricsSnapshot, SegmentsSnapshot } from '../../worker/metrics/schemas';
import { body, call, countRows, expectProblem, newSurvey, newTenant } from '../helpers';
import { answer, customerId, DAY, order } from './helpers';

const recompute = (key: string, full = false) => call('/v1/metrics/recompute', { method: 'POST', key, json: { full } });

describe('GET /v1/metrics', { timeout: 30_000 }, () => {
  it('answers null metrics, not zeros, for a period without data', async () => {
    const tenant = await newTenant();
    const snapshot = await body<MetricsSnapshot>(await call('/v1/metrics?period=7d', { key: tenant.secretKey }));
    expect(snapshot).toMatchObject({ period: '7d', segment: 'all', nps: null, csat: null, ces: null, npsChange: null });
    expect(snapshot.responseRate.rate).toBeNull();
    expect(snapshot.orders!.averageOrderValue).toBeNull();
  });

  it('reads the recomputed snapshot per period and segment, and refuses invalid queries', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    await answer(tenant.secretKey, survey.id, [10, 9, 8, 2], { device: 'desktop' });
    await answer(tenant.secretKey, survey.id, [0], { channel: 'widget', daysAgo: 40 });
    expect((await recompute(tenant.secretKey)).status).toBe(200);

    const month = await body<MetricsSnapshot>(await call('/v1/metrics?period=30d', { key: tenant.secretKey }));
    // 2 promoters, 1 passive, 1 detractor → 25; the previous 30 days: 1 detractor → −100.
    expect(month.nps).toMatchObject({ n: 4, promoters: 2, passives: 1, detractors: 1, score: 25 });
    expect(month.previous.nps).toBe(-100);
    expect(month.npsChange!.delta).toBe(125);
    const quarter = await body<MetricsSnapshot>(await call('/v1/metrics?period=90d', { key: tenant.secretKey }));
    expect(quarter.nps).toMatchObject({ n: 5, score: 0 });
    const api = await body<MetricsSnapshot>(
      await call('/v1/metrics?period=90d&segment=channel:widget', { key: tenant.secretKey }),
    );
    expect(api.nps).toMatchObject({ n: 1, score: -100 });
    const desktop = await body<MetricsSnapshot>(
      await call('/v1/metrics?period=30d&segment=device:desktop', { key: tenant.secretKey }),
    );
    expect(desktop.nps!.n).toBe(4);

    await expectProblem(await call('/v1/metrics?period=8d', { key: tenant.secretKey }), 422);
    await expectProblem(await call('/v1/metrics?segment=nocolon', { key: tenant.secretKey }), 422);
  });

  it('gives a month-by-month trend and a segment table with n and the too-small flag', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    await answer(tenant.secretKey, survey.id, Array(30).fill(10), { device: 'mobile' });
    await answer(tenant.secretKey, survey.id, [0, 0], { device: 'tablet' });
    await recompute(tenant.secretKey);

    const trend = await body<{ months: Array<{ month: string; snapshot: MetricsSnapshot | null }> }>(
      await call('/v1/metrics/trend?months=13', { key: tenant.secretKey }),
    );
    const thisMonth = monthOf(localDay(Date.now(), 'UTC'));
    expect(trend.months.map((m) => m.month)).toEqual(Array.from({ length: 13 }, (_, i) => addMonths(thisMonth, i - 12)));
    expect(trend.months.slice(0, 12).every((m) => m.snapshot === null)).toBe(true);
    expect(trend.months[12]!.snapshot!.nps!.n).toBe(32);

    const segments = await body<SegmentsSnapshot>(await call('/v1/metrics/segments?period=30d', { key: tenant.secretKey }));
    const devices = segments.nps
      .filter((row) => row.dimension === 'device')
      .map((row) => [row.value, row.n, row.tooSmall, row.nps!.score]);
    expect(devices).toEqual([
      ['mobile', 30, false, 100],
      ['tablet', 2, true, -100],
    ]);
  });
});

describe('GET /v1/customers/key and order metrics', { timeout: 30_000 }, () => {
  it('scores RFM by cumulative distribution and computes churn, repeat rate, AOV, frequency and LTV', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    await expectProblem(await call('/v1/customers/key', { key: tenant.secretKey }), 404);
    for (const externalId of ['c1', 'c2', 'c3'])
      await answer(tenant.secretKey, survey.id, [externalId === 'c3' ? 3 : 9], { customer: { externalId } });
    const [c1, c2, c3] = await Promise.all(['c1', 'c2', 'c3'].map((id) => customerId(tenant.secretKey, id)));
    const now = Date.now();
    await order(tenant.tenantId, c1!, 100, now - 10 * DAY);
    await order(tenant.tenantId, c1!, 300, now - 5 * DAY);
    await order(tenant.tenantId, c2!, 200, now - 2 * DAY);
    await order(tenant.tenantId, c3!, 1000, now - 400 * DAY);
    await recompute(tenant.secretKey);

    const key = await body<CustomersSnapshot>(await call('/v1/customers/key', { key: tenant.secretKey }));
    // 3 customers; c3 last ordered 400 days ago (> 90) → churn 1/3; c1 ordered twice → repeat 1/3;
    // AOV = 1600 / 4 = 400; last 365 days: 3 orders by 2 customers → 1.5 a year; LTV = 400 × 1.5 × 1/(1/3) = 1800.
    expect(key).toMatchObject({ customers: 3, churned: 1, repeatCustomers: 1, averageOrderValue: 400, frequencyPerYear: 1.5 });
    expect(key.churnRate).toBeCloseTo(1 / 3, 10);
    expect(key.repeatPurchaseRate).toBeCloseTo(1 / 3, 10);
    expect(key.lifetimeValue).toBeCloseTo(1800, 6);
    // Recency cume-dist 1/3, 2/3, 1 → 2, 4, 5; frequency 1, 1, 2 → 4, 4, 5; monetary 200, 400, 1000 → 2, 4, 5.
    expect(key.top.map((c) => [c.customerId, c.recency, c.frequency, c.monetary, c.segment, c.revenue, c.lastScore])).toEqual([
      [c3, 2, 4, 5, 'at_risk', 1000, 3],
      [c1, 4, 5, 4, 'champions', 400, 9],
      [c2, 5, 4, 2, 'loyal', 200, 9],
    ]);
    // The SQL scoring agrees with the reference implementation.
    const reference = rfmScores([
      { customerId: c1!, lastOrderAt: now - 5 * DAY, orders: 2, revenue: 400 },
      { customerId: c2!, lastOrderAt: now - 2 * DAY, orders: 1, revenue: 200 },
      { customerId: c3!, lastOrderAt: now - 400 * DAY, orders: 1, revenue: 1000 },
    ]);
    for (const customer of key.top) {
      expect(reference.find((r) => r.customerId === customer.customerId)).toMatchObject({
        recency: customer.recency,
        frequency: customer.frequency,
        monetary: customer.monetary,
        segment: customer.segment,
      });
    }
    expect(key.segments).toMatchObject({ champions: 1, loyal: 1, at_risk: 1, lost: 0 });
    // Answering may enrol customers in the loyalty programme; participation follows whatever it did.
    const members = await env.DB.prepare('SELECT customer_id AS id FROM loyalty_members WHERE tenant_id = ?')
      .bind(tenant.tenantId)
      .all<{ id: string }>();
    const revenue: Record<string, number> = { [c1!]: 400, [c2!]: 200, [c3!]: 1000 };
    const memberRevenue = members.results.reduce((sum, member) => sum + (revenue[member.id] ?? 0), 0);
    expect(key.loyalty.members).toBe(members.results.length);
    expect(key.loyalty.participation).toBeCloseTo(members.results.length / 3, 10);
    expect(key.loyalty.membersRevenueShare).toBeCloseTo(memberRevenue / 1600, 10);

    // Last 30 days: 3 orders, 600 revenue by 2 customers.
    const month = await body<MetricsSnapshot>(await call('/v1/metrics?period=30d', { key: tenant.secretKey }));
    expect(month.orders).toMatchObject({
      orders: 3,
      revenue: 600,
      averageOrderValue: 200,
      orderingCustomers: 2,
      purchaseFrequency: 1.5,
    });
  });

  it('computes month-by-month retention CRR = |S ∩ E| / S with the tenant churn window', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const put = await call('/v1/metrics/settings', {
      method: 'PUT',
      key: tenant.secretKey,
      json: { churnDays: 30, grossMargin: 0.5 },
    });
    expect(await body(put)).toEqual({ churnDays: 30, grossMargin: 0.5 });
    for (const externalId of ['r1', 'r2', 'r3', 'r4'])
      await answer(tenant.secretKey, survey.id, [8], { customer: { externalId } });
    const [r1, r2, r3, r4] = await Promise.all(['r1', 'r2', 'r3', 'r4'].map((id) => customerId(tenant.secretKey, id)));
    const thisMonth = monthOf(localDay(Date.now(), 'UTC'));
    const at = (month: string) => Date.parse(`${month}-01T00:00:01Z`);
    const [m2, m1] = [addMonths(thisMonth, -2), addMonths(thisMonth, -1)];
    for (const customer of [r1, r2, r3]) await order(tenant.tenantId, customer!, 1000, at(m2));
    await order(tenant.tenantId, r1!, 1000, at(m1));
    await order(tenant.tenantId, r1!, 1000, at(thisMonth));
    await order(tenant.tenantId, r2!, 1000, at(thisMonth));
    await order(tenant.tenantId, r4!, 1000, at(thisMonth));
    await recompute(tenant.secretKey, true);

    const trend = await body<{ months: Array<{ month: string; snapshot: MetricsSnapshot | null }> }>(
      await call('/v1/metrics/trend?months=3', { key: tenant.secretKey }),
    );
    const retention = trend.months.map((m) => m.snapshot!.retention);
    // One-month window. m2: nobody before → S = 0 → null. m1: S = 3, E = 1 (r1 kept) → 1/3.
    // This month: S = {r1}, E = {r1, r2, r4}: r4 is new and r2 is back after a gap, so only r1 is retained → 1
    // ((E − N) / S would say 200 %).
    expect(retention[0]).toMatchObject({ start: 0, end: 3, acquired: 3, retained: 0, rate: null, windowMonths: 1 });
    expect(retention[1]).toMatchObject({ start: 3, end: 1, acquired: 0, retained: 1 });
    expect(retention[1]!.rate).toBeCloseTo(1 / 3, 10);
    expect(retention[2]).toMatchObject({ start: 1, end: 3, acquired: 1, retained: 1, rate: 1 });
    const key = await body<CustomersSnapshot>(await call('/v1/customers/key', { key: tenant.secretKey }));
    expect(key.grossMargin).toBe(0.5);
    expect(key.top.find((c) => c.customerId === r1)!.lifetimeValue).toBe(1500);
  });
});

describe('goals', { timeout: 30_000 }, () => {
  it('CRUD with current value, change vs the previous period and on-track state', async () => {
    const tenant = await newTenant();
    const other = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    await answer(tenant.secretKey, survey.id, [10, 10, 10, 0], { daysAgo: 1 });
    await answer(tenant.secretKey, survey.id, [10, 0], { daysAgo: 10 });
    await recompute(tenant.secretKey);

    const created = await call('/v1/goals', {
      method: 'POST',
      key: tenant.secretKey,
      json: { metric: 'nps', target: 40, period: '7d' },
    });
    expect(created.status).toBe(201);
    const goal = await body<{ id: string; current: number; previous: number; change: number; onTrack: boolean }>(created);
    // This week 3 promoters of 4 minus 1 detractor → 50; the week before 0 → change +50; 50 ≥ 40 → on track.
    expect(goal).toMatchObject({
      metric: 'nps',
      target: 40,
      period: '7d',
      segment: null,
      current: 50,
      previous: 0,
      change: 50,
      onTrack: true,
    });

    const patched = await body(
      await call(`/v1/goals/${goal.id}`, { method: 'PATCH', key: tenant.secretKey, json: { target: 60 } }),
    );
    expect(patched).toMatchObject({ target: 60, onTrack: false });
    const churn = await body(
      await call('/v1/goals', {
        method: 'POST',
        key: tenant.secretKey,
        json: { metric: 'dismissal_rate', target: 0.1, period: 'month' },
      }),
    );
    expect(churn).toMatchObject({ current: null, onTrack: null });

    const list = await body<{ data: Array<{ id: string }> }>(await call('/v1/goals', { key: tenant.secretKey }));
    expect(list.data).toHaveLength(2);
    await expectProblem(await call(`/v1/goals/${goal.id}`, { key: other.secretKey }), 404);
    await expectProblem(
      await call('/v1/goals', { method: 'POST', key: tenant.secretKey, json: { metric: 'happiness', target: 1, period: '7d' } }),
      422,
    );
    expect((await call(`/v1/goals/${goal.id}`, { method: 'DELETE', key: tenant.secretKey })).status).toBe(204);
    await expectProblem(await call(`/v1/goals/${goal.id}`, { key: tenant.secretKey }), 404);
    expect(await countRows('surveys', tenant.tenantId)).toBe(1);
  });

  it('documents every metrics route in the OpenAPI document', async () => {
    const document = await body<{ paths: Record<string, unknown> }>(await call('/v1/openapi.json'));
    for (const path of [
      '/v1/metrics',
      '/v1/metrics/trend',
      '/v1/metrics/segments',
      '/v1/metrics/recompute',
      '/v1/customers/key',
      '/v1/goals',
      '/v1/goals/{id}',
    ]) {
      expect(document.paths).toHaveProperty([path]);
    }
  });
});
