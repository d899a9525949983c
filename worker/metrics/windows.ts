import { addDays, addMonths, monthRange } from './days';
import type { RollingPeriod } from './schemas';

export const ROLLING_DAYS: Record<RollingPeriod, number> = { '7d': 7, '30d': 30, '90d': 90, '365d': 365 };

export interface Window {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

/** The `days` days ending with `today`, and the equally long window before it. */
export function rollingWindow(today: string, days: number): Window {
  const from = addDays(today, -(days - 1));
  return { from, to: today, previousFrom: addDays(from, -days), previousTo: addDays(from, -1) };
}

export function monthWindow(month: string): Window {
  const current = monthRange(month);
  const previous = monthRange(addMonths(month, -1));
  return { from: current.from, to: current.to, previousFrom: previous.from, previousTo: previous.to };
}

/** Months a retention window spans: a customer is active at a month's end with an order in its last `windowMonths` months. */
export const retentionWindowMonths = (churnDays: number): number => Math.max(1, Math.round(churnDays / 30));
