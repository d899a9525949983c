import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { tenants } from '../db/schema';

const CACHE_MS = 60_000;
const cache = new Map<string, { timeZone: string; until: number }>();

/**
 * The tenant's IANA time zone, which decides the day a write counts for. Cached briefly per isolate
 * because every write needs it; after a change, writes count in the new zone within a minute.
 */
export async function tenantTimeZone(db: Database, tenantId: string): Promise<string> {
  const now = Date.now();
  const hit = cache.get(tenantId);
  if (hit && hit.until > now) return hit.timeZone;
  const [row] = await db.select({ timeZone: tenants.timezone }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  const timeZone = row?.timeZone ?? 'UTC';
  cache.set(tenantId, { timeZone, until: now + CACHE_MS });
  return timeZone;
}
