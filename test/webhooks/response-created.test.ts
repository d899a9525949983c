import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { body, call, newSurvey, newTenant } from '../helpers';

async function deliveries(tenantId: string): Promise<Array<{ event_type: string; payload: string }>> {
  const rows = await env.DB.prepare('SELECT event_type, payload FROM webhook_deliveries WHERE tenant_id = ?').bind(tenantId).all<{
    event_type: string;
    payload: string;
  }>();
  return rows.results;
}

/** The announcement runs after the response is sent (waitUntil), so wait for it to land. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return read();
}

describe('response.created webhook', () => {
  it('announces each new response once, and not its replays', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const endpoint = await call('/v1/webhooks/endpoints', {
      method: 'POST',
      key: tenant.secretKey,
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      json: { url: 'https://hooks.example/rapport', events: ['response.created'] },
    });
    expect(endpoint.status).toBe(201);

    const json = { id: 'answer-0001', surveyId: survey.id, score: 2, comment: 'Late again' };
    const created = await body<{ id: string }>(await call('/v1/responses', { method: 'POST', key: tenant.secretKey, json }));
    const sent = await eventually(() => deliveries(tenant.tenantId), (rows) => rows.length > 0);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.event_type).toBe('response.created');
    expect(JSON.parse(sent[0]!.payload)).toMatchObject({ type: 'response.created', data: { id: created.id, score: 2 } });

    expect((await call('/v1/responses', { method: 'POST', key: tenant.secretKey, json })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await deliveries(tenant.tenantId)).toHaveLength(1);
  });
});
