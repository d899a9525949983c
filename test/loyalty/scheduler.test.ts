import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { database } from '../../worker/db/client';
import { purgeIdempotencyKeys } from '../../worker/http/idempotency';
import { runLoyaltyJobs } from '../../worker/loyalty/jobs';
import { webhookNotifier } from '../../worker/webhooks/emit';
import { addMonths } from '../../worker/loyalty/points';
import { DAY_MS } from '../../worker/shared/time';
import { call, newTenant } from '../helpers';
import { countEntries, expectConsistent, loyalty, member, ok, order, purchaseRule, setUp } from './helpers';

const runJobs = (now: number) => runLoyaltyJobs(database(env.DB), now, webhookNotifier(database(env.DB), env));
const spend = (key: string, points: number) =>
  ok(loyalty(key, '/adjustments', { json: { customer: { externalId: 'c1' }, points: -points, reason: 'spent', actor: 'test' } }), 201);

describe('expiry', { timeout: 30_000 }, () => {
  it('spends the oldest lots first and expires what is left of each lot on its date (worked example)', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, { expiryPolicy: 'lot', expiryMonths: 2 }, [purchaseRule]);
    const now = Date.now();
    const earnedAt = [now - 50 * DAY_MS, now - 40 * DAY_MS, now - 5 * DAY_MS];
    const [e1, e2, e3] = earnedAt.map((at) => addMonths(at, 2)) as [number, number, number];
    // Lots of 100, 50 and 80 points ($1 = 1 point), oldest first.
    for (const [index, total] of [10_000, 5_000, 8_000].entries()) {
      await ok(order(tenant.secretKey, `o-${index}`, 'c1', total, { occurredAt: new Date(earnedAt[index]!).toISOString() }), 201);
    }
    const customerId = (await member(tenant.secretKey, 'c1')).customerId;

    await spend(tenant.secretKey, 120); // lot 1: 100 → 0, lot 2: 50 → 30, lot 3: 80
    expect(await member(tenant.secretKey, 'c1')).toMatchObject({ available: 110, expiringSoon: 30 });

    await runJobs(e1 + 1); // lot 1 is empty: nothing to expire
    expect((await member(tenant.secretKey, 'c1')).available).toBe(110);
    await runJobs(e2 + 1); // lot 2's 30 expire
    expect((await member(tenant.secretKey, 'c1')).available).toBe(80);

    await spend(tenant.secretKey, 50); // lot 3: 80 → 30
    await runJobs(e3 + 1); // lot 3's 30 expire
    await runJobs(e3 + 2);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(0);
    expect(await countEntries(tenant.tenantId, "kind = 'expire'")).toBe(2);
    const expired = await env.DB.prepare("SELECT available_delta AS d FROM loyalty_entries WHERE tenant_id = ? AND kind = 'expire' ORDER BY created_at")
      .bind(tenant.tenantId)
      .all<{ d: number }>();
    expect(expired.results.map((row) => row.d)).toEqual([-30, -30]);
    await expectConsistent(tenant.tenantId, customerId);
  });

  it('expires the whole balance after N months without activity, once', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, { expiryPolicy: 'inactivity', expiryMonths: 6 }, [purchaseRule]);
    await ok(order(tenant.secretKey, 'o-1', 'c1', 7_000), 201);
    await ok(order(tenant.secretKey, 'o-2', 'c1', 3_000), 201);
    const now = Date.now();
    await runJobs(addMonths(now, 5));
    expect((await member(tenant.secretKey, 'c1')).available).toBe(100);
    await runJobs(addMonths(now, 6) + 1000);
    await runJobs(addMonths(now, 6) + 2000);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(0);
    expect(await countEntries(tenant.tenantId, "kind = 'expire'")).toBe(1);
  });
});

describe('pending points', { timeout: 30_000 }, () => {
  it('become available after the pending period, exactly once', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, { pendingDays: 14 }, [purchaseRule]);
    const earned = await ok<{ customerId: string }>(order(tenant.secretKey, 'o-1', 'c1', 4_200), 201);
    const now = Date.now();
    await runJobs(now + 13 * DAY_MS);
    expect(await member(tenant.secretKey, 'c1')).toMatchObject({ available: 0, pending: 42 });
    await runJobs(now + 14 * DAY_MS + 1000);
    await runJobs(now + 14 * DAY_MS + 2000);
    expect(await member(tenant.secretKey, 'c1')).toMatchObject({ available: 42, pending: 0 });
    expect(await countEntries(tenant.tenantId, "kind = 'activate'")).toBe(1);
    await expectConsistent(tenant.tenantId, earned.customerId);
  });
});

describe('birthdays', { timeout: 30_000 }, () => {
  const mmdd = (millis: number) => new Date(millis).toISOString().slice(5, 10);

  it('pay once per year, and not when the birthday was set within the last 30 days', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, {}, [{ eventType: 'birthday', name: 'Happy birthday', points: 50 }]);
    const now = Date.now();
    const longKnown = now + 40 * DAY_MS;
    const justSet = now + 10 * DAY_MS;
    for (const [externalId, day] of [['old', longKnown], ['new', justSet]] as const) {
      const created = await call('/v1/customers', { method: 'POST', key: tenant.secretKey, json: { externalId, birthday: `1990-${mmdd(day)}` } });
      expect(created.status).toBe(201);
    }
    await runJobs(justSet);
    await runJobs(longKnown);
    await runJobs(longKnown + 60_000);
    expect((await member(tenant.secretKey, 'old')).available).toBe(50);
    expect((await member(tenant.secretKey, 'new')).available).toBe(0);
    await runJobs(addMonths(longKnown, 12));
    expect((await member(tenant.secretKey, 'old')).available).toBe(100);
  });
});

describe('idempotency keys', { timeout: 30_000 }, () => {
  it('are kept at least 7 days and then purged', async () => {
    const tenant = await newTenant();
    await ok(loyalty(tenant.secretKey, '/adjustments', { json: { customer: { externalId: 'c1' }, points: 5, reason: 'bonus', actor: 'ops' }, idempotencyKey: 'keep-me' }), 201);
    const count = async () =>
      (await env.DB.prepare('SELECT count(*) AS n FROM idempotency_keys WHERE tenant_id = ?').bind(tenant.tenantId).first<{ n: number }>())!.n;
    await purgeIdempotencyKeys(database(env.DB), Date.now() + 7 * DAY_MS - 60_000);
    expect(await count()).toBe(1);
    await purgeIdempotencyKeys(database(env.DB), Date.now() + 7 * DAY_MS + 60_000);
    expect(await count()).toBe(0);
  });
});
