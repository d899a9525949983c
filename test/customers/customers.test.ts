import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { body, call, countRows, expectProblem, newSurvey, newTenant } from '../helpers';

interface CustomerBody {
  id: string;
  email: string | null;
  externalId: string | null;
  name: string | null;
  properties: Record<string, unknown>;
  erased: boolean;
}

describe('customers API', () => {
  it('upserts by externalId, then by email, merging properties', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    const created = await call('/v1/customers', {
      method: 'POST',
      key,
      json: { externalId: 'crm-1', email: 'x@y.com', properties: { plan: 'pro' } },
    });
    expect(created.status).toBe(201);
    const first = await body<CustomerBody>(created);
    const updated = await call('/v1/customers', {
      method: 'POST',
      key,
      json: { externalId: 'crm-1', name: 'Xena', properties: { country: 'DE' } },
    });
    expect(updated.status).toBe(200);
    expect(await body<CustomerBody>(updated)).toMatchObject({
      id: first.id,
      email: 'x@y.com',
      name: 'Xena',
      properties: { plan: 'pro', country: 'DE' },
    });
    const byEmail = await call('/v1/customers', { method: 'POST', key, json: { email: 'X@Y.com', birthday: '1990-02-28' } });
    expect((await body<CustomerBody>(byEmail)).id).toBe(first.id);
    expect(await countRows('customers', tenant.tenantId)).toBe(1);

    const found = await body<{ data: CustomerBody[] }>(await call('/v1/customers?email=x%40y.com', { key }));
    expect(found.data.map((c) => c.id)).toEqual([first.id]);
  });

  it('refuses an email that belongs to another customer (409) and invalid fields (422)', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    await call('/v1/customers', { method: 'POST', key, json: { externalId: 'a', email: 'taken@example.com' } });
    await expectProblem(
      await call('/v1/customers', { method: 'POST', key, json: { externalId: 'b', email: 'taken@example.com' } }),
      409,
    );
    await expectProblem(
      await call('/v1/customers', { method: 'POST', key, json: { externalId: 'c', birthday: '1990-02-30' } }),
      422,
    );
    await expectProblem(await call('/v1/customers', { method: 'POST', key, json: { name: 'nobody' } }), 422);
    expect(await countRows('customers', tenant.tenantId)).toBe(1);
  });

  it('erases personal data but keeps the anonymous score', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    const survey = await newSurvey(key);
    const response = await body<{ id: string; customerId: string }>(
      await call('/v1/responses', {
        method: 'POST',
        key,
        json: {
          surveyId: survey.id,
          score: 4,
          comment: 'My name is Ann Smith',
          pageUrl: 'https://shop.example/orders/77',
          customer: { externalId: 'ann', email: 'ann@example.com', name: 'Ann' },
        },
      }),
    );
    expect((await call(`/v1/customers/${response.customerId}`, { method: 'DELETE', key })).status).toBe(204);

    const customer = await body<CustomerBody>(await call(`/v1/customers/${response.customerId}`, { key }));
    expect(customer).toMatchObject({ erased: true, email: null, externalId: null, name: null, properties: {} });
    const kept = await body<{ score: number; comment: string | null; pageUrl: string | null }>(
      await call(`/v1/responses/${response.id}`, { key }),
    );
    expect(kept).toMatchObject({ score: 4, comment: null, pageUrl: null });
    const raw = await env.DB.prepare('SELECT * FROM customers WHERE tenant_id = ?').bind(tenant.tenantId).all();
    expect(JSON.stringify(raw.results)).not.toMatch(/ann/i);
    await expectProblem(
      await call(`/v1/customers/${response.customerId}`, { method: 'PATCH', key, json: { name: 'Back' } }),
      409,
    );
  });
});
