import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { loyaltyOrders } from '../db/schema';
import { pageAfter, toPage } from '../shared/cursor';
import { toIso } from '../shared/time';
import type { CustomerOrder } from './order-schema';
import { findCustomer } from './repository';

/** The customer's orders, newest first; 404 for a customer outside the tenant. */
export async function listCustomerOrders(
  db: Database,
  tenantId: string,
  customerId: string,
  query: { cursor?: string | undefined; limit: number },
) {
  await findCustomer(db, tenantId, customerId);
  const { where, orderBy } = pageAfter({ createdAt: loyaltyOrders.createdAt, id: loyaltyOrders.orderId }, query.cursor);
  const rows = await db
    .select()
    .from(loyaltyOrders)
    .where(and(eq(loyaltyOrders.tenantId, tenantId), eq(loyaltyOrders.customerId, customerId), where))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return toPage(
    rows.map((row) => ({ ...row, id: row.orderId })),
    query.limit,
    (row): z.infer<typeof CustomerOrder> => ({
      orderId: row.orderId,
      currency: row.currency,
      total: row.total,
      refunded: row.refunded,
      pointsAwarded: row.pointsAwarded,
      pointsReversed: row.pointsReversed,
      createdAt: toIso(row.createdAt),
    }),
  );
}
