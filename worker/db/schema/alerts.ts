import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tenants } from './core';

/** Epoch milliseconds. */
const millis = (name: string) => integer(name);

/**
 * One row per response that raised a detractor alert. The primary key is what makes a response
 * alert at most once, however often it is retried or edited afterwards.
 */
export const responseAlerts = sqliteTable(
  'response_alerts',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    responseId: text('response_id').notNull(),
    /** 1 when the score was in the detractor band (NPS 0–6, CSAT 1–2) at alert time. */
    detractorScore: integer('detractor_score', { mode: 'boolean' }).notNull(),
    /** 1 when the comment read as negative at alert time. */
    negativeComment: integer('negative_comment', { mode: 'boolean' }).notNull(),
    /** Origin of the dashboard the email links to (the one the answer arrived at). */
    baseUrl: text('base_url').notNull(),
    /** Which email carries it: `now:<responseId>` (sent at once) or `digest:<window end>`; null until decided. */
    batchKey: text('batch_key'),
    createdAt: millis('created_at').notNull(),
    emailedAt: millis('emailed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.responseId] }),
    index('response_alerts_tenant_batch_idx').on(t.tenantId, t.batchKey),
    index('response_alerts_tenant_pending_idx').on(t.tenantId, t.emailedAt, t.createdAt),
  ],
);

/** Per tenant, the end of the current digest window: alerts before it go into one digest email. */
export const alertWindows = sqliteTable('alert_windows', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  endsAt: millis('ends_at').notNull(),
});
