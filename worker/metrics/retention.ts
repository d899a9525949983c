import { ratio } from './stats';

/**
 * Customer retention rate |S ∩ E| / S: of the customers active at the start, the share still active at
 * the end. New and reactivated customers are active at the end without being retained, so it stays
 * within 0–1 (unlike (E − N) / S, which counts reactivations). Null when S = 0.
 */
export const retentionRate = (start: number, retained: number): number | null => ratio(retained, start);

/** Share of customers who ever ordered whose last order is more than the churn window ago. */
export const churnRate = (churned: number, customers: number): number | null => ratio(churned, customers);

/** Share of customers who ever ordered with at least two orders. */
export const repeatPurchaseRate = (repeatCustomers: number, customers: number): number | null =>
  ratio(repeatCustomers, customers);

/** Orders per ordering customer in a period. */
export const purchaseFrequency = (orders: number, orderingCustomers: number): number | null => ratio(orders, orderingCustomers);

/** Average order value, minor units. */
export const averageOrderValue = (revenue: number, orders: number): number | null => ratio(revenue, orders);

export interface LtvInput {
  /** Minor units. */
  averageOrderValue: number | null;
  /** Orders per customer per year. */
  frequencyPerYear: number | null;
  /** Share of customers churned (0–1); expected lifetime in years is taken as 1 / churn. */
  churnRate: number | null;
  /** 0–1; 1 when the tenant has not set a margin (revenue LTV). */
  grossMargin: number;
}

/** LTV = AOV × yearly frequency × expected lifetime (1 / churn) × margin. Null without churn: an unbounded lifetime is not a number. */
export function lifetimeValue(input: LtvInput): number | null {
  const { averageOrderValue: aov, frequencyPerYear, churnRate: churn } = input;
  if (aov === null || frequencyPerYear === null || churn === null || churn === 0) return null;
  return aov * frequencyPerYear * (1 / churn) * input.grossMargin;
}
