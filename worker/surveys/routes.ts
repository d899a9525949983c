import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, page, problems, type Security } from '../http/openapi';
import { IdParam } from '../shared/schemas';
import { createSurvey, deleteSurvey, findSurvey, listSurveys, surveyView, updateSurvey } from './repository';
import { CreateSurvey, Survey, SurveyListQuery, UpdateSurvey } from './schemas';

const tags = ['Surveys'];

/** Mounted at /v1 (secret key) and at /api (dashboard session); `security` documents which. */
export const surveyRoutes = (security: Security) =>
  createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/surveys',
        tags,
        security,
        summary: 'List surveys, newest first',
        request: { query: SurveyListQuery },
        responses: { 200: jsonResponse(page(Survey), 'A page of surveys'), ...problems(400, 401, 403, 422) },
      }),
      async (c) => c.json(await listSurveys(c.var.db, c.var.tenantId, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/surveys',
        tags,
        security,
        summary: 'Create a survey',
        request: { body: jsonBody(CreateSurvey) },
        responses: { 201: jsonResponse(Survey, 'Created'), ...problems(400, 401, 403, 413, 415, 422) },
      }),
      async (c) => c.json(surveyView(await createSurvey(c.var.db, c.var.tenantId, c.req.valid('json'))), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/surveys/{id}',
        tags,
        security,
        summary: 'Get a survey',
        request: { params: IdParam },
        responses: { 200: jsonResponse(Survey, 'The survey'), ...problems(401, 403, 404) },
      }),
      async (c) => c.json(surveyView(await findSurvey(c.var.db, c.var.tenantId, c.req.valid('param').id)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/surveys/{id}',
        tags,
        security,
        summary: 'Change a survey (name, status, texts, settings)',
        request: { params: IdParam, body: jsonBody(UpdateSurvey) },
        responses: { 200: jsonResponse(Survey, 'Updated'), ...problems(400, 401, 403, 404, 413, 415, 422) },
      }),
      async (c) =>
        c.json(surveyView(await updateSurvey(c.var.db, c.var.tenantId, c.req.valid('param').id, c.req.valid('json'))), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/surveys/{id}',
        tags,
        security,
        summary: 'Delete a survey that has no responses (archive it otherwise)',
        request: { params: IdParam },
        responses: { 204: { description: 'Deleted' }, ...problems(401, 403, 404, 409) },
      }),
      async (c) => {
        await deleteSurvey(c.var.db, c.var.tenantId, c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
