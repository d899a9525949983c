// What the widget's loyalty panel shows a verified member: balances and tier, how to earn, the rewards.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { loyaltyRewardClaims, loyaltyRewards, loyaltyRules } from '../db/schema';
import { findCustomerIdByKey, findMemberRow } from './members';
import type { Catalogue, PanelMember, UnavailableReason, WaysToEarn } from './member-schemas';
import { describeReward, describeRule, type Language } from './member-words';
import { getSettings } from './settings';
import { memberView } from './view';

/** A catalogue longer than this is not browsable in a panel anyway; the cheapest come first. */
const MAX_PANEL_REWARDS = 50;
/** Stands for a customer the shop has not reported yet: no row matches it, so every figure is zero. */
const UNKNOWN_CUSTOMER = 'cus_unknown';

const customerIdOf = (db: Database, tenantId: string, externalId: string) => findCustomerIdByKey(db, tenantId, { externalId });

export async function panelMember(
  db: Database,
  tenantId: string,
  externalId: string,
  now = Date.now(),
): Promise<z.infer<typeof PanelMember>> {
  const customerId = (await customerIdOf(db, tenantId, externalId)) ?? UNKNOWN_CUSTOMER;
  const [{ customerId: _internal, ...view }, settings] = await Promise.all([
    memberView(db, tenantId, customerId, now),
    getSettings(db, tenantId),
  ]);
  return { ...view, currency: settings.currency, tierMetric: settings.tierMetric };
}

/** Rules that pay right now, in plain words. */
export async function waysToEarn(
  db: Database,
  tenantId: string,
  lang: Language,
  now = Date.now(),
): Promise<z.infer<typeof WaysToEarn>> {
  const [rules, settings] = await Promise.all([
    db
      .select()
      .from(loyaltyRules)
      .where(and(eq(loyaltyRules.tenantId, tenantId), eq(loyaltyRules.active, true)))
      .orderBy(asc(loyaltyRules.createdAt), asc(loyaltyRules.id)),
    getSettings(db, tenantId),
  ]);
  const current = rules.filter(
    (rule) => (rule.startsAt === null || rule.startsAt <= now) && (rule.endsAt === null || now < rule.endsAt),
  );
  return {
    ways: current.map((rule) => ({
      eventType: rule.eventType,
      title: rule.name,
      description: describeRule(rule, settings, lang),
    })),
  };
}

/** Active rewards with what stands between this member and each one. */
export async function memberCatalogue(
  db: Database,
  tenantId: string,
  externalId: string,
  lang: Language,
): Promise<z.infer<typeof Catalogue>> {
  const customerId = (await customerIdOf(db, tenantId, externalId)) ?? UNKNOWN_CUSTOMER;
  const [rewards, claims, member, settings] = await Promise.all([
    db
      .select()
      .from(loyaltyRewards)
      .where(and(eq(loyaltyRewards.tenantId, tenantId), eq(loyaltyRewards.active, true)))
      .orderBy(asc(loyaltyRewards.cost), asc(loyaltyRewards.id))
      .limit(MAX_PANEL_REWARDS),
    db
      .select({ rewardId: loyaltyRewardClaims.rewardId, count: loyaltyRewardClaims.count })
      .from(loyaltyRewardClaims)
      .where(and(eq(loyaltyRewardClaims.tenantId, tenantId), eq(loyaltyRewardClaims.customerId, customerId))),
    findMemberRow(db, tenantId, customerId),
    getSettings(db, tenantId),
  ]);
  const claimed = new Map(claims.map((claim) => [claim.rewardId, claim.count]));
  const available = member?.available ?? 0;
  return {
    rewards: rewards.map((reward) => {
      const reason: UnavailableReason | null =
        reward.stock === 0
          ? 'stock'
          : reward.perCustomerLimit !== null && (claimed.get(reward.id) ?? 0) >= reward.perCustomerLimit
            ? 'limit'
            : available < reward.cost
              ? 'points'
              : null;
      return {
        id: reward.id,
        name: reward.name,
        kind: reward.kind,
        description: describeReward(reward, settings.currency, lang),
        cost: reward.cost,
        redeemable: reason === null,
        unavailableReason: reason,
      };
    }),
  };
}
