import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { localDay } from './days';

export interface RecomputeMessage {
  tenantId: string;
}

interface StateRow {
  tenantId: string;
  dataVersion: number;
  computedVersion: number;
  computedDay: string | null;
  timeZone: string;
}

/** Tenants with rollup changes since their last recompute, or whose local day moved on (rolling windows shift). */
export async function tenantsDueForRecompute(db: Database, now: number): Promise<string[]> {
  const rows = await db.all<StateRow>(sql`
    SELECT s.tenant_id AS tenantId, s.data_version AS dataVersion, s.computed_version AS computedVersion,
      s.computed_day AS computedDay, t.timezone AS timeZone
    FROM metric_state s JOIN tenants t ON t.id = s.tenant_id`);
  return rows
    .filter((row) => row.dataVersion > row.computedVersion || row.computedDay !== localDay(now, row.timeZone))
    .map((row) => row.tenantId);
}

const SEND_BATCH = 100;

/** One message per due tenant. Sending a tenant twice is harmless: the second recompute finds nothing new. */
export async function enqueueDueTenants(db: Database, queue: Queue<RecomputeMessage>, now: number): Promise<number> {
  const tenantIds = await tenantsDueForRecompute(db, now);
  for (let i = 0; i < tenantIds.length; i += SEND_BATCH) {
    await queue.sendBatch(tenantIds.slice(i, i + SEND_BATCH).map((tenantId) => ({ body: { tenantId } })));
  }
  return tenantIds.length;
}
