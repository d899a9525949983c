import type { Database } from '../db/client';
import { unprocessable } from '../http/problem';
import { debitStatements, readSnapshot, runBatch, StalePlan, violatedConstraint, withReplanning, type EntryInput, type Statement } from './ledger';
import { planSpend } from './points';

export const notEnoughPoints = (available: number, needed: number) =>
  unprocessable(`Not enough points: ${available} available, ${needed} needed.`, [{ path: 'points', message: 'exceeds the available balance' }]);

/**
 * Takes `points` from the available balance, oldest lots first, together with `extra` statements
 * (a redemption row, stock) in one batch. Refused with 422 when the balance is too low, at the
 * moment of the batch: the member row's CHECK decides, not our earlier read. Resolves with the
 * time the spend was booked at (the `now` its statements were built with).
 */
export async function spendPoints(
  db: Database,
  tenantId: string,
  entry: EntryInput,
  points: number,
  extra: (now: number) => Statement[] = () => [],
): Promise<number> {
  return withReplanning(async () => {
    const snapshot = await readSnapshot(db, tenantId, entry.customerId);
    if (snapshot.available < points) throw notEnoughPoints(Math.max(0, snapshot.available), points);
    const { takes, covered } = planSpend(snapshot.lots, points);
    if (covered < points) throw new StalePlan();
    const now = Date.now();
    try {
      await runBatch(db, [...extra(now), ...debitStatements(db, tenantId, { ...entry, points, takes, allowNegative: false, activity: true }, now)]);
      return now;
    } catch (error) {
      if (violatedConstraint(error) === 'loyalty_members_available') throw new StalePlan();
      throw error;
    }
  });
}
