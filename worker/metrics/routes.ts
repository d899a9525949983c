import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createRouter, jsonBody, jsonResponse, page, problems, type Security } from '../http/openapi';
import { notFound } from '../http/problem';
import { IdParam, PageQuery } from '../shared/schemas';
import { rebuildRollups } from './rebuild';
import { recomputeTenant } from './recompute';
import {
  cohortsFor,
  createGoal,
  customersSnapshot,
  deleteGoal,
  findGoal,
  listGoals,
  metricsFor,
  retentionMonthsFor,
  segmentsFor,
  trend,
  updateGoal,
} from './repository';
import {
  CohortsQuery,
  CohortsSnapshot,
  CreateGoal,
  CustomersSnapshot,
  Goal,
  MetricSettings,
  MetricsQuery,
  MetricsSnapshot,
  RetentionMonths,
  RetentionMonthsQuery,
  SegmentsQuery,
  SegmentsSnapshot,
  Trend,
  TrendQuery,
  UpdateGoal,
} from './schemas';
import { readSettings, writeSettings } from './settings';

const tags = ['Metrics'];

const RecomputeRequest = z.strictObject({
  full: z.boolean().default(false).meta({ description: 'Recompute every period instead of only those whose days changed' }),
  rebuild: z.boolean().default(false).meta({
    description:
      'First rebuild the daily rollups from the raw rows (one-off, for data written before the rollups existed); implies full. Idempotent.',
  }),
});
const RecomputeResponse = z.object({ skipped: z.boolean(), periods: z.array(z.string()), written: z.number().int() });

/** Mounted at /v1 (secret key) and at /api (dashboard session); `security` documents which. Reads snapshots only. */
export const metricRoutes = (security: Security) =>
  createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/metrics',
        tags,
        security,
        summary: 'NPS, CSAT, CES, rates and order metrics of a period (from the latest snapshot)',
        description: 'Reads the snapshot the scheduled recompute wrote. Metrics of a period without data are null, never 0.',
        request: { query: MetricsQuery },
        responses: { 200: jsonResponse(MetricsSnapshot, 'The snapshot'), ...problems(401, 403, 422) },
      }),
      async (c) => {
        const { period, segment } = c.req.valid('query');
        return c.json(await metricsFor(c.var.db, c.var.tenantId, period, segment), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/metrics/trend',
        tags,
        security,
        summary: 'Month-by-month snapshots, oldest first',
        request: { query: TrendQuery },
        responses: { 200: jsonResponse(Trend, 'One entry per month'), ...problems(401, 403, 422) },
      }),
      async (c) => {
        const { months, segment } = c.req.valid('query');
        return c.json(await trend(c.var.db, c.var.tenantId, months, segment), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/metrics/segments',
        tags,
        security,
        summary: 'NPS and CSAT per channel, survey, device, locale and property value, with n',
        request: { query: SegmentsQuery },
        responses: { 200: jsonResponse(SegmentsSnapshot, 'Segments of the period'), ...problems(401, 403, 422) },
      }),
      async (c) => c.json(await segmentsFor(c.var.db, c.var.tenantId, c.req.valid('query').period), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/metrics/recompute',
        tags,
        security,
        summary: 'Recompute this account’s snapshots now',
        description:
          'Normally done by the scheduled job within 15 minutes of new data. Idempotent: a second call with no new data writes nothing.',
        request: { body: jsonBody(RecomputeRequest) },
        responses: { 200: jsonResponse(RecomputeResponse, 'Done'), ...problems(400, 401, 403, 415, 422) },
      }),
      async (c) => {
        const { full, rebuild } = c.req.valid('json');
        if (rebuild) await rebuildRollups(c.var.db, c.var.tenantId);
        return c.json(await recomputeTenant(c.var.db, c.var.tenantId, Date.now(), { full: full || rebuild }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/metrics/settings',
        tags,
        security,
        summary: 'Churn window and gross margin used by retention and LTV',
        responses: { 200: jsonResponse(MetricSettings, 'Settings'), ...problems(401, 403) },
      }),
      async (c) => c.json(await readSettings(c.var.db, c.var.tenantId), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/metrics/settings',
        tags,
        security,
        summary: 'Set the churn window and gross margin (applied at the next recompute)',
        request: { body: jsonBody(MetricSettings) },
        responses: { 200: jsonResponse(MetricSettings, 'Saved'), ...problems(400, 401, 403, 415, 422) },
      }),
      async (c) => {
        await writeSettings(c.var.db, c.var.tenantId, c.req.valid('json'));
        return c.json(await readSettings(c.var.db, c.var.tenantId), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/customers/key',
        tags,
        security,
        summary: 'Key customers: RFM segments, churn, LTV, loyalty participation and the top customers',
        responses: { 200: jsonResponse(CustomersSnapshot, 'As of the last recompute'), ...problems(401, 403, 404) },
      }),
      async (c) => {
        const snapshot = await customersSnapshot(c.var.db, c.var.tenantId);
        if (!snapshot)
          throw notFound('Key-customer snapshot (computed by the scheduled recompute or POST /v1/metrics/recompute)');
        return c.json(snapshot, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/metrics/cohorts',
        tags,
        security,
        summary:
          'Cohort retention: customers by month of first order, and the share of them ordering in each of the next 12 months',
        description: 'Reads the snapshot the scheduled recompute wrote (empty before the first recompute).',
        request: { query: CohortsQuery },
        responses: { 200: jsonResponse(CohortsSnapshot, 'Cohorts, oldest first'), ...problems(401, 403, 422) },
      }),
      async (c) => c.json(await cohortsFor(c.var.db, c.var.tenantId, c.req.valid('query').months), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/metrics/retention/monthly',
        tags,
        security,
        summary: 'CRR, churn, repeat purchase rate, purchase frequency, AOV and LTV of each calendar month, with their counts',
        description:
          'Months in the tenant’s time zone, as of each month’s end (the current month as of the last recompute). Reads the snapshot the scheduled recompute wrote (empty before the first).',
        request: { query: RetentionMonthsQuery },
        responses: { 200: jsonResponse(RetentionMonths, 'Months, oldest first'), ...problems(401, 403, 422) },
      }),
      async (c) => c.json(await retentionMonthsFor(c.var.db, c.var.tenantId, c.req.valid('query').months), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/goals',
        tags,
        security,
        summary: 'Goals with current value, change vs the previous period and on-track state',
        request: { query: PageQuery },
        responses: { 200: jsonResponse(page(Goal), 'A page of goals'), ...problems(400, 401, 403, 422) },
      }),
      async (c) => c.json(await listGoals(c.var.db, c.var.tenantId, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/goals',
        tags,
        security,
        summary: 'Create a goal',
        request: { body: jsonBody(CreateGoal) },
        responses: { 201: jsonResponse(Goal, 'Created'), ...problems(400, 401, 403, 415, 422) },
      }),
      async (c) => c.json(await createGoal(c.var.db, c.var.tenantId, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/goals/{id}',
        tags,
        security,
        summary: 'Get a goal',
        request: { params: IdParam },
        responses: { 200: jsonResponse(Goal, 'The goal'), ...problems(401, 403, 404) },
      }),
      async (c) => c.json(await findGoal(c.var.db, c.var.tenantId, c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/goals/{id}',
        tags,
        security,
        summary: 'Change a goal’s target, period or segment',
        request: { params: IdParam, body: jsonBody(UpdateGoal) },
        responses: { 200: jsonResponse(Goal, 'Updated'), ...problems(400, 401, 403, 404, 415, 422) },
      }),
      async (c) => c.json(await updateGoal(c.var.db, c.var.tenantId, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/goals/{id}',
        tags,
        security,
        summary: 'Delete a goal',
        request: { params: IdParam },
        responses: { 204: { description: 'Deleted' }, ...problems(401, 403, 404) },
      }),
      async (c) => {
        await deleteGoal(c.var.db, c.var.tenantId, c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
