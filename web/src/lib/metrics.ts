// Reads the metrics service through the dashboard session. Until its /api mount exists, calls answer
// 404 and pages show an honest "not available yet" state instead of numbers.
import { api, ApiError, withQuery } from '../api';
import type { MetricsSnapshot, SegmentsSnapshot } from '../../../worker/metrics/schemas';
import type { Trend } from '../../../worker/metrics/schemas';
import type { z } from 'zod';

export type { MetricsSnapshot, SegmentsSnapshot };
export type MetricsTrend = z.infer<typeof Trend>;
export const PERIODS = ['7d', '30d', '90d', '365d'] as const;
export type RollingPeriod = (typeof PERIODS)[number];

/** `null` when the metrics service is not mounted for the dashboard (yet). */
async function orMissing<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 404) return null;
    throw error;
  }
}

export const loadSnapshot = (period: RollingPeriod) => orMissing(api<MetricsSnapshot>(withQuery('/api/metrics', { period })));
export const loadTrend = (months = 13) => orMissing(api<MetricsTrend>(withQuery('/api/metrics/trend', { months })));
export const loadSegments = (period: RollingPeriod) =>
  orMissing(api<SegmentsSnapshot>(withQuery('/api/metrics/segments', { period })));
