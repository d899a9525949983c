import { and, asc, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { customers, loyaltyBirthdays, loyaltyLots, loyaltyMembers, loyaltyRules, loyaltySettings } from '../db/schema';
import { describeError } from '../db/errors';
import { DAY_MS, toIso } from '../shared/time';
import { SYSTEM_ACTOR, recordEventFor } from './earn';
import { debitStatements, entryStatement, readSnapshot, runBatch, type Statement } from './ledger';
import { ensureMemberRow } from './members';
import { addMonths } from './points';
import { awardMissedSurveyAnswers } from './survey-link';
import type { Notify } from '../webhooks/emit';
import { announceTierChange } from './tier-hooks';
import { evaluateTier } from './tiers';

/** Work per job and run; the cron runs every 15 minutes, so a backlog drains over a few runs. */
const BATCH_LIMIT = 200;
const BIRTHDAY_CHANGE_GUARD_MS = 30 * DAY_MS;

function logFailure(job: string, error: unknown): void {
  console.error(JSON.stringify({ message: `loyalty ${job} skipped an item`, error: describeError(error) }));
}

/**
 * Pending lots whose returns window is over become available. The lot keeps only what a negative
 * balance leaves of it (as for any credit); the CASE makes a lot changed meanwhile abort the batch.
 */
export async function activatePendingLots(db: Database, now: number): Promise<void> {
  const due = await db
    .select()
    .from(loyaltyLots)
    .where(and(eq(loyaltyLots.status, 'pending'), lte(loyaltyLots.availableAt, now)))
    .orderBy(asc(loyaltyLots.availableAt))
    .limit(BATCH_LIMIT);
  for (const lot of due) {
    const points = lot.remaining;
    const available = sql`(SELECT available FROM loyalty_members WHERE tenant_id = ${lot.tenantId} AND customer_id = ${lot.customerId})`;
    const statements: Statement[] = [
      db
        .update(loyaltyLots)
        .set({
          status: 'available',
          remaining: sql`CASE WHEN ${loyaltyLots.status} = 'pending' AND ${loyaltyLots.remaining} = ${points} THEN max(0, min(${points}, ${points} + ${available})) ELSE -1 END`,
        })
        .where(and(eq(loyaltyLots.tenantId, lot.tenantId), eq(loyaltyLots.id, lot.id))),
    ];
    if (points > 0) {
      statements.push(
        db
          .update(loyaltyMembers)
          .set({ pending: sql`${loyaltyMembers.pending} - ${points}`, available: sql`${loyaltyMembers.available} + ${points}`, updatedAt: now })
          .where(and(eq(loyaltyMembers.tenantId, lot.tenantId), eq(loyaltyMembers.customerId, lot.customerId))),
        entryStatement(
          db,
          lot.tenantId,
          { customerId: lot.customerId, kind: 'activate', reason: 'pending period over', source: `activation:${lot.id}`, actor: SYSTEM_ACTOR },
          { available: points, pending: -points },
          now,
        ),
      );
    }
    await runBatch(db, statements).catch((error: unknown) => logFailure('activation', error));
  }
}

/** Per-lot expiry: what is left of a lot on its expiry date leaves the balance. */
export async function expireLots(db: Database, now: number, notify: Notify): Promise<void> {
  const due = await db
    .select({ lot: loyaltyLots })
    .from(loyaltyLots)
    .innerJoin(loyaltySettings, eq(loyaltySettings.tenantId, loyaltyLots.tenantId))
    .where(
      and(
        eq(loyaltySettings.expiryPolicy, 'lot'),
        eq(loyaltyLots.status, 'available'),
        gt(loyaltyLots.remaining, 0),
        isNotNull(loyaltyLots.expiresAt),
        lte(loyaltyLots.expiresAt, now),
      ),
    )
    .orderBy(asc(loyaltyLots.expiresAt))
    .limit(BATCH_LIMIT);
  for (const { lot } of due) {
    const reason = `lot of ${toIso(lot.createdAt).slice(0, 10)} expired`;
    try {
      await runBatch(db, expiryStatements(db, lot.tenantId, lot.customerId, [{ lotId: lot.id, take: lot.remaining }], `expiry:${lot.id}`, reason, now));
    } catch (error) {
      logFailure('expiry', error);
      continue;
    }
    await notify(lot.tenantId, 'points.expired', { customerId: lot.customerId, points: lot.remaining, reason });
  }
}

function expiryStatements(
  db: Database,
  tenantId: string,
  customerId: string,
  takes: Array<{ lotId: string; take: number }>,
  source: string,
  reason: string,
  now: number,
): Statement[] {
  const points = takes.reduce((sum, { take }) => sum + take, 0);
  return debitStatements(
    db,
    tenantId,
    { customerId, points, takes, wholeLots: true, allowNegative: false, activity: false, kind: 'expire', reason, source, actor: SYSTEM_ACTOR },
    now,
  );
}

/** Inactivity expiry: a member with no activity for N months loses the whole available balance. */
export async function expireInactiveMembers(db: Database, now: number, notify: Notify): Promise<void> {
  const candidates = await db
    .select({ member: loyaltyMembers, months: loyaltySettings.expiryMonths })
    .from(loyaltyMembers)
    .innerJoin(loyaltySettings, eq(loyaltySettings.tenantId, loyaltyMembers.tenantId))
    .where(
      and(
        eq(loyaltySettings.expiryPolicy, 'inactivity'),
        gt(loyaltyMembers.available, 0),
        // Coarse prefilter (28-day months); the exact calendar check follows.
        sql`${loyaltyMembers.lastActivityAt} <= ${now} - ${loyaltySettings.expiryMonths} * ${28 * DAY_MS}`,
      ),
    )
    .limit(BATCH_LIMIT);
  for (const { member, months } of candidates) {
    if (addMonths(member.lastActivityAt, months) > now) continue;
    const snapshot = await readSnapshot(db, member.tenantId, member.customerId);
    const takes = snapshot.lots.map((lot) => ({ lotId: lot.id, take: lot.remaining }));
    if (takes.length === 0) continue;
    const source = `expiry:inactive:${member.customerId}:${member.lastActivityAt}`;
    const reason = `no activity for ${months} months`;
    try {
      await runBatch(db, expiryStatements(db, member.tenantId, member.customerId, takes, source, reason, now));
    } catch (error) {
      logFailure('inactivity expiry', error);
      continue;
    }
    const points = takes.reduce((sum, { take }) => sum + take, 0);
    await notify(member.tenantId, 'points.expired', { customerId: member.customerId, points, reason });
  }
}

/** "MM-DD" of a moment in UTC; 29 February birthdays are paid on 28 February in other years. */
function birthdayKeysFor(now: number): string[] {
  const date = new Date(now);
  const key = toIso(now).slice(5, 10);
  const year = date.getUTCFullYear();
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  return key === '02-28' && !leap ? [key, '02-29'] : [key];
}

/**
 * Birthday awards, once per customer and year (the event id carries the year). A birthday set
 * or changed within the last 30 days pays nothing: we record when we first saw each value.
 */
export async function awardBirthdays(db: Database, now: number, notify: Notify): Promise<void> {
  const year = new Date(now).getUTCFullYear();
  const keys = birthdayKeysFor(now);
  const rows = await db
    .select({ tenantId: customers.tenantId, customerId: customers.id, birthday: customers.birthday, updatedAt: customers.updatedAt, seen: loyaltyBirthdays })
    .from(customers)
    .innerJoin(loyaltyRules, and(eq(loyaltyRules.tenantId, customers.tenantId), eq(loyaltyRules.eventType, 'birthday'), eq(loyaltyRules.active, true)))
    .leftJoin(loyaltyBirthdays, and(eq(loyaltyBirthdays.tenantId, customers.tenantId), eq(loyaltyBirthdays.customerId, customers.id)))
    .where(and(isNotNull(customers.birthday), sql`substr(${customers.birthday}, 6, 5) IN ${keys}`))
    .limit(BATCH_LIMIT);
  for (const row of rows) {
    try {
      const birthday = row.birthday!;
      let changedAt = row.seen?.changedAt ?? Math.min(row.updatedAt, now);
      if (row.seen?.birthday !== birthday) {
        changedAt = row.seen ? now : changedAt;
        await db
          .insert(loyaltyBirthdays)
          .values({ tenantId: row.tenantId, customerId: row.customerId, birthday, changedAt })
          .onConflictDoUpdate({ target: [loyaltyBirthdays.tenantId, loyaltyBirthdays.customerId], set: { birthday, changedAt } });
      }
      if (changedAt > now - BIRTHDAY_CHANGE_GUARD_MS) continue;
      await ensureMemberRow(db, row.tenantId, row.customerId, now);
      const { result, created } = await recordEventFor(db, row.tenantId, row.customerId, { id: `birthday:${row.customerId}:${year}`, type: 'birthday' }, now);
      if (created && result.points > 0) await notify(row.tenantId, 'points.earned', { customerId: row.customerId, points: result.points, reason: 'birthday' });
    } catch (error) {
      logFailure('birthday', error);
    }
  }
}

/** Members who have held their tier a full period get re-evaluated (downgrades happen here). */
export async function reevaluateTiers(db: Database, now: number, notify: Notify): Promise<void> {
  const candidates = await db
    .select({ tenantId: loyaltyMembers.tenantId, customerId: loyaltyMembers.customerId, periodDays: loyaltySettings.tierPeriodDays })
    .from(loyaltyMembers)
    .innerJoin(loyaltySettings, eq(loyaltySettings.tenantId, loyaltyMembers.tenantId))
    .where(and(isNotNull(loyaltyMembers.tierId), sql`${loyaltyMembers.tierSince} + ${loyaltySettings.tierPeriodDays} * ${DAY_MS} <= ${now}`))
    .limit(BATCH_LIMIT);
  for (const candidate of candidates) {
    try {
      const change = await evaluateTier(db, candidate.tenantId, candidate.customerId, now);
      await announceTierChange(notify, candidate.tenantId, change);
    } catch (error) {
      logFailure('tier re-evaluation', error);
    }
  }
}

/** The loyalty jobs in the order they must run: activation before expiry, both before tiers; awards before tiers too. */
export async function runLoyaltyJobs(db: Database, now: number, notify: Notify): Promise<void> {
  await activatePendingLots(db, now);
  await expireLots(db, now, notify);
  await expireInactiveMembers(db, now, notify);
  await awardBirthdays(db, now, notify);
  await awardMissedSurveyAnswers(db, now);
  await reevaluateTiers(db, now, notify);
}
