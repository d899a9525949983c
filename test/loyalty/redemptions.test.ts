import { describe, expect, it } from 'vitest';
import { call, expectProblem, newSurvey, newTenant } from '../helpers';
import { countEntries, expectConsistent, loyalty, member, ok } from './helpers';

const customer = { externalId: 'c1' };

async function fund(key: string, points: number): Promise<string> {
  const adjusted = await ok<{ customerId: string }>(loyalty(key, '/adjustments', { json: { customer, points, reason: 'opening balance', actor: 'test' } }), 201);
  return adjusted.customerId;
}

describe('redemptions', { timeout: 30_000 }, () => {
  it('100 concurrent redemptions of a 10-point reward against 100 points: exactly 10 succeed', async () => {
    const tenant = await newTenant();
    const customerId = await fund(tenant.secretKey, 100);
    const reward = await ok<{ id: string }>(loyalty(tenant.secretKey, '/rewards', { json: { name: '$1 off', kind: 'fixed_discount', value: 100, cost: 10 } }), 201);

    const responses = await Promise.all(
      Array.from({ length: 100 }, () => loyalty(tenant.secretKey, '/redemptions', { json: { customer, rewardId: reward.id } })),
    );
    const succeeded = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    expect(succeeded).toHaveLength(10);
    for (const response of refused) await expectProblem(response, response.status === 409 ? 409 : 422);

    const codes = await Promise.all(succeeded.map(async (r) => (await r.json<{ code: string }>()).code));
    expect(new Set(codes).size).toBe(10);
    expect(await countEntries(tenant.tenantId, "kind = 'redeem'")).toBe(10);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(0);
    await expectConsistent(tenant.tenantId, customerId);
  }, 60_000);

  it('respects stock and the per-customer limit, and cancelling gives points, stock and limit back once', async () => {
    const tenant = await newTenant();
    const customerId = await fund(tenant.secretKey, 100);
    const reward = await ok<{ id: string }>(
      loyalty(tenant.secretKey, '/rewards', { json: { name: 'Tote', kind: 'gift', cost: 20, stock: 2, perCustomerLimit: 1 } }),
      201,
    );
    const first = await ok<{ id: string; status: string; code: string }>(loyalty(tenant.secretKey, '/redemptions', { json: { customer, rewardId: reward.id } }), 201);
    expect(first.code).toMatch(/^[A-Z2-9]{12}$/);
    await expectProblem(await loyalty(tenant.secretKey, '/redemptions', { json: { customer, rewardId: reward.id } }), 422);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(80);

    const cancelled = await ok<{ status: string }>(loyalty(tenant.secretKey, `/redemptions/${first.id}/cancel`, { method: 'POST' }));
    expect(cancelled.status).toBe('cancelled');
    await expectProblem(await loyalty(tenant.secretKey, `/redemptions/${first.id}/cancel`, { method: 'POST' }), 409);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(100);

    await ok(loyalty(tenant.secretKey, '/redemptions', { json: { customer, rewardId: reward.id } }), 201);
    await expectProblem(await loyalty(tenant.secretKey, '/redemptions', { json: { customer: { externalId: 'c2' }, rewardId: reward.id } }), 422);
    expect(await ok<{ stock: number }>(loyalty(tenant.secretKey, `/rewards/${reward.id}`))).toMatchObject({ stock: 1 });
    await expectConsistent(tenant.tenantId, customerId);
  });
});

describe('survey link', { timeout: 30_000 }, () => {
  it('an answered survey earns once per response, not again on a replay or a comment change', async () => {
    const tenant = await newTenant();
    await ok(loyalty(tenant.secretKey, '/rules', { json: { eventType: 'survey_answered', name: 'Feedback', points: 15 } }), 201);
    const survey = await newSurvey(tenant.secretKey);
    const answer = { id: 'answer-1', surveyId: survey.id, score: 9, customer: { externalId: 'c1' } };
    const created = await call('/v1/responses', { method: 'POST', key: tenant.secretKey, json: answer });
    expect(created.status).toBe(201);
    const { id } = await created.json<{ id: string }>();
    expect((await call('/v1/responses', { method: 'POST', key: tenant.secretKey, json: answer })).status).toBe(200);
    const patched = await call(`/v1/responses/${id}`, { method: 'PATCH', key: tenant.secretKey, json: { comment: 'Great' } });
    expect(patched.status).toBe(200);
    expect((await member(tenant.secretKey, 'c1')).available).toBe(15);
    expect(await countEntries(tenant.tenantId)).toBe(1);
  });
});
