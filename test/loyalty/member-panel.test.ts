// The widget's loyalty panel endpoints (/w/v1/loyalty/members/…) and the member identity secret (/v1/loyalty/member-secret).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { memberHash } from '../../worker/loyalty/member-identity';
import { body, call, expectProblem, newTenant, nextIp, SHOP_ORIGIN, type TestTenant } from '../helpers';
import { countEntries, expectConsistent, loyalty, ok } from './helpers';

async function memberSecret(tenant: TestTenant): Promise<string> {
  return (await ok<{ secret: string }>(loyalty(tenant.secretKey, '/member-secret'))).secret;
}

interface PanelCall {
  tenant: TestTenant;
  id: string;
  hash?: string | undefined;
  path?: string;
  origin?: string | null;
  key?: string;
  json?: unknown;
  idempotencyKey?: string;
  locale?: string;
}

/** What the panel does: the member path, ?key=, the hash header, from the shop's origin. */
function panel({
  tenant,
  id,
  hash,
  path = '',
  origin = SHOP_ORIGIN,
  key = tenant.publishableKey,
  json,
  idempotencyKey,
  locale,
}: PanelCall) {
  const headers: Record<string, string> = { 'CF-Connecting-IP': nextIp() };
  if (origin) headers.Origin = origin;
  if (hash !== undefined) headers['Rapport-Member-Hash'] = hash;
  if (json !== undefined) headers['Idempotency-Key'] = idempotencyKey ?? crypto.randomUUID();
  const query = `?key=${encodeURIComponent(key)}${locale ? `&locale=${locale}` : ''}`;
  return call(`/w/v1/loyalty/members/${encodeURIComponent(id)}${path}${query}`, {
    method: json === undefined ? 'GET' : 'POST',
    headers,
    json,
  });
}

async function signedPanel(tenant: TestTenant, id: string, extra: Omit<PanelCall, 'tenant' | 'id' | 'hash'> = {}) {
  return panel({ tenant, id, hash: await memberHash(await memberSecret(tenant), id), ...extra });
}

interface Shop {
  tenant: TestTenant;
  rewardId: string;
}

/** A programme with a purchase rule, a review rule, one 10-point reward, and a member "anna" holding `points`. */
async function shop(points: number): Promise<Shop> {
  const tenant = await newTenant();
  await ok(
    loyalty(tenant.secretKey, '/rules', { json: { eventType: 'purchase', name: 'Purchases', minOrderAmount: 2000 } }),
    201,
  );
  await ok(
    loyalty(tenant.secretKey, '/rules', { json: { eventType: 'review', name: 'Reviews', points: 50, capPerMonth: 2 } }),
    201,
  );
  const reward = await ok<{ id: string }>(
    loyalty(tenant.secretKey, '/rewards', { json: { name: '$1 off', kind: 'fixed_discount', value: 100, cost: 10 } }),
    201,
  );
  if (points > 0) {
    await ok(
      loyalty(tenant.secretKey, '/adjustments', {
        json: { customer: { externalId: 'anna' }, points, reason: 'opening balance', actor: 'test' },
      }),
      201,
    );
  }
  return { tenant, rewardId: reward.id };
}

async function customerIdOf(tenant: TestTenant, externalId: string): Promise<string> {
  const row = await env.DB.prepare('SELECT id FROM customers WHERE tenant_id = ? AND external_id = ?')
    .bind(tenant.tenantId, externalId)
    .first<{ id: string }>();
  return row!.id;
}

describe('member identity secret', () => {
  it('is generated once per tenant, stored sealed, readable again, and only with a secret key', async () => {
    const tenant = await newTenant();
    const first = await ok<{ secret: string; createdAt: string }>(loyalty(tenant.secretKey, '/member-secret'));
    expect(first.secret).toMatch(/^rk_ms_[\w-]{43}$/);
    expect(await ok(loyalty(tenant.secretKey, '/member-secret'))).toEqual(first);
    const other = await newTenant();
    expect(await memberSecret(other)).not.toBe(first.secret);

    const stored = await env.DB.prepare('SELECT secret FROM loyalty_member_secrets WHERE tenant_id = ?')
      .bind(tenant.tenantId)
      .first<{ secret: string }>();
    expect(stored!.secret).not.toContain(first.secret);
    expect(stored!.secret).not.toContain(first.secret.slice(6));

    await expectProblem(await call('/v1/loyalty/member-secret', { key: tenant.publishableKey }), 403);
    await expectProblem(await call('/v1/loyalty/member-secret'), 401);
  });

  it('rotation needs an Idempotency-Key, returns no secret, and invalidates hashes made with the old one at once', async () => {
    const { tenant } = await shop(30);
    const oldSecret = await memberSecret(tenant);
    const oldHash = await memberHash(oldSecret, 'anna');
    expect((await panel({ tenant, id: 'anna', hash: oldHash })).status).toBe(200);

    await expectProblem(await call('/v1/loyalty/member-secret/rotate', { method: 'POST', key: tenant.secretKey }), 400);
    const rotated = await loyalty(tenant.secretKey, '/member-secret/rotate', { method: 'POST' });
    expect(rotated.status).toBe(200);
    expect(Object.keys(await body(rotated))).toEqual(['createdAt']);

    const newSecret = await memberSecret(tenant);
    expect(newSecret).not.toBe(oldSecret);
    await expectProblem(await panel({ tenant, id: 'anna', hash: oldHash }), 401);
    expect((await panel({ tenant, id: 'anna', hash: await memberHash(newSecret, 'anna') })).status).toBe(200);
    // Kept responses of idempotent calls are plain text: the secret must never be among them.
    const kept = await env.DB.prepare('SELECT response_body FROM idempotency_keys WHERE tenant_id = ?')
      .bind(tenant.tenantId)
      .all<{ response_body: string | null }>();
    for (const row of kept.results) expect(row.response_body ?? '').not.toContain('rk_ms_');
  });

  it('is in the OpenAPI document next to the panel endpoints', async () => {
    const document = await body<{ paths: Record<string, Record<string, unknown>> }>(await call('/v1/openapi.json'));
    expect(Object.keys(document.paths['/v1/loyalty/member-secret']!)).toEqual(['get']);
    expect(Object.keys(document.paths['/v1/loyalty/member-secret/rotate']!)).toEqual(['post']);
    expect(document.paths['/w/v1/loyalty/members/{id}']).toHaveProperty('get');
    expect(document.paths['/w/v1/loyalty/members/{id}/earning']).toHaveProperty('get');
    expect(document.paths['/w/v1/loyalty/members/{id}/rewards']).toHaveProperty('get');
    expect(document.paths['/w/v1/loyalty/members/{id}/redemptions']).toHaveProperty('post');
  });
});

describe('member panel endpoints', { timeout: 30_000 }, () => {
  it('with a valid hash: balances, tier progress, ways to earn in plain words and the catalogue with availability', async () => {
    const { tenant, rewardId } = await shop(0);
    await ok(loyalty(tenant.secretKey, '/tiers', { json: { name: 'Silver', threshold: 0 } }), 201);
    await ok(loyalty(tenant.secretKey, '/tiers', { json: { name: 'Gold', threshold: 500 } }), 201);
    await ok(loyalty(tenant.secretKey, '/rewards', { json: { name: 'Tote bag', kind: 'gift', cost: 100, stock: 0 } }), 201);
    for (const id of ['rev-1', 'rev-2'])
      await ok(loyalty(tenant.secretKey, '/events', { json: { id, type: 'review', customer: { externalId: 'anna' } } }), 201);

    const view = await ok<Record<string, unknown>>(signedPanel(tenant, 'anna'));
    expect(view).toMatchObject({
      available: 100,
      pending: 0,
      expiringSoon: 0,
      lifetimeEarned: 100,
      currency: 'USD',
      tierMetric: 'points',
    });
    expect(view.tier).toMatchObject({
      current: { name: 'Silver' },
      next: { name: 'Gold', threshold: 500 },
      qualifying: 100,
      remaining: 400,
    });
    expect(view).not.toHaveProperty('customerId');

    const earning = await ok<{ ways: Array<{ eventType: string; title: string; description: string }> }>(
      signedPanel(tenant, 'anna', { path: '/earning' }),
    );
    expect(earning.ways).toEqual([
      { eventType: 'purchase', title: 'Purchases', description: '1 point per $1.00 spent, on orders from $20.00' },
      { eventType: 'review', title: 'Reviews', description: '50 points for a review (up to 2 times a month)' },
    ]);
    const russian = await ok<{ ways: Array<{ description: string }> }>(
      signedPanel(tenant, 'anna', { path: '/earning', locale: 'ru' }),
    );
    expect(russian.ways[1]!.description).toBe('50 баллов за отзыв (не больше 2 раз в месяц)');

    const catalogue = await ok<{ rewards: Array<Record<string, unknown>> }>(signedPanel(tenant, 'anna', { path: '/rewards' }));
    expect(catalogue.rewards).toEqual([
      {
        id: rewardId,
        name: '$1 off',
        kind: 'fixed_discount',
        description: '$1.00 off',
        cost: 10,
        redeemable: true,
        unavailableReason: null,
      },
      expect.objectContaining({
        name: 'Tote bag',
        description: 'A gift',
        cost: 100,
        redeemable: false,
        unavailableReason: 'stock',
      }),
    ]);
  });

  it('a customer the shop has not reported yet sees zeros and nothing redeemable, and no customer is created', async () => {
    const { tenant } = await shop(0);
    const view = await ok<Record<string, unknown>>(signedPanel(tenant, 'newcomer'));
    expect(view).toMatchObject({ available: 0, pending: 0, lifetimeEarned: 0, referralCode: null });
    const catalogue = await ok<{ rewards: Array<{ redeemable: boolean; unavailableReason: string }> }>(
      signedPanel(tenant, 'newcomer', { path: '/rewards' }),
    );
    expect(catalogue.rewards).toEqual([expect.objectContaining({ redeemable: false, unavailableReason: 'points' })]);
    const customers = await env.DB.prepare("SELECT count(*) AS n FROM customers WHERE tenant_id = ? AND external_id = 'newcomer'")
      .bind(tenant.tenantId)
      .first<{ n: number }>();
    expect(customers!.n).toBe(0);
  });

  it('refuses forged, missing, other-id and other-tenant hashes with 401 and wrong or missing origins with 403, revealing nothing', async () => {
    const { tenant } = await shop(30);
    const other = await shop(30);
    const secret = await memberSecret(tenant);
    const good = await memberHash(secret, 'anna');
    const forged = `${good.slice(0, 63)}${good.endsWith('0') ? '1' : '0'}`;
    const attempts = [
      panel({ tenant, id: 'anna', hash: forged }),
      panel({ tenant, id: 'anna', hash: undefined }),
      panel({ tenant, id: 'anna', hash: 'not-hex' }),
      panel({ tenant, id: 'anna', hash: await memberHash(secret, 'bob') }),
      panel({ tenant, id: 'bob', hash: good }),
      // The other tenant's secret signing the same id, sent with this tenant's key…
      panel({ tenant, id: 'anna', hash: await memberHash(await memberSecret(other.tenant), 'anna') }),
      // …and this tenant's valid hash sent with the other tenant's key.
      panel({ tenant: other.tenant, id: 'anna', hash: good }),
      panel({ tenant, id: 'anna', hash: forged, path: '/rewards' }),
      panel({ tenant, id: 'anna', hash: forged, path: '/earning' }),
      panel({ tenant, id: 'anna', hash: forged, path: '/redemptions', json: { rewardId: other.rewardId } }),
    ];
    const problems = [];
    for (const response of await Promise.all(attempts)) {
      const problem = await expectProblem(response, 401);
      expect(JSON.stringify(problem)).not.toMatch(/available|anna|bob|cus_/);
      problems.push(problem.detail);
    }
    // A customer who exists and one who does not get the very same answer.
    expect(new Set(problems).size).toBe(1);

    await expectProblem(await panel({ tenant, id: 'anna', hash: good, origin: null }), 403);
    const foreign = await panel({ tenant, id: 'anna', hash: good, origin: 'https://evil.example' });
    await expectProblem(foreign, 403);
    await expectProblem(await panel({ tenant, id: 'anna', hash: good, key: tenant.secretKey }), 403);
    await expectProblem(await panel({ tenant, id: 'anna', hash: good, key: 'rk_pk_0000000000000000000000000000000' }), 401);
    expect(await countEntries(tenant.tenantId, "kind = 'redeem'")).toBe(0);
    expect(await countEntries(other.tenant.tenantId, "kind = 'redeem'")).toBe(0);
  });

  it('a tenant that never read its secret verifies nobody', async () => {
    const tenant = await newTenant();
    const guess = await memberHash('rk_ms_guess', 'anna');
    await expectProblem(await panel({ tenant, id: 'anna', hash: guess }), 401);
  });

  it('answers CORS preflights for the identity and Idempotency-Key headers', async () => {
    const response = await call('/w/v1/loyalty/members/anna/redemptions?key=rk_pk_x', {
      method: 'OPTIONS',
      headers: {
        Origin: SHOP_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key,rapport-member-hash',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe('Content-Type, Idempotency-Key, Rapport-Member-Hash');
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST');
  });
});

describe('hostile input on the member routes', { timeout: 60_000 }, () => {
  it('never answers 5xx, always problem+json when refused, and refused calls redeem nothing', async () => {
    const { tenant, rewardId } = await shop(30);
    const hash = await memberHash(await memberSecret(tenant), 'anna');
    const segments = ['anna', '..%2F..', 'A'.repeat(300), '%E0%A4%A'];
    const hashes = [hash, 'x'.repeat(5000), 'not-hex-%', ''];
    const bodies = [
      '',
      '{',
      '[]',
      JSON.stringify({ rewardId: "' OR 1=1 --" }),
      JSON.stringify({ rewardId, extra: 1 }),
      JSON.stringify({ rewardId: 'x'.repeat(70) }),
    ];
    const statuses = new Set<number>();
    for (const segment of segments) {
      for (const memberHashValue of hashes) {
        for (const [path, payload] of [
          ['', undefined],
          ['/rewards', undefined],
          ['/earning', undefined],
          ...bodies.map((b) => ['/redemptions', b] as const),
        ] as const) {
          const headers: Record<string, string> = {
            Origin: SHOP_ORIGIN,
            'CF-Connecting-IP': nextIp(),
            'Content-Type': 'application/json',
          };
          if (memberHashValue) headers['Rapport-Member-Hash'] = memberHashValue;
          if (payload !== undefined) headers['Idempotency-Key'] = crypto.randomUUID();
          const response = await call(`/w/v1/loyalty/members/${segment}${path}?key=${tenant.publishableKey}&locale=%FF`, {
            method: payload === undefined ? 'GET' : 'POST',
            headers,
            body: payload,
          });
          statuses.add(response.status);
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
          await response.body?.cancel();
        }
      }
    }
    // The well-formed body with a valid hash is refused for its unknown field, the rest before or at validation.
    expect([...statuses].every((status) => [400, 401, 422].includes(status))).toBe(true);
    expect(await countEntries(tenant.tenantId, "kind = 'redeem'")).toBe(0);
  });
});

describe('member redemptions', { timeout: 60_000 }, () => {
  it('returns a code once per Idempotency-Key: a retry replays the same code and spends nothing more', async () => {
    const { tenant, rewardId } = await shop(30);
    const idempotencyKey = crypto.randomUUID();
    const first = await signedPanel(tenant, 'anna', { path: '/redemptions', json: { rewardId }, idempotencyKey });
    expect(first.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
    const redeemed = await ok<{ code: string; available: number; reward: string; cost: number }>(first, 201);
    expect(redeemed).toMatchObject({ reward: '$1 off', cost: 10, available: 20 });
    expect(redeemed.code).toMatch(/^[A-Z2-9]{12}$/);

    const retry = await signedPanel(tenant, 'anna', { path: '/redemptions', json: { rewardId }, idempotencyKey });
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(retry.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
    expect(await ok(retry, 201)).toEqual(redeemed);
    expect(await countEntries(tenant.tenantId, "kind = 'redeem'")).toBe(1);
    expect(await ok(signedPanel(tenant, 'anna'))).toMatchObject({ available: 20 });

    // Without a key the click is refused, not applied.
    const keyless = await call(`/w/v1/loyalty/members/anna/redemptions?key=${tenant.publishableKey}`, {
      method: 'POST',
      headers: { Origin: SHOP_ORIGIN, 'Rapport-Member-Hash': await memberHash(await memberSecret(tenant), 'anna') },
      json: { rewardId },
    });
    await expectProblem(keyless, 400);
    await expectProblem(await signedPanel(tenant, 'anna', { path: '/redemptions', json: { rewardId: 'rwd_nope' } }), 404);
    expect(await countEntries(tenant.tenantId, "kind = 'redeem'")).toBe(1);
  });

  it('20 concurrent clicks against 50 points and a 10-point reward: exactly 5 codes, 5 debits, balance 0', async () => {
    const { tenant, rewardId } = await shop(50);
    const hash = await memberHash(await memberSecret(tenant), 'anna');
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => panel({ tenant, id: 'anna', hash, path: '/redemptions', json: { rewardId } })),
    );
    const succeeded = responses.filter((response) => response.status === 201);
    expect(succeeded).toHaveLength(5);
    for (const response of responses.filter((r) => r.status !== 201))
      await expectProblem(response, response.status === 409 ? 409 : 422);
    const codes = await Promise.all(succeeded.map(async (response) => (await body<{ code: string }>(response)).code));
    expect(new Set(codes).size).toBe(5);
    expect(await countEntries(tenant.tenantId, "kind = 'redeem'")).toBe(5);
    expect(await ok(panel({ tenant, id: 'anna', hash }))).toMatchObject({ available: 0 });
    await expectConsistent(tenant.tenantId, await customerIdOf(tenant, 'anna'));
  });

  it('10 concurrent retries of one click (same Idempotency-Key) redeem once', async () => {
    const { tenant, rewardId } = await shop(50);
    const hash = await memberHash(await memberSecret(tenant), 'anna');
    const idempotencyKey = crypto.randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        panel({ tenant, id: 'anna', hash, path: '/redemptions', json: { rewardId }, idempotencyKey }),
      ),
    );
    const codes = new Set<string>();
    for (const response of responses) {
      if (response.status === 201) codes.add((await body<{ code: string }>(response)).code);
      else await expectProblem(response, 409);
    }
    expect(codes.size).toBe(1);
    expect(await countEntries(tenant.tenantId, "kind = 'redeem'")).toBe(1);
    expect(await ok(panel({ tenant, id: 'anna', hash }))).toMatchObject({ available: 40 });
  });

  it('the same Idempotency-Key from another member is not a replay of the first member’s code', async () => {
    const { tenant, rewardId } = await shop(30);
    await ok(
      loyalty(tenant.secretKey, '/adjustments', {
        json: { customer: { externalId: 'bob' }, points: 30, reason: 'opening balance', actor: 'test' },
      }),
      201,
    );
    const idempotencyKey = crypto.randomUUID();
    const anna = await ok<{ code: string }>(
      signedPanel(tenant, 'anna', { path: '/redemptions', json: { rewardId }, idempotencyKey }),
      201,
    );
    const bob = await signedPanel(tenant, 'bob', { path: '/redemptions', json: { rewardId }, idempotencyKey });
    const problem = await expectProblem(bob, 422);
    expect(JSON.stringify(problem)).not.toContain(anna.code);
  });
});
