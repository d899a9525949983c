import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailRecipients, responses } from '../db/schema';
import { Problem } from '../http/problem';
import { withResponseRollups } from '../metrics/rollups';
import { categorize } from '../responses/scoring';
import type { ResponseCreated } from '../responses/announce';
import { commentColumns } from '../responses/comment-analysis';
import { findByClientId, submitResponse } from '../responses/submit';
import type { RecipientContext } from './recipient-context';

/** One response per recipient and campaign: every human choice lands on this client id. */
export const answerClientId = (campaignId: string, recipientId: string) => `email:${campaignId}:${recipientId}`;

/**
 * Records a human's score (and comment, when given). The first choice goes through
 * `submitResponse` (customer upsert, idempotency, the `survey.answered` hook); later choices
 * replace score and comment on that same response, so nothing is rewarded twice.
 */
export async function recordAnswer(
  db: Database,
  context: RecipientContext,
  score: number,
  comment: string | undefined,
  now: number,
  onCreated: ResponseCreated,
): Promise<string> {
  const { campaign, recipient, survey, customer } = context;
  const tenantId = campaign.tenantId;
  const clientId = answerClientId(campaign.id, recipient.id);
  const ref = customer.externalId ? { externalId: customer.externalId } : customer.email ? { email: customer.email } : undefined;

  let response = await findByClientId(db, tenantId, clientId);
  if (!response) {
    try {
      const { row, created } = await submitResponse(
        db,
        tenantId,
        survey,
        { clientId, score, comment, customer: ref, channel: 'email', locale: context.locale },
        onCreated,
      );
      if (created) {
        await markAnswered(db, context, row.id, now);
        return row.id;
      }
      response = row;
    } catch (error) {
      // A concurrent first choice with a different score won; this one replaces it below.
      if (!(error instanceof Problem && error.status === 409)) throw error;
      response = await findByClientId(db, tenantId, clientId);
      if (!response) throw error;
    }
  }
  const update = db
    .update(responses)
    .set({
      score,
      category: categorize(survey.kind, score),
      ...(comment === undefined ? {} : commentColumns(comment)),
      updatedAt: now,
    })
    .where(and(eq(responses.tenantId, tenantId), eq(responses.id, response.id)));
  // The metrics rollups take the old score's contribution back and add the new one, in the same batch.
  await db.batch([...(await withResponseRollups(db, tenantId, response, update)), markAnswered(db, context, response.id, now)]);
  return response.id;
}

function markAnswered(db: Database, context: RecipientContext, responseId: string, now: number) {
  return db
    .update(emailRecipients)
    .set({ status: 'answered', responseId, answeredAt: context.recipient.answeredAt ?? now, updatedAt: now })
    .where(and(eq(emailRecipients.tenantId, context.campaign.tenantId), eq(emailRecipients.id, context.recipient.id)));
}
