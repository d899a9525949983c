import { and, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { loyaltyEntries, loyaltyLots, loyaltyMembers } from '../db/schema';
import { pageAfter, toPage } from '../shared/cursor';
import { DAY_MS, toIso } from '../shared/time';
import { findMemberRow } from './members';
import { addMonths, currencyExponent } from './points';
import type { Settings } from './schemas';
import { getSettings } from './settings';
import { tierProgress } from './tiers';

const roundTo = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export const EXPIRING_SOON_MS = 30 * DAY_MS;

/** Points that expire within the next 30 days if nothing happens (no spending, no activity). */
async function expiringSoon(db: Database, tenantId: string, member: { customerId: string; available: number; lastActivityAt: number }, settings: Settings, now: number) {
  if (settings.expiryPolicy === 'inactivity') {
    return addMonths(member.lastActivityAt, settings.expiryMonths) <= now + EXPIRING_SOON_MS ? Math.max(0, member.available) : 0;
  }
  if (settings.expiryPolicy === 'none') return 0;
  const [row] = await db
    .select({ points: sql<number>`coalesce(sum(${loyaltyLots.remaining}), 0)` })
    .from(loyaltyLots)
    .where(
      and(
        eq(loyaltyLots.tenantId, tenantId),
        eq(loyaltyLots.customerId, member.customerId),
        eq(loyaltyLots.status, 'available'),
        lte(loyaltyLots.expiresAt, now + EXPIRING_SOON_MS),
      ),
    );
  return row?.points ?? 0;
}

export async function memberView(db: Database, tenantId: string, customerId: string, now = Date.now()) {
  const settings = await getSettings(db, tenantId);
  const member = (await findMemberRow(db, tenantId, customerId)) ?? {
    customerId,
    available: 0,
    pending: 0,
    lifetimeEarned: 0,
    lastActivityAt: now,
    referralCode: null,
    tierId: null,
  };
  return {
    customerId,
    available: member.available,
    pending: member.pending,
    expiringSoon: await expiringSoon(db, tenantId, member, settings, now),
    lifetimeEarned: member.lifetimeEarned,
    referralCode: member.referralCode,
    tier: await tierProgress(db, tenantId, customerId, member.tierId, settings, now),
  };
}

type EntryRow = typeof loyaltyEntries.$inferSelect;
export const entryView = (row: EntryRow) => ({
  id: row.id,
  kind: row.kind,
  availableDelta: row.availableDelta,
  pendingDelta: row.pendingDelta,
  reason: row.reason,
  source: row.source,
  actor: row.actor,
  createdAt: toIso(row.createdAt),
});

export async function listTransactions(db: Database, tenantId: string, customerId: string, query: { cursor?: string | undefined; limit: number }) {
  const { where, orderBy } = pageAfter(loyaltyEntries, query.cursor);
  const rows = await db
    .select()
    .from(loyaltyEntries)
    .where(and(eq(loyaltyEntries.tenantId, tenantId), eq(loyaltyEntries.customerId, customerId), where))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, entryView);
}

/** Outstanding points and what they would cost the tenant; debts (negative balances) are not assets. */
export async function liability(db: Database, tenantId: string) {
  const settings = await getSettings(db, tenantId);
  const [row] = await db
    .select({
      available: sql<number>`coalesce(sum(max(${loyaltyMembers.available}, 0)), 0)`,
      pending: sql<number>`coalesce(sum(${loyaltyMembers.pending}), 0)`,
    })
    .from(loyaltyMembers)
    .where(eq(loyaltyMembers.tenantId, tenantId));
  const available = row?.available ?? 0;
  const pending = row?.pending ?? 0;
  return {
    currency: settings.currency,
    pointValue: settings.pointValue,
    available,
    pending,
    value: roundTo((available + pending) * settings.pointValue, currencyExponent(settings.currency)),
  };
}
