import { lt } from 'drizzle-orm';
import { database, type Database } from './db/client';
import { sessions } from './db/schema';
import type { Bindings } from './env';

/** One periodic job of a domain. Each must be idempotent: running it twice changes nothing the second time. */
export type ScheduledJob = (db: Database, env: Bindings, now: number) => Promise<void>;

const purgeExpiredSessions: ScheduledJob = async (db, _env, now) => {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
};

const JOBS: ScheduledJob[] = [purgeExpiredSessions];

/** Runs every job; one failing job does not stop the others, but the run still reports failure. */
export async function runScheduledJobs(env: Bindings, now: number): Promise<void> {
  const db = database(env.DB);
  const results = await Promise.allSettled(JOBS.map((job) => job(db, env, now)));
  const failed = results.filter((result) => result.status === 'rejected');
  if (failed.length > 0) throw new AggregateError(failed.map((result) => result.reason), `${failed.length} scheduled job(s) failed`);
}
