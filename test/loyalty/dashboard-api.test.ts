// The loyalty API under /api/loyalty for the dashboard: session auth, viewers read-only, Idempotency-Key still required,
// and manual adjustments booked to the signed-in user whatever the browser claims.
import { describe, expect, it } from 'vitest';
import { body, call, expectProblem, newTenant, sessionHeaders, type TestTenant } from '../helpers';
import { loyalty, ok, order, purchaseRule, setUp } from './helpers';

async function addViewer(owner: TestTenant) {
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

const dashboard = (
  session: { cookie: string; csrf: string },
  path: string,
  init: { method?: string; json?: unknown; idempotencyKey?: string | null } = {},
) => {
  const method = init.method ?? (init.json === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = sessionHeaders(session);
  if (init.idempotencyKey !== null && method !== 'GET') headers['Idempotency-Key'] = init.idempotencyKey ?? crypto.randomUUID();
  return call(`/api/loyalty${path}`, { method, headers, json: init.json });
};

describe('loyalty for the dashboard (/api/loyalty)', () => {
  it('books a dashboard adjustment to the signed-in user, once per Idempotency-Key', async () => {
    const owner = await newTenant();
    const customer = { externalId: 'dash-1' };
    const idempotencyKey = crypto.randomUUID();
    const json = { customer, points: 25, reason: 'Goodwill for a late parcel' };

    const first = await ok<{ customerId: string; points: number }>(
      dashboard(owner, '/adjustments', { json, idempotencyKey }),
      201,
    );
    const replay = await dashboard(owner, '/adjustments', { json, idempotencyKey });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');

    const member = await ok<{ available: number }>(dashboard(owner, `/members/${first.customerId}`));
    expect(member.available).toBe(25);
    const ledger = await ok<{ data: Array<{ kind: string; availableDelta: number; reason: string; actor: string }> }>(
      dashboard(owner, `/members/${first.customerId}/transactions`),
    );
    expect(ledger.data).toEqual([
      expect.objectContaining({ kind: 'adjust', availableDelta: 25, reason: json.reason, actor: `dashboard:${owner.email}` }),
    ]);

    // The browser cannot name someone else as the actor, and the header is still required.
    await expectProblem(await dashboard(owner, '/adjustments', { json: { ...json, actor: 'someone else' } }), 422);
    await expectProblem(await dashboard(owner, '/adjustments', { json, idempotencyKey: null }), 400);
    // /v1 keeps requiring an actor and records the one it is given.
    await expectProblem(await loyalty(owner.secretKey, '/adjustments', { json }), 422);
    await ok(loyalty(owner.secretKey, '/adjustments', { json: { ...json, points: -5, actor: 'crm:agent-7' } }), 201);
    const after = await ok<{ data: Array<{ actor: string }> }>(loyalty(owner.secretKey, '/members/dash-1/transactions'));
    expect(after.data.map((entry) => entry.actor)).toEqual(['crm:agent-7', `dashboard:${owner.email}`]);
  });

  it('lets a viewer read the programme but change nothing', async () => {
    const owner = await newTenant();
    await setUp(owner.secretKey, {}, [purchaseRule]);
    await ok(order(owner.secretKey, 'o-1', 'viewer-case', 5000), 201);
    const viewer = await addViewer(owner);

    expect((await dashboard(viewer, '/settings')).status).toBe(200);
    expect((await dashboard(viewer, '/rules')).status).toBe(200);
    expect((await dashboard(viewer, '/members/viewer-case')).status).toBe(200);
    expect((await dashboard(viewer, '/liability')).status).toBe(200);
    const changes: Array<[string, string, unknown]> = [
      ['POST', '/adjustments', { customer: { externalId: 'viewer-case' }, points: 10, reason: 'not allowed' }],
      ['PATCH', '/settings', { earnRate: 5 }],
      ['POST', '/tiers', { name: 'Gold', threshold: 100 }],
      ['POST', '/rewards', { name: 'Mug', kind: 'gift', cost: 10 }],
    ];
    for (const [method, path, json] of changes) await expectProblem(await dashboard(viewer, path, { method, json }), 403);
    const member = await ok<{ available: number; pending: number }>(loyalty(owner.secretKey, '/members/viewer-case'));
    expect(member.available + member.pending).toBe(50);
    expect((await ok<{ data: unknown[] }>(loyalty(owner.secretKey, '/tiers'))).data).toEqual([]);
  });

  it('counts members per tier and redemptions per reward, for this tenant only', async () => {
    const owner = await newTenant();
    const other = await newTenant();
    const gold = await ok<{ id: string }>(dashboard(owner, '/tiers', { json: { name: 'Gold', threshold: 100 } }), 201);
    const mug = await ok<{ id: string }>(dashboard(owner, '/rewards', { json: { name: 'Mug', kind: 'gift', cost: 30 } }), 201);
    for (const externalId of ['p-1', 'p-2', 'p-3']) {
      await ok(
        dashboard(owner, '/adjustments', {
          json: { customer: { externalId }, points: externalId === 'p-3' ? 40 : 150, reason: 'seed' },
        }),
        201,
      );
    }
    const first = await ok<{ id: string }>(
      loyalty(owner.secretKey, '/redemptions', { json: { customer: { externalId: 'p-3' }, rewardId: mug.id } }),
      201,
    );
    await ok(loyalty(owner.secretKey, `/redemptions/${first.id}/cancel`, { method: 'POST' }));
    await ok(loyalty(owner.secretKey, '/redemptions', { json: { customer: { externalId: 'p-1' }, rewardId: mug.id } }), 201);

    const overview = await ok<{
      members: number;
      tiers: Array<{ id: string | null; members: number }>;
      rewards: Array<Record<string, unknown>>;
    }>(dashboard(owner, '/programme'));
    expect(overview.members).toBe(3);
    const goldMembers = overview.tiers.find((tier) => tier.id === gold.id)?.members ?? 0;
    expect(overview.tiers[0]).toMatchObject({ id: null, members: 3 - goldMembers });
    expect(overview.rewards).toEqual([expect.objectContaining({ id: mug.id, name: 'Mug', issued: 1, cancelled: 1, points: 30 })]);

    const foreign = await ok<{ members: number; tiers: unknown[]; rewards: unknown[] }>(loyalty(other.secretKey, '/programme'));
    expect(foreign).toEqual({ members: 0, tiers: [{ id: null, name: null, threshold: null, members: 0 }], rewards: [] });
  });
});
