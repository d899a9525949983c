// Public endpoints of the widget's loyalty panel, mounted at /w/v1: publishable key, allowed Origin and a
// verified member identity (see member-auth.ts) on every call.
import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../db/client';
import { IdempotencyHeaders, idempotent } from '../http/idempotency';
import { createRouter, jsonBody, jsonResponse, problems } from '../http/openapi';
import { findTenant } from '../tenants/repository';
import { webhookNotifier } from '../webhooks/emit';
import { memberPreflight, requireMember } from './member-auth';
import { memberCatalogue, panelMember, waysToEarn } from './member-panel';
import { redeemForMember } from './member-redeem';
import {
  Catalogue,
  MemberHashHeaders,
  MemberParam,
  MemberQuery,
  MemberRedeemInput,
  MemberRedemption,
  PanelMember,
  WaysToEarn,
} from './member-schemas';
import { languageOf } from './member-words';

const tags = ['Loyalty panel (public)'];
const readProblems = problems(401, 403, 422, 429);
const access =
  'Called by the widget from an allowed origin with the publishable key and the member’s identity: the customer id in the path, ' +
  'signed by your server (`Rapport-Member-Hash`: hex HMAC-SHA256 of the id with the member identity secret). ';

export const memberPanelRoutes = createRouter();
memberPanelRoutes.use('/loyalty/*', memberPreflight);
memberPanelRoutes.use('/loyalty/members/:id/*', requireMember);
memberPanelRoutes.use('/loyalty/members/:id/redemptions', idempotent({ required: true }));

const language = async (db: Database, tenantId: string, wanted: string | undefined) =>
  languageOf(wanted, (await findTenant(db, tenantId)).defaultLocale);

memberPanelRoutes
  .openapi(
    createRoute({
      method: 'get',
      path: '/loyalty/members/{id}',
      tags,
      summary: 'The member’s points: available, pending, expiring within 30 days, tier and progress to the next tier',
      description: access,
      request: { params: MemberParam, query: MemberQuery, headers: MemberHashHeaders },
      responses: {
        200: jsonResponse(PanelMember, 'The member (zeros for a customer you have not reported yet)'),
        ...readProblems,
      },
    }),
    async (c) => c.json(await panelMember(c.var.db, c.var.tenantId, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/loyalty/members/{id}/earning',
      tags,
      summary: 'How to earn points: the active earning rules in plain words',
      description: access,
      request: { params: MemberParam, query: MemberQuery, headers: MemberHashHeaders },
      responses: { 200: jsonResponse(WaysToEarn, 'Ways to earn'), ...readProblems },
    }),
    async (c) =>
      c.json(
        await waysToEarn(c.var.db, c.var.tenantId, await language(c.var.db, c.var.tenantId, c.req.valid('query').locale)),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/loyalty/members/{id}/rewards',
      tags,
      summary: 'The rewards catalogue with costs and whether this member can redeem each one now',
      description: access,
      request: { params: MemberParam, query: MemberQuery, headers: MemberHashHeaders },
      responses: { 200: jsonResponse(Catalogue, 'Active rewards, cheapest first'), ...readProblems },
    }),
    async (c) => {
      const lang = await language(c.var.db, c.var.tenantId, c.req.valid('query').locale);
      return c.json(await memberCatalogue(c.var.db, c.var.tenantId, c.req.valid('param').id, lang), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/loyalty/members/{id}/redemptions',
      tags,
      summary: 'Spend the member’s points on a reward; returns the code',
      description:
        access +
        'The widget sends a random `Idempotency-Key` per click: a retry returns the same code and spends nothing more. ' +
        'Not enough points is 422, out of stock or a retired reward 409.',
      request: {
        params: MemberParam,
        query: MemberQuery,
        headers: MemberHashHeaders.extend(IdempotencyHeaders.shape),
        body: jsonBody(MemberRedeemInput),
      },
      responses: { 201: jsonResponse(MemberRedemption, 'Redeemed'), ...problems(400, 401, 403, 404, 409, 413, 415, 422, 429) },
    }),
    async (c) => {
      const { db, tenantId } = c.var;
      const redemption = await redeemForMember(
        db,
        webhookNotifier(db, c.env),
        tenantId,
        c.req.valid('param').id,
        c.req.valid('json').rewardId,
      );
      return c.json(redemption, 201);
    },
  );
