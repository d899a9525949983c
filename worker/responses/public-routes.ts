import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Database } from '../db/client';
import type { responses, surveys } from '../db/schema';
import { clientIp, enforceRateLimit } from '../http/limits';
import { createRouter, jsonResponse, problems } from '../http/openapi';
import { conflict, notFound } from '../http/problem';
import { foundSurvey, surveyById } from '../surveys/repository';
import { presentedKey } from '../tenants/authenticate';
import { authorizeFoundKey, enforceKeyLimit } from '../widget/authorize';
import { answerWindowStart } from '../widget/recontact';
import { claimAnswer, releaseAnswer } from '../widget/repository';
import { subjectOf } from '../widget/subject';
import { readTextJson } from '../widget/text-body';
import { PublicResponse } from './schemas';
import { alertAfterWrite } from '../alerts/raise';
import { announceCreatedResponses } from './announce';
import { rescoring, reviseResponse } from './repository';
import { assertScore, findByClientId, insertResponse, responseByClientId } from './submit';

const Recorded = z.object({ id: z.string() });

type ResponseRow = typeof responses.$inferSelect;
type SurveyRow = typeof surveys.$inferSelect;

/** The widget's second call for the same answer: the comment (and a corrected score) land on the same row. */
function updateAnswer(db: Database, existing: ResponseRow, survey: SurveyRow, input: PublicResponse): Promise<ResponseRow> {
  if (existing.surveyId !== survey.id) throw conflict('This id belongs to another survey’s response.');
  return reviseResponse(db, existing, rescoring(survey.kind, input.score, input.comment));
}

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
      'later calls with the same `id` update the score and comment of that same response. A second answer (another `id`) ' +
      'from the same visitor or identified customer to the same survey within its recontact window is refused with 409.',
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
    const input = await readTextJson(c, PublicResponse);
    // One round trip: the key, and the survey and any earlier call scoped to the key's tenant.
    const key = await presentedKey(c.var.db, input.key);
    const [[found], [surveyRow], [existing]] = await c.var.db.batch([
      key.withTenant,
      surveyById(c.var.db, key.tenantId, input.surveyId),
      responseByClientId(c.var.db, key.tenantId, input.id),
    ]);
    const caller = authorizeFoundKey(c, found);
    await enforceKeyLimit(c, caller);
    if (input.hp) return c.body(null, 204);
    const { tenantId } = caller;

    const survey = foundSurvey(surveyRow);
    if (survey.status !== 'active') throw notFound('Active survey');
    assertScore(survey, input.score);

    if (existing) {
      alertAfterWrite(c)(await updateAnswer(c.var.db, existing, survey, input));
      return c.json({ id: existing.id }, 200);
    }

    const subject = await subjectOf(tenantId, input);
    if (subject) {
      const claim = {
        tenantId,
        surveyId: survey.id,
        kind: 'answer' as const,
        clientId: input.id,
        subject,
        locale: input.locale,
        device: input.device,
      };
      if (!(await claimAnswer(c.var.db, claim, answerWindowStart(survey.settings.recontact, Date.now())))) {
        throw conflict('This visitor already answered this survey within its recontact window.');
      }
    }
    try {
      const { row } = await insertResponse(
        c.var.db,
        tenantId,
        survey,
        { ...input, clientId: input.id, channel: 'widget' },
        announceCreatedResponses(c),
      );
      alertAfterWrite(c)(row);
      return c.json({ id: row.id }, 201);
    } catch (error) {
      // A concurrent retry of the same answer may have stored it; its claim (same client id) must then stay.
      if (subject && !(await findByClientId(c.var.db, tenantId, input.id))) await releaseAnswer(c.var.db, tenantId, input.id);
      throw error;
    }
  },
);
