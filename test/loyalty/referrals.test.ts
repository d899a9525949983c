import { describe, expect, it } from 'vitest';
import { expectProblem, newTenant } from '../helpers';
import { loyalty, member, ok, order, purchaseRule, setUp } from './helpers';

describe('referrals', { timeout: 30_000 }, () => {
  it('reward referrer and referee once on the referee’s first paid order, within the monthly limit', async () => {
    const tenant = await newTenant();
    const key = tenant.secretKey;
    await setUp(key, {}, [purchaseRule, { eventType: 'referral', name: 'Refer a friend', points: 200, refereePoints: 50, capPerMonth: 1 }]);
    await ok(order(key, 'o-ref', 'ana', 1_000, { customer: { externalId: 'ana', email: 'ana@example.com' } }), 201);
    const code = (await member(key, 'ana')).referralCode!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);

    await expectProblem(await loyalty(key, '/referrals', { json: { customer: { externalId: 'ana' }, code } }), 422);
    await expectProblem(await loyalty(key, '/referrals', { json: { customer: { externalId: 'ana-2', email: 'Ana+alt@example.com' }, code } }), 422);
    await expectProblem(await loyalty(key, '/referrals', { json: { customer: { externalId: 'bob' }, code: 'NOPE2345' } }), 422);

    await ok(loyalty(key, '/referrals', { json: { customer: { externalId: 'bob' }, code: code.toLowerCase() } }), 201);
    await expectProblem(await loyalty(key, '/referrals', { json: { customer: { externalId: 'bob' }, code } }), 409);
    await ok(loyalty(key, '/referrals', { json: { customer: { externalId: 'cy' }, code } }), 201);

    await ok(order(key, 'o-bob-1', 'bob', 3_000), 201);
    await ok(order(key, 'o-bob-2', 'bob', 3_000), 201);
    expect((await member(key, 'bob')).available).toBe(30 + 50 + 30);
    expect((await member(key, 'ana')).available).toBe(10 + 200);

    // Second referral this month: the referee is welcomed, the referrer is over the monthly limit.
    await ok(order(key, 'o-cy-1', 'cy', 1_000), 201);
    expect((await member(key, 'cy')).available).toBe(10 + 50);
    expect((await member(key, 'ana')).available).toBe(210);

    await expectProblem(await loyalty(key, '/referrals', { json: { customer: { externalId: 'bob' }, code: (await member(key, 'cy')).referralCode } }), 422);
  });
});
