// Data export (workspace and one customer) and customer erasure, against the real Worker and D1.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { EXPORT_PAGE_ROWS } from '../../worker/privacy/workspace-export';
import {
  body,
  call,
  expectProblem,
  newSurvey,
  newTenant,
  nextIp,
  SHOP_ORIGIN,
  sessionHeaders,
  type TestTenant,
} from '../helpers';
import { loyalty, ok } from '../loyalty/helpers';
import { changedTables, tenantRows } from '../reliability/tenant-rows';

/** A marker in every personal value of the customer under test: after erasure no table may contain it. */
const mark = () => `pz${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;

interface ExportLine {
  type: string;
  data: Record<string, unknown>;
}

const v1 = <T = { id: string }>(tenant: TestTenant, path: string, json: unknown, status = 201) =>
  ok<T>(call(path, { method: 'POST', key: tenant.secretKey, json }), status);

/** What the widget sends: text/plain from the shop's origin with the publishable key. */
const widget = (tenant: TestTenant, path: 'responses' | 'events', payload: Record<string, unknown>) =>
  call(`/w/v1/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: SHOP_ORIGIN, 'CF-Connecting-IP': nextIp() },
    body: JSON.stringify({ key: tenant.publishableKey, ...payload }),
  });

async function logIn(email: string, password: string) {
  const response = await call('/api/auth/login', { method: 'POST', json: { email, password } });
  const me = await body<{ csrfToken: string }>(response);
  return { cookie: response.headers.get('Set-Cookie')!.split(';')[0]!, csrf: me.csrfToken };
}

async function addTeamMember(tenant: TestTenant, role: 'viewer' | 'admin') {
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  await ok(
    call('/api/team', { method: 'POST', headers: sessionHeaders(tenant), json: { email, role, password: 'team password 1' } }),
    201,
  );
  return logIn(email, 'team password 1');
}

/** A customer with something in every place personal data can live: profile, answers, loyalty, email, widget. */
async function customerWithEverything(tenant: TestTenant, marker: string) {
  const externalId = `ext-${marker}`;
  const email = `${marker}@example.com`;
  const survey = await newSurvey(tenant.secretKey);
  const customer = await v1(tenant, '/v1/customers', {
    externalId,
    email,
    name: `Name ${marker}`,
    locale: 'en',
    birthday: '1990-04-01',
    properties: { note: `Prop ${marker}` },
  });
  await v1(tenant, '/v1/responses', {
    surveyId: survey.id,
    score: 3,
    comment: `The delivery was slow, call me ${marker}`,
    pageUrl: `https://shop.example/orders/${marker}`,
    referrer: `https://mail.example/${marker}`,
    properties: { order: marker },
    customer: { externalId },
  });
  expect(
    (
      await widget(tenant, 'responses', {
        id: crypto.randomUUID(), // ids are technical, random in the widget: kept, so a retry stays exactly-once
        surveyId: survey.id,
        score: 9,
        visitorId: `visitor-${marker}`,
        pageUrl: `https://shop.example/cart/${marker}`,
        customer: { externalId },
      })
    ).status,
  ).toBe(201);
  expect(
    (await widget(tenant, 'events', { id: crypto.randomUUID(), type: 'display', surveyId: survey.id, customer: { email } }))
      .status,
  ).toBe(200);
  const rule = await loyalty(tenant.secretKey, '/rules', { json: { eventType: 'purchase', name: 'Purchases', rate: 1 } });
  expect([201, 409]).toContain(rule.status); // 409: a second customer of the same tenant
  await ok(
    loyalty(tenant.secretKey, '/adjustments', {
      json: { customer: { externalId }, points: 500, reason: `Goodwill for ${marker}`, actor: 'support' },
    }),
    201,
  );
  await ok(
    loyalty(tenant.secretKey, '/orders', {
      json: { id: `order-${customer.id}`, customer: { externalId }, currency: 'USD', total: 4200 },
    }),
    201,
  );
  const reward = await ok<{ id: string }>(
    loyalty(tenant.secretKey, '/rewards', { json: { name: 'Mug', kind: 'gift', cost: 100 } }),
    201,
  );
  await ok(loyalty(tenant.secretKey, '/redemptions', { json: { customer: { externalId }, rewardId: reward.id } }), 201);
  const campaign = await v1(tenant, '/v1/campaigns', {
    surveyId: survey.id,
    name: 'Spring survey',
    fromName: 'Shop',
    fromEmail: 'shop@example.com',
    texts: { en: { subject: 'How did we do?', intro: 'Hi' } },
  });
  await v1(tenant, `/v1/campaigns/${campaign.id}/recipients`, { recipients: [{ email }] }, 200);
  // Written by the daily birthday job; the recipient's last error as a mail provider reports it.
  await env.DB.batch([
    env.DB.prepare('INSERT INTO loyalty_birthdays (tenant_id, customer_id, birthday, changed_at) VALUES (?, ?, ?, ?)').bind(
      tenant.tenantId,
      customer.id,
      '1990-04-01',
      Date.now(),
    ),
    env.DB.prepare('UPDATE email_recipients SET last_error = ?, locale = ? WHERE tenant_id = ? AND customer_id = ?').bind(
      `550 mailbox ${email} unavailable`,
      'en',
      tenant.tenantId,
      customer.id,
    ),
  ]);
  return { customerId: customer.id, externalId, email, surveyId: survey.id };
}

/** The numbers metrics and the points liability are made of, straight from D1. */
async function totals(tenantId: string) {
  const row = await env.DB.prepare(
    `SELECT
       (SELECT count(*) || ':' || sum(score) || ':' || group_concat(category) FROM responses WHERE tenant_id = ?1) AS responses,
       (SELECT sum(available) || ':' || sum(pending) || ':' || sum(lifetime_earned) FROM loyalty_members WHERE tenant_id = ?1) AS balances,
       (SELECT sum(available_delta) || ':' || sum(pending_delta) || ':' || count(*) FROM loyalty_entries WHERE tenant_id = ?1) AS ledger,
       (SELECT sum(total) || ':' || sum(points_awarded) FROM loyalty_orders WHERE tenant_id = ?1) AS orders,
       (SELECT sum(answered) || ':' || sum(promoters) || ':' || sum(detractors) || ':' || sum(score_sum) FROM metric_daily WHERE tenant_id = ?1) AS daily,
       (SELECT sum(issued) || ':' || sum(redeemed) || ':' || sum(available_delta) FROM metric_points_daily WHERE tenant_id = ?1) AS points,
       (SELECT sum(orders) || ':' || sum(revenue) FROM metric_customers WHERE tenant_id = ?1) AS customers`,
  )
    .bind(tenantId)
    .first();
  return row;
}

/** Waits until background work of earlier requests (queues, waitUntil) stops changing the tenant's rows. */
async function settledRows(tenantId: string): Promise<Map<string, string>> {
  let rows = await tenantRows(tenantId);
  for (let quiet = 0; quiet < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await tenantRows(tenantId);
    quiet = changedTables(rows, now).length === 0 ? quiet + 1 : 0;
    rows = now;
  }
  return rows;
}

/** Request bookkeeping that changes on any call (a key's last use), not data. */
const dataChanges = (before: Map<string, string>, after: Map<string, string>) =>
  changedTables(before, after).filter((table) => table !== 'api_keys');

async function readExport(response: Response): Promise<ExportLine[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/x-ndjson/);
  expect(response.headers.get('Content-Disposition')).toMatch(
    /^attachment; filename="rapport-export-\d{4}-\d{2}-\d{2}\.ndjson"$/,
  );
  const text = await response.text();
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as ExportLine);
}

describe('workspace export', () => {
  it(
    "streams every record of the tenant as NDJSON, none of another tenant's, and no secret or hash",
    { timeout: 120_000 },
    async () => {
      const tenant = await newTenant('Exporter');
      const other = await newTenant('Bystander');
      const otherMark = mark();
      await v1(other, '/v1/customers', { externalId: `ext-${otherMark}`, email: `${otherMark}@example.com` });
      await newSurvey(other.secretKey, { name: `Survey ${otherMark}` });

      const marker = mark();
      const { customerId } = await customerWithEverything(tenant, marker);
      await v1(tenant, '/v1/goals', { metric: 'nps', target: 40, period: '7d' });
      const endpoint = await v1<{ id: string; secret: string }>(tenant, '/v1/webhooks/endpoints', {
        url: 'https://hooks.example.test/in',
        events: ['points.expired'],
      });
      await addTeamMember(tenant, 'viewer');
      // More customers than one page holds, several with the same created_at, so the keyset must page on (created_at, id).
      const bulk = EXPORT_PAGE_ROWS * 2 + 7;
      await env.DB.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
       INSERT INTO customers (id, tenant_id, created_at, updated_at) SELECT printf('cus_bulk%05d', i), ?1, 1700000000000 + i / 3, 0 FROM n`,
      )
        .bind(tenant.tenantId, bulk)
        .run();

      const lines = await readExport(await call('/v1/privacy/export', { key: tenant.secretKey }));
      expect(lines[0]).toMatchObject({ type: 'export', data: { tenantId: tenant.tenantId, format: 1 } });
      expect(lines.at(-1)).toEqual({ type: 'end', data: { records: lines.length - 2 } });
      const records = lines.slice(1, -1);
      const ofType = (type: string) => records.filter((line) => line.type === type).map((line) => line.data);

      // Exactly the tenant's rows, each once, for every table with a record type.
      const countIn = async (table: string) =>
        (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = ?`)
          .bind(tenant.tenantId)
          .first<{ n: number }>())!.n;
      const expected: Record<string, string> = {
        user: 'users',
        api_key: 'api_keys',
        survey: 'surveys',
        customer: 'customers',
        response: 'responses',
        widget_event: 'widget_events',
        loyalty_rule: 'loyalty_rules',
        loyalty_member: 'loyalty_members',
        loyalty_entry: 'loyalty_entries',
        loyalty_order: 'loyalty_orders',
        loyalty_reward: 'loyalty_rewards',
        loyalty_redemption: 'loyalty_redemptions',
        email_campaign: 'email_campaigns',
        email_recipient: 'email_recipients',
        goal: 'metric_goals',
        webhook_endpoint: 'webhook_endpoints',
      };
      for (const [type, table] of Object.entries(expected)) {
        const count = await countIn(table);
        expect({ type, count: ofType(type).length }).toEqual({ type, count });
        expect(count).toBeGreaterThan(0);
      }
      expect(ofType('customer')).toHaveLength(bulk + 1);
      expect(new Set(ofType('customer').map((row) => row.id)).size).toBe(bulk + 1);
      expect(ofType('user')).toHaveLength(2);
      expect(ofType('tenant')).toEqual([expect.objectContaining({ id: tenant.tenantId, name: 'Exporter' })]);
      for (const record of records) {
        if ('tenantId' in record.data) expect(record.data.tenantId).toBe(tenant.tenantId);
      }
      const text = JSON.stringify(lines);
      expect(text).toContain(`The delivery was slow, call me ${marker}`);
      expect(ofType('response').find((row) => row.customerId === customerId)).toBeDefined();

      expect(text).not.toContain(otherMark);
      expect(text).not.toContain(other.tenantId);
      // No secret, and no hash of one: keys, passwords, webhook and loyalty member signing secrets.
      const stored = await env.DB.prepare(
        `SELECT (SELECT group_concat(key_hash) FROM api_keys WHERE tenant_id = ?1) AS keys,
              (SELECT group_concat(password_hash) FROM users WHERE tenant_id = ?1) AS passwords,
              (SELECT group_concat(secret_ciphertext) FROM webhook_endpoints WHERE tenant_id = ?1) AS webhooks`,
      )
        .bind(tenant.tenantId)
        .first<{ keys: string; passwords: string; webhooks: string }>();
      for (const secret of [
        tenant.secretKey,
        tenant.publishableKey,
        tenant.password,
        endpoint.secret,
        ...stored!.keys.split(','),
        ...stored!.passwords.split(','),
        ...stored!.webhooks.split(','),
      ]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toMatch(/"(passwordHash|keyHash|secretCiphertext|secret)":/);
      expect(ofType('webhook_endpoint')[0]).toMatchObject({ id: endpoint.id, url: 'https://hooks.example.test/in' });
    },
  );

  it('is for owners and admins: a viewer gets 403 on every export, an admin the download', async () => {
    const tenant = await newTenant();
    const { customerId } = await customerWithEverything(tenant, mark());
    const viewer = await addTeamMember(tenant, 'viewer');
    const admin = await addTeamMember(tenant, 'admin');
    for (const path of ['/api/privacy/export', `/api/customers/${customerId}/export`, '/api/privacy/erasures']) {
      await expectProblem(await call(path, { headers: sessionHeaders(viewer) }), 403);
    }
    await expectProblem(await call(`/api/customers/${customerId}`, { method: 'DELETE', headers: sessionHeaders(viewer) }), 403);
    const lines = await readExport(await call('/api/privacy/export', { headers: sessionHeaders(admin) }));
    expect(lines.at(-1)?.type).toBe('end');
    expect((await call(`/api/customers/${customerId}/export`, { headers: sessionHeaders(tenant) })).status).toBe(200);
    await expectProblem(await call('/v1/privacy/export'), 401);
  });
});

describe('customer export (right of access)', () => {
  it('returns everything stored about the customer as a JSON attachment; 404 for another tenant', async () => {
    const tenant = await newTenant();
    const marker = mark();
    const { customerId, email, surveyId } = await customerWithEverything(tenant, marker);
    const bystander = await v1(tenant, '/v1/customers', { externalId: 'someone-else', email: 'else@example.com' });

    const response = await call(`/v1/customers/${customerId}/export`, { key: tenant.secretKey });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toMatch(new RegExp(`^attachment; filename="customer-${customerId}-`));
    const data = await body<{
      customer: { id: string; email: string; name: string; birthday: string; properties: Record<string, unknown> };
      responses: Array<{ comment: string | null; pageUrl: string | null; surveyId: string }>;
      orders: Array<{ total: number }>;
      loyalty: {
        member: { available: number; referralCode: string } | null;
        entries: Array<{ kind: string; reason: string }>;
        redemptions: Array<{ cost: number }>;
        referrals: unknown[];
      };
      emails: Array<{ campaignName: string; status: string }>;
      widgetEvents: Array<{ kind: string; surveyId: string }>;
    }>(response);
    expect(data.customer).toMatchObject({
      id: customerId,
      email,
      name: `Name ${marker}`,
      birthday: '1990-04-01',
      properties: { note: `Prop ${marker}` },
    });
    expect(data.responses.map((r) => r.comment)).toContain(`The delivery was slow, call me ${marker}`);
    expect(data.responses).toHaveLength(2);
    expect(data.orders).toEqual([expect.objectContaining({ total: 4200 })]);
    expect(data.loyalty.member?.available).toBe(500 + 42 - 100); // adjustment, 1 point per dollar of 42.00, mug
    expect(data.loyalty.entries.map((e) => e.kind).sort()).toEqual(['adjust', 'earn', 'redeem']);
    expect(data.loyalty.redemptions).toEqual([expect.objectContaining({ cost: 100 })]);
    expect(data.emails).toEqual([expect.objectContaining({ campaignName: 'Spring survey', status: 'pending' })]);
    expect(data.widgetEvents.map((e) => e.kind).sort()).toEqual(['answer', 'display']);
    expect(data.widgetEvents.every((e) => e.surveyId === surveyId)).toBe(true);
    expect(JSON.stringify(data)).not.toContain(bystander.id);

    const stranger = await newTenant();
    await expectProblem(await call(`/v1/customers/${customerId}/export`, { key: stranger.secretKey }), 404);
    await expectProblem(await call(`/v1/customers/${'x'.repeat(65)}/export`, { key: tenant.secretKey }), 422);
  });
});

describe('customer erasure (right to be forgotten)', () => {
  it(
    'removes every personal value from every table, keeps the numbers, and records who did it',
    { timeout: 60_000 },
    async () => {
      const tenant = await newTenant();
      // Webhook deliveries and stored idempotent replies carry the customer's id and data too.
      await v1(tenant, '/v1/webhooks/endpoints', { url: 'https://hooks.example.test/in', events: ['points.earned'] });
      const marker = mark();
      const { customerId, externalId, email } = await customerWithEverything(tenant, marker);
      const bystanderId = (await customerWithEverything(tenant, mark())).customerId;
      const bystanderBefore = await env.DB.prepare('SELECT * FROM customers WHERE id = ?').bind(bystanderId).first();
      const referralCode = (await body<{ referralCode: string }>(await loyalty(tenant.secretKey, `/members/${customerId}`)))
        .referralCode;
      const liability = await body(await loyalty(tenant.secretKey, '/liability'));
      const settled = await settledRows(tenant.tenantId);
      // Before: the marker is in the customer's rows and in rollups keyed by their property values.
      for (const table of ['customers', 'responses', 'metric_segment_daily', 'email_recipients', 'loyalty_entries']) {
        expect({ table, marked: settled.get(table)!.includes(marker) }).toEqual({ table, marked: true });
      }
      const before = await totals(tenant.tenantId);

      expect((await call(`/v1/customers/${customerId}`, { method: 'DELETE', key: tenant.secretKey })).status).toBe(204);

      const rows = await tenantRows(tenant.tenantId);
      for (const [table, json] of rows) {
        const leaked = [marker, email, externalId, referralCode].filter((value) => json.includes(value));
        expect({ table, leaked }).toEqual({ table, leaked: [] });
      }
      const customer = await env.DB.prepare('SELECT * FROM customers WHERE id = ?').bind(customerId).first();
      expect(customer).toMatchObject({
        external_id: null,
        email: null,
        name: null,
        locale: null,
        birthday: null,
        properties: '{}',
      });
      expect(customer!.erased_at).toEqual(expect.any(Number));
      const answers = await env.DB.prepare(
        'SELECT comment, sentiment, sentiment_score, topics, page_url, referrer, properties, score FROM responses WHERE tenant_id = ? AND customer_id = ? ORDER BY score',
      )
        .bind(tenant.tenantId, customerId)
        .all();
      expect(answers.results).toEqual([
        {
          comment: null,
          sentiment: null,
          sentiment_score: null,
          topics: '[]',
          page_url: null,
          referrer: null,
          properties: '{}',
          score: 3,
        },
        {
          comment: null,
          sentiment: null,
          sentiment_score: null,
          topics: '[]',
          page_url: null,
          referrer: null,
          properties: '{}',
          score: 9,
        },
      ]);
      const recipient = await env.DB.prepare('SELECT locale, last_error FROM email_recipients WHERE customer_id = ?')
        .bind(customerId)
        .first();
      expect(recipient).toEqual({ locale: null, last_error: null });
      expect(
        (await env.DB.prepare('SELECT count(*) AS n FROM loyalty_birthdays WHERE customer_id = ?')
          .bind(customerId)
          .first<{ n: number }>())!.n,
      ).toBe(0);
      const member = await env.DB.prepare('SELECT referral_code FROM loyalty_members WHERE customer_id = ?')
        .bind(customerId)
        .first();
      expect(member).toEqual({ referral_code: `erased:${customerId}` });
      const adjustment = await env.DB.prepare("SELECT reason FROM loyalty_entries WHERE customer_id = ? AND kind = 'adjust'")
        .bind(customerId)
        .first();
      expect(adjustment).toEqual({ reason: 'erased' });
      const subjects = await env.DB.prepare('SELECT count(*) AS n FROM widget_events WHERE tenant_id = ? AND subject LIKE ?')
        .bind(tenant.tenantId, 'c:%')
        .first<{ n: number }>();
      expect(subjects!.n).toBe(2); // the bystander's answer and display; the erased customer's two lost their subject
      expect(JSON.stringify([...rows].filter(([table]) => table === 'webhook_deliveries'))).not.toContain(customerId);
      expect(JSON.stringify([...rows].filter(([table]) => table === 'idempotency_keys'))).not.toContain(customerId);

      // The numbers stay: scores, orders, balances, ledger, rollups, and what the points cost the tenant.
      expect(await totals(tenant.tenantId)).toEqual(before);
      expect(await body(await loyalty(tenant.secretKey, '/liability'))).toEqual(liability);
      expect(await env.DB.prepare('SELECT * FROM customers WHERE id = ?').bind(bystanderId).first()).toEqual(bystanderBefore);

      const keys = await body<{ data: Array<{ id: string; kind: string }> }>(
        await call('/api/keys', { headers: sessionHeaders(tenant) }),
      );
      const erasures = await body<{ data: Array<{ customerId: string; actor: string }> }>(
        await call('/v1/privacy/erasures', { key: tenant.secretKey }),
      );
      expect(erasures.data).toEqual([
        expect.objectContaining({ customerId, actor: `key:${keys.data.find((key) => key.kind === 'secret')!.id}` }),
      ]);

      // The old external id and email no longer lead to the anonymised history: they make a new customer.
      const again = await v1(tenant, '/v1/customers', { externalId, email });
      expect(again.id).not.toBe(customerId);
      const fresh = await body<{ customerId: string; available: number }>(
        await loyalty(tenant.secretKey, `/members/${externalId}`),
      );
      expect(fresh).toMatchObject({ customerId: again.id, available: 0 });
      await expectProblem(
        await call('/v1/loyalty/referrals', {
          method: 'POST',
          key: tenant.secretKey,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
          json: { customer: { externalId: 'newcomer' }, code: `erased:${customerId}` },
        }),
        422,
      );
    },
  );

  it('is idempotent, atomic, tenant-scoped and validated', { timeout: 60_000 }, async () => {
    const tenant = await newTenant();
    const { customerId } = await customerWithEverything(tenant, mark());
    const other = await v1(tenant, '/v1/customers', { externalId: 'other' });
    await ok(
      loyalty(tenant.secretKey, '/adjustments', {
        json: { customer: { externalId: 'other' }, points: 10, reason: 'hello', actor: 'x' },
      }),
      201,
    );
    const stranger = await newTenant();
    const erase = (key: string, id = customerId) => call(`/v1/customers/${id}`, { method: 'DELETE', key });
    const untouched = await settledRows(tenant.tenantId);

    // Another tenant's key: not found, and nothing changes. Bad ids are problems too.
    await expectProblem(await erase(stranger.secretKey), 404);
    await expectProblem(await erase(tenant.secretKey, 'x'.repeat(65)), 422);
    await expectProblem(await erase(tenant.secretKey, 'cus_nobody'), 404);
    await expectProblem(await call('/v1/privacy/erasures?limit=0', { key: tenant.secretKey }), 422);
    expect(dataChanges(untouched, await tenantRows(tenant.tenantId))).toEqual([]);

    // A statement late in the batch fails (its referral code is taken): nothing of the earlier ones stays.
    await env.DB.prepare('UPDATE loyalty_members SET referral_code = ? WHERE tenant_id = ? AND customer_id = ?')
      .bind(`erased:${customerId}`, tenant.tenantId, other.id)
      .run();
    const beforeFailure = await tenantRows(tenant.tenantId);
    const failed = await erase(tenant.secretKey);
    expect(failed.status).toBe(500);
    expect(failed.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(dataChanges(beforeFailure, await tenantRows(tenant.tenantId))).toEqual([]);
    await env.DB.prepare('UPDATE loyalty_members SET referral_code = ? WHERE tenant_id = ? AND customer_id = ?')
      .bind('OTHERCODE', tenant.tenantId, other.id)
      .run();

    expect((await erase(tenant.secretKey)).status).toBe(204);
    const erased = await tenantRows(tenant.tenantId);
    expect(dataChanges(beforeFailure, erased).length).toBeGreaterThan(3);
    // Again, from the dashboard this time: the same answer and not one row changes (the first record stays).
    expect((await call(`/api/customers/${customerId}`, { method: 'DELETE', headers: sessionHeaders(tenant) })).status).toBe(204);
    expect(dataChanges(erased, await tenantRows(tenant.tenantId))).toEqual([]);
    const erasures = await body<{ data: Array<{ actor: string }> }>(
      await call('/api/privacy/erasures', { headers: sessionHeaders(tenant) }),
    );
    expect(erasures.data).toHaveLength(1);
    expect(erasures.data[0]!.actor).toMatch(/^key:/);
  });
});
