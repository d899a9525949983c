import { describe, expect, it } from 'vitest';
import { body, call, expectProblem, newSurvey, newTenant, npsTexts, sessionHeaders } from '../helpers';

async function logIn(email: string, password: string) {
  const response = await call('/api/auth/login', { method: 'POST', json: { email, password } });
  const me = await body<{ csrfToken: string }>(response);
  return { cookie: response.headers.get('Set-Cookie')!.split(';')[0]!, csrf: me.csrfToken };
}

describe('team roles and the dashboard API', () => {
  it('lets a viewer read but not change anything', async () => {
    const owner = await newTenant();
    const survey = await newSurvey(owner.secretKey);
    const added = await call('/api/team', {
      method: 'POST',
      headers: sessionHeaders(owner),
      json: { email: `viewer-${crypto.randomUUID()}@example.com`, role: 'viewer', password: 'viewer password 1' },
    });
    expect(added.status).toBe(201);
    const viewer = await logIn((await body<{ email: string }>(added)).email, 'viewer password 1');

    const surveys = await body<{ data: Array<{ id: string }> }>(await call('/api/surveys', { headers: sessionHeaders(viewer) }));
    expect(surveys.data.map((s) => s.id)).toEqual([survey.id]);
    expect((await call('/api/responses', { headers: sessionHeaders(viewer) })).status).toBe(200);
    expect((await call('/api/team', { headers: sessionHeaders(viewer) })).status).toBe(200);

    const changes: Array<[string, string, unknown]> = [
      ['POST', '/api/surveys', { kind: 'nps', name: 'x', texts: npsTexts }],
      ['PATCH', `/api/surveys/${survey.id}`, { name: 'renamed' }],
      ['POST', '/api/keys', { name: 'k', kind: 'secret' }],
      ['PATCH', '/api/tenant', { name: 'renamed' }],
      ['POST', '/api/team', { email: 'x@example.com', role: 'owner', password: 'escalate me now' }],
    ];
    for (const [method, path, json] of changes) {
      await expectProblem(await call(path, { method, headers: sessionHeaders(viewer), json }), 403);
    }
    const after = await body<{ name: string }>(await call(`/api/surveys/${survey.id}`, { headers: sessionHeaders(owner) }));
    expect(after.name).toBe('Post-purchase NPS');
  });

  it('lets an admin manage surveys through the session API', async () => {
    const owner = await newTenant();
    const created = await call('/api/surveys', {
      method: 'POST',
      headers: sessionHeaders(owner),
      json: { kind: 'ces', name: 'Checkout effort', texts: npsTexts, status: 'active' },
    });
    expect(created.status).toBe(201);
    const listed = await body<{ data: unknown[] }>(await call('/v1/surveys', { key: owner.secretKey }));
    expect(listed.data).toHaveLength(1);
  });

  it('answers 401 on dashboard data without a session', async () => {
    await expectProblem(await call('/api/surveys'), 401);
    await expectProblem(await call('/api/responses.csv'), 401);
  });
});
