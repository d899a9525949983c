/** Queue names as in wrangler.toml. */
export const SEND_QUEUE = 'rapport-email';
export const SEND_DEAD_LETTER_QUEUE = 'rapport-email-dlq';

/** One email to one recipient; the consumer loads everything else, so a message holds no personal data. */
export interface SendMessage {
  tenantId: string;
  campaignId: string;
  recipientId: string;
}
