import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { SurveyKind, SurveySettings, SurveyStatus, SurveyTexts } from '../../surveys/schemas';
import type { Category, Channel, Device } from '../../responses/schemas';
import type { ApiKeyKind, Role } from '../../tenants/schemas';
import type { Sentiment, Topic } from '../../sentiment/types';

/** Epoch milliseconds. Every timestamp column uses it so comparisons stay integer arithmetic. */
const millis = (name: string) => integer(name);
type Properties = Record<string, string | number | boolean | null>;

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  defaultLocale: text('default_locale').notNull().default('en'),
  timezone: text('timezone').notNull().default('UTC'),
  currency: text('currency').notNull().default('USD'),
  allowedOrigins: text('allowed_origins', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  /** Who gets detractor alert emails (see worker/alerts). */
  alertRecipients: text('alert_recipients', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  createdAt: millis('created_at').notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    email: text('email').notNull(),
    name: text('name'),
    role: text('role').$type<Role>().notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), index('users_tenant_idx').on(t.tenantId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the session id; the id itself only ever lives in the cookie. */
    idHash: text('id_hash').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: millis('created_at').notNull(),
    expiresAt: millis('expires_at').notNull(),
  },
  (t) => [index('sessions_tenant_user_idx').on(t.tenantId, t.userId)],
);

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: text('kind').$type<ApiKeyKind>().notNull(),
    name: text('name').notNull(),
    /** SHA-256 of the full key, hex. Keys are looked up by this hash. */
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, enough to recognise it in a list. */
    prefix: text('prefix').notNull(),
    createdAt: millis('created_at').notNull(),
    lastUsedAt: millis('last_used_at'),
    revokedAt: millis('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_hash_unique').on(t.keyHash), index('api_keys_tenant_idx').on(t.tenantId, t.createdAt)],
);

export const surveys = sqliteTable(
  'surveys',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: text('kind').$type<SurveyKind>().notNull(),
    name: text('name').notNull(),
    status: text('status').$type<SurveyStatus>().notNull(),
    texts: text('texts', { mode: 'json' }).$type<SurveyTexts>().notNull(),
    settings: text('settings', { mode: 'json' }).$type<SurveySettings>().notNull(),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [index('surveys_tenant_idx').on(t.tenantId, t.createdAt)],
);

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    externalId: text('external_id'),
    email: text('email'),
    name: text('name'),
    locale: text('locale'),
    /** ISO date (YYYY-MM-DD). */
    birthday: text('birthday'),
    properties: text('properties', { mode: 'json' })
      .$type<Properties>()
      .notNull()
      .default(sql`'{}'`),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
    /** Set when personal data was erased on request; the row stays so aggregates keep adding up. */
    erasedAt: millis('erased_at'),
  },
  (t) => [
    uniqueIndex('customers_tenant_external_unique').on(t.tenantId, t.externalId),
    uniqueIndex('customers_tenant_email_unique').on(t.tenantId, t.email),
    index('customers_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

export const responses = sqliteTable(
  'responses',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    customerId: text('customer_id').references(() => customers.id),
    /** Caller-chosen id that makes submission idempotent within the tenant. */
    clientId: text('client_id').notNull(),
    score: integer('score').notNull(),
    /** promoter | passive | detractor: the score's band on the survey's scale (see responses/scoring.ts). */
    category: text('category').$type<Category>().notNull(),
    comment: text('comment'),
    /** Analysis of `comment`, written with it (worker/responses/comment-analysis.ts); null without a comment. */
    sentiment: text('sentiment').$type<Sentiment>(),
    /** −1 (very negative) … 1 (very positive). */
    sentimentScore: real('sentiment_score'),
    topics: text('topics', { mode: 'json' })
      .$type<Topic[]>()
      .notNull()
      .default(sql`'[]'`),
    channel: text('channel').$type<Channel>().notNull(),
    locale: text('locale'),
    pageUrl: text('page_url'),
    referrer: text('referrer'),
    device: text('device').$type<Device>(),
    properties: text('properties', { mode: 'json' })
      .$type<Properties>()
      .notNull()
      .default(sql`'{}'`),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('responses_tenant_client_unique').on(t.tenantId, t.clientId),
    index('responses_tenant_created_idx').on(t.tenantId, t.createdAt, t.id),
    index('responses_tenant_survey_created_idx').on(t.tenantId, t.surveyId, t.createdAt),
    index('responses_tenant_customer_idx').on(t.tenantId, t.customerId),
    index('responses_tenant_sentiment_created_idx').on(t.tenantId, t.sentiment, t.createdAt, t.id),
    check('responses_score_range', sql`${t.score} BETWEEN 0 AND 10`),
  ],
);
