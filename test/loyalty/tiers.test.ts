import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { database } from '../../worker/db/client';
import { runLoyaltyJobs } from '../../worker/loyalty/jobs';
import { webhookNotifier } from '../../worker/webhooks/emit';
import { DAY_MS } from '../../worker/shared/time';
import { expectProblem, newTenant } from '../helpers';
import { loyalty, member, ok, order, purchaseRule, setUp } from './helpers';

const runJobs = (now: number) => runLoyaltyJobs(database(env.DB), now, webhookNotifier(database(env.DB), env));

describe('tiers', { timeout: 30_000 }, () => {
  it('go up on the threshold, multiply later earns, and come down one level per inactive period', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, { tierMetric: 'points', tierWindowDays: 365, tierPeriodDays: 90 }, [purchaseRule]);
    const silver = await ok<{ id: string }>(loyalty(tenant.secretKey, '/tiers', { json: { name: 'Silver', threshold: 100 } }), 201);
    const gold = await ok<{ id: string }>(loyalty(tenant.secretKey, '/tiers', { json: { name: 'Gold', threshold: 500, multiplierPercent: 150 } }), 201);
    await expectProblem(await loyalty(tenant.secretKey, '/tiers', { json: { name: 'Dup', threshold: 500 } }), 409);

    expect((await member(tenant.secretKey, 'c1').catch(() => null))).toBeNull();
    await ok(order(tenant.secretKey, 'o-1', 'c1', 12_000), 201);
    expect((await member(tenant.secretKey, 'c1')).tier).toMatchObject({
      current: { id: silver.id, name: 'Silver' },
      next: { id: gold.id, threshold: 500 },
      qualifying: 120,
      remaining: 380,
    });

    await ok(order(tenant.secretKey, 'o-2', 'c1', 40_000), 201);
    expect((await member(tenant.secretKey, 'c1')).tier).toMatchObject({ current: { id: gold.id }, next: null, remaining: null });

    const boosted = await ok<{ points: number }>(order(tenant.secretKey, 'o-3', 'c1', 10_000), 201);
    expect(boosted.points).toBe(150);
    await expectProblem(await loyalty(tenant.secretKey, `/tiers/${gold.id}`, { method: 'DELETE' }), 409);

    const now = Date.now();
    await runJobs(now + 30 * DAY_MS); // still qualifying: no change
    expect((await member(tenant.secretKey, 'c1')).tier.current?.id).toBe(gold.id);
    await runJobs(now + 400 * DAY_MS); // window empty and the tier held a full period: down one level
    await runJobs(now + 400 * DAY_MS + 60_000); // again: the new tier has not been held a period yet
    expect((await member(tenant.secretKey, 'c1')).tier.current?.id).toBe(silver.id);
    await runJobs(now + 491 * DAY_MS);
    expect((await member(tenant.secretKey, 'c1')).tier.current).toBeNull();

    const plain = await ok<{ points: number }>(order(tenant.secretKey, 'o-4', 'c1', 1_000), 201);
    expect(plain.points).toBe(10);
  });

  it('multiply fixed-points events where the rule says so, and an event that reaches a threshold moves the member up', async () => {
    const tenant = await newTenant();
    await setUp(tenant.secretKey, { tierMetric: 'points' }, [
      purchaseRule,
      { eventType: 'review', name: 'Reviews', points: 20 },
      { eventType: 'custom:flat', name: 'Flat', points: 20, applyTierMultiplier: false },
    ]);
    const silver = await ok<{ id: string }>(loyalty(tenant.secretKey, '/tiers', { json: { name: 'Silver', threshold: 30, multiplierPercent: 150 } }), 201);
    const event = (id: string, type: string) => ok<{ points: number }>(loyalty(tenant.secretKey, '/events', { json: { id, type, customer: { externalId: 'e1' } } }), 201);

    expect((await event('r-1', 'review')).points).toBe(20);
    expect((await member(tenant.secretKey, 'e1')).tier.current).toBeNull();
    expect((await event('f-1', 'custom:flat')).points).toBe(20);
    expect((await member(tenant.secretKey, 'e1')).tier.current?.id).toBe(silver.id);
    expect((await event('r-2', 'review')).points).toBe(30);
    expect((await event('f-2', 'custom:flat')).points).toBe(20);
  });
});
