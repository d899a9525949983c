import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { DeliveryEventType, DeliveryStatus, WebhookEventType } from '../../webhooks/schemas';
import { tenants } from './core';

export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    url: text('url').notNull(),
    /** Event types delivered here; empty = all. */
    events: text('events', { mode: 'json' }).$type<WebhookEventType[]>().notNull(),
    /** The signing secret, sealed with DATA_ENCRYPTION_KEY (shared/secret-box.ts) (base64 of iv ‖ ciphertext). */
    secretCiphertext: text('secret_ciphertext').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('webhook_endpoints_tenant_created_idx').on(t.tenantId, t.createdAt, t.id)],
);

/** One event for one endpoint; its id is the Standard Webhooks `webhook-id`, stable across retries. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    endpointId: text('endpoint_id').notNull().references(() => webhookEndpoints.id),
    eventType: text('event_type').$type<DeliveryEventType>().notNull(),
    payload: text('payload').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull(),
    attempts: integer('attempts').notNull(),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [index('webhook_deliveries_tenant_endpoint_idx').on(t.tenantId, t.endpointId, t.createdAt, t.id)],
);

/** The delivery log: every attempt with the receiver's status code or the network error. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    deliveryId: text('delivery_id').notNull().references(() => webhookDeliveries.id),
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('webhook_attempts_tenant_delivery_attempt_unique').on(t.tenantId, t.deliveryId, t.attempt)],
);
