import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { customers, loyaltyMembers, loyaltyOrders, loyaltyReferrals } from '../db/schema';
import { conflict, unprocessable } from '../http/problem';
import { toIso, toIsoOrNull } from '../shared/time';
import { capStatements, SYSTEM_ACTOR } from './earn';
import { creditStatements, runBatch, violatedConstraint, type Statement } from './ledger';
import { ensureMember } from './members';
import { lotExpiry } from './points';
import { findPayingRule } from './rules';
import type { CustomerKey } from './schemas';
import { getSettings } from './settings';

type ReferralRow = typeof loyaltyReferrals.$inferSelect;

export const referralView = (row: ReferralRow) => ({
  referrerId: row.referrerId,
  refereeId: row.refereeId,
  createdAt: toIso(row.createdAt),
  rewardedAt: toIsoOrNull(row.rewardedAt),
});

/** Same mailbox: case and "+tag" do not make a second person. */
const mailbox = (email: string | null) => (email ? email.toLowerCase().replace(/\+[^@]*@/, '@') : null);

const refused = (path: string, detail: string) => unprocessable(detail, [{ path, message: detail }]);

/** Links a new customer to the member whose code they used. Rewards follow their first paid order. */
export async function createReferral(db: Database, tenantId: string, input: { customer: CustomerKey; code: string }): Promise<ReferralRow> {
  const [referrer] = await db
    .select({ customerId: loyaltyMembers.customerId, email: customers.email })
    .from(loyaltyMembers)
    .innerJoin(customers, eq(customers.id, loyaltyMembers.customerId))
    .where(and(eq(loyaltyMembers.tenantId, tenantId), eq(loyaltyMembers.referralCode, input.code)))
    .limit(1);
  if (!referrer) throw refused('code', 'No member has this referral code.');
  const now = Date.now();
  const { customerId: refereeId } = await ensureMember(db, tenantId, input.customer, now);
  const [referee] = await db.select({ email: customers.email }).from(customers).where(and(eq(customers.tenantId, tenantId), eq(customers.id, refereeId))).limit(1);
  const sameEmail = mailbox(referee?.email ?? null) !== null && mailbox(referee?.email ?? null) === mailbox(referrer.email);
  if (refereeId === referrer.customerId || sameEmail) throw refused('customer', 'Members cannot refer themselves.');
  const [paid] = await db
    .select({ orderId: loyaltyOrders.orderId })
    .from(loyaltyOrders)
    .where(and(eq(loyaltyOrders.tenantId, tenantId), eq(loyaltyOrders.customerId, refereeId)))
    .limit(1);
  if (paid) throw refused('customer', 'Only customers without orders can be referred.');
  const inserted = await db
    .insert(loyaltyReferrals)
    .values({ tenantId, refereeId, referrerId: referrer.customerId, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) throw conflict('This customer was already referred.');
  return inserted[0]!;
}

/**
 * Called after a referee's first paid order: pays the referee and, within the rule's monthly cap
 * per referrer, the referrer. Unique ledger sources make it pay at most once per referral.
 * Returns the referrer's id when the referrer was paid.
 */
export async function rewardReferral(db: Database, tenantId: string, refereeId: string): Promise<string | null> {
  const [referral] = await db
    .select()
    .from(loyaltyReferrals)
    .where(and(eq(loyaltyReferrals.tenantId, tenantId), eq(loyaltyReferrals.refereeId, refereeId), isNull(loyaltyReferrals.rewardedAt)))
    .limit(1);
  if (!referral) return null;
  const now = Date.now();
  const rule = await findPayingRule(db, tenantId, 'referral', now);
  const settings = await getSettings(db, tenantId);
  const markRewarded = db
    .update(loyaltyReferrals)
    .set({ rewardedAt: now })
    .where(and(eq(loyaltyReferrals.tenantId, tenantId), eq(loyaltyReferrals.refereeId, refereeId), isNull(loyaltyReferrals.rewardedAt)));
  const credit = (customerId: string, points: number, role: 'referrer' | 'referee'): Statement[] =>
    points > 0
      ? creditStatements(
          db,
          tenantId,
          {
            customerId,
            points,
            availableAt: now,
            expiresAt: lotExpiry(settings, now),
            earnedAt: now,
            earned: true,
            kind: 'earn',
            reason: role === 'referrer' ? 'referral: a referred customer placed a first order' : 'referral: welcome reward for a first order',
            source: `referral:${refereeId}:${role}`,
            actor: SYSTEM_ACTOR,
            ruleId: rule?.id ?? null,
          },
          now,
        ).statements
      : [];
  const refereePart = [markRewarded, ...(rule ? credit(refereeId, rule.refereePoints ?? 0, 'referee') : [])];
  if (!rule) {
    await runBatch(db, refereePart);
    return null;
  }
  try {
    await runBatch(db, [...refereePart, ...capStatements(db, tenantId, rule, referral.referrerId, now), ...credit(referral.referrerId, rule.points, 'referrer')]);
    return rule.points > 0 ? referral.referrerId : null;
  } catch (error) {
    const constraint = violatedConstraint(error);
    if (constraint === 'source') return null;
    if (constraint !== 'loyalty_rule_usage_cap') throw error;
    // The referrer reached this month's limit: the referee is still welcomed.
    await runBatch(db, refereePart);
    return null;
  }
}
