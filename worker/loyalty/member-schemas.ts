import { z } from 'zod';
import { ExternalId, Locale } from '../shared/schemas';
import { PublishableKey } from '../widget/schemas';
import { Member, REWARD_KINDS, TIER_METRICS } from './schemas';

/** The header that carries the member's identity hash (kept out of URLs, so out of access logs). */
export const MEMBER_HASH_HEADER = 'Rapport-Member-Hash';

export const MemberSecret = z.object({
  secret: z.string().meta({
    description:
      'Sign each customer id with it on your server: lowercase hex HMAC-SHA256 of the id, keyed with this whole string. Never put it in a page.',
  }),
  createdAt: z.string().meta({ description: 'When this secret was generated (first read or last rotation).' }),
});

export const RotatedMemberSecret = z.object({
  createdAt: z.string().meta({ description: 'When the new secret was generated; read it with GET /v1/loyalty/member-secret.' }),
});

export const MemberParam = z.object({
  id: ExternalId.meta({ description: "Your customer id, as passed to `rapport('identify', { id, hash })`." }),
});

export const MemberQuery = z.object({
  key: PublishableKey.meta({ description: 'The publishable key (rk_pk_…).' }),
  locale: Locale.optional().meta({ description: 'Language of the plain-words texts (`en`, `ru`); else the account default.' }),
});

export const MemberHashHeaders = z.object({
  'rapport-member-hash': z.string().max(128).meta({
    description: 'Hex HMAC-SHA256 of the customer id, keyed with the member identity secret (computed by your server).',
  }),
});

export const PanelMember = Member.omit({ customerId: true }).extend({
  currency: z.string(),
  tierMetric: z.enum(TIER_METRICS).meta({
    description: 'What tier progress counts: `points` earned, or eligible `spend` in minor units of `currency`.',
  }),
});

export const WaysToEarn = z.object({
  ways: z.array(
    z.object({
      eventType: z.string(),
      title: z.string().meta({ description: 'The rule’s name, as the tenant wrote it.' }),
      description: z.string().meta({ description: 'What earns how many points, in plain words in the requested language.' }),
    }),
  ),
});

export const UNAVAILABLE_REASONS = ['points', 'stock', 'limit'] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

export const Catalogue = z.object({
  rewards: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(REWARD_KINDS),
      description: z.string().meta({ description: 'What the reward is worth, in plain words.' }),
      cost: z.number().int(),
      redeemable: z.boolean(),
      unavailableReason: z.enum(UNAVAILABLE_REASONS).nullable().meta({
        description:
          '`points`: not enough available points; `stock`: out of stock; `limit`: this member reached the per-customer limit.',
      }),
    }),
  ),
});

export const MemberRedeemInput = z.strictObject({ rewardId: z.string().min(1).max(64) });

export const MemberRedemption = z.object({
  id: z.string(),
  rewardId: z.string(),
  reward: z.string().meta({ description: 'The reward’s name.' }),
  code: z.string().meta({ description: 'The unique code to use at checkout.' }),
  cost: z.number().int(),
  available: z.number().int().meta({ description: 'Available points after this redemption.' }),
});
