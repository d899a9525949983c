import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  body,
  call,
  countRows,
  expectProblem,
  newSurvey,
  newTenant,
  nextIp,
  sessionHeaders,
  SHOP_ORIGIN,
  type TestTenant,
} from '../helpers';

interface Post {
  origin?: string | null;
  ip?: string;
}

/** What the widget does: a text/plain POST (no preflight) from the shop's origin. */
function post(path: 'responses' | 'events', payload: unknown, { origin = SHOP_ORIGIN, ip = nextIp() }: Post = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'text/plain;charset=UTF-8', 'CF-Connecting-IP': ip };
  if (origin) headers.Origin = origin;
  return call(`/w/v1/${path}`, { method: 'POST', headers, body: JSON.stringify(payload) });
}

let counter = 0;
const uid = (prefix: string) => `${prefix}-${++counter}-${crypto.randomUUID().slice(0, 8)}`;

const answer = (tenant: TestTenant, surveyId: string, extra: Record<string, unknown> = {}) => ({
  key: tenant.publishableKey,
  id: uid('answer'),
  surveyId,
  score: 9,
  visitorId: uid('visitor'),
  locale: 'en',
  pageUrl: 'https://shop.example/products/42',
  device: 'desktop',
  ...extra,
});

async function countEvents(tenantId: string, kind?: string): Promise<number> {
  const sql = `SELECT count(*) AS n FROM widget_events WHERE tenant_id = ?${kind ? ' AND kind = ?' : ''}`;
  const statement = kind ? env.DB.prepare(sql).bind(tenantId, kind) : env.DB.prepare(sql).bind(tenantId);
  return (await statement.first<{ n: number }>())!.n;
}

async function setup() {
  const tenant = await newTenant();
  const survey = await newSurvey(tenant.secretKey);
  return { tenant, survey };
}

describe('POST /w/v1/responses', () => {
  it('records the score at once, then puts the comment on the same row', async () => {
    const { tenant, survey } = await setup();
    const first = answer(tenant, survey.id);
    const created = await post('responses', first);
    expect(created.status).toBe(201);
    expect(created.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
    const again = await post('responses', { ...first, comment: 'Fast delivery' });
    expect(again.status).toBe(200);
    expect((await body(again)).id).toBe((await body(created)).id);

    const rows = await env.DB.prepare('SELECT score, comment, page_url, locale, channel FROM responses WHERE tenant_id = ?')
      .bind(tenant.tenantId)
      .all();
    expect(rows.results).toEqual([
      { score: 9, comment: 'Fast delivery', page_url: 'https://shop.example/products/42', locale: 'en', channel: 'widget' },
    ]);
    expect(await countEvents(tenant.tenantId, 'answer')).toBe(1);
  });

  it('refuses a wrong origin, a missing origin, unknown, revoked-looking and secret keys, and counts nothing', async () => {
    const { tenant, survey } = await setup();
    const foreign = await post('responses', answer(tenant, survey.id), { origin: 'https://evil.example' });
    // Readable by the page, so the widget can tell a refusal from a network failure and stop retrying.
    expect(foreign.headers.get('Access-Control-Allow-Origin')).toBe('https://evil.example');
    await expectProblem(foreign, 403);
    await expectProblem(await post('responses', answer(tenant, survey.id), { origin: null }), 403);
    await expectProblem(await post('responses', answer(tenant, survey.id, { key: 'rk_pk_0000000000000000000000000000000' })), 401);
    const secret = await expectProblem(await post('responses', answer(tenant, survey.id, { key: tenant.secretKey })), 403);
    expect(secret.detail).toMatch(/publishable/);
    expect(await countRows('responses', tenant.tenantId)).toBe(0);
    expect(await countEvents(tenant.tenantId)).toBe(0);
  });

  it("reads the survey and an earlier call only in the key's own tenant, and refuses a revoked key", async () => {
    const a = await setup();
    const b = await setup();
    const first = answer(a.tenant, a.survey.id);
    expect((await post('responses', first)).status).toBe(201);

    await expectProblem(await post('responses', answer(b.tenant, a.survey.id)), 404);
    // The same client id under another tenant's key is that tenant's own new answer; a's row is left alone.
    const reused = { ...first, key: b.tenant.publishableKey, surveyId: b.survey.id, comment: 'Not yours', visitorId: uid('visitor') };
    expect((await post('responses', reused)).status).toBe(201);
    const stored = await env.DB.prepare('SELECT tenant_id AS tenantId, comment FROM responses WHERE client_id = ? ORDER BY tenant_id')
      .bind(first.id)
      .all();
    expect(stored.results).toEqual(
      [
        { tenantId: a.tenant.tenantId, comment: null },
        { tenantId: b.tenant.tenantId, comment: 'Not yours' },
      ].sort((x, y) => x.tenantId.localeCompare(y.tenantId)),
    );

    const keys = await body<{ data: Array<{ id: string; kind: string }> }>(
      await call('/api/keys', { headers: sessionHeaders(a.tenant) }),
    );
    const publishable = keys.data.find((key) => key.kind === 'publishable')!;
    expect((await call(`/api/keys/${publishable.id}`, { method: 'DELETE', headers: sessionHeaders(a.tenant) })).status).toBe(200);
    await expectProblem(await post('responses', { ...first, comment: 'After revoking' }), 401);
    await expectProblem(await post('responses', answer(a.tenant, a.survey.id)), 401);
    expect(await countRows('responses', a.tenant.tenantId)).toBe(1);
    expect(await countEvents(a.tenant.tenantId, 'answer')).toBe(1);
  });

  it('refuses inactive surveys and out-of-range scores, and counts nothing', async () => {
    const { tenant, survey } = await setup();
    const paused = await newSurvey(tenant.secretKey, { status: 'paused' });
    await expectProblem(await post('responses', answer(tenant, paused.id)), 404);
    const draft = await newSurvey(tenant.secretKey, { status: 'draft' });
    await expectProblem(await post('responses', answer(tenant, draft.id)), 404);
    for (const score of [11, -1, 9.5]) {
      const problem = await expectProblem(await post('responses', answer(tenant, survey.id, { score })), 422);
      expect(problem.errors?.[0]?.path).toBe('score');
    }
    const csat = await newSurvey(tenant.secretKey, { kind: 'csat' });
    await expectProblem(await post('responses', answer(tenant, csat.id, { score: 0 })), 422);
    await expectProblem(await post('responses', answer(tenant, csat.id, { score: 6 })), 422);
    expect(await countRows('responses', tenant.tenantId)).toBe(0);
    expect(await countEvents(tenant.tenantId)).toBe(0);
  });

  it('silently drops a filled honeypot', async () => {
    const { tenant, survey } = await setup();
    const response = await post('responses', answer(tenant, survey.id, { hp: 'http://spam.example' }));
    expect(response.status).toBe(204);
    expect(await countRows('responses', tenant.tenantId)).toBe(0);
    expect(await countEvents(tenant.tenantId)).toBe(0);
  });

  it('rejects malformed bodies with problem+json', async () => {
    const { tenant } = await setup();
    const response = await call('/w/v1/responses', {
      method: 'POST',
      headers: { Origin: SHOP_ORIGIN, 'Content-Type': 'text/plain' },
      body: '{"key":',
    });
    await expectProblem(response, 400);
    await expectProblem(await post('responses', { key: tenant.publishableKey }), 422);
    const huge = await post('responses', { key: tenant.publishableKey, comment: 'x'.repeat(20_000) });
    // Even refusals from the body-size guard are readable by the page, so the widget drops them instead of retrying.
    expect(huge.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
    await expectProblem(huge, 413);
    expect(await countRows('responses', tenant.tenantId)).toBe(0);
  });

  it('does not count a second answer from the same visitor within the recontact window', async () => {
    const { tenant, survey } = await setup();
    const visitorId = uid('visitor');
    expect((await post('responses', answer(tenant, survey.id, { visitorId, score: 10 }))).status).toBe(201);
    const dup = await expectProblem(await post('responses', answer(tenant, survey.id, { visitorId, score: 0 })), 409);
    expect(dup.detail).toMatch(/already answered/);
    expect((await post('responses', answer(tenant, survey.id, { score: 3 }))).status).toBe(201);

    const customer = { externalId: 'cust-77' };
    expect((await post('responses', answer(tenant, survey.id, { customer }))).status).toBe(201);
    // Another browser, same identified customer.
    await expectProblem(await post('responses', answer(tenant, survey.id, { customer, visitorId: uid('other-device') })), 409);

    expect(await countRows('responses', tenant.tenantId)).toBe(3);
    expect(await countEvents(tenant.tenantId, 'answer')).toBe(3);
  });

  it('limits a burst from one IP with 429 problem+json and stores only what it accepted', async () => {
    const { tenant, survey } = await setup();
    const ip = '203.0.113.77';
    // The limiter counts 120 per fixed 60 s window; a burst may straddle one window boundary, so 241 requests
    // are always enough to overflow a window.
    let accepted = 0;
    let limited: Response | undefined;
    for (let i = 0; i < 241 && !limited; i++) {
      const response = await post('responses', answer(tenant, survey.id), { ip });
      if (response.status === 429) limited = response;
      else {
        expect(response.status).toBe(201);
        await response.arrayBuffer();
        accepted++;
      }
    }
    expect(limited).toBeDefined();
    await expectProblem(limited!, 429);
    expect(limited!.headers.get('Retry-After')).toBe('60');
    expect(accepted).toBeGreaterThanOrEqual(120);
    expect(await countRows('responses', tenant.tenantId)).toBe(accepted);
    // Another IP is unaffected.
    expect((await post('responses', answer(tenant, survey.id))).status).toBe(201);
  }, 120_000);
});

describe('POST /w/v1/events', () => {
  const event = (tenant: TestTenant, surveyId: string, extra: Record<string, unknown> = {}) => ({
    key: tenant.publishableKey,
    id: uid('event'),
    type: 'display',
    surveyId,
    visitorId: uid('visitor'),
    ...extra,
  });

  it('records displays and dismissals once per id', async () => {
    const { tenant, survey } = await setup();
    const display = event(tenant, survey.id);
    for (let i = 0; i < 2; i++) {
      const response = await post('events', display);
      expect(response.status).toBe(200);
      expect(await body(response)).toEqual({ recorded: true });
    }
    const dismiss = event(tenant, survey.id, { type: 'dismiss', visitorId: display.visitorId });
    expect(await body(await post('events', dismiss))).toEqual({ recorded: true });
    expect(await countEvents(tenant.tenantId, 'display')).toBe(1);
    expect(await countEvents(tenant.tenantId, 'dismiss')).toBe(1);
    expect(await countRows('responses', tenant.tenantId)).toBe(0);
  });

  it('refuses a display inside the customer’s cooldown unless the site forces it', async () => {
    const { tenant, survey } = await setup();
    const other = await newSurvey(tenant.secretKey, { kind: 'csat', name: 'CSAT' });
    const customer = { email: 'Ann@Example.com' };
    expect(await body(await post('events', event(tenant, survey.id, { customer })))).toEqual({ recorded: true });
    // Same person on another device, another survey: the 7-day cooldown applies.
    expect(await body(await post('events', event(tenant, other.id, { customer: { email: 'ann@example.com' } })))).toEqual({ recorded: false });
    expect(await body(await post('events', event(tenant, other.id, { customer, force: true })))).toEqual({ recorded: true });
    // Someone else is not affected.
    expect(await body(await post('events', event(tenant, other.id, { customer: { email: 'bob@example.com' } })))).toEqual({ recorded: true });
    expect(await countEvents(tenant.tenantId, 'display')).toBe(3);
  });

  it('refuses wrong origins, secret keys and inactive surveys without storing anything', async () => {
    const { tenant, survey } = await setup();
    const paused = await newSurvey(tenant.secretKey, { status: 'paused' });
    await expectProblem(await post('events', event(tenant, survey.id), { origin: 'https://evil.example' }), 403);
    await expectProblem(await post('events', event(tenant, survey.id, { key: tenant.secretKey })), 403);
    await expectProblem(await post('events', event(tenant, paused.id)), 404);
    await expectProblem(await post('events', event(tenant, survey.id, { type: 'answer' })), 422);
    expect(await countEvents(tenant.tenantId)).toBe(0);
  });
});

describe('GET /w/v1/config', () => {
  const config = (key: string, query = '', headers: Record<string, string> = {}) =>
    call(`/w/v1/config?key=${encodeURIComponent(key)}${query}`, { headers: { Origin: SHOP_ORIGIN, ...headers } });

  it('lists active surveys in the visitor’s language and revalidates with ETag / 304', async () => {
    const tenant = await newTenant();
    const nps = await newSurvey(tenant.secretKey, {
      texts: {
        en: { question: 'Recommend us?', followUp: { default: 'Why?', promoter: 'What do you love?' }, thankYou: 'Thanks!' },
        ru: { question: 'Порекомендуете нас?', followUp: { default: 'Почему?' }, thankYou: 'Спасибо!' },
      },
      settings: { trigger: { type: 'scroll', percent: 50 }, samplingPercent: 25, recontact: { mode: 'once' } },
    });
    await newSurvey(tenant.secretKey, { status: 'paused' });

    const response = await config(tenant.publishableKey, '&locale=ru');
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
    expect(response.headers.get('Vary')).toContain('Origin');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60');
    const document = await body<{ cooldownDays: number; ui: Record<string, { close: string }>; surveys: Array<Record<string, unknown>> }>(response);
    expect(document.cooldownDays).toBe(7);
    expect(document.ui).toEqual({ ru: { close: 'Закрыть', send: 'Отправить' } });
    expect(document.surveys).toHaveLength(1);
    expect(document.surveys[0]).toMatchObject({
      id: nps.id,
      kind: 'nps',
      locale: 'ru',
      question: 'Порекомендуете нас?',
      lowLabel: 'Точно нет',
      min: 0,
      max: 10,
      followUp: ['Почему?', 'Почему?', 'Почему?'],
      trigger: { type: 'scroll', percent: 50 },
      samplingPercent: 25,
      recontact: { mode: 'once' },
    });

    const english = await body<{ surveys: Array<{ followUp: string[] }> }>(await config(tenant.publishableKey, '&locale=de'));
    expect(english.surveys[0]!.followUp).toEqual(['Why?', 'Why?', 'What do you love?']);

    const etag = response.headers.get('ETag')!;
    const revalidated = await config(tenant.publishableKey, '&locale=ru', { 'If-None-Match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
    expect(revalidated.headers.get('ETag')).toBe(etag);

    await call(`/v1/surveys/${nps.id}`, { method: 'PATCH', key: tenant.secretKey, json: { status: 'paused' } });
    const changed = await config(tenant.publishableKey, '&locale=ru', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect((await body<{ surveys: unknown[] }>(changed)).surveys).toEqual([]);
  });

  it('refuses unknown keys, secret keys and foreign origins', async () => {
    const tenant = await newTenant();
    await expectProblem(await config('rk_pk_nope'), 401);
    await expectProblem(await config(tenant.secretKey), 403);
    await expectProblem(await config(tenant.publishableKey, '', { Origin: 'https://evil.example' }), 403);
  });
});
