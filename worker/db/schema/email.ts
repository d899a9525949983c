import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CampaignStatus, CampaignTexts, HitKind, HitVerdict, RecipientStatus, SuppressionReason } from '../../email/schemas';
import { customers, surveys, tenants } from './core';

/** Epoch milliseconds. */
const millis = (name: string) => integer(name);

/** One row per tenant; absent means the defaults in email/settings.ts. */
export const emailSettings = sqliteTable('email_settings', {
  tenantId: text('tenant_id').primaryKey().references(() => tenants.id),
  /** A customer is not emailed again by any campaign within this many days of the last email. */
  resurveyDays: integer('resurvey_days').notNull(),
  updatedAt: millis('updated_at').notNull(),
});

/**
 * HMAC keys that sign the links in emails. The newest unretired key signs; every unretired key
 * verifies, so rotating does not break links already sent. `kid` travels in the token.
 */
export const emailSigningKeys = sqliteTable(
  'email_signing_keys',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    kid: text('kid').notNull(),
    /** Sealed with DATA_ENCRYPTION_KEY (shared/secret-box.ts); never stored in the clear. */
    secret: text('secret').notNull(),
    createdAt: millis('created_at').notNull(),
    retiredAt: millis('retired_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kid] })],
);

export const emailCampaigns = sqliteTable(
  'email_campaigns',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    surveyId: text('survey_id').notNull().references(() => surveys.id),
    name: text('name').notNull(),
    fromName: text('from_name').notNull(),
    fromEmail: text('from_email').notNull(),
    replyTo: text('reply_to'),
    texts: text('texts', { mode: 'json' }).$type<CampaignTexts>().notNull(),
    /** Origin the links in the emails point at: the API host the campaign was created on. */
    baseUrl: text('base_url').notNull(),
    status: text('status').$type<CampaignStatus>().notNull(),
    sendAt: millis('send_at'),
    linkValidDays: integer('link_valid_days').notNull(),
    startedAt: millis('started_at'),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    index('email_campaigns_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('email_campaigns_tenant_status_send_idx').on(t.tenantId, t.status, t.sendAt),
  ],
);

/** A customer in a campaign. The address lives on the customer, so erasing a customer erases it here too. */
export const emailRecipients = sqliteTable(
  'email_recipients',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    campaignId: text('campaign_id').notNull().references(() => emailCampaigns.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    locale: text('locale'),
    status: text('status').$type<RecipientStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Set while a consumer is handing the email to the transport; a stale lock may be taken over. */
    lockedAt: millis('locked_at'),
    responseId: text('response_id'),
    sentAt: millis('sent_at'),
    clickedAt: millis('clicked_at'),
    answeredAt: millis('answered_at'),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('email_recipients_tenant_campaign_customer_unique').on(t.tenantId, t.campaignId, t.customerId),
    index('email_recipients_tenant_campaign_status_idx').on(t.tenantId, t.campaignId, t.status),
    index('email_recipients_tenant_customer_sent_idx').on(t.tenantId, t.customerId, t.sentAt),
  ],
);

/** Addresses never to email again, by SHA-256 of the lower-cased address (no address kept). */
export const emailSuppressions = sqliteTable(
  'email_suppressions',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    emailHash: text('email_hash').notNull(),
    reason: text('reason').$type<SuppressionReason>().notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.emailHash] })],
);

/**
 * Every request on a recipient's links: `open` (a score link GET), `honeypot`, `confirm` (the
 * landing page's script) and `form` (the no-JS post). Only confirms and forms can be `counted`;
 * scanner-like traffic is `filtered` with the reason; plain opens stay `evidence`.
 */
export const emailHits = sqliteTable(
  'email_hits',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    campaignId: text('campaign_id').notNull().references(() => emailCampaigns.id),
    recipientId: text('recipient_id').notNull().references(() => emailRecipients.id),
    kind: text('kind').$type<HitKind>().notNull(),
    score: integer('score'),
    verdict: text('verdict').$type<HitVerdict>().notNull(),
    reason: text('reason'),
    userAgent: text('user_agent'),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [
    index('email_hits_tenant_recipient_created_idx').on(t.tenantId, t.recipientId, t.createdAt),
    index('email_hits_tenant_campaign_verdict_idx').on(t.tenantId, t.campaignId, t.verdict),
  ],
);
