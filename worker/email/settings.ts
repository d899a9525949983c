import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailSettings } from '../db/schema';

export const DEFAULT_RESURVEY_DAYS = 90;

export async function readEmailSettings(db: Database, tenantId: string): Promise<{ resurveyDays: number }> {
  const [row] = await db.select().from(emailSettings).where(eq(emailSettings.tenantId, tenantId)).limit(1);
  return { resurveyDays: row?.resurveyDays ?? DEFAULT_RESURVEY_DAYS };
}

export async function writeEmailSettings(db: Database, tenantId: string, settings: { resurveyDays: number }) {
  const now = Date.now();
  await db
    .insert(emailSettings)
    .values({ tenantId, resurveyDays: settings.resurveyDays, updatedAt: now })
    .onConflictDoUpdate({ target: emailSettings.tenantId, set: { resurveyDays: settings.resurveyDays, updatedAt: now } });
  return settings;
}
