import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { database, type Database } from '../db/client';
import { emailRecipients } from '../db/schema';
import { describeError } from '../db/errors';
import type { Bindings } from '../env';
import { surveySentRollups } from '../metrics/rollups';
import { composeEmail } from './compose-email';
import { sendBlockers } from './eligibility';
import { secretBox, type SecretBox } from '../shared/secret-box';
import { linksFor } from './links';
import type { SendMessage } from './queue';
import { loadRecipient } from './recipient-context';
import { PermanentMailError, type MailTransport } from './transport';
import { mailTransport } from './transport-for-env';

/** A consumer that died mid-send holds the recipient this long before a redelivery may take over. */
const LEASE_MS = 5 * 60_000;
const SENDABLE = ['pending', 'queued'] as const;

/** 30 s, 60 s, 120 s … capped at an hour. */
export const retryDelaySeconds = (attempts: number) => Math.min(30 * 2 ** (attempts - 1), 3600);

const recipientWhere = (m: SendMessage) =>
  and(
    eq(emailRecipients.tenantId, m.tenantId),
    eq(emailRecipients.campaignId, m.campaignId),
    eq(emailRecipients.id, m.recipientId),
  );

type Outcome = 'done' | 'retry';

/**
 * Sends one email at most once: the recipient is claimed with a guarded update (still sendable,
 * not locked by a live consumer) before the transport is called, and marked sent right after.
 */
async function deliver(
  db: Database,
  transport: MailTransport,
  secrets: SecretBox,
  m: SendMessage,
  now: number,
): Promise<Outcome> {
  const [claimed] = await db
    .update(emailRecipients)
    .set({ lockedAt: now, updatedAt: now })
    .where(
      and(
        recipientWhere(m),
        inArray(emailRecipients.status, SENDABLE),
        or(isNull(emailRecipients.lockedAt), lt(emailRecipients.lockedAt, now - LEASE_MS)),
      ),
    )
    .returning({ id: emailRecipients.id });
  if (!claimed) {
    const [row] = await db.select({ status: emailRecipients.status }).from(emailRecipients).where(recipientWhere(m)).limit(1);
    // Gone, or already handled (a duplicate message): nothing to do. Otherwise another consumer holds it.
    return row && (SENDABLE as readonly string[]).includes(row.status) ? 'retry' : 'done';
  }
  const context = await loadRecipient(db, m.tenantId, m.campaignId, m.recipientId);
  const blocked = context
    ? (
        await sendBlockers(
          db,
          m.tenantId,
          m.campaignId,
          [{ recipientId: m.recipientId, customerId: context.customer.id, email: context.customer.email }],
          now,
        )
      ).get(m.recipientId)
    : 'skipped';
  if (!context || blocked) {
    await db
      .update(emailRecipients)
      .set({ status: blocked ?? 'skipped', lockedAt: null, updatedAt: now })
      .where(recipientWhere(m));
    return 'done';
  }
  const email = await composeEmail(context, await linksFor(db, secrets, context.campaign, m.recipientId, now));
  try {
    await transport.send(email, m.recipientId);
  } catch (error) {
    const permanent = error instanceof PermanentMailError;
    await db
      .update(emailRecipients)
      .set({
        status: permanent ? 'failed' : 'queued',
        attempts: context.recipient.attempts + 1,
        lastError: describeError(error).slice(0, 500),
        lockedAt: null,
        updatedAt: Date.now(),
      })
      .where(recipientWhere(m));
    return permanent ? 'done' : 'retry';
  }
  const sentAt = Date.now();
  await db.batch([
    db
      .update(emailRecipients)
      .set({
        status: 'sent',
        attempts: context.recipient.attempts + 1,
        lastError: null,
        lockedAt: null,
        sentAt,
        updatedAt: sentAt,
      })
      .where(recipientWhere(m)),
    ...(await surveySentRollups(db, m.tenantId, { surveyId: context.survey.id, count: 1, sentAt })),
  ]);
  return 'done';
}

/** Consumer of the send queue: each message is acknowledged or retried (with backoff) on its own. */
export async function consumeSendBatch(batch: MessageBatch<SendMessage>, env: Bindings): Promise<void> {
  const db = database(env.DB);
  const transport = mailTransport(env);
  const secrets = secretBox(env.DATA_ENCRYPTION_KEY);
  for (const message of batch.messages) {
    let outcome: Outcome;
    try {
      outcome = await deliver(db, transport, secrets, message.body, Date.now());
    } catch (error) {
      console.error(
        JSON.stringify({ message: 'email send failed', recipientId: message.body.recipientId, error: describeError(error) }),
      );
      outcome = 'retry';
    }
    if (outcome === 'done') message.ack();
    else message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
  }
}

/** Consumer of the dead-letter queue: messages that exhausted their retries mark their recipient failed. */
export async function consumeDeadLetters(batch: MessageBatch<SendMessage>, env: Bindings): Promise<void> {
  const db = database(env.DB);
  for (const message of batch.messages) {
    const now = Date.now();
    await db
      .update(emailRecipients)
      .set({ status: 'failed', lockedAt: null, updatedAt: now })
      .where(and(recipientWhere(message.body), inArray(emailRecipients.status, SENDABLE)));
    message.ack();
  }
}
