import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  apiKeys,
  customers,
  emailCampaigns,
  emailRecipients,
  emailSettings,
  emailSuppressions,
  loyaltyEntries,
  loyaltyEvents,
  loyaltyMembers,
  loyaltyOrders,
  loyaltyRedemptions,
  loyaltyReferrals,
  loyaltyRewards,
  loyaltyRules,
  loyaltySettings,
  loyaltyTiers,
  metricGoals,
  metricSettings,
  privacyErasures,
  responses,
  surveys,
  users,
  webhookEndpoints,
  widgetEvents,
} from '../db/schema';
import type { ExportRecordType } from './schemas';

/** One tenant-owned table of the workspace export. */
export interface ExportTable {
  type: Exclude<ExportRecordType, 'tenant'>;
  table: SQLiteTable & { tenantId: unknown };
  /**
   * Properties (NOT NULL, unique together) that order the rows. Where they follow tenant_id in one of
   * the table's indexes, each page is an index range read after the previous page's last key.
   */
  keys: readonly string[];
  /** Properties never exported: secrets and hashes of secrets. */
  omit?: readonly string[];
}

/**
 * What a workspace export contains. Left out on purpose: secrets (loyalty member secret, email
 * signing keys, webhook signing secrets, password and key hashes, sessions), request bookkeeping
 * (idempotency keys), logs (webhook deliveries, email link hits, alerts) and what is derived from the
 * records below (metric rollups and snapshots, loyalty lots, caps and claims counters).
 */
export const EXPORT_TABLES: readonly ExportTable[] = [
  { type: 'user', table: users, keys: ['id'], omit: ['passwordHash'] },
  { type: 'api_key', table: apiKeys, keys: ['createdAt', 'id'], omit: ['keyHash'] },
  { type: 'survey', table: surveys, keys: ['createdAt', 'id'] },
  { type: 'customer', table: customers, keys: ['createdAt', 'id'] },
  { type: 'response', table: responses, keys: ['createdAt', 'id'] },
  { type: 'widget_event', table: widgetEvents, keys: ['surveyId', 'kind', 'createdAt', 'id'] },
  { type: 'loyalty_settings', table: loyaltySettings, keys: ['tenantId'] },
  { type: 'loyalty_rule', table: loyaltyRules, keys: ['createdAt', 'id'] },
  { type: 'loyalty_tier', table: loyaltyTiers, keys: ['threshold'] },
  { type: 'loyalty_member', table: loyaltyMembers, keys: ['customerId'] },
  { type: 'loyalty_entry', table: loyaltyEntries, keys: ['customerId', 'createdAt', 'id'] },
  { type: 'loyalty_order', table: loyaltyOrders, keys: ['orderId'] },
  { type: 'loyalty_event', table: loyaltyEvents, keys: ['eventId'] },
  { type: 'loyalty_reward', table: loyaltyRewards, keys: ['createdAt', 'id'] },
  { type: 'loyalty_redemption', table: loyaltyRedemptions, keys: ['code'] },
  { type: 'loyalty_referral', table: loyaltyReferrals, keys: ['refereeId'] },
  { type: 'email_settings', table: emailSettings, keys: ['tenantId'] },
  { type: 'email_campaign', table: emailCampaigns, keys: ['createdAt', 'id'] },
  { type: 'email_recipient', table: emailRecipients, keys: ['campaignId', 'customerId'] },
  { type: 'email_suppression', table: emailSuppressions, keys: ['emailHash'] },
  { type: 'metric_settings', table: metricSettings, keys: ['tenantId'] },
  { type: 'goal', table: metricGoals, keys: ['createdAt', 'id'] },
  { type: 'webhook_endpoint', table: webhookEndpoints, keys: ['createdAt', 'id'], omit: ['secretCiphertext'] },
  { type: 'privacy_erasure', table: privacyErasures, keys: ['erasedAt', 'id'] },
];
