import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { addMonths, monthsEndingWith } from './days';
import { COHORT_FOLLOW_UP_MONTHS, COHORT_MONTHS, type CohortsSnapshot } from './schemas';
import { ratio } from './stats';

/** Snapshot period holding the cohort retention table as of the recompute day. */
export const COHORTS = 'cohorts';

export interface CohortCellRow {
  cohort: string;
  month: string;
  customers: number;
}

/** The cells of the last `COHORT_MONTHS` cohorts up to `currentMonth`: at most cohorts × months rows. */
export async function readCohortCells(db: Database, tenantId: string, currentMonth: string): Promise<CohortCellRow[]> {
  return db.all<CohortCellRow>(sql`SELECT cohort, month, customers FROM metric_cohort_cells
    WHERE tenant_id = ${tenantId} AND cohort >= ${addMonths(currentMonth, 1 - COHORT_MONTHS)} AND month <= ${currentMonth}`);
}

/** One row per month ending with `currentMonth`: its size and the share of it ordering in each following month. Pure. */
export function buildCohorts(cells: readonly CohortCellRow[], currentMonth: string, asOf: string): CohortsSnapshot {
  const count = new Map(cells.map((cell) => [`${cell.cohort}|${cell.month}`, cell.customers]));
  const cohorts = monthsEndingWith(currentMonth, COHORT_MONTHS).map((cohort) => {
    const size = count.get(`${cohort}|${cohort}`) ?? 0;
    const months = Array.from({ length: COHORT_FOLLOW_UP_MONTHS }, (_, i) => addMonths(cohort, i + 1))
      .filter((month) => month <= currentMonth)
      .map((month, i) => {
        const customers = count.get(`${cohort}|${month}`) ?? 0;
        return { offset: i + 1, month, customers, share: ratio(customers, size), complete: month < currentMonth };
      });
    return { cohort, size, months };
  });
  return { asOf, cohorts };
}
