import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers, tenants } from './core';

/**
 * The audit trail of customer erasures: who erased which customer when, and nothing personal (the
 * customer id names a row whose personal data is gone). One row per customer, so a repeated erasure
 * keeps the first record.
 */
export const privacyErasures = sqliteTable(
  'privacy_erasures',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** `user:<id>` for a dashboard user, `key:<id>` for a secret API key. */
    actor: text('actor').notNull(),
    erasedAt: integer('erased_at').notNull(),
  },
  (t) => [
    uniqueIndex('privacy_erasures_tenant_customer_unique').on(t.tenantId, t.customerId),
    index('privacy_erasures_tenant_erased_idx').on(t.tenantId, t.erasedAt, t.id),
  ],
);
