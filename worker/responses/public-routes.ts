import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { responses } from '../db/schema';
import type { AppEnv } from '../env';
import { clientIp, enforceRateLimit } from '../http/limits';
import { createRouter, jsonResponse, problems } from '../http/openapi';
import { badRequest, conflict, forbidden, notFound, unauthorized } from '../http/problem';
import { parseOrThrow } from '../http/validation';
import { findActiveKey } from '../tenants/authenticate';
import { findTenant } from '../tenants/repository';
import { findSurvey } from '../surveys/repository';
import { categorize } from './scoring';
import { PublicResponse } from './schemas';
import { assertScore, findByClientId, submitResponse } from './submit';

/**
 * Resolves the tenant of a publishable key and checks the page's Origin against the tenant's
 * allowed origins. Browsers always send Origin on cross-origin POSTs, so a missing one is refused.
 */
export async function authorizeBrowser(c: Context<AppEnv>, key: string): Promise<{ tenantId: string; origin: string }> {
  const found = await findActiveKey(c.var.db, key);
  if (!found) throw unauthorized('Unknown or revoked key.');
  if (found.kind !== 'publishable') throw forbidden('Use a publishable key (rk_pk_…) in browsers; secret keys must stay on your server.');
  const origin = c.req.header('Origin');
  const tenant = await findTenant(c.var.db, found.tenantId);
  if (!origin || !tenant.allowedOrigins.includes(origin)) {
    throw forbidden(`Origin ${origin ?? '(none)'} is not in this account's allowed widget origins.`);
  }
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Vary', 'Origin');
  return { tenantId: found.tenantId, origin };
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw badRequest('The body must be JSON (sent as text/plain to avoid a CORS preflight).');
  }
}

const Recorded = z.object({ id: z.string() });

export const publicResponseRoutes = createRouter();
publicResponseRoutes.options('/*', (c) => {
    // Preflights carry no key, so they cannot be checked per tenant; the real request is.
    const origin = c.req.header('Origin');
    if (origin) c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
    c.header('Access-Control-Allow-Methods', 'GET, POST');
    c.header('Access-Control-Allow-Headers', 'Content-Type');
    c.header('Access-Control-Max-Age', '86400');
    return c.body(null, 204);
});
publicResponseRoutes.openapi(
    createRoute({
      method: 'post',
      path: '/responses',
      tags: ['Widget (public)'],
      summary: 'Record or update an answer from a browser',
      description:
        'Called by the widget with a publishable key in the body, as `text/plain` so no CORS preflight is needed. ' +
        'The page origin must be one of the tenant’s allowed origins. The first call with an `id` records the score; ' +
        'later calls with the same `id` update the score and comment of that same response.',
      request: { body: { required: true, content: { 'text/plain': { schema: PublicResponse } } } },
      responses: {
        201: jsonResponse(Recorded, 'Recorded'),
        200: jsonResponse(Recorded, 'Updated'),
        204: { description: 'Dropped silently (honeypot filled)' },
        ...problems(400, 401, 403, 404, 409, 413, 422, 429),
      },
    }),
    async (c) => {
      await enforceRateLimit(c.env, 'INGEST_LIMITER', `ip:${clientIp(c.req.raw)}`);
      const input = parseOrThrow(PublicResponse, await readJson(c));
      const { tenantId } = await authorizeBrowser(c, input.key);
      if (input.hp) return c.body(null, 204);

      const survey = await findSurvey(c.var.db, tenantId, input.surveyId);
      if (survey.status !== 'active') throw notFound('Active survey');
      assertScore(survey, input.score);

      const existing = await findByClientId(c.var.db, tenantId, input.id);
      if (existing) {
        if (existing.surveyId !== survey.id) throw conflict('This id belongs to another survey’s response.');
        await c.var.db
          .update(responses)
          .set({
            score: input.score,
            category: categorize(survey.kind, input.score),
            ...(input.comment === undefined ? {} : { comment: input.comment || null }),
            updatedAt: Date.now(),
          })
          .where(and(eq(responses.tenantId, tenantId), eq(responses.id, existing.id)));
        return c.json({ id: existing.id }, 200);
      }
      const { row } = await submitResponse(c.var.db, tenantId, survey, { ...input, clientId: input.id, channel: 'widget' });
      return c.json({ id: row.id }, 201);
    },
  );
