import type { CustomersSnapshot, GoalMetric, MetricsSnapshot } from './schemas';

/** Metrics where a smaller number is the better one. */
const LOWER_IS_BETTER: ReadonlySet<GoalMetric> = new Set(['dismissal_rate', 'churn_rate']);

export interface GoalValues {
  current: number | null;
  previous: number | null;
}

/** A goal metric's value now and in the previous period, from the snapshots the recompute wrote. */
export function goalValues(
  metric: GoalMetric,
  headline: MetricsSnapshot | null,
  customers: CustomersSnapshot | null,
): GoalValues {
  const previous = headline?.previous;
  switch (metric) {
    case 'nps':
      return { current: headline?.nps?.score ?? null, previous: previous?.nps ?? null };
    case 'csat':
      return { current: headline?.csat?.score ?? null, previous: previous?.csat ?? null };
    case 'ces':
      return { current: headline?.ces?.mean ?? null, previous: previous?.ces ?? null };
    case 'response_rate':
      return { current: headline?.responseRate.rate ?? null, previous: previous?.responseRate ?? null };
    case 'dismissal_rate':
      return { current: headline?.dismissalRate.rate ?? null, previous: previous?.dismissalRate ?? null };
    case 'average_order_value':
      return { current: headline?.orders?.averageOrderValue ?? null, previous: previous?.averageOrderValue ?? null };
    case 'purchase_frequency':
      return { current: headline?.orders?.purchaseFrequency ?? null, previous: previous?.purchaseFrequency ?? null };
    case 'retention_rate':
      return { current: headline?.retention?.rate ?? null, previous: null };
    case 'churn_rate':
      return { current: customers?.churnRate ?? null, previous: null };
    case 'repeat_purchase_rate':
      return { current: customers?.repeatPurchaseRate ?? null, previous: null };
    case 'lifetime_value':
      return { current: customers?.lifetimeValue ?? null, previous: null };
  }
}

/** Change against the previous period and whether the current value meets the target. Null where a value is missing. */
export function goalStatus(
  metric: GoalMetric,
  target: number,
  values: GoalValues,
): { change: number | null; onTrack: boolean | null } {
  const { current, previous } = values;
  return {
    change: current !== null && previous !== null ? current - previous : null,
    onTrack: current === null ? null : LOWER_IS_BETTER.has(metric) ? current <= target : current >= target,
  };
}
