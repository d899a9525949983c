import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { metricPointsDaily } from '../db/schema';
import type { EntryKind } from '../loyalty/schemas';
import { localDay } from './days';
import { add, bumpVersion, currentVersion, type Statement } from './rollups';
import { tenantTimeZone } from './time-zone';

/** What a ledger entry changed, as the ledger books it. */
export interface BookedEntry {
  kind: EntryKind;
  availableDelta: number;
  pendingDelta: number;
  createdAt: number;
}

export interface PointsCounters {
  issued: number;
  redeemed: number;
  expired: number;
  reversed: number;
  adjusted: number;
  availableDelta: number;
  pendingDelta: number;
}

const ZERO: PointsCounters = { issued: 0, redeemed: 0, expired: 0, reversed: 0, adjusted: 0, availableDelta: 0, pendingDelta: 0 };

type Tally = 'issued' | 'redeemed' | 'expired' | 'reversed' | 'adjusted';

/**
 * Which counter an entry kind adds its net change to, and with which sign (debits count as positive
 * points taken). Activation only moves points from pending to available, so it tallies nothing.
 */
export const ENTRY_TALLIES: Record<EntryKind, { tally: Tally; sign: 1 | -1 } | null> = {
  earn: { tally: 'issued', sign: 1 },
  redeem: { tally: 'redeemed', sign: -1 },
  cancel: { tally: 'redeemed', sign: -1 },
  expire: { tally: 'expired', sign: -1 },
  refund: { tally: 'reversed', sign: -1 },
  adjust: { tally: 'adjusted', sign: 1 },
  activate: null,
};

/** An entry's contribution to the daily counters. Pure. */
export function entryCounters(entry: BookedEntry): PointsCounters {
  const counters = { ...ZERO, availableDelta: entry.availableDelta, pendingDelta: entry.pendingDelta };
  const tally = ENTRY_TALLIES[entry.kind];
  if (tally) counters[tally.tally] = tally.sign * (entry.availableDelta + entry.pendingDelta);
  return counters;
}

const sum = (a: PointsCounters, b: PointsCounters): PointsCounters => ({
  issued: a.issued + b.issued,
  redeemed: a.redeemed + b.redeemed,
  expired: a.expired + b.expired,
  reversed: a.reversed + b.reversed,
  adjusted: a.adjusted + b.adjusted,
  availableDelta: a.availableDelta + b.availableDelta,
  pendingDelta: a.pendingDelta + b.pendingDelta,
});

/** Statements for ledger entries of one tenant, to run in the same batch as the entries (the ledger's `runBatch` does). */
export async function pointsRollups(db: Database, tenantId: string, entries: readonly BookedEntry[]): Promise<Statement[]> {
  if (entries.length === 0) return [];
  const timeZone = await tenantTimeZone(db, tenantId);
  const byDay = new Map<string, PointsCounters>();
  for (const entry of entries) {
    const day = localDay(entry.createdAt, timeZone);
    byDay.set(day, sum(byDay.get(day) ?? ZERO, entryCounters(entry)));
  }
  const columns = Object.keys(ZERO) as Array<keyof PointsCounters>;
  return [
    bumpVersion(db, tenantId),
    ...[...byDay].map(([day, counters]) =>
      db
        .insert(metricPointsDaily)
        .values({ tenantId, day, ...counters, version: currentVersion(tenantId) })
        .onConflictDoUpdate({
          target: [metricPointsDaily.tenantId, metricPointsDaily.day],
          set: {
            ...Object.fromEntries(columns.map((column) => [column, add(metricPointsDaily[column].name)])),
            version: sql.raw('excluded.version'),
          },
        }),
    ),
  ];
}
