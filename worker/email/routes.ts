import { createRoute } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { customers, emailRecipients } from '../db/schema';
import { createRouter, jsonBody, jsonResponse, page, problems, type Security } from '../http/openapi';
import { notFound } from '../http/problem';
import { pageAfter, toPage } from '../shared/cursor';
import { IdParam, PageQuery } from '../shared/schemas';
import { toIsoOrNull } from '../shared/time';
import { campaignStats, campaignView, createCampaign, findCampaign, listCampaigns } from './campaigns';
import { composeEmail } from './compose-email';
import { startCampaign } from './enqueue';
import { secretBox } from '../shared/secret-box';
import { linksFor } from './links';
import { loadRecipient } from './recipient-context';
import { importRows, ImportSession } from './recipients';
import {
  AddRecipients,
  AddSuppression,
  Campaign,
  CampaignWithStats,
  CreateCampaign,
  EmailSettings,
  ImportReport,
  Recipient,
  UpdateEmailSettings,
} from './schemas';
import { readEmailSettings, writeEmailSettings } from './settings';
import { rotateSigningKey } from './signing-keys';
import { emailHash, suppressStatement } from './suppressions';

const tags = ['Email campaigns'];
const RecipientParams = z.object({ id: z.string().min(1).max(64), recipientId: z.string().min(1).max(64) });

/** Mounted at /v1 (secret key) and at /api (dashboard session); `security` documents which. */
export const campaignRoutes = (security: Security) =>
  createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/campaigns',
        tags,
        security,
        summary: 'Create an email campaign (a draft until started)',
        description: 'Links in its emails point at the host this call is made on.',
        request: { body: jsonBody(CreateCampaign) },
        responses: { 201: jsonResponse(Campaign, 'Created'), ...problems(400, 401, 403, 404, 413, 415, 422) },
      }),
      async (c) => {
        const row = await createCampaign(c.var.db, c.var.tenantId, c.req.valid('json'), new URL(c.req.url).origin);
        return c.json(campaignView(row), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns',
        tags,
        security,
        summary: 'List campaigns, newest first',
        request: { query: PageQuery },
        responses: { 200: jsonResponse(page(Campaign), 'A page of campaigns'), ...problems(400, 401, 403, 422) },
      }),
      async (c) => c.json(await listCampaigns(c.var.db, c.var.tenantId, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}',
        tags,
        security,
        summary: 'Get a campaign with delivery and answer statistics, including scanner hits filtered out',
        request: { params: IdParam },
        responses: { 200: jsonResponse(CampaignWithStats, 'The campaign'), ...problems(401, 403, 404) },
      }),
      async (c) => {
        const row = await findCampaign(c.var.db, c.var.tenantId, c.req.valid('param').id);
        return c.json({ ...campaignView(row), stats: await campaignStats(c.var.db, c.var.tenantId, row.id) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/campaigns/{id}/recipients',
        tags,
        security,
        summary: 'Add recipients (upserted as customers); invalid ones are listed, valid ones added',
        description:
          'Rejects bad addresses, duplicates, suppressed addresses and customers emailed by another campaign inside the resurvey window. ' +
          'For up to 50,000 rows, upload CSV to `/campaigns/{id}/recipients.csv`.',
        request: { params: IdParam, body: jsonBody(AddRecipients) },
        responses: {
          200: jsonResponse(ImportReport, 'What was added and what was not'),
          ...problems(400, 401, 403, 404, 409, 413, 415, 422),
        },
      }),
      async (c) => {
        const db = c.var.db;
        const campaign = await findCampaign(db, c.var.tenantId, c.req.valid('param').id);
        const session = new ImportSession(db, campaign, (await readEmailSettings(db, c.var.tenantId)).resurveyDays);
        const rows = c.req.valid('json').recipients.map((input, i) => ({ line: i + 1, input }));
        return c.json(await importRows(session, rows), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}/recipients',
        tags,
        security,
        summary: 'List a campaign’s recipients with their delivery status',
        request: { params: IdParam, query: PageQuery },
        responses: { 200: jsonResponse(page(Recipient), 'A page of recipients'), ...problems(400, 401, 403, 404, 422) },
      }),
      async (c) => {
        const db = c.var.db;
        const tenantId = c.var.tenantId;
        const campaign = await findCampaign(db, tenantId, c.req.valid('param').id);
        const query = c.req.valid('query');
        const { where, orderBy } = pageAfter(emailRecipients, query.cursor);
        const rows = await db
          .select({
            recipient: emailRecipients,
            email: customers.email,
            createdAt: emailRecipients.createdAt,
            id: emailRecipients.id,
          })
          .from(emailRecipients)
          .innerJoin(customers, and(eq(customers.tenantId, tenantId), eq(customers.id, emailRecipients.customerId)))
          .where(and(eq(emailRecipients.tenantId, tenantId), eq(emailRecipients.campaignId, campaign.id), where))
          .orderBy(...orderBy)
          .limit(query.limit + 1);
        return c.json(
          toPage(rows, query.limit, ({ recipient: r, email }) => ({
            id: r.id,
            customerId: r.customerId,
            email,
            locale: r.locale,
            status: r.status,
            attempts: r.attempts,
            lastError: r.lastError,
            responseId: r.responseId,
            sentAt: toIsoOrNull(r.sentAt),
            answeredAt: toIsoOrNull(r.answeredAt),
          })),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/campaigns/{id}/recipients/{recipientId}/preview',
        tags,
        security,
        summary: 'The email as this recipient gets it (HTML; the plain-text part with ?format=text)',
        request: { params: RecipientParams, query: z.object({ format: z.enum(['html', 'text']).default('html') }) },
        responses: {
          200: {
            description: 'The rendered email',
            content: { 'text/html': { schema: z.string() }, 'text/plain': { schema: z.string() } },
          },
          ...problems(401, 403, 404, 422),
        },
      }),
      async (c) => {
        const { id, recipientId } = c.req.valid('param');
        const context = await loadRecipient(c.var.db, c.var.tenantId, id, recipientId);
        if (!context) throw notFound('Recipient');
        const email = await composeEmail(
          context,
          await linksFor(c.var.db, secretBox(c.env.DATA_ENCRYPTION_KEY), context.campaign, recipientId, Date.now()),
        );
        c.header('X-Email-Subject', encodeURIComponent(email.subject));
        return c.req.valid('query').format === 'text' ? c.text(email.text, 200) : c.html(email.html, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/campaigns/{id}/start',
        tags,
        security,
        summary: 'Start sending now, or at the campaign’s sendAt',
        description: 'Suppressed recipients and customers inside the resurvey window are skipped; the rest are queued.',
        request: { params: IdParam },
        responses: { 200: jsonResponse(Campaign, 'Started or scheduled'), ...problems(401, 403, 404, 409) },
      }),
      async (c) =>
        c.json(campaignView(await startCampaign(c.var.db, c.env, c.var.tenantId, c.req.valid('param').id, Date.now())), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/email/settings',
        tags,
        security,
        summary: 'Email settings',
        responses: { 200: jsonResponse(EmailSettings, 'The settings'), ...problems(401, 403) },
      }),
      async (c) => c.json(await readEmailSettings(c.var.db, c.var.tenantId), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/email/settings',
        tags,
        security,
        summary: 'Change email settings (resurvey window in days; 0 turns it off)',
        request: { body: jsonBody(UpdateEmailSettings) },
        responses: { 200: jsonResponse(EmailSettings, 'The settings'), ...problems(400, 401, 403, 413, 415, 422) },
      }),
      async (c) => c.json(await writeEmailSettings(c.var.db, c.var.tenantId, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/email/signing-keys/rotate',
        tags,
        security,
        summary: 'Sign new email links with a fresh key; optionally invalidate every link signed before',
        request: { body: jsonBody(z.strictObject({ retirePrevious: z.boolean().default(false) })) },
        responses: { 200: jsonResponse(z.object({ kid: z.string() }), 'The new key id'), ...problems(400, 401, 403, 415, 422) },
      }),
      async (c) =>
        c.json(
          await rotateSigningKey(
            c.var.db,
            secretBox(c.env.DATA_ENCRYPTION_KEY),
            c.var.tenantId,
            c.req.valid('json').retirePrevious,
          ),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/email/suppressions',
        tags,
        security,
        summary: 'Never email an address again (e.g. a bounce reported by your mail provider)',
        request: { body: jsonBody(AddSuppression) },
        responses: { 204: { description: 'Suppressed' }, ...problems(400, 401, 403, 413, 415, 422) },
      }),
      async (c) => {
        const { email, reason } = c.req.valid('json');
        await suppressStatement(c.var.db, c.var.tenantId, await emailHash(email), reason, Date.now());
        return c.body(null, 204);
      },
    );
