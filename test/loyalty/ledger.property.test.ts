import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { database } from '../../worker/db/client';
import { runLoyaltyJobs } from '../../worker/loyalty/jobs';
import { webhookNotifier } from '../../worker/webhooks/emit';
import { newTenant } from '../helpers';
import { expectConsistent, loyalty, member, ok, order, purchaseRule, setUp } from './helpers';
import { PointsModel } from './model';

const DAY = 86_400_000;
const REWARD_COST = 30;
/** All runs share one origin, so every lot's dates are days away from any scheduler clock used. */
const T0 = Date.now();
/** Earn dates relative to T0: expiry (2 months on) lands ~60, ~40 or ~15 days after T0. */
const EARN_AGES = [0, 20, 45] as const;
/** Scheduler clocks (days after T0) chosen between activation (10 d) and the expiry groups. */
const CLOCKS = [5, 12, 24, 50, 70] as const;

type Command =
  | { kind: 'earn'; total: number; age: (typeof EARN_AGES)[number] }
  | { kind: 'refund'; order: number; fraction: number }
  | { kind: 'redeem' }
  | { kind: 'cancel'; redemption: number }
  | { kind: 'adjust'; points: number }
  | { kind: 'scheduler'; clock: (typeof CLOCKS)[number] };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('earn' as const), total: fc.integer({ min: 0, max: 20_000 }), age: fc.constantFrom(...EARN_AGES) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('refund' as const), order: fc.nat(), fraction: fc.double({ min: 0.01, max: 1.2, noNaN: true }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('redeem' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), redemption: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('adjust' as const), points: fc.integer({ min: -150, max: 150 }).filter((p) => p !== 0) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('scheduler' as const), clock: fc.constantFrom(...CLOCKS) }) },
);

async function runSequence(commands: Command[], negativeBalance: 'never' | 'allowed'): Promise<void> {
  const tenant = await newTenant();
  const key = tenant.secretKey;
  await setUp(key, { pendingDays: 10, expiryPolicy: 'lot', expiryMonths: 2, negativeBalance }, [purchaseRule]);
  const reward = await ok<{ id: string }>(loyalty(key, '/rewards', { json: { name: 'Voucher', kind: 'fixed_discount', value: 500, cost: REWARD_COST } }), 201);
  const customer = { externalId: 'member' };
  await ok(loyalty(key, '/adjustments', { json: { customer, points: 1, reason: 'enrol', actor: 'test' } }), 201);
  const model = new PointsModel(negativeBalance === 'allowed', 10);
  model.grant(1, Date.now());
  const orderIds: string[] = [];
  const redemptionIds: string[] = [];
  let clock = 0;

  for (const [step, cmd] of commands.entries()) {
    switch (cmd.kind) {
      case 'earn': {
        const id = `o-${step}`;
        const occurredAt = T0 - cmd.age * DAY;
        const earned = await ok<{ points: number }>(order(key, id, 'member', cmd.total, { occurredAt: new Date(occurredAt).toISOString() }), 201);
        expect(earned.points).toBe(model.order(id, cmd.total, occurredAt, Date.now()));
        orderIds.push(id);
        break;
      }
      case 'refund': {
        if (orderIds.length === 0) continue;
        const id = orderIds[cmd.order % orderIds.length]!;
        const amount = Math.max(1, Math.round(model.orders.get(id)!.total * cmd.fraction));
        const accepted = model.refund(id, amount);
        const response = await loyalty(key, `/orders/${id}/refunds`, { json: { id: `r-${step}`, amount } });
        expect(response.status).toBe(accepted ? 201 : 422);
        break;
      }
      case 'redeem': {
        const accepted = model.spend(REWARD_COST);
        const response = await loyalty(key, '/redemptions', { json: { customer, rewardId: reward.id } });
        expect(response.status).toBe(accepted ? 201 : 422);
        if (accepted) {
          redemptionIds.push((await response.json<{ id: string }>()).id);
          model.redemptions.push({ cost: REWARD_COST, cancelled: false });
        }
        break;
      }
      case 'cancel': {
        if (redemptionIds.length === 0) continue;
        const index = cmd.redemption % redemptionIds.length;
        const response = await loyalty(key, `/redemptions/${redemptionIds[index]}/cancel`, { method: 'POST' });
        const redemption = model.redemptions[index]!;
        expect(response.status).toBe(redemption.cancelled ? 409 : 200);
        if (!redemption.cancelled) model.grant(redemption.cost, Date.now());
        redemption.cancelled = true;
        break;
      }
      case 'adjust': {
        const accepted = cmd.points > 0 ? (model.grant(cmd.points, Date.now()), true) : model.spend(-cmd.points);
        const response = await loyalty(key, '/adjustments', { json: { customer, points: cmd.points, reason: 'property test', actor: 'fast-check' } });
        expect(response.status).toBe(accepted ? 201 : 422);
        break;
      }
      case 'scheduler': {
        clock = Math.max(clock, cmd.clock);
        await runLoyaltyJobs(database(env.DB), T0 + clock * DAY, webhookNotifier(database(env.DB), env));
        model.runScheduler(T0 + clock * DAY);
        break;
      }
    }
    const view = await member(key, 'member');
    expect({ available: view.available, pending: view.pending, expiringSoon: view.expiringSoon }).toEqual({
      available: model.available,
      pending: model.pending,
      expiringSoon: model.expiringWithin30Days(Date.now()),
    });
    if (negativeBalance === 'never') expect(view.available).toBeGreaterThanOrEqual(0);
    await expectConsistent(tenant.tenantId, view.customerId);
  }
}

describe('ledger properties', () => {
  for (const negativeBalance of ['never', 'allowed'] as const) {
    it(`balances equal the ledger and a reference model after every step (negative balance ${negativeBalance})`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), (commands) => runSequence(commands, negativeBalance)),
        { numRuns: 10 },
      );
    }, 180_000);
  }
});
