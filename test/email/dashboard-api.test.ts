// Campaigns and webhooks through the dashboard's /api mount: session + CSRF, admin role for changes,
// and the CSV upload (above the JSON body limit) authenticated the same way.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { body, call, expectProblem, newSurvey, newTenant, sessionHeaders, type TestTenant } from '../helpers';

async function viewerOf(owner: TestTenant): Promise<{ cookie: string; csrf: string }> {
  const email = `viewer-${crypto.randomUUID()}@example.com`;
  const added = await call('/api/team', {
    method: 'POST',
    headers: sessionHeaders(owner),
    json: { email, role: 'viewer', password: 'viewer password 1' },
  });
  expect(added.status).toBe(201);
  const login = await call('/api/auth/login', { method: 'POST', json: { email, password: 'viewer password 1' } });
  const me = await body<{ csrfToken: string }>(login);
  return { cookie: login.headers.get('Set-Cookie')!.split(';')[0]!, csrf: me.csrfToken };
}

async function newDashboardCampaign(owner: TestTenant): Promise<string> {
  const survey = await newSurvey(owner.secretKey);
  const created = await call('/api/campaigns', {
    method: 'POST',
    headers: sessionHeaders(owner),
    json: {
      surveyId: survey.id,
      name: 'Spring NPS',
      fromName: 'Acme',
      fromEmail: 'nps@acme.example',
      texts: { en: { subject: 'One question' } },
    },
  });
  expect(created.status).toBe(201);
  return (await body<{ id: string }>(created)).id;
}

const csvUpload = (campaignId: string, csv: string, headers: Record<string, string>) =>
  call(`/api/campaigns/${campaignId}/recipients.csv`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', ...headers },
    body: csv,
  });

describe('campaigns under /api', { timeout: 60_000 }, () => {
  it('creates, lists and reads campaigns with a session; changes need CSRF and the admin role', async () => {
    const owner = await newTenant();
    const campaignId = await newDashboardCampaign(owner);
    const listed = await body<{ data: Array<{ id: string }> }>(await call('/api/campaigns', { headers: sessionHeaders(owner) }));
    expect(listed.data.map((campaign) => campaign.id)).toEqual([campaignId]);
    expect((await call(`/v1/campaigns/${campaignId}`, { key: owner.secretKey })).status).toBe(200);

    await expectProblem(await call('/api/campaigns'), 401);
    await expectProblem(
      await call(`/api/campaigns/${campaignId}/start`, { method: 'POST', headers: { Cookie: owner.cookie } }),
      403,
    );
    const viewer = await viewerOf(owner);
    expect((await call(`/api/campaigns/${campaignId}`, { headers: sessionHeaders(viewer) })).status).toBe(200);
    await expectProblem(
      await call(`/api/campaigns/${campaignId}/start`, { method: 'POST', headers: sessionHeaders(viewer) }),
      403,
    );
    const campaign = await body<{ status: string }>(
      await call(`/api/campaigns/${campaignId}`, { headers: sessionHeaders(owner) }),
    );
    expect(campaign.status).toBe('draft');
  });

  it('imports a CSV larger than the JSON body limit for an admin, and refuses it without session, CSRF or role', async () => {
    const owner = await newTenant();
    const campaignId = await newDashboardCampaign(owner);
    const rows = Array.from({ length: 2000 }, (_, index) => `customer-${index}@example.com,Customer number ${index}`);
    const csv = ['email,name', ...rows, 'not-an-address,Broken'].join('\n');
    expect(csv.length).toBeGreaterThan(64 * 1024);

    await expectProblem(await csvUpload(campaignId, csv, {}), 401);
    await expectProblem(await csvUpload(campaignId, csv, { Cookie: owner.cookie }), 403);
    await expectProblem(await csvUpload(campaignId, csv, sessionHeaders(await viewerOf(owner))), 403);
    const untouched = await body<{ stats: { recipients: { pending: number } } }>(
      await call(`/api/campaigns/${campaignId}`, { headers: sessionHeaders(owner) }),
    );
    expect(untouched.stats.recipients.pending).toBe(0);

    const imported = await csvUpload(campaignId, csv, sessionHeaders(owner));
    expect(imported.status).toBe(200);
    expect(await body(imported)).toEqual({
      accepted: 2000,
      rejected: [{ line: 2002, reason: 'invalid_email', message: '"not-an-address" is not an email address' }],
    });
  });
});

const RECEIVER = 'https://hooks.example.test/rapport';
afterEach(() => vi.restoreAllMocks());

describe('webhooks under /api', { timeout: 30_000 }, () => {
  it('creates an endpoint, queues a test event into its delivery log, and deactivates it', async () => {
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) =>
      new Request(input, init).url === RECEIVER ? new Response(null, { status: 204 }) : realFetch(input, init),
    );
    const owner = await newTenant();
    const created = await call('/api/webhooks/endpoints', {
      method: 'POST',
      headers: sessionHeaders(owner),
      json: { url: RECEIVER, events: ['response.created'] },
    });
    expect(created.status).toBe(201);
    const endpoint = await body<{ id: string; secret: string }>(created);
    expect(endpoint.secret).toMatch(/^whsec_/);

    const viewer = await viewerOf(owner);
    await expectProblem(
      await call(`/api/webhooks/endpoints/${endpoint.id}/test`, { method: 'POST', headers: sessionHeaders(viewer) }),
      403,
    );
    const sent = await call(`/api/webhooks/endpoints/${endpoint.id}/test`, { method: 'POST', headers: sessionHeaders(owner) });
    expect(sent.status).toBe(202);
    const delivery = await body<{ id: string; eventType: string; status: string }>(sent);
    expect(delivery).toMatchObject({ eventType: 'webhook.test', status: 'pending' });

    const log = await body<{ data: Array<{ id: string; eventType: string }> }>(
      await call(`/api/webhooks/endpoints/${endpoint.id}/deliveries`, { headers: sessionHeaders(viewer) }),
    );
    expect(log.data.map((entry) => [entry.id, entry.eventType])).toEqual([[delivery.id, 'webhook.test']]);

    expect(
      (await call(`/api/webhooks/endpoints/${endpoint.id}`, { method: 'DELETE', headers: sessionHeaders(owner) })).status,
    ).toBe(204);
    await expectProblem(
      await call(`/api/webhooks/endpoints/${endpoint.id}/test`, { method: 'POST', headers: sessionHeaders(owner) }),
      409,
    );
    await expectProblem(await call(`/v1/webhooks/endpoints/whe_missing/test`, { method: 'POST', key: owner.secretKey }), 404);
  });
});
