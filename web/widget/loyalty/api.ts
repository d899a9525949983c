// The member endpoints (/w/v1/loyalty/members/…), called with the publishable key and the identity hash.
import type { z } from 'zod';
import type { Catalogue, MemberRedemption, PanelMember, WaysToEarn } from '../../../worker/loyalty/member-schemas';
import type { LoyaltyContext } from '../global';
import type { Language } from './strings';

export type Member = z.infer<typeof PanelMember>;
export type Ways = z.infer<typeof WaysToEarn>['ways'];
export type Rewards = z.infer<typeof Catalogue>['rewards'];
export type Redemption = z.infer<typeof MemberRedemption>;

export interface MemberApi {
  member(): Promise<Member>;
  earning(): Promise<Ways>;
  rewards(): Promise<Rewards>;
  /** One click = one `idempotencyKey`; retrying with it never redeems twice. */
  redeem(rewardId: string, idempotencyKey: string): Promise<Redemption>;
}

export function memberApi({ key, base, who }: LoyaltyContext, lang: Language): MemberApi {
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const url = `${base}/w/v1/loyalty/members/${encodeURIComponent(String(who.id))}${path}?key=${encodeURIComponent(key)}&locale=${lang}`;
    const response = await fetch(url, { ...init, headers: { 'Rapport-Member-Hash': who.hash!, ...init.headers } });
    const body = (await response.json()) as T & { detail?: string };
    if (!response.ok) throw new Error(body.detail ?? `HTTP ${response.status}`);
    return body;
  };
  return {
    member: () => call<Member>(''),
    earning: async () => (await call<{ ways: Ways }>('/earning')).ways,
    rewards: async () => (await call<{ rewards: Rewards }>('/rewards')).rewards,
    redeem: (rewardId, idempotencyKey) =>
      call<Redemption>('/redemptions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify({ rewardId }),
      }),
  };
}
