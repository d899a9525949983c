import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { metricState } from '../db/schema';
import { buildCohorts, COHORTS, readCohortCells } from './cohorts';
import { addCommentMetrics } from './comment-metrics';
import { buildCustomersSnapshot } from './customer-metrics';
import { addDays, addMonths, localDay, monthOf, monthRange, monthsEndingWith, startOfLocalDay } from './days';
import { buildHeadline } from './headline';
import {
  changedDays,
  combineBuckets,
  customersChangedSince,
  customersOrderingInMonths,
  customersOrderingSince,
  readBuckets,
  surveyKinds,
  type SurveyKinds,
} from './rollup-reads';
import { addPointsMetrics } from './points';
import { retentionRate } from './retention';
import { buildRetentionMonthsSnapshot } from './retention-month-reads';
import { RETENTION_MONTHS } from './retention-months';
import { ROLLING_PERIODS, type MetricSettings, type MetricsSnapshot } from './schemas';
import { ALL, buildSegments, CUSTOMERS, groupBySegment, SEGMENTS } from './segment-keys';
import { readSettings } from './settings';
import { writeSnapshots, type SnapshotRow } from './snapshot-writer';
import { tenantTimeZone } from './time-zone';
import { monthWindow, retentionWindowMonths, ROLLING_DAYS, rollingWindow, type Window } from './windows';

/** How far back a full rebuild recomputes month snapshots (the trend API reads at most this many). */
export const TREND_MONTHS = 36;

export interface RecomputeResult {
  /** Nothing changed since the last recompute on the same day. */
  skipped: boolean;
  periods: string[];
  /** Snapshot rows inserted, changed or deleted. */
  written: number;
}

interface Context {
  db: Database;
  tenantId: string;
  kinds: SurveyKinds;
  settings: MetricSettings;
}

interface PeriodParts {
  period: string;
  window: Window;
  current: ReturnType<typeof combineBuckets>;
  previous: ReturnType<typeof combineBuckets>;
  orderingCustomers: { current: number | null; previous: number | null };
  retention: MetricsSnapshot['retention'];
}

/** The snapshots of one period: one per segment, plus the segment table. */
function periodSnapshots(parts: PeriodParts): SnapshotRow[] {
  const { period, window } = parts;
  const groups = groupBySegment(parts.current.daily, parts.current.segments);
  const previousGroups = groupBySegment(parts.previous.daily, parts.previous.segments);
  const rows: SnapshotRow[] = [...groups].map(([segment, rows]) => {
    const whole = segment === ALL;
    return {
      period,
      segment,
      data: buildHeadline({
        period,
        segment,
        from: window.from,
        to: window.to,
        rows,
        previousRows: previousGroups.get(segment) ?? [],
        orders: whole ? { ...parts.current.orders, orderingCustomers: parts.orderingCustomers.current } : null,
        previousOrders: whole ? { ...parts.previous.orders, orderingCustomers: parts.orderingCustomers.previous } : null,
        retention: whole ? parts.retention : null,
      }),
    };
  });
  rows.push({ period, segment: SEGMENTS, data: buildSegments(period, groups) });
  return rows;
}

/** Rolling windows are unions of these disjoint slices of days back from today: (0, 7], (7, 14], (14, 30], … */
const SLICE_ENDS = [7, 14, 30, 60, 90, 180, 365, 730];
const slices = (afterDays: number, upToDays: number) =>
  SLICE_ENDS.flatMap((end, index) => (end > afterDays && end <= upToDays ? [String(index)] : []));

async function rollingSnapshots(context: Context, today: string, timeZone: string): Promise<SnapshotRow[]> {
  const { db, tenantId, kinds } = context;
  const cases = SLICE_ENDS.map((end, index) => sql`WHEN day > ${addDays(today, -end)} THEN '${sql.raw(String(index))}'`);
  const bucket = sql`CASE ${sql.join(cases, sql` `)} END`;
  const buckets = await readBuckets(db, tenantId, kinds, bucket, addDays(today, 1 - SLICE_ENDS.at(-1)!), today);
  const windows = ROLLING_PERIODS.map((period) => ({
    period,
    days: ROLLING_DAYS[period],
    window: rollingWindow(today, ROLLING_DAYS[period]),
  }));
  const ordering = await customersOrderingSince(
    db,
    tenantId,
    windows.map(({ window }) => startOfLocalDay(window.from, timeZone)),
  );
  return windows.flatMap(({ period, days, window }, i) =>
    periodSnapshots({
      period,
      window,
      current: combineBuckets(buckets, slices(0, days)),
      previous: combineBuckets(buckets, slices(days, 2 * days)),
      // Who ordered in the previous window is not kept per day, so its frequency stays unknown.
      orderingCustomers: { current: ordering[i]!, previous: null },
      retention: null,
    }),
  );
}

async function monthSnapshots(context: Context, months: readonly string[]): Promise<SnapshotRow[]> {
  if (months.length === 0) return [];
  const { db, tenantId, kinds } = context;
  const windowMonths = retentionWindowMonths(context.settings.churnDays);
  const first = addMonths(months[0]!, -1);
  const buckets = await readBuckets(
    db,
    tenantId,
    kinds,
    sql`substr(day, 1, 7)`,
    monthRange(first).from,
    monthRange(months.at(-1)!).to,
  );
  // Active customers per month range, for every month in one round trip: S, E, this and last month's buyers, and
  // S ∪ E. The two windows are adjacent months apart, so their union is one range and |S ∩ E| = |S| + |E| − |S ∪ E|.
  const activeAt = (month: string) => [addMonths(month, 1 - windowMonths), month] as const;
  const ranges = months.flatMap((month) => {
    const previous = addMonths(month, -1);
    return [activeAt(previous), activeAt(month), [month, month], [previous, previous], [activeAt(previous)[0], month]] as const;
  });
  const counts = await customersOrderingInMonths(db, tenantId, ranges);
  return months.flatMap((month, i) => {
    const [start = 0, end = 0, ordering = 0, previousOrdering = 0, either = 0] = counts.slice(5 * i, 5 * i + 5);
    const retained = start + end - either;
    const current = combineBuckets(buckets, [month]);
    const acquired = current.orders.newCustomers;
    if (current.daily.length === 0 && current.orders.orders === 0 && start === 0 && end === 0) return [];
    return periodSnapshots({
      period: month,
      window: monthWindow(month),
      current,
      previous: combineBuckets(buckets, [addMonths(month, -1)]),
      orderingCustomers: { current: ordering, previous: previousOrdering },
      retention: { start, end, acquired, retained, rate: retentionRate(start, retained), windowMonths },
    });
  });
}

/** Months whose snapshots depend on a changed day: its own, the next (change vs previous) and those its retention window reaches. */
export function affectedMonths(days: readonly string[], windowMonths: number, currentMonth: string): string[] {
  const months = new Set<string>();
  for (const month of new Set(days.map(monthOf))) {
    for (let i = 0; i <= Math.max(1, windowMonths); i++) {
      const affected = addMonths(month, i);
      if (affected <= currentMonth) months.add(affected);
    }
  }
  return [...months].sort();
}

/**
 * Recomputes one tenant's snapshots from the rollups. Incremental: rolling windows only when the day
 * moved or a day inside them changed, months only when a day they depend on changed, customer
 * metrics only when customer stats changed or the day moved. Idempotent: unchanged snapshots are not
 * rewritten, and a second run with no new data does nothing. `full` recomputes everything.
 */
export async function recomputeTenant(
  db: Database,
  tenantId: string,
  now = Date.now(),
  options: { full?: boolean } = {},
): Promise<RecomputeResult> {
  const full = options.full ?? false;
  const [state] = await db.select().from(metricState).where(eq(metricState.tenantId, tenantId)).limit(1);
  if (!state && !full) return { skipped: true, periods: [], written: 0 };
  const dataVersion = state?.dataVersion ?? 0;
  const since = full ? 0 : state!.computedVersion;
  const timeZone = await tenantTimeZone(db, tenantId);
  const today = localDay(now, timeZone);
  const dayMoved = full || state?.computedDay !== today;
  if (!dayMoved && dataVersion === since) return { skipped: true, periods: [], written: 0 };

  const [kinds, settings, days, customersChanged] = await Promise.all([
    surveyKinds(db, tenantId),
    readSettings(db, tenantId),
    full ? Promise.resolve([]) : changedDays(db, tenantId, since),
    full ? Promise.resolve(true) : customersChangedSince(db, tenantId, since),
  ]);
  const context: Context = { db, tenantId, kinds, settings };
  const currentMonth = monthOf(today);
  const rollingStart = addDays(today, -(2 * ROLLING_DAYS['365d'] - 1));
  const rolling = dayMoved || days.some((day) => day >= rollingStart) ? [...ROLLING_PERIODS] : [];
  const months = full
    ? monthsEndingWith(currentMonth, TREND_MONTHS)
    : affectedMonths(days, retentionWindowMonths(settings.churnDays), currentMonth);

  const rows: SnapshotRow[] = [
    ...(rolling.length > 0 ? await rollingSnapshots(context, today, timeZone) : []),
    ...(await monthSnapshots(context, months)),
  ];
  await addCommentMetrics(db, tenantId, rows);
  await addPointsMetrics(db, tenantId, rows);
  const customers = dayMoved || customersChanged;
  if (customers) {
    rows.push({ period: CUSTOMERS, segment: ALL, data: await buildCustomersSnapshot(db, tenantId, now, today, settings) });
    const cells = await readCohortCells(db, tenantId, currentMonth);
    rows.push({ period: COHORTS, segment: ALL, data: buildCohorts(cells, currentMonth, today) });
    rows.push({
      period: RETENTION_MONTHS,
      segment: ALL,
      data: await buildRetentionMonthsSnapshot(db, tenantId, currentMonth, today, settings),
    });
  }

  const periods = [...rolling, ...months, ...(customers ? [CUSTOMERS, COHORTS, RETENTION_MONTHS] : [])];
  const written = await writeSnapshots(db, tenantId, periods, rows, dataVersion, now);
  await db.run(sql`INSERT INTO metric_state (tenant_id, data_version, computed_version, computed_day, computed_at)
    VALUES (${tenantId}, ${dataVersion}, ${dataVersion}, ${today}, ${now})
    ON CONFLICT (tenant_id) DO UPDATE SET computed_version = excluded.computed_version, computed_day = excluded.computed_day, computed_at = excluded.computed_at`);
  return { skipped: false, periods, written };
}
