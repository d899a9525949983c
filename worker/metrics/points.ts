import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { currencyExponent } from '../loyalty/points';
import { getSettings } from '../loyalty/settings';
import { COHORTS } from './cohorts';
import type { PointsCounters } from './points-rollups';
import type { MetricsSnapshot, PointsStats } from './schemas';
import { ALL, CUSTOMERS } from './segment-keys';
import type { SnapshotRow } from './snapshot-writer';

export interface PointsDay extends PointsCounters {
  day: string;
}

/** A tenant's daily ledger totals, oldest first, and what a point is worth. */
export interface PointsLedger {
  days: PointsDay[];
  currency: string;
  pointValue: number;
}

/** One row per day with ledger activity: a few hundred a year, so every period is summed from one read. Null: no points ever. */
export async function readPointsLedger(db: Database, tenantId: string): Promise<PointsLedger | null> {
  const days = await db.all<PointsDay>(sql`SELECT day, issued, redeemed, expired, reversed, adjusted,
      available_delta AS availableDelta, pending_delta AS pendingDelta
    FROM metric_points_daily WHERE tenant_id = ${tenantId} ORDER BY day`);
  if (days.length === 0) return null;
  const settings = await getSettings(db, tenantId);
  return { days, currency: settings.currency, pointValue: settings.pointValue };
}

const roundTo = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Points booked in [from, to] and the liability at the end of `to`; null when nothing was booked up to `to`. Pure. */
export function pointsStats(ledger: PointsLedger, from: string, to: string): PointsStats | null {
  const upTo = ledger.days.filter((day) => day.day <= to);
  if (upTo.length === 0) return null;
  const stats = { issued: 0, redeemed: 0, expired: 0, reversed: 0, adjusted: 0 };
  let available = 0;
  let pending = 0;
  for (const day of upTo) {
    available += day.availableDelta;
    pending += day.pendingDelta;
    if (day.day < from) continue;
    stats.issued += day.issued;
    stats.redeemed += day.redeemed;
    stats.expired += day.expired;
    stats.reversed += day.reversed;
    stats.adjusted += day.adjusted;
  }
  const value = roundTo((available + pending) * ledger.pointValue, currencyExponent(ledger.currency));
  return { ...stats, liability: { available, pending, currency: ledger.currency, pointValue: ledger.pointValue, value } };
}

/** Sets `points` on the whole-account snapshots of rolling windows and months (other rows are left alone). */
export async function addPointsMetrics(db: Database, tenantId: string, rows: readonly SnapshotRow[]): Promise<void> {
  const headlines = rows.filter((row) => row.segment === ALL && row.period !== CUSTOMERS && row.period !== COHORTS);
  if (headlines.length === 0) return;
  const ledger = await readPointsLedger(db, tenantId);
  if (!ledger) return; // buildHeadline left `points` null
  for (const row of headlines) {
    const data = row.data as MetricsSnapshot;
    data.points = pointsStats(ledger, data.from, data.to);
  }
}
