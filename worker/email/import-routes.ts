import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { enforceRateLimit, limitBody } from '../http/limits';
import { createRouter, jsonResponse, problems, type Security } from '../http/openapi';
import { badRequest } from '../http/problem';
import { IdParam } from '../shared/schemas';
import { findCampaign } from './campaigns';
import { csvRecipientRows, MAX_CSV_ROWS } from './csv-recipients';
import { importRows, ImportSession } from './recipients';
import { ImportReport } from './schemas';
import { readEmailSettings } from './settings';

/** 50,000 generous rows. */
export const MAX_CSV_BYTES = 16 * 1024 * 1024;

/**
 * Mounted before the /v1 and /api body limits because its body is far above the JSON limit, so it
 * authenticates and rate-limits itself: `authenticate` is what that mount would otherwise apply
 * (a secret key for /v1; a session, CSRF and the admin role for /api), `security` documents it.
 */
export function campaignImportRoutes(security: Security, ...authenticate: MiddlewareHandler<AppEnv>[]) {
  const routes = createRouter();
  routes.use('/campaigns/:id/recipients.csv', limitBody(MAX_CSV_BYTES), ...authenticate, async (c, next) => {
    await enforceRateLimit(c.env, 'API_LIMITER', `tenant:${c.var.tenantId}`);
    await next();
  });
  return routes.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{id}/recipients.csv',
      tags: ['Email campaigns'],
      security,
      summary: `Upload recipients as CSV (header with an email column; name and locale optional; up to ${MAX_CSV_ROWS} rows)`,
      description:
        'Read as a stream. Every rejected row is reported with its line number; valid rows are added in batches that are each written completely or not at all.',
      request: { params: IdParam, body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
      responses: {
        200: jsonResponse(ImportReport, 'What was added and what was not'),
        ...problems(400, 401, 403, 404, 409, 413, 422),
      },
    }),
    async (c) => {
      const db = c.var.db;
      const campaign = await findCampaign(db, c.var.tenantId, c.req.valid('param').id);
      const session = new ImportSession(db, campaign, (await readEmailSettings(db, c.var.tenantId)).resurveyDays);
      const stream = c.req.raw.body;
      if (!stream) throw badRequest('Send the CSV as the request body.');
      const report = await importRows(
        session,
        csvRecipientRows(stream, (line) =>
          session.report.rejected.push({
            line,
            reason: 'invalid_row',
            message: `over the ${MAX_CSV_ROWS}-row limit; this and later rows were not read`,
          }),
        ),
      );
      return c.json(report, 200);
    },
  );
}
