import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createRouter, jsonBody, jsonResponse, page, problems, type Security } from '../http/openapi';
import { conflict } from '../http/problem';
import { newId } from '../shared/ids';
import { IdParam } from '../shared/schemas';
import { findSurvey } from '../surveys/repository';
import { alertAfterWrite } from '../alerts/raise';
import { announceCreatedResponses } from './announce';
import { exportResponsesCsv } from './export';
import { findResponse, listResponses, responseView, setComment } from './repository';
import { CreateResponse, ResponseListQuery, SurveyResponse, UpdateResponseComment } from './schemas';
import { submitResponse } from './submit';

const tags = ['Responses'];

/** Mounted at /v1 (secret key) and at /api (dashboard session); `security` documents which. */
export const responseRoutes = (security: Security) =>
  createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/responses',
        tags,
        security,
        summary: 'Record an answer (idempotent on `id`)',
        description:
          'Creates the response and, when `customer` is given, creates or updates that customer in the same atomic batch. ' +
          'Sending the same `id` again returns the stored response with status 200 and writes nothing.',
        request: { body: jsonBody(CreateResponse) },
        responses: {
          201: jsonResponse(SurveyResponse, 'Recorded'),
          200: jsonResponse(SurveyResponse, 'Already recorded under this id'),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422, 429),
        },
      }),
      async (c) => {
        const input = c.req.valid('json');
        const survey = await findSurvey(c.var.db, c.var.tenantId, input.surveyId);
        if (survey.status === 'archived') throw conflict('This survey is archived and takes no new responses.');
        const { row, created } = await submitResponse(
          c.var.db,
          c.var.tenantId,
          survey,
          {
            ...input,
            clientId: input.id ?? newId('rsp'),
            occurredAt: input.occurredAt ? Date.parse(input.occurredAt) : undefined,
          },
          announceCreatedResponses(c),
        );
        alertAfterWrite(c)(row);
        return created ? c.json(responseView(row), 201) : c.json(responseView(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/responses',
        tags,
        security,
        summary: 'List responses, newest first, with filters and cursor pagination',
        request: { query: ResponseListQuery },
        responses: { 200: jsonResponse(page(SurveyResponse), 'A page of responses'), ...problems(400, 401, 403, 422) },
      }),
      async (c) => c.json(await listResponses(c.var.db, c.var.tenantId, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/responses.csv',
        tags,
        security,
        summary: 'Export responses as CSV (same filters as the list; formula-injection safe)',
        request: { query: ResponseListQuery.omit({ limit: true, cursor: true }) },
        responses: {
          200: { description: 'UTF-8 CSV with a byte-order mark', content: { 'text/csv': { schema: z.string() } } },
          ...problems(401, 403, 422),
        },
      }),
      (c) => {
        const stream = exportResponsesCsv(c.var.db, c.var.tenantId, c.req.valid('query'));
        return c.body(stream, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="responses.csv"',
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/responses/{id}',
        tags,
        security,
        summary: 'Get a response',
        request: { params: IdParam },
        responses: { 200: jsonResponse(SurveyResponse, 'The response'), ...problems(401, 403, 404) },
      }),
      async (c) => c.json(responseView(await findResponse(c.var.db, c.var.tenantId, c.req.valid('param').id)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/responses/{id}',
        tags,
        security,
        summary: 'Add, replace or remove (null) the comment of a response; its sentiment and topics are analysed anew',
        request: { params: IdParam, body: jsonBody(UpdateResponseComment) },
        responses: { 200: jsonResponse(SurveyResponse, 'Updated'), ...problems(400, 401, 403, 404, 413, 415, 422) },
      }),
      async (c) => {
        const row = await setComment(c.var.db, c.var.tenantId, c.req.valid('param').id, c.req.valid('json').comment);
        alertAfterWrite(c)(row);
        return c.json(responseView(row), 200);
      },
    );
