import { addCounts, EMPTY_COUNTS } from './counts';
import type { PeriodRow } from './headline';
import { segmentTable } from './segments';
import type { SegmentsSnapshot } from './schemas';

export const ALL = 'all';
/** Snapshot segment holding the per-segment table of a period. */
export const SEGMENTS = 'segments';
/** Snapshot period holding customer metrics as of the recompute day. */
export const CUSTOMERS = 'customers';

/** Splits `dimension:value` at the first colon (values may contain colons). */
export function parseSegment(segment: string): { dimension: string; value: string } {
  const at = segment.indexOf(':');
  return { dimension: segment.slice(0, at), value: segment.slice(at + 1) };
}

/**
 * Groups a period's rows by every segment they belong to: `all`, `channel:…` and `survey:…` from the
 * daily rollup, and `device:…`, `locale:…`, `property.<key>:…`, `customer.<key>:…` from the segment rollup.
 */
export function groupBySegment(
  daily: readonly PeriodRow[],
  bySegment: ReadonlyMap<string, PeriodRow[]>,
): Map<string, PeriodRow[]> {
  const groups = new Map<string, PeriodRow[]>([[ALL, [...daily]]]);
  const add = (key: string, row: PeriodRow) => {
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  };
  for (const row of daily) {
    add(`channel:${row.channel}`, row);
    add(`survey:${row.surveyId}`, row);
  }
  for (const [key, rows] of bySegment) for (const row of rows) add(key, row);
  return groups;
}

/** NPS and CSAT of every segment value with n and the too-small flag. */
export function buildSegments(period: string, groups: ReadonlyMap<string, PeriodRow[]>): SegmentsSnapshot {
  const table = (kind: 'nps' | 'csat') =>
    segmentTable(
      kind,
      [...groups]
        .filter(([key]) => key !== ALL)
        .map(([key, rows]) => ({
          ...parseSegment(key),
          counts: rows.filter((row) => row.kind === kind).reduce((total, row) => addCounts(total, row.counts), EMPTY_COUNTS),
        })),
    ).map(({ nps, ...row }) => ({
      ...row,
      nps: nps && {
        n: nps.n,
        promoters: nps.promoters,
        passives: nps.passives,
        detractors: nps.detractors,
        score: nps.score,
        interval: nps.interval,
      },
    }));
  return { period, nps: table('nps'), csat: table('csat') };
}
