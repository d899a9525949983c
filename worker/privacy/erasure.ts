import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import {
  customers,
  emailHits,
  emailRecipients,
  idempotencyKeys,
  loyaltyBirthdays,
  loyaltyEntries,
  loyaltyMembers,
  metricSegmentDaily,
  privacyErasures,
  responses,
  webhookDeliveries,
  widgetEvents,
} from '../db/schema';
import { findCustomer } from '../customers/repository';
import { recomputeTenant } from '../metrics/recompute';
import { type Statement, withResponseRollups } from '../metrics/rollups';
import type { Principal } from '../env';
import { newId } from '../shared/ids';
import { rowsOfCustomer, widgetSubjectsOf } from './customer-rows';
import { erasedReferralCode, ERASED_BODY, identifyingNeedles } from './erasure-values';

type CustomerRow = typeof customers.$inferSelect;

/** Who an erasure is recorded against: an id, never a name or an email. */
export const erasureActor = (principal: Principal): string =>
  principal.type === 'key' ? `key:${principal.keyId}` : `user:${principal.userId}`;

/**
 * Every write of one erasure, for one atomic batch. Personal data goes; what the tenant's numbers are
 * made of stays (scores, categories, channels, dates, order amounts, ledger deltas and balances), so
 * metrics and the points liability add up the same before and after.
 */
async function erasureStatements(db: Database, tenantId: string, customer: CustomerRow, actor: string, now: number) {
  const customerId = customer.id;
  const ofCustomer = rowsOfCustomer(tenantId, customerId);
  const subjects = await widgetSubjectsOf(tenantId, customer);
  const needles = identifyingNeedles(customer);
  const blankAnswers = db
    .update(responses)
    .set({
      comment: null,
      sentiment: null,
      sentimentScore: null,
      topics: [],
      pageUrl: null,
      referrer: null,
      properties: {},
      updatedAt: now,
    })
    .where(ofCustomer(responses));
  // Segment rollups are keyed by property values (`property.plan:pro`, `customer.note:…`): each answer's
  // contribution is taken back before its properties go and added back after, so the counts move to the
  // segments that remain (device, locale) and the totals stay; values only this customer had end at zero.
  const answers = await db
    .select({ id: responses.id, createdAt: responses.createdAt })
    .from(responses)
    .where(ofCustomer(responses));
  const wrapped = await Promise.all(answers.map((answer) => withResponseRollups(db, tenantId, answer, blankAnswers)));
  const rollupsBefore = wrapped.flatMap((list) => list.slice(0, list.indexOf(blankAnswers)));
  const rollupsAfter = wrapped.flatMap((list) => list.slice(list.indexOf(blankAnswers) + 1));
  const statements: Statement[] = [
    ...rollupsBefore,
    // The external id goes too, so a later call with it creates a new, unrelated customer instead of
    // re-linking the person to this anonymised history.
    db
      .update(customers)
      .set({
        externalId: null,
        email: null,
        name: null,
        locale: null,
        birthday: null,
        properties: {},
        erasedAt: sql`coalesce(${customers.erasedAt}, ${now})`,
        updatedAt: now,
      })
      .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId))),
    blankAnswers,
    ...rollupsAfter,
    // Rows of values no one else had are now all zeros; their keys still spell the values.
    db.delete(metricSegmentDaily).where(
      and(
        eq(metricSegmentDaily.tenantId, tenantId),
        sql`${metricSegmentDaily.answered} = 0 AND ${metricSegmentDaily.promoters} = 0 AND ${metricSegmentDaily.passives} = 0
            AND ${metricSegmentDaily.detractors} = 0 AND ${metricSegmentDaily.scoreSum} = 0 AND ${metricSegmentDaily.scoreSquares} = 0`,
      ),
    ),
    db.update(emailRecipients).set({ locale: null, lastError: null, updatedAt: now }).where(ofCustomer(emailRecipients)),
    db
      .update(emailHits)
      .set({ userAgent: null })
      .where(
        and(
          eq(emailHits.tenantId, tenantId),
          inArray(
            emailHits.recipientId,
            db.select({ id: emailRecipients.id }).from(emailRecipients).where(ofCustomer(emailRecipients)),
          ),
        ),
      ),
    db.delete(loyaltyBirthdays).where(ofCustomer(loyaltyBirthdays)),
    // Hand-written adjustment reasons are free text about the person; system reasons name only orders and rewards.
    db
      .update(loyaltyEntries)
      .set({ reason: 'erased' })
      .where(and(ofCustomer(loyaltyEntries), eq(loyaltyEntries.kind, 'adjust'))),
    db
      .update(webhookDeliveries)
      .set({ payload: sql`json_set(${webhookDeliveries.payload}, '$.data', json(${ERASED_BODY}))` })
      .where(
        and(
          eq(webhookDeliveries.tenantId, tenantId),
          sql`instr(${webhookDeliveries.payload}, ${JSON.stringify(customerId)}) > 0`,
        ),
      ),
    // Stored responses of idempotent requests keep their status, so a retry still writes nothing.
    db
      .update(idempotencyKeys)
      .set({ responseBody: ERASED_BODY })
      .where(
        and(
          eq(idempotencyKeys.tenantId, tenantId),
          sql`(${sql.join(
            needles.map((needle) => sql`instr(${idempotencyKeys.responseBody}, ${needle}) > 0`),
            sql` OR `,
          )})`,
        ),
      ),
    // An unguessable code no one can type (codes are upper-cased on input), so it refers no one to this member.
    db
      .update(loyaltyMembers)
      .set({ referralCode: erasedReferralCode(customerId), updatedAt: now })
      .where(ofCustomer(loyaltyMembers)),
    db
      .insert(privacyErasures)
      .values({ id: newId('era', now), tenantId, customerId, actor, erasedAt: now })
      .onConflictDoNothing({ target: [privacyErasures.tenantId, privacyErasures.customerId] }),
  ];
  if (subjects.length > 0) {
    statements.push(
      db
        .update(widgetEvents)
        .set({ subject: null })
        .where(and(eq(widgetEvents.tenantId, tenantId), inArray(widgetEvents.subject, subjects))),
    );
  }
  return statements;
}

async function findErasure(db: Database, tenantId: string, customerId: string) {
  const [row] = await db
    .select()
    .from(privacyErasures)
    .where(and(eq(privacyErasures.tenantId, tenantId), eq(privacyErasures.customerId, customerId)))
    .limit(1);
  return row;
}

/**
 * Right to be forgotten: erases the customer's personal data everywhere in one atomic batch and records
 * who did it. 404 outside the tenant. Erasing again changes nothing and returns the first record.
 */
export async function eraseCustomer(db: Database, tenantId: string, customerId: string, actor: string, now = Date.now()) {
  const customer = await findCustomer(db, tenantId, customerId);
  const recorded = await findErasure(db, tenantId, customerId);
  if (!recorded) {
    const [first, ...rest] = await erasureStatements(db, tenantId, customer, actor, now);
    await db.batch([first!, ...rest]);
  }
  // Snapshots are computed from the rollups and may still show segments of the erased values; this
  // refresh is incremental (a no-op when nothing changed), and the scheduled recompute would do it too.
  await recomputeTenant(db, tenantId, now);
  return recorded ?? (await findErasure(db, tenantId, customerId))!;
}
