// Member identity for the widget's loyalty panel: the tenant's backend signs its customer id with a
// per-tenant secret (HMAC-SHA256, hex) and the page passes id and hash to `rapport('identify', …)`.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { loyaltyMemberSecrets } from '../db/schema';
import { hmacSha256, randomBytes, timingSafeEqual, toBase64Url, toHex } from '../shared/crypto';
import type { SecretBox } from '../shared/secret-box';
import { toIso } from '../shared/time';

/** Distinguishes the identity secret from API keys (`rk_sk_`, `rk_pk_`) in config files and secret scanners. */
const SECRET_PREFIX = 'rk_ms_';
const HASH_PATTERN = /^[0-9a-f]{64}$/;

const newSecret = () => SECRET_PREFIX + toBase64Url(randomBytes(32));

/** What the tenant's backend computes: lowercase hex HMAC-SHA256 of the customer id, keyed with the whole secret string. */
export const memberHash = async (secret: string, customerId: string): Promise<string> =>
  toHex(await hmacSha256(secret, customerId));

async function storedSecret(db: Database, secrets: SecretBox, tenantId: string) {
  const [row] = await db.select().from(loyaltyMemberSecrets).where(eq(loyaltyMemberSecrets.tenantId, tenantId)).limit(1);
  return row && { secret: await secrets.open(row.secret), createdAt: row.createdAt };
}

/** The tenant's secret, created on first read; concurrent first reads agree on one. */
export async function readMemberSecret(db: Database, secrets: SecretBox, tenantId: string) {
  const existing = await storedSecret(db, secrets, tenantId);
  if (!existing) {
    await db
      .insert(loyaltyMemberSecrets)
      .values({ tenantId, secret: await secrets.seal(newSecret()), createdAt: Date.now() })
      .onConflictDoNothing();
  }
  const { secret, createdAt } = existing ?? (await storedSecret(db, secrets, tenantId))!;
  return { secret, createdAt: toIso(createdAt) };
}

/** Replaces the secret; hashes made with the previous one are refused from now on. The new secret is read with GET. */
export async function rotateMemberSecret(db: Database, secrets: SecretBox, tenantId: string) {
  const now = Date.now();
  const secret = await secrets.seal(newSecret());
  await db
    .insert(loyaltyMemberSecrets)
    .values({ tenantId, secret, createdAt: now })
    .onConflictDoUpdate({ target: loyaltyMemberSecrets.tenantId, set: { secret, createdAt: now } });
  return { createdAt: toIso(now) };
}

/**
 * Whether `hash` is the tenant's signature of `customerId`. Compared in constant time; a tenant that never
 * read its secret has none, so nothing verifies.
 */
export async function verifyMemberHash(
  db: Database,
  secrets: SecretBox,
  tenantId: string,
  customerId: string,
  hash: string,
): Promise<boolean> {
  const stored = await storedSecret(db, secrets, tenantId);
  const presented = hash.toLowerCase();
  if (!stored || !HASH_PATTERN.test(presented)) return false;
  const expected = await hmacSha256(stored.secret, customerId);
  return timingSafeEqual(
    expected,
    Uint8Array.from(presented.match(/../g)!, (pair) => parseInt(pair, 16)),
  );
}
