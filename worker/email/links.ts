import type { Database } from '../db/client';
import type { SecretBox } from '../shared/secret-box';
import { DAY_MS } from '../shared/time';
import type { CampaignRow } from './campaigns';
import { currentSigningKey } from './signing-keys';
import { signLink } from './tokens';

/** Path segment of the honeypot link: hidden in the email, so only machines ever request it. */
export const HONEYPOT_SEGMENT = 'h';

export interface RecipientLinks {
  token: string;
  score: (score: number) => string;
  honeypot: string;
  unsubscribe: string;
}

/** Links stay valid `linkValidDays` after the campaign started (or after now, for a preview of a draft). */
export async function linksFor(
  db: Database,
  secrets: SecretBox,
  campaign: CampaignRow,
  recipientId: string,
  now: number,
): Promise<RecipientLinks> {
  const key = await currentSigningKey(db, secrets, campaign.tenantId);
  const expiresAt = (campaign.startedAt ?? now) + campaign.linkValidDays * DAY_MS;
  const token = await signLink(key, { tenantId: campaign.tenantId, campaignId: campaign.id, recipientId, expiresAt });
  return {
    token,
    score: (score) => `${campaign.baseUrl}/r/${token}/${score}`,
    honeypot: `${campaign.baseUrl}/r/${token}/${HONEYPOT_SEGMENT}`,
    unsubscribe: `${campaign.baseUrl}/u/${token}`,
  };
}
