import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { surveys, widgetEvents } from '../db/schema';
import { widgetEventRollups } from '../metrics/rollups';
import { newId } from '../shared/ids';
import type { DisplayHistory } from './recontact';
import type { WidgetEventKind } from './schemas';

/** More than a site would run at once; keeps the config document small. */
const MAX_WIDGET_SURVEYS = 20;

export async function activeSurveys(db: Database, tenantId: string) {
  return db
    .select()
    .from(surveys)
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.status, 'active')))
    .orderBy(asc(surveys.createdAt), asc(surveys.id))
    .limit(MAX_WIDGET_SURVEYS);
}

export interface NewWidgetEvent {
  tenantId: string;
  surveyId: string;
  kind: WidgetEventKind;
  clientId: string;
  subject: string | null;
  locale?: string | undefined;
  device?: string | undefined;
}

const eventById = (db: Database, tenantId: string, kind: WidgetEventKind, clientId: string) =>
  db
    .select({ id: widgetEvents.id })
    .from(widgetEvents)
    .where(and(eq(widgetEvents.tenantId, tenantId), eq(widgetEvents.kind, kind), eq(widgetEvents.clientId, clientId)))
    .limit(1);

export async function eventExists(db: Database, tenantId: string, kind: WidgetEventKind, clientId: string): Promise<boolean> {
  return (await eventById(db, tenantId, kind, clientId)).length > 0;
}

const eventValues = (event: NewWidgetEvent, now: number) => ({
  id: newId('wev', now),
  tenantId: event.tenantId,
  surveyId: event.surveyId,
  kind: event.kind,
  clientId: event.clientId,
  subject: event.subject,
  locale: event.locale ?? null,
  device: (event.device ?? null) as typeof widgetEvents.$inferInsert.device,
  createdAt: now,
});

/** Stores the event once per (tenant, kind, clientId); a retry of the same event changes nothing. */
export async function recordEvent(db: Database, event: NewWidgetEvent, now = Date.now()): Promise<void> {
  const values = eventValues(event, now);
  const insert = db
    .insert(widgetEvents)
    .values(values)
    .onConflictDoNothing({ target: [widgetEvents.tenantId, widgetEvents.kind, widgetEvents.clientId] });
  // The rollups read the row back by its new id, so a retried (ignored) event counts nothing.
  await db.batch([insert, ...(await widgetEventRollups(db, event.tenantId, { id: values.id, createdAt: now }))]);
}

/** The subject's display history for the recontact rules, in one query. */
export async function historyOf(db: Database, tenantId: string, subject: string, surveyId: string): Promise<DisplayHistory> {
  const [row] = await db
    .select({
      lastAnyDisplayAt: sql<number | null>`max(CASE WHEN ${widgetEvents.kind} = 'display' THEN ${widgetEvents.createdAt} END)`,
      lastDisplayAt: sql<number | null>`max(CASE WHEN ${widgetEvents.kind} = 'display' AND ${widgetEvents.surveyId} = ${surveyId} THEN ${widgetEvents.createdAt} END)`,
      answeredAt: sql<number | null>`min(CASE WHEN ${widgetEvents.kind} = 'answer' AND ${widgetEvents.surveyId} = ${surveyId} THEN ${widgetEvents.createdAt} END)`,
    })
    .from(widgetEvents)
    .where(and(eq(widgetEvents.tenantId, tenantId), eq(widgetEvents.subject, subject)));
  return row ?? {};
}

/**
 * Claims the subject's answer to a survey for `event.clientId` in one guarded statement: it inserts
 * only when no other answer by the same subject to the same survey exists since `windowStart`.
 * Returns whether the claim is held by this client id (true again on a retry of the same answer).
 */
export async function claimAnswer(db: Database, event: NewWidgetEvent & { subject: string }, windowStart: number, now = Date.now()): Promise<boolean> {
  const v = eventValues(event, now);
  const insert = db
    .insert(widgetEvents)
    .select(
      sql`SELECT ${v.id}, ${v.tenantId}, ${v.surveyId}, 'answer', ${v.clientId}, ${v.subject}, ${v.locale}, ${v.device}, ${v.createdAt}
      WHERE NOT EXISTS (
        SELECT 1 FROM widget_events
        WHERE tenant_id = ${v.tenantId} AND subject = ${v.subject} AND kind = 'answer' AND survey_id = ${v.surveyId}
          AND created_at >= ${windowStart} AND client_id <> ${v.clientId}
      )`,
    )
    .onConflictDoNothing();
  const [, held] = await db.batch([insert, eventById(db, event.tenantId, 'answer', event.clientId)]);
  return held.length > 0;
}

/** Undoes a claim whose response could not be stored, so the visitor may answer again. */
export async function releaseAnswer(db: Database, tenantId: string, clientId: string): Promise<void> {
  await db
    .delete(widgetEvents)
    .where(and(eq(widgetEvents.tenantId, tenantId), eq(widgetEvents.kind, 'answer'), eq(widgetEvents.clientId, clientId)));
}
