import { z } from 'zod';
import { Email, Locale, Timestamp } from '../shared/schemas';

/** sending: recipients are being queued; sent: every recipient was queued or skipped. */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'sent'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** pending: imported, campaign not started; skipped: suppressed or inside the resurvey window at send time. */
export const RECIPIENT_STATUSES = [
  'pending',
  'queued',
  'sent',
  'failed',
  'bounced',
  'unsubscribed',
  'skipped',
  'clicked',
  'answered',
] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export const SUPPRESSION_REASONS = ['unsubscribed', 'bounced'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export type HitKind = 'open' | 'honeypot' | 'confirm' | 'form';
export type HitVerdict = 'evidence' | 'filtered' | 'counted';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const CampaignLocaleTexts = z.strictObject({
  subject: Text(200),
  intro: Text(2000).optional().meta({ description: 'A short paragraph above the question.' }),
});
export const CampaignTexts = z
  .record(Locale, CampaignLocaleTexts)
  .refine((texts) => Object.keys(texts).length > 0, 'at least one locale is required');
export type CampaignTexts = z.infer<typeof CampaignTexts>;

export const CreateCampaign = z.strictObject({
  surveyId: z.string().min(1).max(64),
  name: Text(200),
  fromName: Text(100),
  fromEmail: Email,
  replyTo: Email.optional(),
  texts: CampaignTexts,
  sendAt: Timestamp.optional().meta({ description: 'When to start sending; omit to start with POST /campaigns/{id}/start.' }),
  linkValidDays: z.number().int().min(1).max(365).default(30),
});
export type CreateCampaign = z.infer<typeof CreateCampaign>;

export const Campaign = z.object({
  id: z.string(),
  surveyId: z.string(),
  name: z.string(),
  fromName: z.string(),
  fromEmail: z.string(),
  replyTo: z.string().nullable(),
  texts: CampaignTexts,
  status: z.enum(CAMPAIGN_STATUSES),
  sendAt: z.string().nullable(),
  linkValidDays: z.number().int(),
  startedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const CampaignStats = z.object({
  recipients: z.record(z.enum(RECIPIENT_STATUSES), z.number().int()),
  answered: z.number().int(),
  filteredHits: z.number().int().meta({ description: 'Link hits judged scanner-like (never counted as answers).' }),
  filteredRecipients: z.number().int(),
});
export const CampaignWithStats = Campaign.extend({ stats: CampaignStats });

export const RecipientInput = z.strictObject({
  email: z.string().max(320),
  name: z.string().trim().min(1).max(200).optional(),
  locale: Locale.optional(),
});
export type RecipientInput = z.infer<typeof RecipientInput>;

export const AddRecipients = z.strictObject({ recipients: z.array(RecipientInput).min(1).max(1000) });

export const REJECTION_REASONS = ['invalid_email', 'invalid_row', 'duplicate', 'unsubscribed', 'bounced', 'resurvey_window'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const ImportReport = z.object({
  accepted: z.number().int(),
  rejected: z.array(
    z.object({
      line: z.number().int().meta({ description: 'CSV line number (header = 1), or 1-based position in the JSON array.' }),
      reason: z.enum(REJECTION_REASONS),
      message: z.string(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const Recipient = z.object({
  id: z.string(),
  customerId: z.string(),
  email: z.string().nullable(),
  locale: z.string().nullable(),
  status: z.enum(RECIPIENT_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  responseId: z.string().nullable(),
  sentAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const EmailSettings = z.object({ resurveyDays: z.number().int() });
export const UpdateEmailSettings = z.strictObject({ resurveyDays: z.number().int().min(0).max(3650) });

export const AddSuppression = z.strictObject({ email: Email, reason: z.enum(SUPPRESSION_REASONS) });
