import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { customers, emailCampaigns, emailRecipients, surveys, tenants } from '../db/schema';
import { resolveTexts } from '../surveys/texts';
import type { SurveyLocaleTexts } from '../surveys/schemas';
import type { CampaignRow } from './campaigns';
import type { CampaignTexts } from './schemas';

export type RecipientRow = typeof emailRecipients.$inferSelect;
type SurveyRow = typeof surveys.$inferSelect;
type CustomerRow = typeof customers.$inferSelect;

/** Everything needed to write to, or hear back from, one recipient. */
export interface RecipientContext {
  tenantName: string;
  campaign: CampaignRow;
  survey: SurveyRow;
  recipient: RecipientRow;
  customer: Pick<CustomerRow, 'id' | 'email' | 'externalId' | 'name' | 'locale'>;
  /** The language everything is shown in, and the texts in it. */
  locale: string;
  texts: SurveyLocaleTexts;
  campaignTexts: CampaignTexts[string];
}

export async function loadRecipient(db: Database, tenantId: string, campaignId: string, recipientId: string): Promise<RecipientContext | undefined> {
  const [row] = await db
    .select({ recipient: emailRecipients, campaign: emailCampaigns, survey: surveys, customer: customers, tenant: tenants })
    .from(emailRecipients)
    .innerJoin(emailCampaigns, and(eq(emailCampaigns.tenantId, tenantId), eq(emailCampaigns.id, emailRecipients.campaignId)))
    .innerJoin(surveys, and(eq(surveys.tenantId, tenantId), eq(surveys.id, emailCampaigns.surveyId)))
    .innerJoin(customers, and(eq(customers.tenantId, tenantId), eq(customers.id, emailRecipients.customerId)))
    .innerJoin(tenants, eq(tenants.id, emailRecipients.tenantId))
    .where(and(eq(emailRecipients.tenantId, tenantId), eq(emailRecipients.campaignId, campaignId), eq(emailRecipients.id, recipientId)))
    .limit(1);
  if (!row) return undefined;
  const { locale, texts } = resolveTexts(row.survey.texts, row.recipient.locale ?? row.customer.locale ?? undefined, row.tenant.defaultLocale);
  const campaignTexts = row.campaign.texts[locale] ?? row.campaign.texts[row.tenant.defaultLocale] ?? Object.values(row.campaign.texts)[0]!;
  return { tenantName: row.tenant.name, campaign: row.campaign, survey: row.survey, recipient: row.recipient, customer: row.customer, locale, texts, campaignTexts };
}
