import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createRouter, jsonBody, jsonResponse, page, problems, type Security } from '../http/openapi';
import { IdempotencyHeaders, idempotent } from '../http/idempotency';
import { unprocessable } from '../http/problem';
import { IdParam, PageQuery } from '../shared/schemas';
import { webhookNotifier } from '../webhooks/emit';
import { adjustmentActor } from './actor';
import { adjustPoints } from './adjustments';
import { configRoutes } from './config-routes';
import { recordEvent } from './earn';
import { bookOrder } from './orders';
import { findCustomerId } from './members';
import { programmeOverview } from './programme';
import { ProgrammeOverview } from './programme-schema';
import { cancelRedemption, redeem, redemptionView } from './redemptions';
import { createReferral, referralView } from './referrals';
import { refundOrder } from './refunds';
import {
  Adjustment,
  CreateRedemption,
  CreateReferral,
  Earned,
  Entry,
  Liability,
  LoyaltyEvent,
  Member,
  Order,
  OrderResult,
  Redemption,
  Referral,
  Refund,
  RefundResult,
} from './schemas';
import { announceRedemption } from './redemption-events';
import { announceTierChange, evaluateTierAfterEarn } from './tier-hooks';
import { liability, listTransactions, memberView } from './view';

const tags = ['Loyalty'];
const MemberParam = z.object({
  customer: z.string().min(1).max(128).meta({ description: 'Customer id (cus_…) or your externalId' }),
});
const OrderParam = z.object({ id: z.string().min(1).max(128) });
const writeProblems = problems(400, 401, 403, 404, 409, 413, 415, 422, 429);

/** Mounted at /v1/loyalty (secret key) and at /api/loyalty (dashboard session); `security` documents which. */
export function loyaltyRoutes(security: Security) {
  const loyaltyRoutes = createRouter();
  // Every mutating loyalty call names its operation, so a retry can never apply it twice.
  loyaltyRoutes.use('*', idempotent({ required: true }));
  loyaltyRoutes.route('/', configRoutes(security));
  // The dashboard books adjustments to the signed-in user; only API callers name an actor.
  const adjustment = security.some((scheme) => 'session' in scheme) ? Adjustment.omit({ actor: true }) : Adjustment;

  return loyaltyRoutes
    .openapi(
      createRoute({
        method: 'post',
        path: '/events',
        tags,
        security,
        summary: 'Report an event that may earn points (review, signup, custom:…, purchase with orderId)',
        description: 'The event `id` earns at most once; replays return the first outcome with status 200.',
        request: { headers: IdempotencyHeaders, body: jsonBody(LoyaltyEvent) },
        responses: { 201: jsonResponse(Earned, 'Booked'), 200: jsonResponse(Earned, 'Already booked'), ...writeProblems },
      }),
      async (c) => {
        const event = c.req.valid('json');
        const { db, tenantId } = c.var;
        const notify = webhookNotifier(db, c.env);
        if (event.type === 'purchase') {
          const { result, created } = await bookOrder(db, notify, tenantId, purchaseOrder(event));
          const earned = { customerId: result.customerId, points: result.points, status: result.status };
          return created ? c.json(earned, 201) : c.json(earned, 200);
        }
        const { result, created, settings } = await recordEvent(db, tenantId, event);
        if (created && result.points > 0) {
          await notify(tenantId, 'points.earned', {
            customerId: result.customerId,
            points: result.points,
            reason: event.type,
            eventId: event.id,
            status: result.status,
          });
          await announceTierChange(notify, tenantId, await evaluateTierAfterEarn(db, tenantId, result.customerId, true, settings));
        }
        return created ? c.json(result, 201) : c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/orders',
        tags,
        security,
        summary: 'Report a paid order; it earns once per order id',
        description: 'Amounts are in minor units of the currency. Points are pending for the programme’s pending period.',
        request: { headers: IdempotencyHeaders, body: jsonBody(Order) },
        responses: {
          201: jsonResponse(OrderResult, 'Booked'),
          200: jsonResponse(OrderResult, 'Already booked'),
          ...writeProblems,
        },
      }),
      async (c) => {
        const { result, created } = await bookOrder(
          c.var.db,
          webhookNotifier(c.var.db, c.env),
          c.var.tenantId,
          c.req.valid('json'),
        );
        return created ? c.json(result, 201) : c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/orders/{id}/refunds',
        tags,
        security,
        summary: 'Refund part or all of an order; its points are reversed in proportion, pending first',
        request: { headers: IdempotencyHeaders, params: OrderParam, body: jsonBody(Refund) },
        responses: { 201: jsonResponse(RefundResult, 'Booked'), ...writeProblems },
      }),
      async (c) => c.json(await refundOrder(c.var.db, c.var.tenantId, c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/members/{customer}',
        tags,
        security,
        summary: 'Balances, points expiring in 30 days, tier and progress of one member',
        request: { params: MemberParam },
        responses: { 200: jsonResponse(Member, 'The member'), ...problems(401, 403, 404) },
      }),
      async (c) => {
        const customerId = await findCustomerId(c.var.db, c.var.tenantId, c.req.valid('param').customer);
        return c.json(await memberView(c.var.db, c.var.tenantId, customerId), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/members/{customer}/transactions',
        tags,
        security,
        summary: 'The member’s ledger, newest first',
        request: { params: MemberParam, query: PageQuery },
        responses: { 200: jsonResponse(page(Entry), 'A page of ledger entries'), ...problems(400, 401, 403, 404, 422) },
      }),
      async (c) => {
        const customerId = await findCustomerId(c.var.db, c.var.tenantId, c.req.valid('param').customer);
        return c.json(await listTransactions(c.var.db, c.var.tenantId, customerId, c.req.valid('query')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/adjustments',
        tags,
        security,
        summary: 'Add or remove points by hand; reason and actor are recorded in the ledger',
        request: { headers: IdempotencyHeaders, body: jsonBody(adjustment) },
        responses: {
          201: jsonResponse(z.object({ id: z.string(), customerId: z.string(), points: z.number().int() }), 'Booked'),
          ...writeProblems,
        },
      }),
      async (c) => {
        const input: Omit<z.infer<typeof Adjustment>, 'actor'> & { actor?: string } = c.req.valid('json');
        const actor = await adjustmentActor(c.var.db, c.var.principal, input.actor);
        return c.json(await adjustPoints(c.var.db, c.var.tenantId, { ...input, actor }), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/redemptions',
        tags,
        security,
        summary: 'Spend points on a reward; returns a unique code',
        request: { headers: IdempotencyHeaders, body: jsonBody(CreateRedemption) },
        responses: { 201: jsonResponse(Redemption, 'Redeemed'), ...writeProblems },
      }),
      async (c) => {
        const { db, tenantId } = c.var;
        const redemption = await redeem(db, tenantId, c.req.valid('json'));
        await announceRedemption(webhookNotifier(db, c.env), tenantId, redemption);
        return c.json(redemptionView(redemption), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/redemptions/{id}/cancel',
        tags,
        security,
        summary: 'Cancel a redemption; the points come back',
        request: { headers: IdempotencyHeaders, params: IdParam },
        responses: { 200: jsonResponse(Redemption, 'Cancelled'), ...writeProblems },
      }),
      async (c) => c.json(redemptionView(await cancelRedemption(c.var.db, c.var.tenantId, c.req.valid('param').id)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/referrals',
        tags,
        security,
        summary: 'Record that a new customer used a member’s referral code',
        description:
          'Both are rewarded (rule `referral`: `points` to the referrer, `refereePoints` to the referee) when the referee’s first paid order ' +
          'is reported. Self-referrals (same customer or mailbox) are refused; the rule’s `capPerMonth` limits rewards per referrer.',
        request: { headers: IdempotencyHeaders, body: jsonBody(CreateReferral) },
        responses: { 201: jsonResponse(Referral, 'Recorded'), ...writeProblems },
      }),
      async (c) => c.json(referralView(await createReferral(c.var.db, c.var.tenantId, c.req.valid('json'))), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/liability',
        tags,
        security,
        summary: 'Outstanding available and pending points and their value in the programme currency',
        responses: { 200: jsonResponse(Liability, 'Liability'), ...problems(401, 403) },
      }),
      async (c) => c.json(await liability(c.var.db, c.var.tenantId), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/programme',
        tags,
        security,
        summary: 'Members, members per tier and redemptions per reward',
        responses: { 200: jsonResponse(ProgrammeOverview, 'Programme overview'), ...problems(401, 403) },
      }),
      async (c) => c.json(await programmeOverview(c.var.db, c.var.tenantId), 200),
    );
}

function purchaseOrder(event: z.infer<typeof LoyaltyEvent>): z.infer<typeof Order> {
  if (event.orderId === undefined || event.amount === undefined || event.currency === undefined) {
    throw unprocessable('A purchase event needs orderId, amount and currency.', [
      ...(event.orderId === undefined ? [{ path: 'orderId', message: 'required for purchase' }] : []),
      ...(event.amount === undefined ? [{ path: 'amount', message: 'required for purchase' }] : []),
      ...(event.currency === undefined ? [{ path: 'currency', message: 'required for purchase' }] : []),
    ]);
  }
  return {
    id: event.orderId,
    customer: event.customer,
    currency: event.currency,
    total: event.amount,
    shipping: 0,
    tax: 0,
    occurredAt: event.occurredAt,
  };
}
