import { and, eq, gte, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { responses } from '../db/schema';
import { notFound } from '../http/problem';
import { pageAfter, toPage } from '../shared/cursor';
import { toIso } from '../shared/time';
import { type Statement, withResponseRollups } from '../metrics/rollups';
import type { SurveyKind } from '../surveys/schemas';
import { type CommentColumns, commentColumns } from './comment-analysis';
import { categorize } from './scoring';
import type { ResponseListQuery } from './schemas';

type ResponseRow = typeof responses.$inferSelect;

export const responseView = (row: ResponseRow) => ({
  id: row.id,
  clientId: row.clientId,
  surveyId: row.surveyId,
  customerId: row.customerId,
  score: row.score,
  category: row.category,
  comment: row.comment,
  sentiment: row.sentiment,
  sentimentScore: row.sentimentScore,
  topics: row.topics,
  channel: row.channel,
  locale: row.locale,
  pageUrl: row.pageUrl,
  referrer: row.referrer,
  device: row.device,
  properties: row.properties,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

export type ResponseFilters = Omit<ResponseListQuery, 'limit' | 'cursor'>;

export function responseFilters(tenantId: string, filters: ResponseFilters): SQL | undefined {
  return and(
    eq(responses.tenantId, tenantId),
    filters.surveyId ? eq(responses.surveyId, filters.surveyId) : undefined,
    filters.customerId ? eq(responses.customerId, filters.customerId) : undefined,
    filters.channel ? eq(responses.channel, filters.channel) : undefined,
    filters.category ? eq(responses.category, filters.category) : undefined,
    filters.hasComment === 'true' ? isNotNull(responses.comment) : undefined,
    filters.hasComment === 'false' ? isNull(responses.comment) : undefined,
    filters.sentiment ? eq(responses.sentiment, filters.sentiment) : undefined,
    filters.topic ? sql`EXISTS (SELECT 1 FROM json_each(${responses.topics}) WHERE value = ${filters.topic})` : undefined,
    filters.from ? gte(responses.createdAt, Date.parse(filters.from)) : undefined,
    filters.to ? lt(responses.createdAt, Date.parse(filters.to)) : undefined,
  );
}

export async function listResponses(db: Database, tenantId: string, query: ResponseListQuery) {
  const { where, orderBy } = pageAfter(responses, query.cursor);
  const rows = await db
    .select()
    .from(responses)
    .where(and(responseFilters(tenantId, query), where))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, responseView);
}

export async function findResponse(db: Database, tenantId: string, responseId: string): Promise<ResponseRow> {
  const [row] = await db
    .select()
    .from(responses)
    .where(and(eq(responses.tenantId, tenantId), eq(responses.id, responseId)))
    .limit(1);
  if (!row) throw notFound('Response');
  return row;
}

export type ResponseChanges = Partial<Pick<ResponseRow, 'score' | 'category'> & CommentColumns>;

/** A new score for an answer, and a new comment when one is given (`undefined` keeps the stored one). */
export const rescoring = (kind: SurveyKind, score: number, comment: string | undefined): ResponseChanges => ({
  score,
  category: categorize(kind, score),
  ...(comment === undefined ? {} : commentColumns(comment)),
});

/**
 * Changes a stored answer; its metrics rollups move with it, and `alongside` joins the same batch.
 * Returns the answer as written.
 */
export async function reviseResponse(
  db: Database,
  existing: ResponseRow,
  changes: ResponseChanges,
  now = Date.now(),
  alongside: Statement[] = [],
): Promise<ResponseRow> {
  const written = { ...changes, updatedAt: now };
  const update = db
    .update(responses)
    .set(written)
    .where(and(eq(responses.tenantId, existing.tenantId), eq(responses.id, existing.id)));
  await db.batch([...(await withResponseRollups(db, existing.tenantId, existing, update)), ...alongside]);
  return { ...existing, ...written };
}

/** Replaces the comment and its analysis; the comment metrics rollups move with it in the same batch. */
export async function setComment(db: Database, tenantId: string, responseId: string, comment: string | null) {
  return reviseResponse(db, await findResponse(db, tenantId, responseId), commentColumns(comment));
}
