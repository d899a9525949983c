import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tenants } from './core';

/**
 * One row per (tenant, Idempotency-Key). `fingerprint` is a hash of method, path and body;
 * the response is stored once the first request finishes, and replayed for retries.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** Null while the first request is still running. */
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    responseType: text('response_type'),
    lockedAt: integer('locked_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.key] }),
    index('idempotency_keys_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('idempotency_keys_created_idx').on(t.createdAt),
    check('idempotency_keys_key_length', sql`length(${t.key}) BETWEEN 1 AND 255`),
  ],
);
