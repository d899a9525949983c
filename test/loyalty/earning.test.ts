import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, expectProblem, newTenant } from '../helpers';
import { countEntries, expectConsistent, ledgerOf, loyalty, member, ok, order, purchaseRule, setUp } from './helpers';

describe('earning points exactly once', { timeout: 30_000 }, () => {
  it('replays of one event (same key, new keys, concurrently) award once', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, {}, [{ eventType: 'review', name: 'Reviews', points: 25 }]);
    const event = { id: 'review-1', type: 'review', customer: { externalId: 'c1' } };

    const first = await ok<{ points: number; status: string; customerId: string }>(loyalty(tenant.secretKey, '/events', { json: event, idempotencyKey: 'k-1' }), 201);
    expect(first).toMatchObject({ points: 25, status: 'available' });

    const sameKey = await Promise.all(Array.from({ length: 25 }, () => loyalty(tenant.secretKey, '/events', { json: event, idempotencyKey: 'k-1' })));
    const newKeys = await Promise.all(Array.from({ length: 25 }, () => loyalty(tenant.secretKey, '/events', { json: event })));
    for (const response of [...sameKey, ...newKeys]) {
      expect([200, 201, 409]).toContain(response.status);
      if (response.status !== 409) expect(await response.json()).toMatchObject({ points: 25, customerId: first.customerId });
    }
    expect(sameKey.filter((r) => r.headers.get('Idempotent-Replayed') === 'true').length).toBeGreaterThan(0);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(25);
    expect(await countEntries(tenant.tenantId)).toBe(1);
    await expectConsistent(tenant.tenantId, first.customerId);
  }, 60_000);

  it('one order id earns once across 50 concurrent reports with different keys', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, { earnRate: 2 }, [purchaseRule]);
    const responses = await Promise.all(Array.from({ length: 50 }, () => order(tenant.secretKey, 'o-1', 'c1', 12_345)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 200)).toBe(true);
    // 2 points per dollar of $123.45, rounded down.
    const view = await member(tenant.secretKey, 'c1');
    expect(view).toMatchObject({ available: 246, lifetimeEarned: 246 });
    expect(await countEntries(tenant.tenantId)).toBe(1);
    await expectConsistent(tenant.tenantId, view.customerId);
  }, 60_000);

  it('a purchase event with the same order id as an order does not earn again', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, {}, [purchaseRule]);
    await ok(order(tenant.secretKey, 'o-9', 'c1', 5000), 201);
    const replay = await ok<{ points: number }>(
      loyalty(tenant.secretKey, '/events', { json: { id: 'evt-9', type: 'purchase', customer: { externalId: 'c1' }, orderId: 'o-9', amount: 5000, currency: 'USD' } }),
      200,
    );
    expect(replay.points).toBe(50);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(50);
  });

  it('applies rate, rounding, excluded amounts, minimum order and pending period', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, { earnRate: 1.5, rounding: 'round', excludeShipping: true, excludeTax: false, pendingDays: 14 }, [
      { ...purchaseRule, minOrderAmount: 1000, points: 5 },
    ]);
    // eligible = 10 000 − 1 000 shipping = $90.00 → 135 points + 5 bonus, pending for 14 days.
    const earned = await ok<{ points: number; status: string; eligibleAmount: number }>(
      order(tenant.secretKey, 'o-1', 'c1', 10_000, { shipping: 1000, tax: 500 }),
      201,
    );
    expect(earned).toMatchObject({ points: 140, status: 'pending', eligibleAmount: 9000 });
    const below = await ok<{ points: number; status: string }>(order(tenant.secretKey, 'o-2', 'c1', 1500, { shipping: 600 }), 201);
    expect(below).toMatchObject({ points: 0, status: 'ineligible' });
    expect(await member(tenant.secretKey, 'c1')).toMatchObject({ available: 0, pending: 140 });
    await expectProblem(await order(tenant.secretKey, 'o-3', 'c1', 1000, { currency: 'EUR' }), 422);
  });

  it('caps awards per customer per day and ignores inactive or out-of-date rules', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, {}, [
      { eventType: 'custom:newsletter', name: 'Newsletter', points: 10, capPerDay: 2 },
      { eventType: 'signup', name: 'Signup', points: 100, startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-02-01T00:00:00Z' },
    ]);
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      const response = await loyalty(tenant.secretKey, '/events', { json: { id: `n-${i}`, type: 'custom:newsletter', customer: { externalId: 'c1' } } });
      outcomes.push((await ok<{ status: string }>(response, 201)).status);
    }
    expect(outcomes).toEqual(['available', 'available', 'capped']);
    const signup = await ok<{ status: string }>(loyalty(tenant.secretKey, '/events', { json: { id: 's-1', type: 'signup', customer: { externalId: 'c1' } } }), 201);
    expect(signup.status).toBe('ineligible');
    expect((await member(tenant.secretKey, 'c1')).available).toBe(20);
  });
});

describe('refunds', { timeout: 30_000 }, () => {
  it('reverses 40 % of an order’s points from pending first and refuses refunds beyond the total', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, { pendingDays: 30 }, [purchaseRule]);
    const earned = await ok<{ customerId: string; points: number }>(order(tenant.secretKey, 'o-1', 'c1', 25_000), 201);
    expect(earned.points).toBe(250);

    const refund = await ok(loyalty(tenant.secretKey, '/orders/o-1/refunds', { json: { id: 'r-1', amount: 10_000 } }), 201);
    expect(refund).toEqual({ orderId: 'o-1', refunded: 10_000, pointsReversed: 100, fromPending: 100, fromAvailable: 0, forgiven: 0 });
    expect(await member(tenant.secretKey, 'c1')).toMatchObject({ pending: 150, available: 0 });

    const tooMuch = await expectProblem(await loyalty(tenant.secretKey, '/orders/o-1/refunds', { json: { id: 'r-2', amount: 15_001 } }), 422);
    expect(tooMuch.detail).toMatch(/exceed/);
    await expectProblem(await loyalty(tenant.secretKey, '/orders/o-1/refunds', { json: { id: 'r-1', amount: 1 } }), 409);

    const rest = await ok(loyalty(tenant.secretKey, '/orders/o-1/refunds', { json: { id: 'r-3', amount: 15_000 } }), 201);
    expect(rest).toMatchObject({ refunded: 25_000, pointsReversed: 150 });
    await expectProblem(await loyalty(tenant.secretKey, '/orders/o-1/refunds', { json: { id: 'r-4', amount: 1 } }), 422);
    expect(await member(tenant.secretKey, 'c1')).toMatchObject({ pending: 0, available: 0 });
    await expectConsistent(tenant.tenantId, earned.customerId);
  });

  it('takes already available points back, forgiving what was spent unless negative balances are allowed', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, {}, [purchaseRule]);
    const earned = await ok<{ customerId: string }>(order(tenant.secretKey, 'o-1', 'c1', 10_000), 201);
    await ok(loyalty(tenant.secretKey, '/adjustments', { json: { customer: { externalId: 'c1' }, points: -80, reason: 'spent in store', actor: 'pos' } }), 201);
    const never = await ok(loyalty(tenant.secretKey, '/orders/o-1/refunds', { json: { id: 'r-1', amount: 5_000 } }), 201);
    expect(never).toMatchObject({ pointsReversed: 50, fromAvailable: 20, forgiven: 30 });
    expect((await member(tenant.secretKey, 'c1')).available).toBe(0);

    await setUp(tenant.secretKey, { negativeBalance: 'allowed' });
    const allowed = await ok(loyalty(tenant.secretKey, '/orders/o-1/refunds', { json: { id: 'r-2', amount: 5_000 } }), 201);
    expect(allowed).toMatchObject({ pointsReversed: 50, fromAvailable: 50, forgiven: 0 });
    expect((await member(tenant.secretKey, 'c1')).available).toBe(-50);
    await expectConsistent(tenant.tenantId, earned.customerId);

    // New points pay the debt first; the balance is back to ≥ 0 only after 50 points.
    await ok(loyalty(tenant.secretKey, '/adjustments', { json: { customer: { externalId: 'c1' }, points: 70, reason: 'goodwill', actor: 'support' } }), 201);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(20);
    await expectConsistent(tenant.tenantId, earned.customerId);
  });
});

describe('concurrent refunds', { timeout: 60_000 }, () => {
  it('of one order never refund more than its total nor reverse more than it earned', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, {}, [purchaseRule]);
    const earned = await ok<{ customerId: string }>(order(tenant.secretKey, 'o-1', 'c1', 10_000), 201);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => loyalty(tenant.secretKey, '/orders/o-1/refunds', { json: { id: `r-${i}`, amount: 1_000 } })),
    );
    const accepted = responses.filter((r) => r.status === 201).length;
    for (const response of responses.filter((r) => r.status !== 201)) await expectProblem(response, response.status === 409 ? 409 : 422);
    expect(accepted).toBeLessThanOrEqual(10);
    const row = await env.DB.prepare("SELECT refunded, points_reversed AS reversed FROM loyalty_orders WHERE tenant_id = ? AND order_id = 'o-1'")
      .bind(tenant.tenantId)
      .first<{ refunded: number; reversed: number }>();
    expect(row).toEqual({ refunded: accepted * 1_000, reversed: accepted * 10 });
    expect(await countEntries(tenant.tenantId, "kind = 'refund'")).toBe(accepted);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(100 - accepted * 10);
    await expectConsistent(tenant.tenantId, earned.customerId);
  });
});

describe('adjustments, transactions and liability', { timeout: 30_000 }, () => {
  it('requires a reason and an actor, never overdraws, and lists entries newest first with a cursor', async () => {
    const tenant = await newTenant();
    const customer = { externalId: 'c1' };
    const missing = await expectProblem(await loyalty(tenant.secretKey, '/adjustments', { json: { customer, points: 10 } }), 422);
    expect(missing.errors?.map((e) => e.path).sort()).toEqual(['actor', 'reason']);
    for (let i = 1; i <= 3; i++) {
      await ok(loyalty(tenant.secretKey, '/adjustments', { json: { customer, points: i * 10, reason: `bonus ${i}`, actor: 'ana@acme.test' } }), 201);
    }
    await expectProblem(await loyalty(tenant.secretKey, '/adjustments', { json: { customer, points: -61, reason: 'too much', actor: 'ana' } }), 422);

    const first = await ok<{ data: Array<{ reason: string; actor: string; availableDelta: number }>; nextCursor: string | null }>(
      loyalty(tenant.secretKey, '/members/c1/transactions?limit=2'),
    );
    expect(first.data.map((e) => e.reason)).toEqual(['bonus 3', 'bonus 2']);
    expect(first.data[0]).toMatchObject({ actor: 'ana@acme.test', availableDelta: 30 });
    const second = await ok<{ data: Array<{ reason: string }>; nextCursor: string | null }>(
      loyalty(tenant.secretKey, `/members/c1/transactions?limit=2&cursor=${first.nextCursor}`),
    );
    expect(second).toMatchObject({ data: [{ reason: 'bonus 1' }], nextCursor: null });

    await setUp(tenant.secretKey, { pointValue: 0.05 });
    expect(await ok(loyalty(tenant.secretKey, '/liability'))).toEqual({ currency: 'USD', pointValue: 0.05, available: 60, pending: 0, value: 3 });
  });

  it('needs an Idempotency-Key, replays it, and refuses it for a different body', async () => {
    const tenant = await newTenant();
    const adjustment = { customer: { externalId: 'c1' }, points: 10, reason: 'welcome', actor: 'ops' };
    const missing = await call('/v1/loyalty/adjustments', { method: 'POST', key: tenant.secretKey, json: adjustment });
    await expectProblem(missing, 400);
    const first = await ok(loyalty(tenant.secretKey, '/adjustments', { json: adjustment, idempotencyKey: 'adj-1' }), 201);
    const again = await loyalty(tenant.secretKey, '/adjustments', { json: adjustment, idempotencyKey: 'adj-1' });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await ok(again, 201)).toEqual(first);
    await expectProblem(await loyalty(tenant.secretKey, '/adjustments', { json: { ...adjustment, points: 11 }, idempotencyKey: 'adj-1' }), 422);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(10);
    const { ledger } = await ledgerOf(tenant.tenantId, (first as { customerId: string }).customerId);
    expect(ledger.entries).toBe(1);
  });

  it('answers 409 while the first request with a key is in flight, and lets a retry take over a dead one', async () => {
    const tenant = await newTenant();
    const adjustment = { customer: { externalId: 'c1' }, points: 10, reason: 'welcome', actor: 'ops' };
    const body = JSON.stringify(adjustment);
    const fingerprint = Array.from(
      new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`POST /v1/loyalty/adjustments\n${body}`))),
      (b) => b.toString(16).padStart(2, '0'),
    ).join('');
    const claim = (key: string, lockedAt: number) =>
      env.DB.prepare('INSERT INTO idempotency_keys (tenant_id, key, fingerprint, locked_at, created_at) VALUES (?, ?, ?, ?, ?)')
        .bind(tenant.tenantId, key, fingerprint, lockedAt, lockedAt)
        .run();
    await claim('busy', Date.now());
    await expectProblem(await loyalty(tenant.secretKey, '/adjustments', { json: adjustment, idempotencyKey: 'busy' }), 409);
    await claim('abandoned', Date.now() - 5 * 60_000);
    await ok(loyalty(tenant.secretKey, '/adjustments', { json: adjustment, idempotencyKey: 'abandoned' }), 201);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(10);
  });
});

describe('tenant isolation', { timeout: 30_000 }, () => {
  it('another tenant’s key sees and touches none of this tenant’s members, rules, orders or ledger (404)', async () => {
    const owner = await newTenant('Owner');
    const other = await newTenant('Other');
    await setUp(owner.secretKey, {}, [purchaseRule]);
    const earned = await ok<{ customerId: string }>(order(owner.secretKey, 'o-1', 'c1', 10_000), 201);
    const rule = (await ok<{ data: Array<{ id: string }> }>(loyalty(owner.secretKey, '/rules'))).data[0]!;
    const reward = await ok<{ id: string }>(loyalty(owner.secretKey, '/rewards', { json: { name: 'Mug', kind: 'gift', cost: 10 } }), 201);
    const redemption = await ok<{ id: string }>(loyalty(owner.secretKey, '/redemptions', { json: { customer: { externalId: 'c1' }, rewardId: reward.id } }), 201);

    for (const path of [`/members/c1`, `/members/${earned.customerId}`, `/members/${earned.customerId}/transactions`, `/rules/${rule.id}`, `/rewards/${reward.id}`]) {
      await expectProblem(await loyalty(other.secretKey, path), 404);
    }
    await expectProblem(await loyalty(other.secretKey, `/rules/${rule.id}`, { method: 'PATCH', json: { points: 1000 } }), 404);
    await expectProblem(await loyalty(other.secretKey, `/rules/${rule.id}`, { method: 'DELETE' }), 404);
    await expectProblem(await loyalty(other.secretKey, '/orders/o-1/refunds', { json: { id: 'r', amount: 10_000 } }), 404);
    await expectProblem(await loyalty(other.secretKey, `/redemptions/${redemption.id}/cancel`, { method: 'POST' }), 404);
    await expectProblem(await loyalty(other.secretKey, '/redemptions', { json: { customer: { externalId: 'c1' }, rewardId: reward.id } }), 404);
    expect(await ok(loyalty(other.secretKey, '/liability'))).toMatchObject({ available: 0, pending: 0 });

    expect(await member(owner.secretKey, 'c1')).toMatchObject({ available: 90 });
    expect(await ok(loyalty(owner.secretKey, `/rules/${rule.id}`))).toMatchObject({ points: 0 });
    await expectConsistent(owner.tenantId, earned.customerId);
  });
});
