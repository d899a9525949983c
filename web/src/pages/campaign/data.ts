// The campaign shapes the dashboard reads, straight from the API's schemas, and the numbers derived from them.
import type { z } from 'zod';
import { api, type Page, withQuery } from '../../api';
import type { Campaign, CampaignWithStats, ImportReport, Recipient, RecipientStatus } from '../../../../worker/email/schemas';

export type CampaignItem = z.infer<typeof Campaign>;
export type CampaignDetail = z.infer<typeof CampaignWithStats>;
export type RecipientItem = z.infer<typeof Recipient>;
export type { ImportReport, RecipientStatus };

export const campaignPath = (id: string, rest = '') => `/api/campaigns/${encodeURIComponent(id)}${rest}`;

export const loadCampaign = (id: string) => api<CampaignDetail>(campaignPath(id));

export const loadRecipients = (id: string, cursor: string | null) =>
  api<Page<RecipientItem>>(withQuery(campaignPath(id, '/recipients'), { limit: 50, cursor }));

/** Statuses a recipient reaches only after its email went out. */
const SENT: readonly RecipientStatus[] = ['sent', 'clicked', 'answered', 'bounced', 'unsubscribed'];

export interface Totals {
  recipients: number;
  /** Handed to the sending queue: everyone except those still waiting for the start and those skipped. */
  queued: number;
  sent: number;
  answered: number;
}

export function totals({ recipients, answered }: CampaignDetail['stats']): Totals {
  const all = Object.values(recipients).reduce((sum, n) => sum + n, 0);
  return {
    recipients: all,
    queued: all - recipients.pending - recipients.skipped,
    sent: SENT.reduce((sum, status) => sum + recipients[status], 0),
    answered,
  };
}

/** Delivery and answers keep changing after the start (answers for days), so only drafts are not refreshed. */
export const LIVE_REFRESH_MS = 5000;
export const isLive = (campaign: CampaignItem) => campaign.status !== 'draft';
