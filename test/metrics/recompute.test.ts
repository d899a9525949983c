import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { addMonths, localDay, monthOf } from '../../worker/metrics/days';
import type { RecomputeMessage } from '../../worker/metrics/fan-out';
import { recomputeTenant } from '../../worker/metrics/recompute';
import type { MetricsSnapshot, SegmentsSnapshot } from '../../worker/metrics/schemas';
import { call, newSurvey, newTenant, sessionHeaders } from '../helpers';
import { answer, csatSurvey, DAY, db, snapshot, snapshotVersions } from './helpers';

/** A stand-in for the queue binding that records what the cron sent. */
function recordingQueue() {
  const sent: RecomputeMessage[] = [];
  const queue = {
    send: async (body: RecomputeMessage) => void sent.push(body),
    sendBatch: async (messages: Iterable<MessageSendRequest<RecomputeMessage>>) => {
      for (const message of messages) sent.push(message.body);
    },
  } as unknown as Queue<RecomputeMessage>;
  return { sent, queue };
}

/** Runs the real scheduled handler, then feeds whatever it enqueued to the real queue consumer. */
async function cronThenConsume(): Promise<string[]> {
  const { sent, queue } = recordingQueue();
  const controller = createScheduledController({ scheduledTime: new Date(), cron: '*/15 * * * *' });
  await worker.scheduled(controller, { ...env, METRICS_QUEUE: queue });
  const tenantIds = sent.map((message) => message.tenantId);
  if (sent.length > 0) {
    const batch = createMessageBatch<RecomputeMessage>(
      'rapport-metrics',
      sent.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
    );
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, createExecutionContext());
    expect(result.explicitAcks.length).toBe(sent.length);
    expect(result.retryMessages).toEqual([]);
  }
  return tenantIds;
}

describe('write-path rollups', () => {
  it('counts each response once, on the tenant-local day, in the same batch as the insert', async () => {
    const tenant = await newTenant();
    await call('/api/tenant', { method: 'PATCH', headers: sessionHeaders(tenant), json: { timezone: 'Asia/Tokyo' } });
    const survey = await newSurvey(tenant.secretKey);
    // 20:00 UTC is 05:00 the next day in Tokyo.
    const occurredAt = '2026-01-31T20:00:00Z';
    for (const id of ['answer-0001', 'answer-0001', 'answer-0002']) {
      await call('/v1/responses', {
        method: 'POST',
        key: tenant.secretKey,
        json: { id, surveyId: survey.id, score: 9, occurredAt, device: 'mobile', properties: { plan: 'pro' } },
      });
    }
    const daily = await env.DB.prepare('SELECT day, answered, promoters FROM metric_daily WHERE tenant_id = ?')
      .bind(tenant.tenantId)
      .all();
    expect(daily.results).toEqual([{ day: '2026-02-01', answered: 2, promoters: 2 }]);
    const segments = await env.DB.prepare(
      'SELECT dimension, value, answered FROM metric_segment_daily WHERE tenant_id = ? ORDER BY dimension',
    )
      .bind(tenant.tenantId)
      .all();
    expect(segments.results).toEqual([
      { dimension: 'device', value: 'mobile', answered: 2 },
      { dimension: 'property.plan', value: 'pro', answered: 2 },
    ]);
  });
});

describe('scheduled fan-out → queue → snapshots', { timeout: 30_000 }, () => {
  it('recomputes changed tenants only, writes nothing on a second run, and touches only changed months', async () => {
    const a = await newTenant('A');
    const b = await newTenant('B');
    const npsA = await newSurvey(a.secretKey);
    const csatA = await csatSurvey(a.secretKey);
    const npsB = await newSurvey(b.secretKey);

    // A, last 7 days: 3 promoters, 1 passive, 1 detractor → NPS 40. CSAT 5, 4, 2 → 66.67 %.
    await answer(a.secretKey, npsA.id, [10, 9, 9, 7, 3], { daysAgo: 1, channel: 'widget' });
    await answer(a.secretKey, csatA.id, [5, 4, 2], { daysAgo: 1 });
    // A, four months ago: one detractor.
    await answer(a.secretKey, npsA.id, [0], { daysAgo: 120 });
    await answer(b.secretKey, npsB.id, [10]);

    const first = await cronThenConsume();
    expect(first).toContain(a.tenantId);
    expect(first).toContain(b.tenantId);

    const week = (await snapshot<MetricsSnapshot>(a.tenantId, '7d'))!;
    expect(week.nps).toMatchObject({ n: 5, promoters: 3, passives: 1, detractors: 1, score: 40 });
    expect(week.csat!.score).toBeCloseTo(66.667, 2);
    expect(week.ces).toBeNull();
    expect(week.npsChange).toBeNull(); // nothing in the week before
    const widget = (await snapshot<MetricsSnapshot>(a.tenantId, '7d', 'channel:widget'))!;
    expect(widget.nps!.n).toBe(5);
    const segments = (await snapshot<SegmentsSnapshot>(a.tenantId, '30d', 'segments'))!;
    expect(segments.nps.find((row) => row.dimension === 'channel' && row.value === 'widget')).toMatchObject({
      n: 5,
      tooSmall: true,
    });
    const year = (await snapshot<MetricsSnapshot>(a.tenantId, '365d'))!;
    expect(year.nps).toMatchObject({ n: 6, promoters: 3, detractors: 2, score: (100 * (3 - 2)) / 6 });
    expect((await snapshot<MetricsSnapshot>(b.tenantId, '7d'))!.nps!.score).toBe(100);

    // Twice: the cron finds nothing to do, and a forced consumer run rewrites nothing.
    const before = await snapshotVersions(a.tenantId);
    expect(await cronThenConsume()).toEqual([]);
    expect(await recomputeTenant(db(), a.tenantId)).toMatchObject({ skipped: true, written: 0 });
    expect(await snapshotVersions(a.tenantId)).toEqual(before);

    // New data for A only: only A is enqueued, and only the months that depend on the changed day move.
    const bBefore = await snapshotVersions(b.tenantId);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await answer(a.secretKey, npsA.id, [10], { daysAgo: 120 });
    expect(await cronThenConsume()).toEqual([a.tenantId]);
    expect(await snapshotVersions(b.tenantId)).toEqual(bBefore);
    const after = await snapshotVersions(a.tenantId);
    const oldMonth = monthOf(localDay(Date.now() - 120 * DAY, 'UTC'));
    expect(after.get(`${oldMonth}|all`)).toBeGreaterThan(before.get(`${oldMonth}|all`)!);
    expect(after.get('365d|all')).toBeGreaterThan(before.get('365d|all')!);
    // Last week did not change, so its snapshot was not rewritten.
    expect(after.get('7d|all')).toBe(before.get('7d|all'));
    const untouched = addMonths(oldMonth, -1);
    expect(after.has(`${untouched}|all`)).toBe(false);
    const month = (await snapshot<MetricsSnapshot>(a.tenantId, oldMonth))!;
    expect(month.nps).toMatchObject({ n: 2, promoters: 1, detractors: 1, score: 0 });
  });

  it('POST /v1/metrics/recompute forces a recompute', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    await answer(tenant.secretKey, survey.id, [9, 9, 2]);
    const response = await call('/v1/metrics/recompute', { method: 'POST', key: tenant.secretKey, json: {} });
    expect(response.status).toBe(200);
    expect((await snapshot<MetricsSnapshot>(tenant.tenantId, '30d'))!.nps!.score).toBeCloseTo(100 / 3, 6);
  });
});
