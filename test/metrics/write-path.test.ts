import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { responses, widgetEvents } from '../../worker/db/schema';
import { widgetEventRollups, withResponseRollups } from '../../worker/metrics/rollups';
import type { MetricsSnapshot } from '../../worker/metrics/schemas';
import { newId } from '../../worker/shared/ids';
import { body, call, newSurvey, newTenant } from '../helpers';
import { db } from './helpers';

const counters = (tenantId: string) =>
  env.DB.prepare(
    'SELECT channel, answered, promoters, passives, detractors, displayed, dismissed FROM metric_daily WHERE tenant_id = ? ORDER BY channel',
  )
    .bind(tenantId)
    .all();

describe('write-path rollups for updates and widget events', () => {
  it('moves a response between bands when its score changes, in one batch', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const created = await body<{ id: string; createdAt: string }>(
      await call('/v1/responses', {
        method: 'POST',
        key: tenant.secretKey,
        json: { surveyId: survey.id, score: 3, properties: { plan: 'pro' } },
      }),
    );
    const update = db()
      .update(responses)
      .set({ score: 10, category: 'promoter' })
      .where(and(eq(responses.tenantId, tenant.tenantId), eq(responses.id, created.id)));
    await db().batch(
      await withResponseRollups(db(), tenant.tenantId, { id: created.id, createdAt: Date.parse(created.createdAt) }, update),
    );

    expect((await counters(tenant.tenantId)).results).toEqual([
      { channel: 'api', answered: 1, promoters: 1, passives: 0, detractors: 0, displayed: 0, dismissed: 0 },
    ]);
    const plan = await env.DB.prepare(
      "SELECT answered, promoters, detractors FROM metric_segment_daily WHERE tenant_id = ? AND dimension = 'property.plan'",
    )
      .bind(tenant.tenantId)
      .first();
    expect(plan).toEqual({ answered: 1, promoters: 1, detractors: 0 });
  });

  it('counts widget displays and dismissals once each, giving response and dismissal rates', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const now = Date.now();
    for (const [kind, clientId] of [
      ['display', 'd1'],
      ['display', 'd2'],
      ['display', 'd3'],
      ['display', 'd4'],
      ['dismiss', 'x1'],
      ['dismiss', 'x1'], // a retried event is stored once and counted once
    ] as const) {
      const id = newId('wev', now);
      const insert = db()
        .insert(widgetEvents)
        .values({ id, tenantId: tenant.tenantId, surveyId: survey.id, kind, clientId, subject: null, createdAt: now })
        .onConflictDoNothing();
      await db().batch([insert, ...(await widgetEventRollups(db(), tenant.tenantId, { id, createdAt: now }))]);
    }
    await call('/v1/responses', {
      method: 'POST',
      key: tenant.secretKey,
      json: { surveyId: survey.id, score: 9, channel: 'widget' },
    });
    await call('/v1/metrics/recompute', { method: 'POST', key: tenant.secretKey, json: {} });

    const snapshot = await body<MetricsSnapshot>(await call('/v1/metrics?period=7d', { key: tenant.secretKey }));
    // 1 answer of 4 displays; 1 dismissal of 4 displays.
    expect(snapshot.responseRate).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(snapshot.dismissalRate).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
  });
});
