import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { body, call, expectProblem, newSurvey, newTenant, sessionHeaders } from '../helpers';

async function snapshot(tenantId: string): Promise<string> {
  const tables = ['surveys', 'customers', 'responses'];
  const rows = await Promise.all(
    tables.map((t) => env.DB.prepare(`SELECT * FROM ${t} WHERE tenant_id = ? ORDER BY id`).bind(tenantId).all()),
  );
  return JSON.stringify(rows.map((r) => r.results));
}

describe('tenant isolation', () => {
  it("answers 404 to every read, update and delete of another tenant's data, and changes nothing", async () => {
    const a = await newTenant('A');
    const b = await newTenant('B');
    const survey = await newSurvey(a.secretKey);
    const response = await body<{ id: string; customerId: string }>(
      await call('/v1/responses', {
        method: 'POST',
        key: a.secretKey,
        json: { surveyId: survey.id, score: 9, customer: { externalId: 'shared-id' } },
      }),
    );
    const before = await snapshot(a.tenantId);

    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/v1/surveys/${survey.id}`],
      ['PATCH', `/v1/surveys/${survey.id}`, { name: 'hijacked' }],
      ['DELETE', `/v1/surveys/${survey.id}`],
      ['GET', `/v1/customers/${response.customerId}`],
      ['PATCH', `/v1/customers/${response.customerId}`, { name: 'hijacked' }],
      ['DELETE', `/v1/customers/${response.customerId}`],
      ['GET', `/v1/responses/${response.id}`],
      ['PATCH', `/v1/responses/${response.id}`, { comment: 'hijacked' }],
      ['POST', '/v1/responses', { surveyId: survey.id, score: 0 }],
    ];
    for (const [method, path, json] of attempts) {
      await expectProblem(await call(path, { method, key: b.secretKey, ...(json === undefined ? {} : { json }) }), 404);
    }

    const lists = [
      '/v1/surveys',
      '/v1/customers',
      '/v1/responses',
      `/v1/responses?surveyId=${survey.id}`,
      '/v1/customers?externalId=shared-id',
    ];
    for (const path of lists) expect((await body<{ data: unknown[] }>(await call(path, { key: b.secretKey }))).data).toEqual([]);
    const csv = await (await call('/v1/responses.csv', { key: b.secretKey })).text();
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1);

    // The same external id in B is a different customer.
    await call('/v1/customers', { method: 'POST', key: b.secretKey, json: { externalId: 'shared-id', name: 'B person' } });
    expect(await snapshot(a.tenantId)).toBe(before);
  });

  it("cannot revoke another tenant's key through the dashboard", async () => {
    const a = await newTenant('A');
    const b = await newTenant('B');
    const keys = await body<{ data: Array<{ id: string }> }>(await call('/api/keys', { headers: { Cookie: a.cookie } }));
    await expectProblem(await call(`/api/keys/${keys.data[0]!.id}`, { method: 'DELETE', headers: sessionHeaders(b) }), 404);
    expect((await call('/v1/surveys', { key: a.secretKey })).status).toBe(200);
  });
});
