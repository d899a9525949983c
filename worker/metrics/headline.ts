import type { SurveyKind } from '../surveys/schemas';
import { ces } from './ces';
import { NO_COMMENT_METRICS } from './comment-metrics';
import { addCounts, EMPTY_COUNTS, type ScoreCounts } from './counts';
import { csat } from './csat';
import { nps, npsChange, type Nps } from './nps';
import { dismissalRate, type ExposureCounts, responseRate } from './rates';
import { averageOrderValue, purchaseFrequency } from './retention';
import type { HeadlineValues, MetricsSnapshot } from './schemas';

/** Summed counters of one survey on one channel (or one segment value) over a period. */
export interface PeriodRow {
  kind: SurveyKind;
  surveyId: string;
  channel: string | null;
  counts: ScoreCounts;
  displayed: number;
  dismissed: number;
  sent: number;
}

export interface OrderTotals {
  orders: number;
  revenue: number;
  newCustomers: number;
  /** Distinct customers who ordered in the period, when known. */
  orderingCustomers: number | null;
}

export interface PeriodInput {
  period: string;
  segment: string;
  from: string;
  to: string;
  rows: readonly PeriodRow[];
  previousRows: readonly PeriodRow[];
  orders: OrderTotals | null;
  previousOrders: OrderTotals | null;
  retention: MetricsSnapshot['retention'];
}

const sumCounts = (rows: readonly PeriodRow[], kind: SurveyKind): ScoreCounts =>
  rows.filter((row) => row.kind === kind).reduce((total, row) => addCounts(total, row.counts), EMPTY_COUNTS);

function exposure(rows: readonly PeriodRow[], channel: string): ExposureCounts {
  const total = { answered: 0, displayed: 0, dismissed: 0, sent: 0 };
  for (const row of rows.filter((r) => r.channel === channel)) {
    total.answered += row.counts.answered;
    total.displayed += row.displayed;
    total.dismissed += row.dismissed;
    total.sent += row.sent;
  }
  return total;
}

const npsView = (value: Nps | null) =>
  value && {
    n: value.n,
    promoters: value.promoters,
    passives: value.passives,
    detractors: value.detractors,
    score: value.score,
    interval: value.interval,
  };

function scores(rows: readonly PeriodRow[]) {
  const widget = exposure(rows, 'widget');
  return {
    nps: nps(sumCounts(rows, 'nps')),
    csat: csat(sumCounts(rows, 'csat')),
    ces: ces(sumCounts(rows, 'ces')),
    responseRate: responseRate(widget, exposure(rows, 'email')),
    dismissalRate: dismissalRate(widget),
  };
}

const orderStats = (totals: OrderTotals) => ({
  orders: totals.orders,
  revenue: totals.revenue,
  newCustomers: totals.newCustomers,
  averageOrderValue: averageOrderValue(totals.revenue, totals.orders),
  orderingCustomers: totals.orderingCustomers,
  purchaseFrequency: totals.orderingCustomers === null ? null : purchaseFrequency(totals.orders, totals.orderingCustomers),
});

function headlineValues(rows: readonly PeriodRow[], orders: OrderTotals | null): HeadlineValues {
  const current = scores(rows);
  const stats = orders && orderStats(orders);
  return {
    nps: current.nps?.score ?? null,
    csat: current.csat?.score ?? null,
    ces: current.ces?.mean ?? null,
    responseRate: current.responseRate.rate,
    dismissalRate: current.dismissalRate.rate,
    averageOrderValue: stats?.averageOrderValue ?? null,
    purchaseFrequency: stats?.purchaseFrequency ?? null,
  };
}

/** The snapshot of one period and segment from its summed rollups. Pure. */
export function buildHeadline(input: PeriodInput): MetricsSnapshot {
  const current = scores(input.rows);
  const previousNps = nps(sumCounts(input.previousRows, 'nps'));
  return {
    period: input.period,
    segment: input.segment,
    from: input.from,
    to: input.to,
    nps: npsView(current.nps),
    npsChange: npsChange(current.nps, previousNps),
    csat: current.csat,
    ces: current.ces,
    responseRate: current.responseRate,
    dismissalRate: current.dismissalRate,
    orders: input.orders && orderStats(input.orders),
    retention: input.retention,
    previous: headlineValues(input.previousRows, input.previousOrders),
    // Filled in for the whole account by addPointsMetrics (metrics/points.ts).
    points: null,
    ...NO_COMMENT_METRICS,
  };
}
