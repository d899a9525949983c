import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { body, call, countRows, expectProblem, newSurvey, newTenant, ORIGIN } from '../helpers';

describe('HTTP conventions', () => {
  it('answers /healthz', async () => {
    const response = await call('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz when the database answers, and 503 problem+json when it does not', async () => {
    const ready = await call('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });

    const unreachable = {
      prepare: () => {
        throw new Error('D1_ERROR: Network connection lost.');
      },
    } as unknown as D1Database;
    const down = await app.fetch(new Request(`${ORIGIN}/readyz`), { ...env, DB: unreachable }, createExecutionContext());
    expect((await expectProblem(down, 503)).detail).toBe('The database does not answer.');
  });

  it('serves the OpenAPI document and a readable reference without credentials', async () => {
    const spec = await call('/v1/openapi.json');
    expect(spec.status).toBe(200);
    const document = await body<{ openapi: string; paths: Record<string, unknown> }>(spec);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/v1/responses');
    const docs = await call('/docs');
    expect(docs.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = await docs.text();
    expect(html).toContain('<code>/v1/responses.csv</code>');
    expect(html).toContain('problem+json');
  });

  it('renders unknown API routes as problem+json 404', async () => {
    const problem = await expectProblem(await call('/v1/nope', { key: 'rk_sk_whatever' }), 401);
    expect(problem.title).toBe('Unauthorized');
    const tenant = await newTenant();
    await expectProblem(await call('/v1/nope', { key: tenant.secretKey }), 404);
    await expectProblem(await call('/api/nope'), 401);
    await expectProblem(await call('/api/nope', { headers: { Cookie: tenant.cookie } }), 404);
  });

  it('refuses missing and malformed credentials with 401', async () => {
    const missing = await call('/v1/surveys');
    await expectProblem(missing, 401);
    expect(missing.headers.get('WWW-Authenticate')).toBe('Bearer');
    await expectProblem(await call('/v1/surveys', { key: 'not-a-key' }), 401);
    await expectProblem(await call('/v1/surveys', { key: 'rk_sk_0000000000000000000000000000000' }), 401);
  });

  it('rejects malformed JSON (400), wrong content type (415) and a 1 MB body (413) without writing', async () => {
    const tenant = await newTenant();
    const headers = { Authorization: `Bearer ${tenant.secretKey}`, 'Content-Type': 'application/json' };
    await expectProblem(await call('/v1/surveys', { method: 'POST', headers, body: '{"kind": "nps",' }), 400);
    await expectProblem(
      await call('/v1/surveys', { method: 'POST', key: tenant.secretKey, headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
      415,
    );
    const huge = JSON.stringify({ kind: 'nps', name: 'x'.repeat(1024 * 1024) });
    await expectProblem(await call('/v1/surveys', { method: 'POST', headers, body: huge }), 413);
    expect(await countRows('surveys', tenant.tenantId)).toBe(0);
  });

  it('names every failing field of an invalid body', async () => {
    const tenant = await newTenant();
    const problem = await expectProblem(
      await call('/v1/surveys', { method: 'POST', key: tenant.secretKey, json: { kind: 'stars', name: 42, texts: {} } }),
      422,
    );
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['kind', 'name', 'texts']);
  });

  it('never echoes database error text', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    const response = await call(`/v1/responses?cursor=${encodeURIComponent('!!!')}&surveyId=${survey.id}`, {
      key: tenant.secretKey,
    });
    const problem = await expectProblem(response, 400);
    expect(JSON.stringify(problem)).not.toMatch(/SQLITE|D1_|sql/i);
  });
});
