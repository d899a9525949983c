import { describe, expect, it } from 'vitest';
import { body, call, countRows, expectProblem, newSurvey, newTenant, npsTexts } from '../helpers';

interface ResponseBody {
  id: string;
  score: number;
  category: string;
  comment: string | null;
  customerId: string | null;
}

describe('POST /v1/responses', () => {
  it('records an answer with its category and customer', async () => {
    const { secretKey: key } = await newTenant();
    const survey = await newSurvey(key);
    const created = await call('/v1/responses', {
      method: 'POST',
      key,
      json: {
        surveyId: survey.id,
        score: 9,
        comment: 'Fast delivery',
        customer: { externalId: 'c-1', email: 'Ann@Example.com' },
        channel: 'email',
      },
    });
    expect(created.status).toBe(201);
    const response = await body<ResponseBody>(created);
    expect(response).toMatchObject({ score: 9, category: 'promoter', comment: 'Fast delivery' });
    const customer = await body<{ email: string; externalId: string }>(
      await call(`/v1/customers/${response.customerId}`, { key }),
    );
    expect(customer).toMatchObject({ email: 'ann@example.com', externalId: 'c-1' });
  });

  it('is idempotent on the client id: a retry returns the same response and writes nothing', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const json = { id: 'order-123-nps', surveyId: survey.id, score: 3, customer: { externalId: 'c-9' } };
    const first = await call('/v1/responses', { method: 'POST', key: tenant.secretKey, json });
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => call('/v1/responses', { method: 'POST', key: tenant.secretKey, json })),
    );
    expect(first.status).toBe(201);
    const firstBody = await body<ResponseBody>(first);
    for (const retry of retries) {
      expect(retry.status).toBe(200);
      expect((await body<ResponseBody>(retry)).id).toBe(firstBody.id);
    }
    expect(await countRows('responses', tenant.tenantId)).toBe(1);
    expect(await countRows('customers', tenant.tenantId)).toBe(1);
    await expectProblem(
      await call('/v1/responses', { method: 'POST', key: tenant.secretKey, json: { ...json, score: 10 } }),
      409,
    );
  });

  it.each([
    ['nps', [-1, 11, 5.5], [0, 10]],
    ['csat', [0, 6], [1, 5]],
    ['ces', [0, 8], [1, 7]],
  ] as const)('enforces the %s scale', async (kind, invalid, valid) => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey, { kind });
    for (const score of invalid) {
      const problem = await expectProblem(
        await call('/v1/responses', { method: 'POST', key: tenant.secretKey, json: { surveyId: survey.id, score } }),
        422,
      );
      expect(problem.errors?.[0]?.path).toBe('score');
    }
    expect(await countRows('responses', tenant.tenantId)).toBe(0);
    for (const score of valid) {
      expect(
        (await call('/v1/responses', { method: 'POST', key: tenant.secretKey, json: { surveyId: survey.id, score } })).status,
      ).toBe(201);
    }
  });

  it('rejects bad input with the right status and writes nothing', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    const survey = await newSurvey(key);
    const post = (json: unknown) => call('/v1/responses', { method: 'POST', key, json });
    await expectProblem(await post({ surveyId: 'srv_unknown', score: 5 }), 404);
    await expectProblem(await post({ surveyId: survey.id, score: '9' }), 422);
    await expectProblem(await post({ surveyId: survey.id, score: 9, comment: 'x'.repeat(5001) }), 422);
    const bigProperties = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v'.repeat(400)]));
    await expectProblem(await post({ surveyId: survey.id, score: 9, properties: bigProperties }), 422);
    await expectProblem(await post({ surveyId: survey.id, score: 9, customer: { name: 'No identity' } }), 422);
    await expectProblem(await post({ surveyId: survey.id, score: 9, customer: { email: 'not-an-email' } }), 422);
    await expectProblem(
      await call('/v1/responses', { method: 'POST', key, headers: { 'Content-Type': 'application/json' }, body: '{"surveyId":' }),
      400,
    );
    await expectProblem(await call('/v1/responses', { method: 'POST', json: { surveyId: survey.id, score: 9 } }), 401);
    await expectProblem(
      await call('/v1/responses', {
        method: 'POST',
        key,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ surveyId: survey.id, score: 9, comment: 'x'.repeat(1024 * 1024) }),
      }),
      413,
    );
    expect(await countRows('responses', tenant.tenantId)).toBe(0);
    expect(await countRows('customers', tenant.tenantId)).toBe(0);
  });

  it('refuses answers to archived surveys', async () => {
    const { secretKey: key } = await newTenant();
    const survey = await newSurvey(key, { status: 'archived' });
    await expectProblem(await call('/v1/responses', { method: 'POST', key, json: { surveyId: survey.id, score: 9 } }), 409);
  });
});

describe('reading and changing responses', () => {
  it('filters, pages and patches comments', async () => {
    const { secretKey: key } = await newTenant();
    const nps = await newSurvey(key);
    const csat = await newSurvey(key, { kind: 'csat', texts: npsTexts });
    const scores = [0, 6, 7, 8, 9, 10];
    for (const score of scores) {
      await call('/v1/responses', {
        method: 'POST',
        key,
        json: { surveyId: nps.id, score, ...(score < 7 ? { comment: 'slow' } : {}) },
      });
    }
    await call('/v1/responses', { method: 'POST', key, json: { surveyId: csat.id, score: 2 } });

    const list = async (query: string) =>
      (await body<{ data: ResponseBody[]; nextCursor: string | null }>(await call(`/v1/responses?${query}`, { key }))).data;
    expect((await list(`surveyId=${nps.id}&category=detractor`)).map((r) => r.score).sort()).toEqual([0, 6]);
    expect(await list(`surveyId=${nps.id}&hasComment=true`)).toHaveLength(2);
    expect(await list(`surveyId=${csat.id}`)).toHaveLength(1);
    expect(await list(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toHaveLength(0);

    const firstPage = await body<{ data: ResponseBody[]; nextCursor: string }>(await call('/v1/responses?limit=4', { key }));
    const secondPage = await body<{ data: ResponseBody[]; nextCursor: string | null }>(
      await call(`/v1/responses?limit=4&cursor=${firstPage.nextCursor}`, { key }),
    );
    expect(secondPage.nextCursor).toBeNull();
    expect(new Set([...firstPage.data, ...secondPage.data].map((r) => r.id)).size).toBe(7);

    const target = firstPage.data[0]!;
    const patched = await body<ResponseBody>(
      await call(`/v1/responses/${target.id}`, { method: 'PATCH', key, json: { comment: 'Changed my mind' } }),
    );
    expect(patched.comment).toBe('Changed my mind');
    const cleared = await body<ResponseBody>(
      await call(`/v1/responses/${target.id}`, { method: 'PATCH', key, json: { comment: null } }),
    );
    expect(cleared.comment).toBeNull();
    await expectProblem(await call('/v1/responses?limit=500', { key }), 422);
  });

  it('exports CSV with a BOM, filters, and neutralised formulas', async () => {
    const { secretKey: key } = await newTenant();
    const survey = await newSurvey(key);
    await call('/v1/responses', {
      method: 'POST',
      key,
      json: { surveyId: survey.id, score: 2, comment: '=HYPERLINK("http://evil","x")', customer: { email: 'a@b.co' } },
    });
    await call('/v1/responses', {
      method: 'POST',
      key,
      json: { surveyId: survey.id, score: 10, comment: 'Отлично, "спасибо", всё\nпришло' },
    });
    const response = await call('/v1/responses.csv', { key });
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,created_at,survey_id,score,category,comment,channel,locale,device,page_url,customer_id,customer_external_id,customer_email',
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(text).toContain('"Отлично, ""спасибо"", всё\nпришло"');
    expect(text).toContain('a@b.co');
    const detractorsOnly = await (await call('/v1/responses.csv?category=detractor', { key })).text();
    expect(detractorsOnly.trimEnd().split('\r\n')).toHaveLength(2);
  });
});
