import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Device } from '../../responses/schemas';
import type { WidgetEventKind } from '../../widget/schemas';
import { surveys, tenants } from './core';

/**
 * What the widget did for a visitor, kept apart from responses so response rates can be computed:
 * `display` (the survey was shown), `dismiss` (closed without a score) and `answer` (the first score
 * of a response, which also claims the visitor's recontact window so a second answer is not counted).
 */
export const widgetEvents = sqliteTable(
  'widget_events',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    surveyId: text('survey_id').notNull().references(() => surveys.id),
    kind: text('kind').$type<WidgetEventKind>().notNull(),
    /** Id chosen by the widget, so a retried event is stored once. For `answer`, the response's client id. */
    clientId: text('client_id').notNull(),
    /** Who saw it: `v:<visitor id>` for anonymous visitors, `c:<hash>` for identified customers (no email stored). */
    subject: text('subject'),
    locale: text('locale'),
    device: text('device').$type<Device>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('widget_events_tenant_kind_client_unique').on(t.tenantId, t.kind, t.clientId),
    index('widget_events_tenant_subject_idx').on(t.tenantId, t.subject, t.createdAt),
    index('widget_events_tenant_survey_idx').on(t.tenantId, t.surveyId, t.kind, t.createdAt),
  ],
);
