import { describe, expect, it } from 'vitest';
import { body, call, countRows, expectProblem, newSurvey, newTenant, npsTexts, SHOP_ORIGIN } from '../helpers';

describe('surveys API', () => {
  it('creates, reads, lists, updates and deletes a survey', async () => {
    const { secretKey: key } = await newTenant();
    const created = await call('/v1/surveys', {
      method: 'POST',
      key,
      json: { kind: 'csat', name: 'Support CSAT', texts: npsTexts },
    });
    expect(created.status).toBe(201);
    const survey = await body<{ id: string; status: string; settings: { recontact: unknown; trigger: unknown } }>(created);
    expect(survey.status).toBe('draft');
    expect(survey.settings.recontact).toEqual({ mode: 'every', days: 90 });

    expect((await call(`/v1/surveys/${survey.id}`, { key })).status).toBe(200);
    const patched = await body<{ status: string; name: string }>(
      await call(`/v1/surveys/${survey.id}`, { method: 'PATCH', key, json: { status: 'active', name: 'Renamed' } }),
    );
    expect(patched).toMatchObject({ status: 'active', name: 'Renamed' });

    const active = await body<{ data: Array<{ id: string }> }>(await call('/v1/surveys?status=active', { key }));
    expect(active.data.map((s) => s.id)).toEqual([survey.id]);

    expect((await call(`/v1/surveys/${survey.id}`, { method: 'DELETE', key })).status).toBe(204);
    await expectProblem(await call(`/v1/surveys/${survey.id}`, { key }), 404);
  });

  it('keeps answered surveys: deleting one is a 409, archiving works', async () => {
    const { secretKey: key } = await newTenant();
    const survey = await newSurvey(key);
    await call('/v1/responses', { method: 'POST', key, json: { surveyId: survey.id, score: 8 } });
    await expectProblem(await call(`/v1/surveys/${survey.id}`, { method: 'DELETE', key }), 409);
    expect((await call(`/v1/surveys/${survey.id}`, { method: 'PATCH', key, json: { status: 'archived' } })).status).toBe(200);
  });

  it('keeps a survey that was shown but never answered: deleting it is a 409, not an error', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const shown = await call('/w/v1/events', {
      method: 'POST',
      headers: { Origin: SHOP_ORIGIN, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ key: tenant.publishableKey, id: 'display-event-1', type: 'display', surveyId: survey.id, visitorId: 'visitor-12345678' }),
    });
    expect(shown.status).toBeLessThan(300);
    await expectProblem(await call(`/v1/surveys/${survey.id}`, { method: 'DELETE', key: tenant.secretKey }), 409);
    expect(await countRows('surveys', tenant.tenantId)).toBe(1);
  });

  it('validates texts, kinds, settings and unknown fields without writing', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    const bad = [
      { kind: 'nps', name: 'x', texts: {} },
      { kind: 'nps', name: 'x', texts: { english: npsTexts.en } },
      { kind: 'nps', name: 'x', texts: { en: { ...npsTexts.en, question: '' } } },
      { kind: 'nps', name: 'x', texts: npsTexts, settings: { samplingPercent: 150 } },
      { kind: 'nps', name: 'x', texts: npsTexts, settings: { trigger: { type: 'scroll', percent: 0 } } },
      { kind: 'nps', name: 'x', texts: npsTexts, colour: 'red' },
    ];
    for (const json of bad) await expectProblem(await call('/v1/surveys', { method: 'POST', key, json }), 422);
    await expectProblem(await call('/v1/surveys/srv_missing', { method: 'PATCH', key, json: {} }), 422);
    expect(await countRows('surveys', tenant.tenantId)).toBe(0);
  });

  it('pages through surveys with a cursor', async () => {
    const { secretKey: key } = await newTenant();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await newSurvey(key, { name: `S${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const result: { data: Array<{ id: string }>; nextCursor: string | null } = await body(
        await call(`/v1/surveys?limit=2${query}`, { key }),
      );
      seen.push(...result.data.map((s) => s.id));
      cursor = result.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });
});
