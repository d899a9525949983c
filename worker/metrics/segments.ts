import type { ScoreCounts } from './counts';
import { csat, type Csat } from './csat';
import { nps, type Nps } from './nps';

/** Below this many answers a segment's number is shown but flagged: its interval is too wide to steer by. */
export const MIN_SEGMENT_SIZE = 30;

export type SegmentMetric = 'nps' | 'csat';

export interface SegmentCounts {
  dimension: string;
  value: string;
  counts: ScoreCounts;
}

export interface SegmentRow {
  dimension: string;
  value: string;
  n: number;
  tooSmall: boolean;
  nps: Nps | null;
  csat: Csat | null;
}

/** NPS or CSAT per segment value with its n, largest segments first within each dimension. */
export function segmentTable(metric: SegmentMetric, segments: readonly SegmentCounts[]): SegmentRow[] {
  return segments
    .filter((segment) => segment.counts.answered > 0)
    .map((segment) => ({
      dimension: segment.dimension,
      value: segment.value,
      n: segment.counts.answered,
      tooSmall: segment.counts.answered < MIN_SEGMENT_SIZE,
      nps: metric === 'nps' ? nps(segment.counts) : null,
      csat: metric === 'csat' ? csat(segment.counts) : null,
    }))
    .sort((a, b) => a.dimension.localeCompare(b.dimension) || b.n - a.n || a.value.localeCompare(b.value));
}
