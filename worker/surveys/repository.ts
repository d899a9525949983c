import { and, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { isForeignKeyViolation } from '../db/errors';
import { surveys } from '../db/schema';
import { conflict, notFound } from '../http/problem';
import { pageAfter, toPage } from '../shared/cursor';
import { newId } from '../shared/ids';
import { toIso } from '../shared/time';
import type { CreateSurvey, SurveyListQuery, UpdateSurvey } from './schemas';

type SurveyRow = typeof surveys.$inferSelect;

export const surveyView = (row: SurveyRow) => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  status: row.status,
  texts: row.texts,
  settings: row.settings,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

/** The survey as a query, for callers that batch it with other reads. */
export const surveyById = (db: Database, tenantId: string | SQL, surveyId: string) =>
  db
    .select()
    .from(surveys)
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, surveyId)))
    .limit(1);

export function foundSurvey(row: SurveyRow | undefined): SurveyRow {
  if (!row) throw notFound('Survey');
  return row;
}

export async function findSurvey(db: Database, tenantId: string, surveyId: string): Promise<SurveyRow> {
  const [row] = await surveyById(db, tenantId, surveyId);
  return foundSurvey(row);
}

export async function listSurveys(db: Database, tenantId: string, query: z.infer<typeof SurveyListQuery>) {
  const { where, orderBy } = pageAfter(surveys, query.cursor);
  const rows = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.tenantId, tenantId), query.status ? eq(surveys.status, query.status) : undefined, where))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, surveyView);
}

export async function createSurvey(db: Database, tenantId: string, input: z.infer<typeof CreateSurvey>) {
  const now = Date.now();
  const [row] = await db
    .insert(surveys)
    .values({ id: newId('srv', now), tenantId, ...input, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

export async function updateSurvey(db: Database, tenantId: string, surveyId: string, patch: z.infer<typeof UpdateSurvey>) {
  const [row] = await db
    .update(surveys)
    .set({ ...patch, updatedAt: Date.now() })
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, surveyId)))
    .returning();
  if (!row) throw notFound('Survey');
  return row;
}

/**
 * Only a survey nothing refers to yet (no responses, displays or campaigns) can be deleted;
 * the foreign keys decide, so a new referring table needs no change here. Used surveys are archived.
 */
export async function deleteSurvey(db: Database, tenantId: string, surveyId: string): Promise<void> {
  await findSurvey(db, tenantId, surveyId);
  try {
    await db.delete(surveys).where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, surveyId)));
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict('This survey has been used; set its status to "archived" instead.');
    throw error;
  }
}
