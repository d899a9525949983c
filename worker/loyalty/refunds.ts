import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { loyaltyEntries, loyaltyLots, loyaltyOrders } from '../db/schema';
import { conflict, notFound, unprocessable } from '../http/problem';
import { refundRollups } from '../metrics/rollups';
import { debitStatements, readSnapshot, runBatch, StalePlan, violatedConstraint, withReplanning } from './ledger';
import { findOrder, SYSTEM_ACTOR, type OrderRow } from './earn';
import { planSpend, refundReversal } from './points';
import { getSettings } from './settings';

export interface RefundResult {
  orderId: string;
  refunded: number;
  pointsReversed: number;
  fromPending: number;
  fromAvailable: number;
  forgiven: number;
}

const beyondTotal = (order: OrderRow) =>
  unprocessable(`Refunds of order ${order.orderId} would exceed its total of ${order.total}.`, [
    { path: 'amount', message: `at most ${order.total - order.refunded} is left to refund` },
  ]);

/**
 * Books a (partial) refund: reverses the order's points in proportion to the amount, from the
 * order's pending lot first, then from the available balance (the order's own lot first, then
 * oldest). Under the "never" policy points already spent are forgiven rather than driving the
 * balance negative. The order row's CHECK keeps refunds within the total; its version column
 * makes a concurrent refund of the same order fail and re-plan.
 */
export async function refundOrder(db: Database, tenantId: string, orderId: string, refund: { id: string; amount: number }): Promise<RefundResult> {
  const source = `refund:${orderId}:${refund.id}`;
  const settings = await getSettings(db, tenantId);
  return withReplanning(async () => {
    const order = await findOrder(db, tenantId, orderId);
    if (!order) throw notFound('Order');
    if (await isBooked(db, tenantId, source)) throw conflict(`Refund ${refund.id} of order ${orderId} was already booked.`);
    if (order.refunded + refund.amount > order.total) throw beyondTotal(order);

    const reversal = refundReversal(order, refund.amount);
    const lot = order.lotId ? await findLot(db, tenantId, order.lotId) : undefined;
    const fromPending = lot?.status === 'pending' ? Math.min(reversal, lot.remaining) : 0;
    const dueFromAvailable = reversal - fromPending;

    const snapshot = await readSnapshot(db, tenantId, order.customerId);
    const allowNegative = settings.negativeBalance === 'allowed';
    const fromAvailable = allowNegative ? dueFromAvailable : Math.min(dueFromAvailable, Math.max(0, snapshot.available));
    const ownLotFirst = [...snapshot.lots].sort((a, b) => Number(b.id === order.lotId) - Number(a.id === order.lotId));
    const { takes } = planSpend(ownLotFirst, fromAvailable);
    const rollups = await refundRollups(db, tenantId, { customerId: order.customerId, amount: refund.amount, orderCreatedAt: order.createdAt });
    const now = Date.now();

    try {
      await runBatch(db, [
        db
          .update(loyaltyOrders)
          .set({
            refunded: sql`${loyaltyOrders.refunded} + ${refund.amount}`,
            pointsReversed: sql`${loyaltyOrders.pointsReversed} + ${reversal}`,
            version: sql`CASE WHEN ${loyaltyOrders.version} = ${order.version} THEN ${loyaltyOrders.version} + 1 ELSE -1 END`,
          })
          .where(and(eq(loyaltyOrders.tenantId, tenantId), eq(loyaltyOrders.orderId, orderId))),
        ...debitStatements(
          db,
          tenantId,
          {
            customerId: order.customerId,
            points: fromAvailable,
            takes,
            allowNegative,
            activity: false,
            fromPending: lot && fromPending > 0 ? { lotId: lot.id, points: fromPending } : undefined,
            kind: 'refund',
            reason: `refund ${refund.id} of order ${orderId} (${refund.amount} of ${order.total})`,
            source,
            actor: SYSTEM_ACTOR,
          },
          now,
        ),
        ...rollups,
      ]);
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === 'loyalty_orders_refunded') throw beyondTotal(order);
      if (constraint === 'source') throw conflict(`Refund ${refund.id} of order ${orderId} was already booked.`);
      // The balance moved between our read and the batch (e.g. a redemption): re-plan.
      if (constraint === 'loyalty_members_available') throw new StalePlan();
      throw error;
    }
    return {
      orderId,
      refunded: order.refunded + refund.amount,
      pointsReversed: reversal,
      fromPending,
      fromAvailable,
      forgiven: dueFromAvailable - fromAvailable,
    };
  });
}

async function isBooked(db: Database, tenantId: string, source: string): Promise<boolean> {
  const [row] = await db
    .select({ id: loyaltyEntries.id })
    .from(loyaltyEntries)
    .where(and(eq(loyaltyEntries.tenantId, tenantId), eq(loyaltyEntries.source, source)))
    .limit(1);
  return row !== undefined;
}

async function findLot(db: Database, tenantId: string, lotId: string) {
  const [row] = await db.select().from(loyaltyLots).where(and(eq(loyaltyLots.tenantId, tenantId), eq(loyaltyLots.id, lotId))).limit(1);
  return row;
}
