import { z } from 'zod';
import { Customer } from '../customers/schemas';
import { CustomerOrder } from '../customers/order-schema';
import { RECIPIENT_STATUSES } from '../email/schemas';
import { Entry, Member, Redemption, Referral } from '../loyalty/schemas';
import { Device, SurveyResponse } from '../responses/schemas';

/** The record types of a workspace export, in the order they appear (one NDJSON line per record). */
export const EXPORT_RECORD_TYPES = [
  'tenant',
  'user',
  'api_key',
  'survey',
  'customer',
  'response',
  'widget_event',
  'loyalty_settings',
  'loyalty_rule',
  'loyalty_tier',
  'loyalty_member',
  'loyalty_entry',
  'loyalty_order',
  'loyalty_event',
  'loyalty_reward',
  'loyalty_redemption',
  'loyalty_referral',
  'email_settings',
  'email_campaign',
  'email_recipient',
  'email_suppression',
  'metric_settings',
  'goal',
  'webhook_endpoint',
  'privacy_erasure',
] as const;
export type ExportRecordType = (typeof EXPORT_RECORD_TYPES)[number];

/** First line of an export, then one per record, then `end` with the record count (a missing `end` = truncated). */
export type ExportLine =
  | { type: 'export'; data: { tenantId: string; exportedAt: string; format: 1 } }
  | { type: ExportRecordType; data: Record<string, unknown> }
  | { type: 'end'; data: { records: number } };

export const CustomerEmail = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  status: z.enum(RECIPIENT_STATUSES),
  sentAt: z.string().nullable(),
  clickedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const CustomerWidgetEvent = z.object({
  surveyId: z.string(),
  kind: z.string(),
  locale: z.string().nullable(),
  device: Device.nullable(),
  createdAt: z.string(),
});

/** Everything the workspace holds about one customer (right of access). */
export const CustomerExport = z
  .object({
    exportedAt: z.string(),
    customer: Customer,
    responses: z.array(SurveyResponse),
    orders: z.array(CustomerOrder),
    loyalty: z.object({
      member: Member.nullable(),
      entries: z.array(Entry),
      redemptions: z.array(Redemption),
      referrals: z.array(Referral),
    }),
    emails: z.array(CustomerEmail),
    widgetEvents: z.array(CustomerWidgetEvent),
  })
  .meta({
    description: 'Everything stored about one customer; responses, orders and ledger entries newest first, as their lists are.',
  });
export type CustomerExport = z.infer<typeof CustomerExport>;

export const Erasure = z.object({
  id: z.string(),
  customerId: z.string(),
  actor: z.string(),
  erasedAt: z.string(),
});
export type Erasure = z.infer<typeof Erasure>;
