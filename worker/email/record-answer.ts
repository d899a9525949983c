import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailRecipients, type responses } from '../db/schema';
import { Problem } from '../http/problem';
import type { ResponseCreated } from '../responses/announce';
import { rescoring, reviseResponse } from '../responses/repository';
import { findByClientId, submitResponse } from '../responses/submit';
import type { RecipientContext } from './recipient-context';

type ResponseRow = typeof responses.$inferSelect;

/** One response per recipient and campaign: every human choice lands on this client id. */
export const answerClientId = (campaignId: string, recipientId: string) => `email:${campaignId}:${recipientId}`;

/**
 * Records a human's score (and comment, when given). The first choice goes through
 * `submitResponse` (customer upsert, idempotency, the `survey.answered` hook); later choices
 * replace score and comment on that same response, so nothing is rewarded twice. Returns the response as written.
 */
export async function recordAnswer(
  db: Database,
  context: RecipientContext,
  score: number,
  comment: string | undefined,
  now: number,
  onCreated: ResponseCreated,
): Promise<ResponseRow> {
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
        return row;
      }
      response = row;
    } catch (error) {
      // A concurrent first choice with a different score won; this one replaces it below.
      if (!(error instanceof Problem && error.status === 409)) throw error;
      response = await findByClientId(db, tenantId, clientId);
      if (!response) throw error;
    }
  }
  return reviseResponse(db, response, rescoring(survey.kind, score, comment), now, [markAnswered(db, context, response.id, now)]);
}

function markAnswered(db: Database, context: RecipientContext, responseId: string, now: number) {
  return db
    .update(emailRecipients)
    .set({ status: 'answered', responseId, answeredAt: context.recipient.answeredAt ?? now, updatedAt: now })
    .where(and(eq(emailRecipients.tenantId, context.campaign.tenantId), eq(emailRecipients.id, context.recipient.id)));
}
