import { and, count, countDistinct, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailCampaigns, emailHits, emailRecipients } from '../db/schema';
import { notFound } from '../http/problem';
import { findSurvey } from '../surveys/repository';
import { pageAfter, toPage } from '../shared/cursor';
import { newId } from '../shared/ids';
import { toIso, toIsoOrNull } from '../shared/time';
import { RECIPIENT_STATUSES, type CreateCampaign, type RecipientStatus } from './schemas';

export type CampaignRow = typeof emailCampaigns.$inferSelect;

export const campaignView = (row: CampaignRow) => ({
  id: row.id,
  surveyId: row.surveyId,
  name: row.name,
  fromName: row.fromName,
  fromEmail: row.fromEmail,
  replyTo: row.replyTo,
  texts: row.texts,
  status: row.status,
  sendAt: toIsoOrNull(row.sendAt),
  linkValidDays: row.linkValidDays,
  startedAt: toIsoOrNull(row.startedAt),
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

export async function createCampaign(db: Database, tenantId: string, input: CreateCampaign, baseUrl: string): Promise<CampaignRow> {
  await findSurvey(db, tenantId, input.surveyId);
  const now = Date.now();
  const [row] = await db
    .insert(emailCampaigns)
    .values({
      id: newId('cmp', now),
      tenantId,
      surveyId: input.surveyId,
      name: input.name,
      fromName: input.fromName,
      fromEmail: input.fromEmail,
      replyTo: input.replyTo ?? null,
      texts: input.texts,
      baseUrl,
      status: 'draft',
      sendAt: input.sendAt ? Date.parse(input.sendAt) : null,
      linkValidDays: input.linkValidDays,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

export async function findCampaign(db: Database, tenantId: string, campaignId: string): Promise<CampaignRow> {
  const [row] = await db
    .select()
    .from(emailCampaigns)
    .where(and(eq(emailCampaigns.tenantId, tenantId), eq(emailCampaigns.id, campaignId)))
    .limit(1);
  if (!row) throw notFound('Campaign');
  return row;
}

export async function listCampaigns(db: Database, tenantId: string, query: { limit: number; cursor?: string | undefined }) {
  const { where, orderBy } = pageAfter(emailCampaigns, query.cursor);
  const rows = await db
    .select()
    .from(emailCampaigns)
    .where(and(eq(emailCampaigns.tenantId, tenantId), where))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, campaignView);
}

export async function campaignStats(db: Database, tenantId: string, campaignId: string) {
  const [byStatus, [filtered]] = await Promise.all([
    db
      .select({ status: emailRecipients.status, n: count() })
      .from(emailRecipients)
      .where(and(eq(emailRecipients.tenantId, tenantId), eq(emailRecipients.campaignId, campaignId)))
      .groupBy(emailRecipients.status),
    db
      .select({ hits: count(), recipients: countDistinct(emailHits.recipientId) })
      .from(emailHits)
      .where(and(eq(emailHits.tenantId, tenantId), eq(emailHits.campaignId, campaignId), eq(emailHits.verdict, 'filtered'))),
  ]);
  const recipients = Object.fromEntries(RECIPIENT_STATUSES.map((status) => [status, 0])) as Record<RecipientStatus, number>;
  for (const row of byStatus) recipients[row.status] = row.n;
  return {
    recipients,
    answered: recipients.answered,
    filteredHits: filtered?.hits ?? 0,
    filteredRecipients: filtered?.recipients ?? 0,
  };
}
