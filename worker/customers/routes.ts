import { createRoute } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonResponse, page, problems, type Security } from '../http/openapi';
import { IdParam, PageQuery } from '../shared/schemas';
import { CustomerOrder } from './order-schema';
import { listCustomerOrders } from './orders';
import { eraseCustomer, erasureActor } from '../privacy/erasure';
import { customerView, findCustomer, listCustomers, updateCustomer, upsertCustomer } from './repository';
import { Customer, CustomerListQuery, UpdateCustomer, UpsertCustomer } from './schemas';

const tags = ['Customers'];

/** Mounted at /v1 (secret key) and at /api (dashboard session); `security` documents which. */
export const customerRoutes = (security: Security) =>
  createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/customers',
        tags,
        security,
        summary: 'List customers, newest first; filter by email or externalId',
        request: { query: CustomerListQuery },
        responses: { 200: jsonResponse(page(Customer), 'A page of customers'), ...problems(400, 401, 403, 422) },
      }),
      async (c) => c.json(await listCustomers(c.var.db, c.var.tenantId, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/customers',
        tags,
        security,
        summary: 'Create or update a customer, identified by externalId, else email',
        request: { body: jsonBody(UpsertCustomer) },
        responses: {
          200: jsonResponse(Customer, 'Updated'),
          201: jsonResponse(Customer, 'Created'),
          ...problems(400, 401, 403, 409, 413, 415, 422),
        },
      }),
      async (c) => {
        const { row, created } = await upsertCustomer(c.var.db, c.var.tenantId, c.req.valid('json'));
        return created ? c.json(customerView(row), 201) : c.json(customerView(row), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/customers/{id}',
        tags,
        security,
        summary: 'Get a customer',
        request: { params: IdParam },
        responses: { 200: jsonResponse(Customer, 'The customer'), ...problems(401, 403, 404) },
      }),
      async (c) => c.json(customerView(await findCustomer(c.var.db, c.var.tenantId, c.req.valid('param').id)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/customers/{id}/orders',
        tags,
        security,
        summary: 'The customer’s orders as reported to the loyalty API, newest first',
        request: { params: IdParam, query: PageQuery },
        responses: { 200: jsonResponse(page(CustomerOrder), 'A page of orders'), ...problems(400, 401, 403, 404, 422) },
      }),
      async (c) => c.json(await listCustomerOrders(c.var.db, c.var.tenantId, c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/customers/{id}',
        tags,
        security,
        summary: 'Change a customer',
        request: { params: IdParam, body: jsonBody(UpdateCustomer) },
        responses: { 200: jsonResponse(Customer, 'Updated'), ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      }),
      async (c) =>
        c.json(customerView(await updateCustomer(c.var.db, c.var.tenantId, c.req.valid('param').id, c.req.valid('json'))), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/customers/{id}',
        tags,
        security,
        summary: 'Erase a customer’s personal data (GDPR); anonymous scores are kept',
        description:
          'Removes name, email, external id, locale, birthday and properties, the comments (with their analysis), URLs and properties ' +
          'of their responses, their email delivery details and loyalty referral code, in one atomic step, and records it in ' +
          '`GET /privacy/erasures`. Scores, orders and points stay, so metrics and the points liability do not change. ' +
          'A later call with the old external id or email creates a new, unrelated customer. Erasing again is a no-op (204).',
        request: { params: IdParam },
        responses: { 204: { description: 'Erased' }, ...problems(401, 403, 404) },
      }),
      async (c) => {
        await eraseCustomer(c.var.db, c.var.tenantId, c.req.valid('param').id, erasureActor(c.var.principal));
        return c.body(null, 204);
      },
    );
