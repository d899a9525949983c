import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailSigningKeys } from '../db/schema';
import { randomBase62, randomBytes, toBase64Url } from '../shared/crypto';
import type { SigningKey } from './tokens';

const newKey = (tenantId: string, now: number) => ({
  tenantId,
  kid: `k${randomBase62(7)}`,
  secret: toBase64Url(randomBytes(32)),
  createdAt: now,
});

async function newestKey(db: Database, tenantId: string): Promise<SigningKey | undefined> {
  const [row] = await db
    .select({ kid: emailSigningKeys.kid, secret: emailSigningKeys.secret })
    .from(emailSigningKeys)
    .where(and(eq(emailSigningKeys.tenantId, tenantId), isNull(emailSigningKeys.retiredAt)))
    .orderBy(desc(emailSigningKeys.createdAt), desc(emailSigningKeys.kid))
    .limit(1);
  return row;
}

/** The key that signs new links; created on first use. */
export async function currentSigningKey(db: Database, tenantId: string): Promise<SigningKey> {
  const existing = await newestKey(db, tenantId);
  if (existing) return existing;
  await db.insert(emailSigningKeys).values(newKey(tenantId, Date.now())).onConflictDoNothing();
  return (await newestKey(db, tenantId))!;
}

/** A key that may still verify links: any unretired key of the tenant. */
export async function findSigningKey(db: Database, tenantId: string, kid: string): Promise<SigningKey | undefined> {
  const [row] = await db
    .select({ kid: emailSigningKeys.kid, secret: emailSigningKeys.secret })
    .from(emailSigningKeys)
    .where(and(eq(emailSigningKeys.tenantId, tenantId), eq(emailSigningKeys.kid, kid), isNull(emailSigningKeys.retiredAt)))
    .limit(1);
  return row;
}

/**
 * Starts signing with a fresh key. Links signed by older keys keep working unless
 * `retirePrevious` is set (e.g. after a leak), which makes them record nothing from now on.
 */
export async function rotateSigningKey(db: Database, tenantId: string, retirePrevious: boolean): Promise<{ kid: string }> {
  const now = Date.now();
  const key = newKey(tenantId, now);
  const insert = db.insert(emailSigningKeys).values(key);
  if (!retirePrevious) {
    await insert;
    return { kid: key.kid };
  }
  await db.batch([
    db
      .update(emailSigningKeys)
      .set({ retiredAt: now })
      .where(and(eq(emailSigningKeys.tenantId, tenantId), isNull(emailSigningKeys.retiredAt))),
    insert,
  ]);
  return { kid: key.kid };
}
