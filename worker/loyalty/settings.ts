import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import { loyaltySettings, tenants } from '../db/schema';
import type { Settings, UpdateSettings } from './schemas';

/** A programme that pays 1 point per currency unit, immediately, never expiring. */
const DEFAULTS: Omit<Settings, 'currency'> = {
  earnRate: 1,
  rounding: 'floor',
  excludeShipping: true,
  excludeTax: true,
  pointValue: 0.01,
  pendingDays: 0,
  expiryPolicy: 'none',
  expiryMonths: 12,
  negativeBalance: 'never',
  tierMetric: 'points',
  tierWindowDays: 365,
  tierPeriodDays: 365,
};

/** The reads behind `getSettings`, for callers that batch them with their own; `settingsOf` makes them Settings. */
export const settingsQueries = (db: Database, tenantId: string) =>
  [
    db.select().from(loyaltySettings).where(eq(loyaltySettings.tenantId, tenantId)).limit(1),
    db.select({ currency: tenants.currency }).from(tenants).where(eq(tenants.id, tenantId)).limit(1),
  ] as const;

type SettingsRow = typeof loyaltySettings.$inferSelect;

export function settingsOf(row: SettingsRow | undefined, tenant: { currency: string } | undefined): Settings {
  if (!row) return { ...DEFAULTS, currency: tenant?.currency ?? 'USD' };
  const { tenantId: _tenant, updatedAt: _updated, ...settings } = row;
  return settings;
}

export async function getSettings(db: Database, tenantId: string): Promise<Settings> {
  const [[row], [tenant]] = await db.batch(settingsQueries(db, tenantId));
  return settingsOf(row, tenant);
}

export async function updateSettings(db: Database, tenantId: string, patch: z.infer<typeof UpdateSettings>): Promise<Settings> {
  const next: Settings = { ...(await getSettings(db, tenantId)), ...patch };
  const updatedAt = Date.now();
  await db
    .insert(loyaltySettings)
    .values({ tenantId, ...next, updatedAt })
    .onConflictDoUpdate({ target: loyaltySettings.tenantId, set: { ...next, updatedAt } });
  return next;
}
