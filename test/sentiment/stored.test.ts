import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '../../worker/metrics/schemas';
import type { SurveyResponse } from '../../worker/responses/schemas';
import { body, call, expectProblem, newSurvey, newTenant, SHOP_ORIGIN, type TestTenant } from '../helpers';

const RU_NEGATIVE = 'Курьер опоздал на три часа, доставка ужасная, больше не закажу';
const EN_NEGATIVE = 'The delivery was late and the courier was rude. Terrible service.';
const EN_POSITIVE = 'Great product, fast delivery, love it!';

async function answer(tenant: TestTenant, json: Record<string, unknown>): Promise<SurveyResponse> {
  const response = await call('/v1/responses', { method: 'POST', key: tenant.secretKey, json });
  if (response.status !== 201) throw new Error(`answer failed: ${response.status} ${await response.text()}`);
  return body<SurveyResponse>(response);
}

async function list(tenant: TestTenant, query: string, via: 'v1' | 'api' = 'v1'): Promise<string[]> {
  const response =
    via === 'v1'
      ? await call(`/v1/responses?${query}`, { key: tenant.secretKey })
      : await call(`/api/responses?${query}`, { headers: { Cookie: tenant.cookie } });
  expect(response.status).toBe(200);
  return (await body<{ data: SurveyResponse[] }>(response)).data.map((row) => row.id);
}

const metrics = async (tenant: TestTenant, query: string) => {
  expect((await call('/v1/metrics/recompute', { method: 'POST', key: tenant.secretKey, json: {} })).status).toBe(200);
  return body<MetricsSnapshot>(await call(`/v1/metrics?${query}`, { key: tenant.secretKey }));
};

describe('comment sentiment stored with the response', { timeout: 30_000 }, () => {
  it('stores sentiment, score and topics of a Russian and an English negative comment, and re-analyses edits', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const ru = await answer(tenant, { surveyId: survey.id, score: 2, comment: RU_NEGATIVE });
    const en = await answer(tenant, { surveyId: survey.id, score: 3, comment: EN_NEGATIVE });
    const bare = await answer(tenant, { surveyId: survey.id, score: 9 });

    expect(ru).toMatchObject({ sentiment: 'negative', topics: ['delivery'] });
    expect(ru.sentimentScore).toBeLessThan(-0.5);
    expect(en).toMatchObject({ sentiment: 'negative', topics: ['service', 'delivery'] });
    expect(en.sentimentScore).toBeLessThan(-0.5);
    expect(bare).toMatchObject({ sentiment: null, sentimentScore: null, topics: [] });
    // What was stored, not only what was answered.
    expect(await body(await call(`/v1/responses/${ru.id}`, { key: tenant.secretKey }))).toMatchObject({
      sentiment: 'negative',
      topics: ['delivery'],
    });

    const edited = await call(`/v1/responses/${en.id}`, {
      method: 'PATCH',
      key: tenant.secretKey,
      json: { comment: EN_POSITIVE },
    });
    expect(await body(edited)).toMatchObject({ comment: EN_POSITIVE, sentiment: 'positive', topics: ['product', 'delivery'] });
    const cleared = await call(`/v1/responses/${en.id}`, { method: 'PATCH', key: tenant.secretKey, json: { comment: null } });
    expect(await body(cleared)).toMatchObject({ comment: null, sentiment: null, sentimentScore: null, topics: [] });
  });

  it('analyses the comment a widget answer gets in its second call', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const post = (json: Record<string, unknown>) =>
      call('/w/v1/responses', {
        method: 'POST',
        headers: { Origin: SHOP_ORIGIN, 'Content-Type': 'text/plain' },
        body: JSON.stringify({ key: tenant.publishableKey, id: 'widget-sentiment-01', surveyId: survey.id, ...json }),
      });
    const { id } = await body<{ id: string }>(await post({ score: 4 }));
    expect((await post({ score: 4, comment: 'Товар сломался через неделю, качество ужасное' })).status).toBe(200);
    expect(await body(await call(`/v1/responses/${id}`, { key: tenant.secretKey }))).toMatchObject({
      sentiment: 'negative',
      topics: ['product'],
    });
  });

  it('filters the responses list by sentiment and topic, under /v1 and /api, per tenant', async () => {
    const tenant = await newTenant();
    const other = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const ru = await answer(tenant, { surveyId: survey.id, score: 2, comment: RU_NEGATIVE });
    const en = await answer(tenant, { surveyId: survey.id, score: 3, comment: EN_NEGATIVE });
    const happy = await answer(tenant, { surveyId: survey.id, score: 10, comment: EN_POSITIVE });
    await answer(tenant, { surveyId: survey.id, score: 8, comment: 'ok' });
    await answer(other, { surveyId: (await newSurvey(other.secretKey)).id, score: 1, comment: EN_NEGATIVE });

    expect(await list(tenant, 'sentiment=negative')).toEqual([en.id, ru.id]);
    expect(await list(tenant, 'sentiment=positive', 'api')).toEqual([happy.id]);
    expect(await list(tenant, 'topic=delivery')).toEqual([happy.id, en.id, ru.id]);
    expect(await list(tenant, 'topic=service&sentiment=negative', 'api')).toEqual([en.id]);
    expect(await list(tenant, 'topic=price')).toEqual([]);
    expect(await list(tenant, 'sentiment=negative&limit=1')).toEqual([en.id]);
    await expectProblem(await call('/v1/responses?sentiment=angry', { key: tenant.secretKey }), 422);
    await expectProblem(await call('/v1/responses?topic=weather', { key: tenant.secretKey }), 422);
  });

  it('adds sentiment shares and detractor topics to the metrics, and moves them when a comment changes', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    await answer(tenant, { surveyId: survey.id, score: 2, comment: RU_NEGATIVE }); // detractor, negative, delivery
    const en = await answer(tenant, { surveyId: survey.id, score: 3, comment: EN_NEGATIVE }); // detractor, negative, service + delivery
    await answer(tenant, { surveyId: survey.id, score: 10, comment: EN_POSITIVE }); // promoter: its topics are not a detractor's
    await answer(tenant, { surveyId: survey.id, score: 8, comment: 'ok' }); // neutral
    await answer(tenant, { surveyId: survey.id, score: 9 }); // no comment: not in n

    const before = await metrics(tenant, 'period=30d');
    expect(before.sentiment).toEqual({ positive: 0.25, neutral: 0.25, negative: 0.5, n: 4 });
    expect(before.detractorTopics).toEqual([
      { topic: 'delivery', count: 2 },
      { topic: 'service', count: 1 },
    ]);
    const bySurvey = await body<MetricsSnapshot>(
      await call(`/v1/metrics?period=30d&segment=survey:${survey.id}`, { key: tenant.secretKey }),
    );
    expect(bySurvey.sentiment).toEqual(before.sentiment);
    const byChannel = await body<MetricsSnapshot>(
      await call('/v1/metrics?period=30d&segment=channel:api', { key: tenant.secretKey }),
    );
    expect(byChannel.detractorTopics).toEqual(before.detractorTopics);

    // The edit takes the old comment's contribution back in the same batch; the recompute only re-reads the rollups.
    await call(`/v1/responses/${en.id}`, { method: 'PATCH', key: tenant.secretKey, json: { comment: 'Everything was fine' } });
    const after = await metrics(tenant, 'period=30d');
    expect(after.sentiment).toEqual({ positive: 0.25, neutral: 0.5, negative: 0.25, n: 4 });
    expect(after.detractorTopics).toEqual([{ topic: 'delivery', count: 1 }]);
    const month = await body<MetricsSnapshot>(
      await call(`/v1/metrics?period=${new Date().toISOString().slice(0, 7)}`, { key: tenant.secretKey }),
    );
    expect(month.sentiment).toEqual(after.sentiment);
  });

  it('shows null sentiment and no topics for a period without comments', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    await answer(tenant, { surveyId: survey.id, score: 9 });
    const snapshot = await metrics(tenant, 'period=7d');
    expect(snapshot.nps).not.toBeNull();
    expect(snapshot.sentiment).toBeNull();
    expect(snapshot.detractorTopics).toEqual([]);
  });
});
