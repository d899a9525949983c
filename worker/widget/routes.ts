import { createRoute } from '@hono/zod-openapi';
import { clientIp, enforceRateLimit } from '../http/limits';
import { createRouter, jsonResponse, problems } from '../http/openapi';
import { notFound } from '../http/problem';
import { findSurvey } from '../surveys/repository';
import { authorizeBrowser, enforceKeyLimit } from './authorize';
import { buildWidgetConfig } from './config';
import { etagOf, matchesEtag } from './etag';
import { mayDisplay, DEFAULT_COOLDOWN_DAYS } from './recontact';
import { activeSurveys, eventExists, historyOf, recordEvent } from './repository';
import { ConfigQuery, WidgetConfig, WidgetEventInput, WidgetEventResult } from './schemas';
import { subjectOf } from './subject';
import { readTextJson } from './text-body';

/** Short enough that pausing a survey takes effect within a minute; revalidation is a cheap 304. */
const CONFIG_CACHE_CONTROL = 'public, max-age=60';

export const widgetRoutes = createRouter();

widgetRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/config',
    tags: ['Widget (public)'],
    summary: 'Active surveys for the widget',
    description:
      'Fetched by the widget with the publishable key. The page origin must be one of the tenant’s allowed origins. ' +
      'Cacheable for a minute and revalidated with `ETag` / `If-None-Match` (304).',
    request: { query: ConfigQuery },
    responses: {
      200: jsonResponse(WidgetConfig, 'Widget configuration'),
      304: { description: 'Not modified since the ETag sent in If-None-Match' },
      ...problems(401, 403, 422, 429),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const caller = await authorizeBrowser(c, query.key);
    const config = buildWidgetConfig(await activeSurveys(c.var.db, caller.tenantId), query.locale, caller.tenantLocale);
    const body = JSON.stringify(config);
    const etag = await etagOf(body);
    c.header('ETag', etag);
    c.header('Cache-Control', CONFIG_CACHE_CONTROL);
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    return c.json(config, 200);
  },
);

widgetRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/events',
    tags: ['Widget (public)'],
    summary: 'Record that a survey was shown or dismissed',
    description:
      'Sent by the widget as `text/plain` (no CORS preflight). A display is checked against the survey’s recontact rule and the ' +
      'global cooldown for the visitor (the identified customer when `customer` is given, else `visitorId`) and is only stored ' +
      'when allowed; the widget shows the survey only after `recorded: true`. Retrying an event with the same `id` stores it once.',
    request: { body: { required: true, content: { 'text/plain': { schema: WidgetEventInput } } } },
    responses: {
      200: jsonResponse(WidgetEventResult, 'Stored (or refused, for a display)'),
      ...problems(400, 401, 403, 404, 413, 422, 429),
    },
  }),
  async (c) => {
    await enforceRateLimit(c.env, 'INGEST_LIMITER', `ip:${clientIp(c.req.raw)}`);
    const input = await readTextJson(c, WidgetEventInput);
    const caller = await authorizeBrowser(c, input.key);
    await enforceKeyLimit(c, caller);
    const { tenantId } = caller;
    const survey = await findSurvey(c.var.db, tenantId, input.surveyId);
    if (survey.status !== 'active') throw notFound('Active survey');

    if (await eventExists(c.var.db, tenantId, input.type, input.id)) return c.json({ recorded: true }, 200);
    const subject = await subjectOf(tenantId, input);
    if (input.type === 'display' && subject && !input.force) {
      const history = await historyOf(c.var.db, tenantId, subject, survey.id);
      if (!mayDisplay(survey.settings.recontact, history, Date.now(), DEFAULT_COOLDOWN_DAYS)) return c.json({ recorded: false }, 200);
    }
    await recordEvent(c.var.db, {
      tenantId,
      surveyId: survey.id,
      kind: input.type,
      clientId: input.id,
      subject,
      locale: input.locale,
      device: input.device,
    });
    return c.json({ recorded: true }, 200);
  },
);
