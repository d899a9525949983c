import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createRouter, jsonResponse, page, problems, type Security } from '../http/openapi';
import { IdParam, PageQuery } from '../shared/schemas';
import { requireRole } from '../tenants/authenticate';
import { exportCustomer } from './customer-export';
import { listErasures } from './repository';
import { CustomerExport, EXPORT_RECORD_TYPES, Erasure } from './schemas';
import { workspaceExport } from './workspace-export';

const tags = ['Privacy'];

const day = (now: number) => new Date(now).toISOString().slice(0, 10);

/**
 * Data export and the erasure log. Mounted at /v1 (secret key) and /api (dashboard session, where only
 * owners and admins may read these: they hold every customer's personal data). Erasing a customer is
 * `DELETE /customers/{id}` (customers/routes.ts), implemented in privacy/erasure.ts.
 */
export function privacyRoutes(security: Security) {
  const router = createRouter();
  router.use('/privacy/*', requireRole('admin'));
  router.use('/customers/:id/export', requireRole('admin'));
  // Registered apart from its handler: the typed `openapi()` only accepts JSON bodies for media types containing "json".
  router.openAPIRegistry.registerPath(
    createRoute({
      method: 'get',
      path: '/privacy/export',
      tags,
      security,
      summary: 'Download everything the workspace holds, as NDJSON',
      description:
        'One JSON object per line, `{"type": …, "data": {…}}`: first `export` (tenant id, time, format), then one line per record ' +
        `(types in this order: ${EXPORT_RECORD_TYPES.join(', ')}), last \`end\` with the record count; a download without \`end\` was cut short. ` +
        'Records are the stored rows (timestamps in epoch milliseconds). Secrets and their hashes (passwords, API keys, signing secrets) ' +
        'are never included; neither are logs and figures derived from the records (metrics, webhook deliveries). Streamed, so any size works.',
      responses: {
        200: {
          description: 'Newline-delimited JSON, as an attachment',
          content: { 'application/x-ndjson': { schema: z.string() } },
        },
        ...problems(401, 403),
      },
    }),
  );
  router.get('/privacy/export', (c) => {
    const now = Date.now();
    return c.body(workspaceExport(c.var.db, c.var.tenantId, now), 200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="rapport-export-${day(now)}.ndjson"`,
      'Cache-Control': 'no-store',
    });
  });
  return router
    .openapi(
      createRoute({
        method: 'get',
        path: '/privacy/erasures',
        tags,
        security,
        summary: 'The erasure log: which customer was erased when, and by whom (user or key id), newest first',
        request: { query: PageQuery },
        responses: { 200: jsonResponse(page(Erasure), 'A page of erasures'), ...problems(400, 401, 403, 422) },
      }),
      async (c) => c.json(await listErasures(c.var.db, c.var.tenantId, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/customers/{id}/export',
        tags,
        security,
        summary: 'Everything stored about one customer (right of access), as a JSON attachment',
        request: { params: IdParam },
        responses: { 200: jsonResponse(CustomerExport, 'The customer’s data'), ...problems(401, 403, 404) },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const now = Date.now();
        return c.json(await exportCustomer(c.var.db, c.var.tenantId, id, now), 200, {
          'Content-Disposition': `attachment; filename="customer-${id.replace(/[^\w-]/g, '_')}-${day(now)}.json"`,
          'Cache-Control': 'no-store',
        });
      },
    );
}
