import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailCampaigns, emailRecipients, loyaltyRedemptions, loyaltyReferrals, widgetEvents } from '../db/schema';
import { listCustomerOrders } from '../customers/orders';
import { customerView, findCustomer } from '../customers/repository';
import { findMemberRow } from '../loyalty/members';
import { redemptionView } from '../loyalty/redemptions';
import { referralView } from '../loyalty/referrals';
import { listTransactions, memberView } from '../loyalty/view';
import { listResponses } from '../responses/repository';
import { toIso, toIsoOrNull } from '../shared/time';
import { rowsOfCustomer, widgetSubjectsOf } from './customer-rows';
import type { CustomerExport } from './schemas';

const PAGE = 200;

/** Every item of a cursor-paged list. */
async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.data);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function widgetEventsOf(db: Database, tenantId: string, customer: { externalId: string | null; email: string | null }) {
  const named = await widgetSubjectsOf(tenantId, customer);
  if (named.length === 0) return [];
  const rows = await db
    .select()
    .from(widgetEvents)
    .where(and(eq(widgetEvents.tenantId, tenantId), inArray(widgetEvents.subject, named)))
    .orderBy(asc(widgetEvents.createdAt), asc(widgetEvents.id));
  return rows.map((row) => ({
    surveyId: row.surveyId,
    kind: row.kind,
    locale: row.locale,
    device: row.device,
    createdAt: toIso(row.createdAt),
  }));
}

/** Right of access: everything stored about one customer of the tenant; 404 outside it. */
export async function exportCustomer(
  db: Database,
  tenantId: string,
  customerId: string,
  now = Date.now(),
): Promise<CustomerExport> {
  const customer = await findCustomer(db, tenantId, customerId);
  const ofCustomer = rowsOfCustomer(tenantId, customerId);
  const [responses, orders, entries, member, redemptions, referrals, emails, events] = await Promise.all([
    allPages((cursor) => listResponses(db, tenantId, { customerId, limit: PAGE, cursor })),
    allPages((cursor) => listCustomerOrders(db, tenantId, customerId, { limit: PAGE, cursor })),
    allPages((cursor) => listTransactions(db, tenantId, customerId, { limit: PAGE, cursor })),
    findMemberRow(db, tenantId, customerId),
    db.select().from(loyaltyRedemptions).where(ofCustomer(loyaltyRedemptions)).orderBy(asc(loyaltyRedemptions.createdAt)),
    db
      .select()
      .from(loyaltyReferrals)
      .where(
        and(
          eq(loyaltyReferrals.tenantId, tenantId),
          // A referral links two customers; each sees the link, which names the other only by id.
          or(eq(loyaltyReferrals.refereeId, customerId), eq(loyaltyReferrals.referrerId, customerId)),
        ),
      ),
    db
      .select({ recipient: emailRecipients, campaignName: emailCampaigns.name })
      .from(emailRecipients)
      .innerJoin(
        emailCampaigns,
        and(eq(emailCampaigns.tenantId, emailRecipients.tenantId), eq(emailCampaigns.id, emailRecipients.campaignId)),
      )
      .where(ofCustomer(emailRecipients))
      .orderBy(asc(emailRecipients.createdAt)),
    widgetEventsOf(db, tenantId, customer),
  ]);
  return {
    exportedAt: toIso(now),
    customer: customerView(customer),
    responses,
    orders,
    loyalty: {
      member: member ? await memberView(db, tenantId, customerId, now) : null,
      entries,
      redemptions: redemptions.map(redemptionView),
      referrals: referrals.map(referralView),
    },
    emails: emails.map(({ recipient, campaignName }) => ({
      campaignId: recipient.campaignId,
      campaignName,
      status: recipient.status,
      sentAt: toIsoOrNull(recipient.sentAt),
      clickedAt: toIsoOrNull(recipient.clickedAt),
      answeredAt: toIsoOrNull(recipient.answeredAt),
    })),
    widgetEvents: events,
  };
}
