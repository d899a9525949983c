import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createRouter, jsonBody, jsonResponse, page, problems, type Security } from '../http/openapi';
import { IdempotencyHeaders } from '../http/idempotency';
import { IdParam, PageQuery } from '../shared/schemas';
import { createReward, findReward, listRewards, retireReward, rewardView, updateReward } from './rewards';
import { createRule, deleteRule, findRule, listRules, ruleView, updateRule } from './rules';
import { CreateReward, CreateRule, CreateTier, Reward, Rule, Settings, Tier, UpdateReward, UpdateRule, UpdateSettings, UpdateTier } from './schemas';
import { getSettings, updateSettings } from './settings';
import { createTier, deleteTier, findTier, listTiers, tierView, updateTier } from './tiers';

const writeProblems = problems(400, 401, 403, 404, 409, 413, 415, 422);
const readProblems = problems(401, 403, 404);

/** Programme configuration: settings and the catalogues of rules, tiers and rewards; `security` documents the mount. */
export const configRoutes = (security: Security) => createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/settings',
      tags: ['Loyalty settings'],
      security,
      summary: 'Programme settings (defaults until changed)',
      responses: { 200: jsonResponse(Settings, 'Settings'), ...readProblems },
    }),
    async (c) => c.json(await getSettings(c.var.db, c.var.tenantId), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/settings',
      tags: ['Loyalty settings'],
      security,
      summary: 'Change programme settings',
      request: { headers: IdempotencyHeaders, body: jsonBody(UpdateSettings) },
      responses: { 200: jsonResponse(Settings, 'Updated'), ...writeProblems },
    }),
    async (c) => c.json(await updateSettings(c.var.db, c.var.tenantId, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/rules',
      tags: ['Loyalty rules'],
      security,
      summary: 'List earning rules',
      request: { query: PageQuery },
      responses: { 200: jsonResponse(page(Rule), 'A page of rules'), ...problems(400, 401, 403, 422) },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      return c.json(await listRules(c.var.db, c.var.tenantId, cursor, limit), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/rules',
      tags: ['Loyalty rules'],
      security,
      summary: 'Create the earning rule of an event type (one per type)',
      request: { headers: IdempotencyHeaders, body: jsonBody(CreateRule) },
      responses: { 201: jsonResponse(Rule, 'Created'), ...writeProblems },
    }),
    async (c) => c.json(ruleView(await createRule(c.var.db, c.var.tenantId, c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/rules/{id}',
      tags: ['Loyalty rules'],
      security,
      summary: 'Get an earning rule',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Rule, 'The rule'), ...readProblems },
    }),
    async (c) => c.json(ruleView(await findRule(c.var.db, c.var.tenantId, c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/rules/{id}',
      tags: ['Loyalty rules'],
      security,
      summary: 'Change an earning rule',
      request: { headers: IdempotencyHeaders, params: IdParam, body: jsonBody(UpdateRule) },
      responses: { 200: jsonResponse(Rule, 'Updated'), ...writeProblems },
    }),
    async (c) => c.json(ruleView(await updateRule(c.var.db, c.var.tenantId, c.req.valid('param').id, c.req.valid('json'))), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/rules/{id}',
      tags: ['Loyalty rules'],
      security,
      summary: 'Delete an earning rule (the ledger keeps what it paid)',
      request: { headers: IdempotencyHeaders, params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...writeProblems },
    }),
    async (c) => {
      await deleteRule(c.var.db, c.var.tenantId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tiers',
      tags: ['Loyalty tiers'],
      security,
      summary: 'List tiers, lowest threshold first',
      responses: { 200: jsonResponse(z.object({ data: z.array(Tier) }), 'All tiers'), ...readProblems },
    }),
    async (c) => c.json({ data: (await listTiers(c.var.db, c.var.tenantId)).map(tierView) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tiers',
      tags: ['Loyalty tiers'],
      security,
      summary: 'Create a tier',
      request: { headers: IdempotencyHeaders, body: jsonBody(CreateTier) },
      responses: { 201: jsonResponse(Tier, 'Created'), ...writeProblems },
    }),
    async (c) => c.json(tierView(await createTier(c.var.db, c.var.tenantId, c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tiers/{id}',
      tags: ['Loyalty tiers'],
      security,
      summary: 'Get a tier',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Tier, 'The tier'), ...readProblems },
    }),
    async (c) => c.json(tierView(await findTier(c.var.db, c.var.tenantId, c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tiers/{id}',
      tags: ['Loyalty tiers'],
      security,
      summary: 'Change a tier',
      request: { headers: IdempotencyHeaders, params: IdParam, body: jsonBody(UpdateTier) },
      responses: { 200: jsonResponse(Tier, 'Updated'), ...writeProblems },
    }),
    async (c) => c.json(tierView(await updateTier(c.var.db, c.var.tenantId, c.req.valid('param').id, c.req.valid('json'))), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tiers/{id}',
      tags: ['Loyalty tiers'],
      security,
      summary: 'Delete a tier no member holds',
      request: { headers: IdempotencyHeaders, params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...writeProblems },
    }),
    async (c) => {
      await deleteTier(c.var.db, c.var.tenantId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/rewards',
      tags: ['Loyalty rewards'],
      security,
      summary: 'List the reward catalogue',
      request: { query: PageQuery },
      responses: { 200: jsonResponse(page(Reward), 'A page of rewards'), ...problems(400, 401, 403, 422) },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      return c.json(await listRewards(c.var.db, c.var.tenantId, cursor, limit), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/rewards',
      tags: ['Loyalty rewards'],
      security,
      summary: 'Add a reward to the catalogue',
      request: { headers: IdempotencyHeaders, body: jsonBody(CreateReward) },
      responses: { 201: jsonResponse(Reward, 'Created'), ...writeProblems },
    }),
    async (c) => c.json(rewardView(await createReward(c.var.db, c.var.tenantId, c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/rewards/{id}',
      tags: ['Loyalty rewards'],
      security,
      summary: 'Get a reward',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Reward, 'The reward'), ...readProblems },
    }),
    async (c) => c.json(rewardView(await findReward(c.var.db, c.var.tenantId, c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/rewards/{id}',
      tags: ['Loyalty rewards'],
      security,
      summary: 'Change a reward (cost, stock, limit, active)',
      request: { headers: IdempotencyHeaders, params: IdParam, body: jsonBody(UpdateReward) },
      responses: { 200: jsonResponse(Reward, 'Updated'), ...writeProblems },
    }),
    async (c) => c.json(rewardView(await updateReward(c.var.db, c.var.tenantId, c.req.valid('param').id, c.req.valid('json'))), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/rewards/{id}',
      tags: ['Loyalty rewards'],
      security,
      summary: 'Retire a reward (past redemptions keep it)',
      request: { headers: IdempotencyHeaders, params: IdParam },
      responses: { 204: { description: 'Retired' }, ...writeProblems },
    }),
    async (c) => {
      await retireReward(c.var.db, c.var.tenantId, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
