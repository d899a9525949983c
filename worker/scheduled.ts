import { lt } from 'drizzle-orm';
import { sweepStalledAlerts } from './alerts/sweep';
import { database, type Database } from './db/client';
import { sessions } from './db/schema';
import { startDueCampaigns } from './email/enqueue';
import type { Bindings } from './env';
import { purgeIdempotencyKeys } from './http/idempotency';
import { runLoyaltyJobs } from './loyalty/jobs';
import { requeueStalledDeliveries, webhookNotifier } from './webhooks/emit';
import { enqueueDueTenants } from './metrics/fan-out';

/** One periodic job of a domain. Each must be idempotent: running it twice changes nothing the second time. */
export type ScheduledJob = (db: Database, env: Bindings, now: number) => Promise<void>;

const purgeExpiredSessions: ScheduledJob = async (db, _env, now) => {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
};

const loyaltyJobs: ScheduledJob = (db, env, now) => runLoyaltyJobs(db, now, webhookNotifier(db, env));
const idempotencyKeyPurge: ScheduledJob = (db, _env, now) => purgeIdempotencyKeys(db, now);
const webhookRequeue: ScheduledJob = (db, env, now) => requeueStalledDeliveries(db, env.WEBHOOK_QUEUE, now);
const metricsFanOut: ScheduledJob = async (db, env, now) => {
  await enqueueDueTenants(db, env.METRICS_QUEUE, now);
};

const alertSweep: ScheduledJob = (db, env, now) => sweepStalledAlerts(db, env.ALERT_QUEUE, now);

const JOBS: ScheduledJob[] = [purgeExpiredSessions, loyaltyJobs, idempotencyKeyPurge, webhookRequeue, metricsFanOut, startDueCampaigns, alertSweep];

/** Runs every job; one failing job does not stop the others, but the run still reports failure. */
export async function runScheduledJobs(env: Bindings, now: number): Promise<void> {
  const db = database(env.DB);
  const results = await Promise.allSettled(JOBS.map((job) => job(db, env, now)));
  const failed = results.filter((result) => result.status === 'rejected');
  if (failed.length > 0)
    throw new AggregateError(
      failed.map((result) => result.reason),
      `${failed.length} scheduled job(s) failed`,
    );
}
