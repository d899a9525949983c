import type { Database } from '../db/client';
import { newId } from '../shared/ids';
import { creditStatements, runBatch } from './ledger';
import { ensureMember, findCustomerIdByKey } from './members';
import { lotExpiry } from './points';
import type { CustomerKey } from './schemas';
import { getSettings } from './settings';
import { notEnoughPoints, spendPoints } from './spend';

/** A manual correction; positive adds an available lot, negative spends like a redemption (never below zero). */
export async function adjustPoints(
  db: Database,
  tenantId: string,
  input: { customer: CustomerKey; points: number; reason: string; actor: string },
): Promise<{ id: string; customerId: string; points: number }> {
  const now = Date.now();
  const id = newId('adj', now);
  // Taking points from an unknown customer fails anyway; it must not create them first.
  const customerId = input.points > 0 ? (await ensureMember(db, tenantId, input.customer, now)).customerId : await findCustomerIdByKey(db, tenantId, input.customer);
  if (customerId === null) throw notEnoughPoints(0, -input.points);
  const entry = { customerId, kind: 'adjust' as const, reason: input.reason, source: `adjustment:${id}`, actor: input.actor };
  if (input.points > 0) {
    const settings = await getSettings(db, tenantId);
    const credit = { ...entry, points: input.points, availableAt: now, expiresAt: lotExpiry(settings, now), earnedAt: now, earned: false };
    await runBatch(db, creditStatements(db, tenantId, credit, now).statements);
  } else {
    await spendPoints(db, tenantId, entry, -input.points);
  }
  return { id, customerId, points: input.points };
}
