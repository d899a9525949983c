import { and, eq, gte, inArray, ne } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailRecipients } from '../db/schema';
import { DAY_MS } from '../shared/time';
import type { RecipientStatus } from './schemas';
import { readEmailSettings } from './settings';
import { suppressionsOf } from './suppressions';

export interface Addressee {
  recipientId: string;
  customerId: string;
  email: string | null;
}

/**
 * Why each addressee must not be emailed now (at most 90 per call): suppressed addresses keep
 * their reason; erased customers and customers another campaign emailed inside the tenant's
 * resurvey window are skipped. Addressees absent from the result may be emailed.
 */
export async function sendBlockers(db: Database, tenantId: string, campaignId: string, addressees: Addressee[], now: number) {
  const blocked = new Map<string, Extract<RecipientStatus, 'unsubscribed' | 'bounced' | 'skipped'>>();
  if (addressees.length === 0) return blocked;
  const { resurveyDays } = await readEmailSettings(db, tenantId);
  const emails = addressees.flatMap((a) => (a.email ? [a.email] : []));
  const [suppressed, recent] = await Promise.all([
    suppressionsOf(db, tenantId, emails),
    resurveyDays > 0
      ? db
          .select({ customerId: emailRecipients.customerId })
          .from(emailRecipients)
          .where(
            and(
              eq(emailRecipients.tenantId, tenantId),
              inArray(emailRecipients.customerId, addressees.map((a) => a.customerId)),
              ne(emailRecipients.campaignId, campaignId),
              gte(emailRecipients.sentAt, now - resurveyDays * DAY_MS),
            ),
          )
      : [],
  ]);
  const recentlyEmailed = new Set(recent.map((row) => row.customerId));
  for (const addressee of addressees) {
    const reason = addressee.email ? suppressed.get(addressee.email) : undefined;
    if (reason) blocked.set(addressee.recipientId, reason);
    else if (!addressee.email || recentlyEmailed.has(addressee.customerId)) blocked.set(addressee.recipientId, 'skipped');
  }
  return blocked;
}
