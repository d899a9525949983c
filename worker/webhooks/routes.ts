import { createRoute } from '@hono/zod-openapi';
import { secretBox } from '../shared/secret-box';
import { createRouter, jsonBody, jsonResponse, page, problems, type Security } from '../http/openapi';
import { IdParam, PageQuery } from '../shared/schemas';
import { createEndpoint, deactivateEndpoint, endpointView, findEndpoint, listEndpoints, updateEndpoint } from './endpoints';
import { sendTestEvent } from './emit';
import { listDeliveries } from './log';
import { CreatedEndpoint, CreateEndpoint, Delivery, Endpoint, UpdateEndpoint } from './schemas';

const tags = ['Webhooks'];

/**
 * Tenant webhook endpoints. Deliveries are signed with Standard Webhooks headers.
 * Mounted at /v1 (secret key) and at /api (dashboard session); `security` documents which.
 */
export const webhookRoutes = (security: Security) =>
  createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/webhooks/endpoints',
        tags,
        security,
        summary: 'List webhook endpoints',
        request: { query: PageQuery },
        responses: { 200: jsonResponse(page(Endpoint), 'A page of endpoints'), ...problems(400, 401, 403, 422) },
      }),
      async (c) => {
        const { cursor, limit } = c.req.valid('query');
        return c.json(await listEndpoints(c.var.db, c.var.tenantId, cursor, limit), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/webhooks/endpoints',
        tags,
        security,
        summary: 'Add an HTTPS endpoint; the response carries its signing secret once',
        description:
          'Each delivery is a POST with `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of ' +
          '`id.timestamp.body` keyed with the base64-decoded part of the secret after `whsec_`). Failed deliveries are retried with exponential backoff.',
        request: { body: jsonBody(CreateEndpoint) },
        responses: { 201: jsonResponse(CreatedEndpoint, 'Created'), ...problems(400, 401, 403, 413, 415, 422) },
      }),
      async (c) =>
        c.json(await createEndpoint(c.var.db, secretBox(c.env.DATA_ENCRYPTION_KEY), c.var.tenantId, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/webhooks/endpoints/{id}',
        tags,
        security,
        summary: 'Get a webhook endpoint',
        request: { params: IdParam },
        responses: { 200: jsonResponse(Endpoint, 'The endpoint'), ...problems(401, 403, 404) },
      }),
      async (c) => c.json(endpointView(await findEndpoint(c.var.db, c.var.tenantId, c.req.valid('param').id)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/webhooks/endpoints/{id}',
        tags,
        security,
        summary: 'Change an endpoint’s URL, event types or active flag',
        request: { params: IdParam, body: jsonBody(UpdateEndpoint) },
        responses: { 200: jsonResponse(Endpoint, 'Updated'), ...problems(400, 401, 403, 404, 413, 415, 422) },
      }),
      async (c) =>
        c.json(endpointView(await updateEndpoint(c.var.db, c.var.tenantId, c.req.valid('param').id, c.req.valid('json'))), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/webhooks/endpoints/{id}',
        tags,
        security,
        summary: 'Deactivate an endpoint (its delivery log is kept)',
        request: { params: IdParam },
        responses: { 204: { description: 'Deactivated' }, ...problems(401, 403, 404) },
      }),
      async (c) => {
        await deactivateEndpoint(c.var.db, c.var.tenantId, c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/webhooks/endpoints/{id}/deliveries',
        tags,
        security,
        summary: 'Delivery log: deliveries newest first, with every attempt',
        request: { params: IdParam, query: PageQuery },
        responses: { 200: jsonResponse(page(Delivery), 'A page of deliveries'), ...problems(400, 401, 403, 404, 422) },
      }),
      async (c) => c.json(await listDeliveries(c.var.db, c.var.tenantId, c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/webhooks/endpoints/{id}/test',
        tags,
        security,
        summary: 'Send a `webhook.test` event to this endpoint now (it appears in the delivery log)',
        request: { params: IdParam },
        responses: { 202: jsonResponse(Delivery, 'Queued'), ...problems(401, 403, 404, 409) },
      }),
      async (c) => c.json(await sendTestEvent(c.var.db, c.env.WEBHOOK_QUEUE, c.var.tenantId, c.req.valid('param').id), 202),
    );
