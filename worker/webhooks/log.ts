import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { webhookAttempts, webhookDeliveries } from '../db/schema';
import { pageAfter, toPage } from '../shared/cursor';
import { toIso, toIsoOrNull } from '../shared/time';
import { findEndpoint } from './endpoints';

/** The delivery log of one endpoint, newest first, each delivery with all its attempts. */
export async function listDeliveries(db: Database, tenantId: string, endpointId: string, query: { cursor?: string | undefined; limit: number }) {
  await findEndpoint(db, tenantId, endpointId);
  const { where, orderBy } = pageAfter(webhookDeliveries, query.cursor);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.endpointId, endpointId), where))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  const ids = rows.slice(0, query.limit).map((row) => row.id);
  const attempts =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(webhookAttempts)
          .where(and(eq(webhookAttempts.tenantId, tenantId), inArray(webhookAttempts.deliveryId, ids)))
          .orderBy(asc(webhookAttempts.attempt));
  return toPage(rows, query.limit, (row) => ({
    id: row.id,
    eventType: row.eventType,
    status: row.status,
    attempts: attempts
      .filter((attempt) => attempt.deliveryId === row.id)
      .map((attempt) => ({ attempt: attempt.attempt, statusCode: attempt.statusCode, error: attempt.error, at: toIso(attempt.createdAt) })),
    createdAt: toIso(row.createdAt),
    deliveredAt: toIsoOrNull(row.deliveredAt),
  }));
}
