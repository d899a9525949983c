import { and, eq, gte, isNotNull, lt, notExists, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { loyaltyEvents, loyaltyRules, responses } from '../db/schema';
import { describeError } from '../db/errors';
import { toIso } from '../shared/time';
import { recordEventFor } from './earn';
import { ensureMemberRow } from './members';

type AnsweredResponse = { id: string; customerId: string | null; createdAt: number };

/** The loyalty event id of a response's award: `response:<response id>`. */
const EVENT_ID_PREFIX = 'response:';

/**
 * Pays the tenant's `survey_answered` rule for a new response of a known customer. The event id
 * is derived from the response id, so the response earns once, however often it is retried or edited.
 * A loyalty failure must not lose the answer, so it is logged, not thrown; `awardMissedSurveyAnswers` retries it.
 */
export async function awardSurveyAnswered(db: Database, tenantId: string, response: AnsweredResponse): Promise<void> {
  if (!response.customerId) return;
  try {
    await ensureMemberRow(db, tenantId, response.customerId, Date.now());
    await recordEventFor(db, tenantId, response.customerId, {
      id: `${EVENT_ID_PREFIX}${response.id}`,
      type: 'survey_answered',
      occurredAt: toIso(Math.min(response.createdAt, Date.now())),
    });
  } catch (error) {
    console.error(JSON.stringify({ message: 'survey_answered award failed', tenantId, responseId: response.id, error: describeError(error) }));
  }
}

/** How far back the sweep looks: a lost award is retried by every run for this long. */
export const MISSED_AWARD_WINDOW_MS = 6 * 60 * 60_000;
/** Younger answers may still have their award in flight; the event id would make a second try harmless, only wasted. */
const IN_FLIGHT_MS = 5 * 60_000;
const SWEEP_LIMIT = 200;

/**
 * Scheduled: pays the awards that the answer's own request failed to book (it logs and moves on), for answers of
 * the last few hours in workspaces with an active `survey_answered` rule.
 */
export async function awardMissedSurveyAnswers(db: Database, now: number): Promise<void> {
  const booked = db
    .select({ one: sql`1` })
    .from(loyaltyEvents)
    .where(and(eq(loyaltyEvents.tenantId, responses.tenantId), eq(loyaltyEvents.eventId, sql`${EVENT_ID_PREFIX} || ${responses.id}`)));
  const missed = await db
    .select({ tenantId: responses.tenantId, id: responses.id, customerId: responses.customerId, createdAt: responses.createdAt })
    .from(loyaltyRules)
    .innerJoin(responses, eq(responses.tenantId, loyaltyRules.tenantId))
    .where(
      and(
        eq(loyaltyRules.eventType, 'survey_answered'),
        eq(loyaltyRules.active, true),
        gte(responses.createdAt, now - MISSED_AWARD_WINDOW_MS),
        lt(responses.createdAt, now - IN_FLIGHT_MS),
        isNotNull(responses.customerId),
        notExists(booked),
      ),
    )
    .limit(SWEEP_LIMIT);
  for (const response of missed) await awardSurveyAnswered(db, response.tenantId, response);
}
