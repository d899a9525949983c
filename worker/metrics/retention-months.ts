import { addMonths } from './days';
import { averageOrderValue, churnRate, lifetimeValue, purchaseFrequency, repeatPurchaseRate, retentionRate } from './retention';
import type { RetentionMonth } from './schemas';

/** Snapshot period holding the retention series by month as of the recompute day. */
export const RETENTION_MONTHS = 'retention-months';

/**
 * Counts of one month of the tenant's customer months (which customers ordered in which month). A
 * customer counts as active from each month they ordered in until the window runs out or they order
 * again; `activeUntil`/`yearUntil` count those spans ending (exclusive) in this month, so "active at the
 * end of M" is a running sum of `ordering − activeUntil` (or `− yearUntil` for a 12-month window).
 */
export interface CustomerMonthCounts {
  month: string;
  /** Customers with an order in the month. */
  ordering: number;
  /** Customers whose first order was in the month. */
  first: number;
  /** Customers whose second order (counting all their orders) was in the month. */
  second: number;
  activeUntil: number;
  /**
   * Those of the `activeUntil` spans that end because the window ran out, not at a next order: customers
   * active at the end of the month before but not at the end of this one.
   */
  lapsed: number;
  yearUntil: number;
}

export interface OrderMonthSums {
  month: string;
  orders: number;
  /** Net of refunds, minor units. */
  revenue: number;
}

export interface RetentionMonthsInput {
  /** The series, consecutive months, oldest first. */
  months: readonly string[];
  currentMonth: string;
  /** Every month of the tenant's history (and the months after it that spans end in). */
  customerMonths: readonly CustomerMonthCounts[];
  orderMonths: readonly OrderMonthSums[];
  windowMonths: number;
  grossMargin: number;
}

/** Sum of `value` over rows with a month in (after, last]. */
function sumMonths<T extends { month: string }>(rows: readonly T[], last: string, value: (row: T) => number, after = '') {
  let sum = 0;
  for (const row of rows) if (row.month > after && row.month <= last) sum += value(row);
  return sum;
}

/**
 * CRR, churn, repeat purchase rate, frequency, AOV and LTV of each month, each month's end standing
 * in for "now" in the current-period definitions (metrics/retention.ts), with the churn window in
 * whole months. Retained (S ∩ E) are the customers active at the start less those whose span lapses in
 * the month; reactivated customers add to E, not to it. Pure.
 */
export function retentionMonths(input: RetentionMonthsInput): RetentionMonth[] {
  const { customerMonths, orderMonths } = input;
  const activeAt = (month: string) => sumMonths(customerMonths, month, (row) => row.ordering - row.activeUntil);
  return input.months.map((month) => {
    const customers = sumMonths(customerMonths, month, (row) => row.first);
    const repeatCustomers = sumMonths(customerMonths, month, (row) => row.second);
    const start = activeAt(addMonths(month, -1));
    const end = activeAt(month);
    const retained = start - sumMonths(customerMonths, month, (row) => row.lapsed, addMonths(month, -1));
    const acquired = sumMonths(customerMonths, month, (row) => row.first, addMonths(month, -1));
    const orderingCustomers = sumMonths(customerMonths, month, (row) => row.ordering, addMonths(month, -1));
    const orders = sumMonths(orderMonths, month, (row) => row.orders, addMonths(month, -1));
    const revenue = sumMonths(orderMonths, month, (row) => row.revenue, addMonths(month, -1));
    const churned = customers - end;
    const churn = churnRate(churned, customers);
    const aovToDate = averageOrderValue(
      sumMonths(orderMonths, month, (row) => row.revenue),
      sumMonths(orderMonths, month, (row) => row.orders),
    );
    const frequencyPerYear = purchaseFrequency(
      sumMonths(orderMonths, month, (row) => row.orders, addMonths(month, -12)),
      sumMonths(customerMonths, month, (row) => row.ordering - row.yearUntil),
    );
    return {
      month,
      complete: month < input.currentMonth,
      customers,
      start,
      end,
      acquired,
      retained,
      retentionRate: retentionRate(start, retained),
      churned,
      churnRate: churn,
      repeatCustomers,
      repeatPurchaseRate: repeatPurchaseRate(repeatCustomers, customers),
      orders,
      revenue,
      orderingCustomers,
      purchaseFrequency: purchaseFrequency(orders, orderingCustomers),
      averageOrderValue: averageOrderValue(revenue, orders),
      lifetimeValue: {
        averageOrderValue: aovToDate,
        frequencyPerYear,
        value: lifetimeValue({
          averageOrderValue: aovToDate,
          frequencyPerYear,
          churnRate: churn,
          grossMargin: input.grossMargin,
        }),
      },
    };
  });
}
