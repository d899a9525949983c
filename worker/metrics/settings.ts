import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { metricSettings, metricState } from '../db/schema';
import type { MetricSettings } from './schemas';

export const DEFAULT_SETTINGS: MetricSettings = { churnDays: 90, grossMargin: null };

export async function readSettings(db: Database, tenantId: string): Promise<MetricSettings> {
  const [row] = await db.select().from(metricSettings).where(eq(metricSettings.tenantId, tenantId)).limit(1);
  return row ? { churnDays: row.churnDays, grossMargin: row.grossMargin } : DEFAULT_SETTINGS;
}

/** Stores the settings and marks the tenant changed, so the next recompute applies them. */
export async function writeSettings(db: Database, tenantId: string, settings: MetricSettings): Promise<void> {
  const now = Date.now();
  await db.batch([
    db
      .insert(metricSettings)
      .values({ tenantId, ...settings, updatedAt: now })
      .onConflictDoUpdate({ target: metricSettings.tenantId, set: { ...settings, updatedAt: now } }),
    db.update(metricState).set({ computedDay: null }).where(eq(metricState.tenantId, tenantId)),
  ]);
}
