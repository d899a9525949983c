import type { Database } from '../db/client';
import { describeError } from '../db/errors';
import { toIso } from '../shared/time';
import { recordEventFor } from './earn';
import { ensureMemberRow } from './members';

/**
 * Pays the tenant's `survey_answered` rule for a new response of a known customer. The event id
 * is derived from the response id, so the response earns once, however often it is retried or edited.
 * A loyalty failure must not lose the answer, so it is logged, not thrown.
 */
export async function awardSurveyAnswered(db: Database, tenantId: string, response: { id: string; customerId: string | null; createdAt: number }): Promise<void> {
  if (!response.customerId) return;
  try {
    await ensureMemberRow(db, tenantId, response.customerId, Date.now());
    await recordEventFor(db, tenantId, response.customerId, {
      id: `response:${response.id}`,
      type: 'survey_answered',
      occurredAt: toIso(Math.min(response.createdAt, Date.now())),
    });
  } catch (error) {
    console.error(JSON.stringify({ message: 'survey_answered award failed', tenantId, responseId: response.id, error: describeError(error) }));
  }
}
