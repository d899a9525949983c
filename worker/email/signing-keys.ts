import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { emailSigningKeys } from '../db/schema';
import { randomBase62, randomBytes, toBase64Url } from '../shared/crypto';
import type { SecretBox } from '../shared/secret-box';
import type { SigningKey } from './tokens';

/** A fresh key row; the secret is stored sealed, so a copy of the database cannot forge links. */
const newKey = async (secrets: SecretBox, tenantId: string, now: number) => ({
  tenantId,
  kid: `k${randomBase62(7)}`,
  secret: await secrets.seal(toBase64Url(randomBytes(32))),
  createdAt: now,
});

const opened = async (secrets: SecretBox, row: SigningKey | undefined): Promise<SigningKey | undefined> =>
  row && { kid: row.kid, secret: await secrets.open(row.secret) };

async function newestKey(db: Database, secrets: SecretBox, tenantId: string): Promise<SigningKey | undefined> {
  const [row] = await db
    .select({ kid: emailSigningKeys.kid, secret: emailSigningKeys.secret })
    .from(emailSigningKeys)
    .where(and(eq(emailSigningKeys.tenantId, tenantId), isNull(emailSigningKeys.retiredAt)))
    .orderBy(desc(emailSigningKeys.createdAt), desc(emailSigningKeys.kid))
    .limit(1);
  return opened(secrets, row);
}

/** The key that signs new links; created on first use. */
export async function currentSigningKey(db: Database, secrets: SecretBox, tenantId: string): Promise<SigningKey> {
  const existing = await newestKey(db, secrets, tenantId);
  if (existing) return existing;
  await db
    .insert(emailSigningKeys)
    .values(await newKey(secrets, tenantId, Date.now()))
    .onConflictDoNothing();
  return (await newestKey(db, secrets, tenantId))!;
}

/** A key that may still verify links: any unretired key of the tenant. */
export async function findSigningKey(
  db: Database,
  secrets: SecretBox,
  tenantId: string,
  kid: string,
): Promise<SigningKey | undefined> {
  const [row] = await db
    .select({ kid: emailSigningKeys.kid, secret: emailSigningKeys.secret })
    .from(emailSigningKeys)
    .where(and(eq(emailSigningKeys.tenantId, tenantId), eq(emailSigningKeys.kid, kid), isNull(emailSigningKeys.retiredAt)))
    .limit(1);
  return opened(secrets, row);
}

/**
 * Starts signing with a fresh key. Links signed by older keys keep working unless
 * `retirePrevious` is set (e.g. after a leak), which makes them record nothing from now on.
 */
export async function rotateSigningKey(
  db: Database,
  secrets: SecretBox,
  tenantId: string,
  retirePrevious: boolean,
): Promise<{ kid: string }> {
  const now = Date.now();
  const key = await newKey(secrets, tenantId, now);
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
