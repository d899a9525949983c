import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { DIGEST_WINDOW_MS, type AlertMessage } from './schemas';

/** An alert still unsent this long after its window closed lost its queue message (or exhausted its retries). */
const GRACE_MS = 15 * 60_000;
/** Older alerts are no longer worth an email. */
const GIVE_UP_MS = 24 * 60 * 60_000;
const MAX_BATCHES_PER_RUN = 100;

/**
 * Scheduled: queues again the emails of alerts that should have gone out by now. Alerts the write
 * path claimed but never filed get a batch of their own first. Idempotent: a batch already sent has
 * no unsent alerts left, and a resend carries the same Idempotency-Key.
 */
export async function sweepStalledAlerts(db: Database, queue: Queue<AlertMessage>, now: number): Promise<void> {
  const stale = sql`a.emailed_at IS NULL AND a.created_at < ${now - DIGEST_WINDOW_MS - GRACE_MS} AND a.created_at >= ${now - GIVE_UP_MS}`;
  const tenants = sql`SELECT tenant_id FROM alert_windows WHERE ends_at >= ${now - GIVE_UP_MS}`;
  await db.run(sql`UPDATE response_alerts AS a SET batch_key = 'late:' || a.response_id
    WHERE a.tenant_id IN (${tenants}) AND a.batch_key IS NULL AND ${stale}`);
  const batches = await db.all<AlertMessage>(sql`
    SELECT DISTINCT a.tenant_id AS tenantId, a.batch_key AS batchKey FROM response_alerts a
    WHERE a.tenant_id IN (${tenants}) AND ${stale} LIMIT ${MAX_BATCHES_PER_RUN}`);
  if (batches.length > 0) await queue.sendBatch(batches.map((body) => ({ body })));
}
