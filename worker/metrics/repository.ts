import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { metricGoals, metricSnapshots } from '../db/schema';
import { notFound } from '../http/problem';
import { pageAfter, toPage } from '../shared/cursor';
import { newId } from '../shared/ids';
import type { PageQuery } from '../shared/schemas';
import { toIso } from '../shared/time';
import { COHORTS } from './cohorts';
import { localDay, monthOf, monthRange, monthsEndingWith } from './days';
import { goalStatus, goalValues } from './goals';
import { buildHeadline } from './headline';
import type {
  CohortsSnapshot,
  CreateGoal,
  CustomersSnapshot,
  GoalPeriod,
  MetricsSnapshot,
  RetentionMonths,
  SegmentsSnapshot,
  UpdateGoal,
} from './schemas';
import { RETENTION_MONTHS } from './retention-months';
import { ALL, CUSTOMERS, SEGMENTS } from './segment-keys';
import { tenantTimeZone } from './time-zone';
import { ROLLING_DAYS, rollingWindow } from './windows';

/** Reads of what the recompute wrote; nothing here scans responses or orders. */

async function readSnapshot<T>(db: Database, tenantId: string, period: string, segment: string): Promise<T | null> {
  const [row] = await db
    .select({ data: metricSnapshots.data })
    .from(metricSnapshots)
    .where(and(eq(metricSnapshots.tenantId, tenantId), eq(metricSnapshots.period, period), eq(metricSnapshots.segment, segment)))
    .limit(1);
  return row ? (JSON.parse(row.data) as T) : null;
}

const today = async (db: Database, tenantId: string) => localDay(Date.now(), await tenantTimeZone(db, tenantId));

/** A period with no snapshot has no data: every metric null, never 0. */
function emptySnapshot(period: string, segment: string, todayDay: string): MetricsSnapshot {
  const range =
    period in ROLLING_DAYS ? rollingWindow(todayDay, ROLLING_DAYS[period as keyof typeof ROLLING_DAYS]) : monthRange(period);
  const none = { orders: 0, revenue: 0, newCustomers: 0, orderingCustomers: null };
  const whole = segment === ALL;
  return buildHeadline({
    period,
    segment,
    from: range.from,
    to: range.to,
    rows: [],
    previousRows: [],
    orders: whole ? none : null,
    previousOrders: whole ? none : null,
    retention: null,
  });
}

export async function metricsFor(db: Database, tenantId: string, period: string, segment = ALL): Promise<MetricsSnapshot> {
  return (
    (await readSnapshot<MetricsSnapshot>(db, tenantId, period, segment)) ??
    emptySnapshot(period, segment, await today(db, tenantId))
  );
}

export async function trend(db: Database, tenantId: string, months: number, segment = ALL) {
  const periods = monthsEndingWith(monthOf(await today(db, tenantId)), months);
  const rows = await db
    .select({ period: metricSnapshots.period, data: metricSnapshots.data })
    .from(metricSnapshots)
    .where(
      and(eq(metricSnapshots.tenantId, tenantId), eq(metricSnapshots.segment, segment), inArray(metricSnapshots.period, periods)),
    );
  const byMonth = new Map(rows.map((row) => [row.period, JSON.parse(row.data) as MetricsSnapshot]));
  return { segment, months: periods.map((month) => ({ month, snapshot: byMonth.get(month) ?? null })) };
}

export async function segmentsFor(db: Database, tenantId: string, period: string): Promise<SegmentsSnapshot> {
  return (await readSnapshot<SegmentsSnapshot>(db, tenantId, period, SEGMENTS)) ?? { period, nps: [], csat: [] };
}

export async function customersSnapshot(db: Database, tenantId: string): Promise<CustomersSnapshot | null> {
  return readSnapshot<CustomersSnapshot>(db, tenantId, CUSTOMERS, ALL);
}

/** The latest `months` cohorts; none before the first recompute. */
export async function cohortsFor(db: Database, tenantId: string, months: number): Promise<CohortsSnapshot> {
  const snapshot = await readSnapshot<CohortsSnapshot>(db, tenantId, COHORTS, ALL);
  return { asOf: snapshot?.asOf ?? null, cohorts: snapshot?.cohorts.slice(-months) ?? [] };
}

/** The latest `months` of the retention series; none before the first recompute. */
export async function retentionMonthsFor(db: Database, tenantId: string, months: number): Promise<RetentionMonths> {
  const snapshot = await readSnapshot<RetentionMonths>(db, tenantId, RETENTION_MONTHS, ALL);
  return snapshot
    ? { ...snapshot, months: snapshot.months.slice(-months) }
    : { asOf: null, windowMonths: null, grossMargin: null, months: [] };
}

// Goals

type GoalRow = typeof metricGoals.$inferSelect;

const snapshotPeriod = (period: GoalPeriod, todayDay: string): string => (period === 'month' ? monthOf(todayDay) : period);

async function goalView(db: Database, tenantId: string, row: GoalRow, todayDay: string, customers: CustomersSnapshot | null) {
  const headline = await readSnapshot<MetricsSnapshot>(db, tenantId, snapshotPeriod(row.period, todayDay), row.segment ?? ALL);
  const values = goalValues(row.metric, headline, customers);
  return {
    id: row.id,
    metric: row.metric,
    target: row.target,
    period: row.period,
    segment: row.segment,
    ...values,
    ...goalStatus(row.metric, row.target, values),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

async function findGoalRow(db: Database, tenantId: string, goalId: string): Promise<GoalRow> {
  const [row] = await db
    .select()
    .from(metricGoals)
    .where(and(eq(metricGoals.tenantId, tenantId), eq(metricGoals.id, goalId)))
    .limit(1);
  if (!row) throw notFound('Goal');
  return row;
}

export async function findGoal(db: Database, tenantId: string, goalId: string) {
  const row = await findGoalRow(db, tenantId, goalId);
  return goalView(db, tenantId, row, await today(db, tenantId), await customersSnapshot(db, tenantId));
}

export async function listGoals(db: Database, tenantId: string, query: z.infer<typeof PageQuery>) {
  const { where, orderBy } = pageAfter(metricGoals, query.cursor);
  const rows = await db
    .select()
    .from(metricGoals)
    .where(and(eq(metricGoals.tenantId, tenantId), where))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  const [todayDay, customers] = await Promise.all([today(db, tenantId), customersSnapshot(db, tenantId)]);
  const page = toPage(rows, query.limit, (row) => row);
  return {
    data: await Promise.all(page.data.map((row) => goalView(db, tenantId, row, todayDay, customers))),
    nextCursor: page.nextCursor,
  };
}

export async function createGoal(db: Database, tenantId: string, input: z.infer<typeof CreateGoal>) {
  const now = Date.now();
  const [row] = await db
    .insert(metricGoals)
    .values({
      id: newId('gol', now),
      tenantId,
      metric: input.metric,
      target: input.target,
      period: input.period,
      segment: input.segment ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return findGoal(db, tenantId, row!.id);
}

export async function updateGoal(db: Database, tenantId: string, goalId: string, patch: z.infer<typeof UpdateGoal>) {
  await findGoalRow(db, tenantId, goalId);
  await db
    .update(metricGoals)
    .set({ ...patch, updatedAt: Date.now() })
    .where(and(eq(metricGoals.tenantId, tenantId), eq(metricGoals.id, goalId)));
  return findGoal(db, tenantId, goalId);
}

export async function deleteGoal(db: Database, tenantId: string, goalId: string): Promise<void> {
  await findGoalRow(db, tenantId, goalId);
  await db.delete(metricGoals).where(and(eq(metricGoals.tenantId, tenantId), eq(metricGoals.id, goalId)));
}
