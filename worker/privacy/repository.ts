import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { privacyErasures } from '../db/schema';
import { pageAfter, toPage } from '../shared/cursor';
import { toIso } from '../shared/time';
import type { Erasure } from './schemas';

type ErasureRow = typeof privacyErasures.$inferSelect;

export const erasureView = (row: ErasureRow): Erasure => ({
  id: row.id,
  customerId: row.customerId,
  actor: row.actor,
  erasedAt: toIso(row.erasedAt),
});

/** The tenant's erasure records, newest first. */
export async function listErasures(db: Database, tenantId: string, query: { cursor?: string | undefined; limit: number }) {
  const order = { createdAt: privacyErasures.erasedAt, id: privacyErasures.id };
  const { where, orderBy } = pageAfter(order, query.cursor);
  const rows = await db
    .select()
    .from(privacyErasures)
    .where(and(eq(privacyErasures.tenantId, tenantId), where))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(
    rows.map((row) => ({ ...row, createdAt: row.erasedAt })),
    query.limit,
    erasureView,
  );
}
