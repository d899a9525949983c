import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import type { Principal } from '../env';

/**
 * Who a manual adjustment is booked to. From the dashboard it is the signed-in user (never a name
 * the browser sends); an API caller names its own actor, which the /v1 schema requires.
 */
export async function adjustmentActor(db: Database, principal: Principal, stated: string | undefined): Promise<string> {
  if (principal.type === 'key') return stated ?? `key:${principal.keyId}`;
  const [user] = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.tenantId, principal.tenantId), eq(users.id, principal.userId)))
    .limit(1);
  return `dashboard:${user?.email ?? principal.userId}`;
}
