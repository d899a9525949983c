import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { metricSnapshots } from '../db/schema';
import type { Statement } from './rollups';

export interface SnapshotRow {
  period: string;
  segment: string;
  data: unknown;
}

/** Statements per D1 batch; each is a small upsert. */
const CHUNK = 100;
/** Periods per IN list, well under D1's 100 bound parameters. */
const PERIODS_PER_QUERY = 50;

/**
 * Replaces the snapshots of `periods` with `rows`: rows whose JSON did not change are not written
 * (the upsert's WHERE skips them), and snapshots of those periods that are no longer produced are
 * deleted. Returns how many rows were inserted, changed or deleted.
 */
export async function writeSnapshots(
  db: Database,
  tenantId: string,
  periods: readonly string[],
  rows: readonly SnapshotRow[],
  version: number,
  now: number,
): Promise<number> {
  if (periods.length === 0) return 0;
  const produced = new Set(rows.map((row) => `${row.period}\u0000${row.segment}`));
  const existing: Array<{ period: string; segment: string }> = [];
  for (let i = 0; i < periods.length; i += PERIODS_PER_QUERY) {
    const chunk = periods.slice(i, i + PERIODS_PER_QUERY);
    existing.push(
      ...(await db.all<{ period: string; segment: string }>(sql`SELECT period, segment FROM metric_snapshots
        WHERE tenant_id = ${tenantId} AND period IN (${sql.join(
          chunk.map((period) => sql`${period}`),
          sql`, `,
        )})`)),
    );
  }
  const statements: Statement[] = [
    ...existing
      .filter((row) => !produced.has(`${row.period}\u0000${row.segment}`))
      .map((row) =>
        db
          .delete(metricSnapshots)
          .where(
            and(
              eq(metricSnapshots.tenantId, tenantId),
              eq(metricSnapshots.period, row.period),
              eq(metricSnapshots.segment, row.segment),
            ),
          ),
      ),
    ...rows.map((row) =>
      db
        .insert(metricSnapshots)
        .values({ tenantId, period: row.period, segment: row.segment, data: JSON.stringify(row.data), version, updatedAt: now })
        .onConflictDoUpdate({
          target: [metricSnapshots.tenantId, metricSnapshots.period, metricSnapshots.segment],
          set: {
            data: sql.raw('excluded.data'),
            version: sql.raw('excluded.version'),
            updatedAt: sql.raw('excluded.updated_at'),
          },
          setWhere: sql.raw('metric_snapshots.data <> excluded.data'),
        }),
    ),
  ];
  let changed = 0;
  for (let i = 0; i < statements.length; i += CHUNK) {
    const [first, ...rest] = statements.slice(i, i + CHUNK);
    const results = (await db.batch([first!, ...rest])) as unknown as D1Result[];
    for (const result of results) changed += result.meta.changes;
  }
  return changed;
}
