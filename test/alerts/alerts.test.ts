import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { env } from 'cloudflare:workers';
import { sweepStalledAlerts } from '../../worker/alerts/sweep';
import { DIGEST_WINDOW_MS } from '../../worker/alerts/schemas';
import { database } from '../../worker/db/client';
import { BROWSER_UA, browserGet, emailLinks, newCampaign } from '../email/support';
import { body, call, expectProblem, newSurvey, newTenant, SHOP_ORIGIN, type TestTenant } from '../helpers';
import {
  alertRows,
  callWorker,
  configureAlerts,
  deliverAlerts,
  detractorEndpoint,
  fakeOutbound,
  type ReceivedHook,
  type SentMail,
  takeProduced,
  verifySignature,
  waitFor,
} from './support';

let outbound: { mails: SentMail[]; hooks: ReceivedHook[] };
beforeEach(() => {
  outbound = fakeOutbound();
  takeProduced();
});
afterEach(() => vi.restoreAllMocks());

const mailsTo = (email: string) => outbound.mails.filter((mail) => mail.body.to[0]!.email === email);
const hooksOf = (responseId: string) => outbound.hooks.filter((hook) => JSON.parse(hook.body).data.response.id === responseId);
/** Webhooks travel through the real queue; give a stray second one time to show up before asserting there is none. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

async function answer(tenant: TestTenant, json: Record<string, unknown>): Promise<{ id: string; status: number }> {
  const response = await callWorker('/v1/responses', { method: 'POST', key: tenant.secretKey, json });
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`answer failed: ${response.status} ${await response.text()}`);
  return { ...(await body<{ id: string }>(response)), status: response.status };
}

async function alertingTenant(recipient: string, locale?: string) {
  const tenant = await newTenant();
  await configureAlerts(tenant, [recipient], locale);
  const secret = await detractorEndpoint(tenant);
  const survey = await newSurvey(tenant.secretKey);
  return { tenant, secret, survey };
}

describe('detractor alerts (acceptance 6)', { timeout: 60_000 }, () => {
  it('a detractor response produces exactly one signed webhook and one alert email; retries and edits do not re-alert', async () => {
    const { tenant, secret, survey } = await alertingTenant('cx@acme.test');
    const json = {
      id: 'order-1001-nps',
      surveyId: survey.id,
      score: 3,
      comment: 'The delivery was late and the courier was rude.',
    };
    const created = await answer(tenant, json);
    expect(created.status).toBe(201);

    // The first alert of the tenant goes out at once; its window's digest is scheduled for the window's end.
    const messages = takeProduced();
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({
      body: { tenantId: tenant.tenantId, batchKey: `now:${created.id}` },
      delaySeconds: undefined,
    });
    expect(messages[1]!.body.batchKey).toMatch(/^digest:\d+$/);
    expect(messages[1]!.delaySeconds).toBe(DIGEST_WINDOW_MS / 1000);
    const results = await deliverAlerts(messages);
    expect(results.explicitAcks).toHaveLength(2);

    expect(outbound.mails).toHaveLength(1);
    const mail = outbound.mails[0]!;
    expect(mail.body.to).toEqual([{ email: 'cx@acme.test' }]);
    expect(mail.body.subject).toBe('Detractor alert: 3 on “Post-purchase NPS”');
    expect(mail.body.text).toContain('The delivery was late and the courier was rude.');
    expect(mail.body.text).toContain(`https://rapport.test/responses/${created.id}`);
    expect(mail.body.html).toContain(`href="https://rapport.test/responses/${created.id}"`);
    expect(mail.body.html).toContain('NPS score 3');
    expect(mail.idempotencyKey).toBe(`alert:${tenant.tenantId}:now:${created.id}:cx@acme.test`);

    await waitFor(() => outbound.hooks.length >= 1, 'the response.detractor webhook');
    const hook = outbound.hooks[0]!;
    expect(await verifySignature(secret, hook)).toBe(true);
    expect(await verifySignature('whsec_' + btoa('not the endpoint secret!'), hook)).toBe(false);
    expect(JSON.parse(hook.body)).toMatchObject({
      type: 'response.detractor',
      data: { reasons: ['detractor_score', 'negative_comment'], response: { id: created.id, score: 3, sentiment: 'negative' } },
    });

    // A retried request, a new comment and a changed score on the same response alert nothing more.
    expect((await answer(tenant, json)).status).toBe(200);
    const patched = await callWorker(`/v1/responses/${created.id}`, {
      method: 'PATCH',
      key: tenant.secretKey,
      json: { comment: 'Still waiting, awful support, nobody answers.' },
    });
    expect(patched.status).toBe(200);
    expect(takeProduced()).toEqual([]);
    await deliverAlerts(messages, 2);
    await settle();
    expect(outbound.mails).toHaveLength(1);
    expect(outbound.hooks).toHaveLength(1);
    expect(await alertRows(tenant.tenantId)).toHaveLength(1);
  });

  it('a burst of detractors sends one email at once and one digest with the rest, not one email each', async () => {
    const { tenant, survey } = await alertingTenant('cx@burst.test');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await answer(tenant, { surveyId: survey.id, score: i, comment: `Problem number ${i}` })).id);

    const messages = takeProduced();
    expect(messages.map((m) => m.body.batchKey)).toEqual([`now:${ids[0]}`, expect.stringMatching(/^digest:\d+$/)]);
    const rows = await alertRows(tenant.tenantId);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.slice(1).map((row) => row.batchKey))).toEqual(new Set([messages[1]!.body.batchKey]));

    await deliverAlerts(messages);
    expect(outbound.mails).toHaveLength(2);
    const [immediate, digest] = outbound.mails;
    expect(immediate!.body.text).toContain(`/responses/${ids[0]}`);
    expect(digest!.body.subject).toBe('5 more detractor alerts');
    for (const id of ids.slice(1)) expect(digest!.body.text).toContain(`https://rapport.test/responses/${id}`);
    expect(digest!.body.text).not.toContain(`/responses/${ids[0]}`);
    expect(digest!.body.html).toContain('href="https://rapport.test/responses?category=detractor"');
    await waitFor(() => outbound.hooks.length >= 6, 'one webhook per detractor');

    // The digest message redelivered (at-least-once queue) finds everything sent.
    await deliverAlerts([messages[1]!], 2);
    expect(outbound.mails).toHaveLength(2);
    expect((await alertRows(tenant.tenantId)).every((row) => row.emailedAt !== null)).toBe(true);
  });

  it('a promoter with a positive comment does not alert; a negative comment alerts whatever the score', async () => {
    const { tenant, survey } = await alertingTenant('cx@calm.test');
    await answer(tenant, { surveyId: survey.id, score: 10, comment: 'Great product, fast delivery, love it!' });
    await answer(tenant, { surveyId: survey.id, score: 8 });
    expect(takeProduced()).toEqual([]);
    expect(await alertRows(tenant.tenantId)).toEqual([]);

    const unhappy = await answer(tenant, {
      surveyId: survey.id,
      score: 9,
      comment: 'Too expensive for what you get, the price is ridiculous',
    });
    expect(await alertRows(tenant.tenantId)).toMatchObject([{ responseId: unhappy.id, detractorScore: 0, negativeComment: 1 }]);
    await deliverAlerts(takeProduced());
    expect(outbound.mails).toHaveLength(1);
    await waitFor(() => outbound.hooks.length >= 1, 'the webhook');
    expect(JSON.parse(outbound.hooks[0]!.body).data.reasons).toEqual(['negative_comment']);
    await settle();
    expect(outbound.hooks).toHaveLength(1);
  });

  it('CSAT 1–2 alerts, CSAT 3 and CES do not (without a negative comment)', async () => {
    const tenant = await newTenant();
    await configureAlerts(tenant, ['cx@csat.test']);
    const csat = await newSurvey(tenant.secretKey, { kind: 'csat', name: 'Support CSAT' });
    const ces = await newSurvey(tenant.secretKey, { kind: 'ces', name: 'Checkout CES' });
    await answer(tenant, { surveyId: csat.id, score: 3 });
    await answer(tenant, { surveyId: ces.id, score: 1 });
    expect(await alertRows(tenant.tenantId)).toEqual([]);
    const low = await answer(tenant, { surveyId: csat.id, score: 2 });
    expect(await alertRows(tenant.tenantId)).toMatchObject([{ responseId: low.id, detractorScore: 1 }]);
  });

  it('keeps tenants apart: windows, recipients, webhooks and emails', async () => {
    const a = await alertingTenant('cx@tenant-a.test');
    const b = await alertingTenant('cx@tenant-b.test', 'ru');
    await answer(a.tenant, { surveyId: a.survey.id, score: 1 });
    await answer(a.tenant, { surveyId: a.survey.id, score: 2 });
    // Tenant A's open window does not hold back tenant B's first alert.
    const fromB = await answer(b.tenant, {
      surveyId: b.survey.id,
      score: 0,
      comment: 'Курьер опоздал на три часа, доставка ужасная',
    });
    const messages = takeProduced();
    expect(messages.filter((m) => m.body.batchKey.startsWith('now:')).map((m) => m.body.tenantId)).toEqual([
      a.tenant.tenantId,
      b.tenant.tenantId,
    ]);
    await deliverAlerts(messages);

    expect(mailsTo('cx@tenant-a.test')).toHaveLength(2);
    const [toB, ...moreToB] = mailsTo('cx@tenant-b.test');
    expect(moreToB).toEqual([]);
    expect(toB!.body.subject).toBe('Недовольный клиент: 0 в опросе «Post-purchase NPS»');
    expect(toB!.body.html).toContain('<html lang="ru">');
    expect(toB!.body.text).toContain('Курьер опоздал на три часа');
    expect(toB!.body.text).toContain('Темы: доставка');
    for (const mail of mailsTo('cx@tenant-a.test')) expect(mail.body.text).not.toContain(fromB.id);

    await waitFor(() => outbound.hooks.length >= 3, 'three webhooks');
    expect(await verifySignature(b.secret, hooksOf(fromB.id)[0]!)).toBe(true);
    expect(await verifySignature(a.secret, hooksOf(fromB.id)[0]!)).toBe(false);
    expect(await alertRows(a.tenant.tenantId)).toHaveLength(2);
    expect(await alertRows(b.tenant.tenantId)).toHaveLength(1);
  });

  it('alerts once when a widget answer gets a negative comment in its second call', async () => {
    const { tenant, survey } = await alertingTenant('cx@widget.test');
    const post = (json: Record<string, unknown>) =>
      callWorker('/w/v1/responses', {
        method: 'POST',
        headers: { Origin: SHOP_ORIGIN, 'Content-Type': 'text/plain' },
        body: JSON.stringify({ key: tenant.publishableKey, id: 'widget-answer-0001', surveyId: survey.id, ...json }),
      });
    expect((await post({ score: 8 })).status).toBe(201);
    expect(await alertRows(tenant.tenantId)).toEqual([]);
    expect((await post({ score: 8, comment: 'Ужасный сервис, никогда больше' })).status).toBe(200);
    expect((await post({ score: 2, comment: 'Ужасный сервис, никогда больше!' })).status).toBe(200);
    expect(await alertRows(tenant.tenantId)).toMatchObject([{ detractorScore: 0, negativeComment: 1 }]);
    await deliverAlerts(takeProduced());
    expect(outbound.mails).toHaveLength(1);
  });

  it('alerts once for an email answer changed on the landing page', async () => {
    const tenant = await newTenant();
    await configureAlerts(tenant, ['cx@email.test']);
    const { campaignId, recipients } = await newCampaign(tenant.secretKey, ['erin@example.com']);
    const links = await emailLinks(tenant.secretKey, campaignId, recipients[0]!.id);
    const page = await (await browserGet(links.scores[9]!)).text();
    const formAction = page.match(/<form id="f" method="post" action="([^"]+)"/)![1]!;
    const postForm = (fields: Record<string, string>) =>
      callWorker(formAction, {
        method: 'POST',
        headers: { 'User-Agent': BROWSER_UA, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await postForm({ score: '9', comment: 'Fast delivery' })).status).toBe(200);
    expect(await alertRows(tenant.tenantId)).toEqual([]);
    expect((await postForm({ score: '3', comment: 'Actually, slow support' })).status).toBe(200);
    expect((await postForm({ score: '2', comment: 'Actually, slow support and rude staff' })).status).toBe(200);
    expect(await alertRows(tenant.tenantId)).toMatchObject([{ detractorScore: 1 }]);
    await deliverAlerts(takeProduced());
    expect(outbound.mails).toHaveLength(1);
    // The email shows the answer as it stands when it is sent.
    expect(outbound.mails[0]!.body.text).toContain('NPS score 2');
    expect(outbound.mails[0]!.body.text).toContain('slow support and rude staff');
  });

  it('a scheduled sweep emails alerts whose filing or queue message was lost, once', async () => {
    const { tenant, survey } = await alertingTenant('cx@sweep.test');
    const lost = await answer(tenant, { surveyId: survey.id, score: 1 });
    takeProduced();
    // As if the Worker died right after claiming the alert: never filed, never queued.
    const now = Date.now();
    await env.DB.prepare('UPDATE response_alerts SET batch_key = NULL, created_at = ? WHERE tenant_id = ?')
      .bind(now - DIGEST_WINDOW_MS - 20 * 60_000, tenant.tenantId)
      .run();
    const queue = { sendBatch: async (messages: Array<{ body: unknown }>) => void swept.push(...messages) };
    const swept: Array<{ body: unknown }> = [];
    await sweepStalledAlerts(database(env.DB), queue as unknown as Queue<never>, now);
    expect(swept.map((m) => m.body)).toEqual([{ tenantId: tenant.tenantId, batchKey: `late:${lost.id}` }]);
    await deliverAlerts(swept.map((m) => ({ body: m.body as { tenantId: string; batchKey: string }, delaySeconds: undefined })));
    expect(outbound.mails).toHaveLength(1);
    expect(outbound.mails[0]!.body.subject).toBe('Detractor alert: 1 on “Post-purchase NPS”');

    swept.length = 0;
    await sweepStalledAlerts(database(env.DB), queue as unknown as Queue<never>, now + 60_000);
    expect(swept).toEqual([]);
  });

  it('does not email without recipients, but still marks the alert handled', async () => {
    const tenant = await newTenant();
    const survey = await newSurvey(tenant.secretKey);
    await answer(tenant, { surveyId: survey.id, score: 0 });
    await deliverAlerts(takeProduced());
    expect(outbound.mails).toEqual([]);
    expect((await alertRows(tenant.tenantId))[0]!.emailedAt).not.toBeNull();
  });
});

describe('alert recipients in the tenant settings', () => {
  it('validates, deduplicates and returns them', async () => {
    const tenant = await newTenant();
    const patch = (json: unknown) =>
      call('/api/tenant', { method: 'PATCH', headers: { Cookie: tenant.cookie, 'X-CSRF-Token': tenant.csrf }, json });
    await expectProblem(await patch({ alertRecipients: ['not an email'] }), 422);
    await expectProblem(await patch({ alertRecipients: Array.from({ length: 21 }, (_, i) => `r${i}@acme.test`) }), 422);
    const updated = await patch({ alertRecipients: ['Ops@Acme.test', 'ops@acme.test', 'cx@acme.test'] });
    expect(updated.status).toBe(200);
    expect((await body<{ alertRecipients: string[] }>(updated)).alertRecipients).toEqual(['ops@acme.test', 'cx@acme.test']);
    const read = await call('/api/tenant', { headers: { Cookie: tenant.cookie } });
    expect((await body<{ alertRecipients: string[] }>(read)).alertRecipients).toEqual(['ops@acme.test', 'cx@acme.test']);
  });
});
