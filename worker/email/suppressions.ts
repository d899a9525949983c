import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailSuppressions } from '../db/schema';
import { sha256Hex } from '../shared/crypto';
import type { SuppressionReason } from './schemas';

/** Suppressions are keyed by this hash so the list itself holds no addresses. */
export const emailHash = (email: string) => sha256Hex(email.trim().toLowerCase());

/** The statement that suppresses the address with hash `hash` (see emailHash); a first reason is kept (an unsubscribe stays an unsubscribe). */
export function suppressStatement(db: Database, tenantId: string, hash: string, reason: SuppressionReason, now: number) {
  return db.insert(emailSuppressions).values({ tenantId, emailHash: hash, reason, createdAt: now }).onConflictDoNothing();
}

/** Suppression reasons of the given addresses (at most 90 per call, for D1's parameter limit). */
export async function suppressionsOf(db: Database, tenantId: string, emails: string[]): Promise<Map<string, SuppressionReason>> {
  if (emails.length === 0) return new Map();
  const hashes = new Map<string, string>();
  for (const email of emails) hashes.set(await emailHash(email), email);
  const rows = await db
    .select({ emailHash: emailSuppressions.emailHash, reason: emailSuppressions.reason })
    .from(emailSuppressions)
    .where(and(eq(emailSuppressions.tenantId, tenantId), inArray(emailSuppressions.emailHash, [...hashes.keys()])));
  return new Map(rows.map((row) => [hashes.get(row.emailHash)!, row.reason]));
}
