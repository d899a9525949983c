import { and, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { responses, surveys } from '../db/schema';
import { conflict, unprocessable } from '../http/problem';
import { customerIdOf, upsertCustomerStatement } from '../customers/repository';
import { isUniqueViolation } from '../db/errors';
import { awardSurveyAnswered } from '../loyalty/survey-link';
import { responseRollups } from '../metrics/rollups';
import { newId } from '../shared/ids';
import type { Properties } from '../shared/schemas';
import type { ResponseCreated } from './announce';
import { commentColumns } from './comment-analysis';
import { categorize, isScoreInRange, SCALES } from './scoring';
import type { Channel, CustomerRef, Device } from './schemas';

type SurveyRow = typeof surveys.$inferSelect;
type ResponseRow = typeof responses.$inferSelect;

/** A validated answer, whichever door it came in by (server API, widget, email link). */
export interface Submission {
  clientId: string;
  score: number;
  comment?: string | undefined;
  customer?: CustomerRef | undefined;
  channel: Channel;
  locale?: string | undefined;
  pageUrl?: string | undefined;
  referrer?: string | undefined;
  device?: Device | undefined;
  properties?: Properties | undefined;
  occurredAt?: number | undefined;
}

export function assertScore(survey: SurveyRow, score: number): void {
  if (!isScoreInRange(survey.kind, score)) {
    const { min, max } = SCALES[survey.kind];
    throw unprocessable(`A ${survey.kind.toUpperCase()} score is a whole number from ${min} to ${max}.`, [
      { path: 'score', message: `must be an integer between ${min} and ${max}` },
    ]);
  }
}

/** The response recorded for a client id, as a query, for callers that batch it with other reads. */
export const responseByClientId = (db: Database, tenantId: string | SQL, clientId: string) =>
  db
    .select()
    .from(responses)
    .where(and(eq(responses.tenantId, tenantId), eq(responses.clientId, clientId)))
    .limit(1);

export async function findByClientId(db: Database, tenantId: string, clientId: string): Promise<ResponseRow | undefined> {
  const [row] = await responseByClientId(db, tenantId, clientId);
  return row;
}

/** A replay must describe the same answer; reusing an id for a different one is a caller bug worth surfacing. */
function assertSameAnswer(existing: ResponseRow, survey: SurveyRow, submission: Submission): void {
  if (existing.surveyId !== survey.id || existing.score !== submission.score) {
    throw conflict(`The id "${submission.clientId}" was already used for a different answer.`);
  }
}

/**
 * Records an answer exactly once per (tenant, clientId). The customer upsert and the response
 * insert go in one batch, so a failure leaves neither behind. Returns `created: false` for replays.
 */
export async function submitResponse(
  db: Database,
  tenantId: string,
  survey: SurveyRow,
  submission: Submission,
  onCreated: ResponseCreated,
): Promise<{ row: ResponseRow; created: boolean }> {
  assertScore(survey, submission.score);
  const existing = await findByClientId(db, tenantId, submission.clientId);
  if (existing) {
    assertSameAnswer(existing, survey, submission);
    return { row: existing, created: false };
  }
  return insertResponse(db, tenantId, survey, submission, onCreated);
}

/**
 * `submitResponse` for callers that have just looked the client id up and found nothing. A
 * concurrent request with the same client id may still win the insert; then its row is returned.
 */
export async function insertResponse(
  db: Database,
  tenantId: string,
  survey: SurveyRow,
  submission: Submission,
  onCreated: ResponseCreated,
): Promise<{ row: ResponseRow; created: boolean }> {
  const now = Date.now();
  const id = newId('rsp', now);
  const createdAt = submission.occurredAt ?? now;
  const ref = submission.customer;
  const insert = db
    .insert(responses)
    .values({
      id,
      tenantId,
      surveyId: survey.id,
      customerId: ref ? customerIdOf(tenantId, ref) : null,
      clientId: submission.clientId,
      score: submission.score,
      category: categorize(survey.kind, submission.score),
      ...commentColumns(submission.comment),
      channel: submission.channel,
      locale: submission.locale ?? ref?.locale ?? null,
      pageUrl: submission.pageUrl ?? null,
      referrer: submission.referrer ?? null,
      device: submission.device ?? null,
      properties: submission.properties ?? {},
      createdAt,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [responses.tenantId, responses.clientId] })
    .returning();

  const rollups = await responseRollups(db, tenantId, { id, createdAt });
  let inserted: ResponseRow[];
  try {
    inserted = ref
      ? (await db.batch([upsertCustomerStatement(db, tenantId, ref, now), insert, ...rollups]))[1]
      : (await db.batch([insert, ...rollups]))[0];
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Another customer of this tenant already has this email.');
    throw error;
  }

  const [created] = inserted;
  if (!created) {
    // A concurrent request with the same clientId won the insert; its row is the answer.
    const stored = (await findByClientId(db, tenantId, submission.clientId))!;
    assertSameAnswer(stored, survey, submission);
    return { row: stored, created: false };
  }
  await awardSurveyAnswered(db, tenantId, created);
  onCreated(created);
  return { row: created, created: true };
}
