import { and, eq, inArray, lte, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { customers, emailCampaigns, emailRecipients } from '../db/schema';
import type { Bindings } from '../env';
import { conflict } from '../http/problem';
import { findCampaign, type CampaignRow } from './campaigns';
import { sendBlockers } from './eligibility';
import type { SendMessage } from './queue';

/** Recipients handled per round: one sendBatch (Queues take at most 100 messages) and lookups under 100 parameters. */
const ROUND = 90;
/** Per invocation; the scheduled job continues bigger campaigns. */
const MAX_ROUNDS = 25;

/**
 * Starts a draft or scheduled campaign: with a future `sendAt` it only becomes `scheduled`;
 * otherwise it moves to `sending` (a guarded update, so two starts cannot both win) and its
 * recipients are queued.
 */
export async function startCampaign(db: Database, env: Bindings, tenantId: string, campaignId: string, now: number): Promise<CampaignRow> {
  const campaign = await findCampaign(db, tenantId, campaignId);
  if (campaign.status !== 'draft' && campaign.status !== 'scheduled') throw conflict(`The campaign is already ${campaign.status}.`);
  const future = campaign.sendAt !== null && campaign.sendAt > now;
  const [started] = await db
    .update(emailCampaigns)
    .set(future ? { status: 'scheduled', updatedAt: now } : { status: 'sending', startedAt: now, updatedAt: now })
    .where(and(eq(emailCampaigns.tenantId, tenantId), eq(emailCampaigns.id, campaignId), inArray(emailCampaigns.status, ['draft', 'scheduled'])))
    .returning();
  if (!started) throw conflict('The campaign was started by another request.');
  if (!future) await enqueuePending(db, env, started, now);
  return started;
}

/**
 * Queues the campaign's pending recipients, marking the ones that may not be emailed instead.
 * Messages go out before rows are marked `queued`: a crash in between leaves them `pending`, and
 * the consumer only ever sends to a recipient once, so queueing one twice is harmless.
 */
export async function enqueuePending(db: Database, env: Bindings, campaign: CampaignRow, now: number): Promise<void> {
  const { tenantId, id: campaignId } = campaign;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pending = await db
      .select({ recipientId: emailRecipients.id, customerId: emailRecipients.customerId, email: customers.email })
      .from(emailRecipients)
      .innerJoin(customers, and(eq(customers.tenantId, tenantId), eq(customers.id, emailRecipients.customerId)))
      .where(and(eq(emailRecipients.tenantId, tenantId), eq(emailRecipients.campaignId, campaignId), eq(emailRecipients.status, 'pending')))
      .limit(ROUND);
    if (pending.length === 0) {
      await db
        .update(emailCampaigns)
        .set({ status: 'sent', updatedAt: now })
        .where(and(eq(emailCampaigns.tenantId, tenantId), eq(emailCampaigns.id, campaignId), eq(emailCampaigns.status, 'sending')));
      return;
    }
    const blocked = await sendBlockers(db, tenantId, campaignId, pending, now);
    const sendable = pending.filter((p) => !blocked.has(p.recipientId));
    if (sendable.length > 0) {
      await env.EMAIL_QUEUE.sendBatch(sendable.map((p) => ({ body: { tenantId, campaignId, recipientId: p.recipientId } satisfies SendMessage })));
    }
    const guard = (ids: string[]) => and(eq(emailRecipients.tenantId, tenantId), inArray(emailRecipients.id, ids), eq(emailRecipients.status, 'pending'));
    const updates = [
      ...(sendable.length > 0 ? [db.update(emailRecipients).set({ status: 'queued', updatedAt: now }).where(guard(sendable.map((p) => p.recipientId)))] : []),
      ...[...blocked].map(([recipientId, status]) => db.update(emailRecipients).set({ status, updatedAt: now }).where(guard([recipientId]))),
    ];
    await db.batch(updates as [(typeof updates)[number], ...(typeof updates)[number][]]);
  }
}

/** Scheduled job body: starts campaigns whose time has come and continues queueing big ones. Idempotent. */
export async function startDueCampaigns(db: Database, env: Bindings, now: number): Promise<void> {
  const due = await db
    .select({ tenantId: emailCampaigns.tenantId, id: emailCampaigns.id, status: emailCampaigns.status })
    .from(emailCampaigns)
    .where(or(eq(emailCampaigns.status, 'sending'), and(eq(emailCampaigns.status, 'scheduled'), lte(emailCampaigns.sendAt, now))));
  for (const campaign of due) {
    const row = await findCampaign(db, campaign.tenantId, campaign.id);
    if (row.status === 'sending') await enqueuePending(db, env, row, now);
    else if (row.status === 'scheduled') await startCampaign(db, env, row.tenantId, row.id, now);
  }
}

