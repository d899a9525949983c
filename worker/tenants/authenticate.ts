import type { MiddlewareHandler } from 'hono';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { apiKeys, sessions, tenants, users } from '../db/schema';
import type { Database } from '../db/client';
import type { AppEnv } from '../env';
import { clientIp, enforceRateLimit } from '../http/limits';
import { forbidden, unauthorized } from '../http/problem';
import { timingSafeEqual } from '../shared/crypto';
import { apiKeyKindOf, hashApiKey } from './api-keys';
import type { ApiKeyKind, Role } from './schemas';
import { CSRF_HEADER, csrfTokenFor, hashSessionId, readSessionCookie } from './session-cookie';

/**
 * last_used_at is informational; writing it at most once a minute keeps reads from becoming writes
 * (the key lookup returns it, so a fresh one costs no statement at all).
 */
const LAST_USED_RESOLUTION_MS = 60_000;

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

/**
 * Authenticates `Authorization: Bearer rk_…`. A publishable key on a secret route is 403
 * (the caller is known but may not do this); unknown and revoked keys are 401.
 */
export const requireApiKey =
  (kind: ApiKeyKind): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) throw unauthorized('Send your API key as `Authorization: Bearer rk_sk_…`.');
    const presented = apiKeyKindOf(token);
    const key = presented ? await findActiveKey(c.var.db, token) : null;
    if (!key) {
      // Only failed checks count, so valid keys pay nothing; a guesser gets 429s instead of answers.
      await enforceRateLimit(c.env, 'LOGIN_LIMITER', `key-check:${clientIp(c.req.raw)}`);
      throw unauthorized(presented ? 'Unknown or revoked API key.' : 'Malformed API key.');
    }
    if (key.kind !== kind) throw forbidden(`This route needs a ${kind} key; a ${key.kind} key was sent.`);
    c.set('principal', { type: 'key', tenantId: key.tenantId, keyId: key.id, kind: key.kind });
    c.set('tenantId', key.tenantId);
    if (isStale(key.lastUsedAt, Date.now())) c.executionCtx.waitUntil(touchKey(c.var.db, key.id));
    await next();
  };

const activeKeyMatching = async (token: string) => and(eq(apiKeys.keyHash, await hashApiKey(token)), isNull(apiKeys.revokedAt));

export async function findActiveKey(db: Database, token: string) {
  const [key] = await db
    .select({ id: apiKeys.id, tenantId: apiKeys.tenantId, kind: apiKeys.kind, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(await activeKeyMatching(token))
    .limit(1);
  return key ?? null;
}

/**
 * An active key presented by a browser, for reads that go in one batch with the key lookup:
 * `withTenant` finds the key with what a browser caller needs of its tenant, and `tenantId`
 * scopes the other reads to the key's tenant (no rows when the key is unknown or revoked).
 */
export async function presentedKey(db: Database, token: string) {
  const matching = await activeKeyMatching(token);
  return {
    withTenant: db
      .select({
        id: apiKeys.id,
        tenantId: apiKeys.tenantId,
        kind: apiKeys.kind,
        allowedOrigins: tenants.allowedOrigins,
        defaultLocale: tenants.defaultLocale,
      })
      .from(apiKeys)
      .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
      .where(matching)
      .limit(1),
    tenantId: sql`(${db.select({ tenantId: apiKeys.tenantId }).from(apiKeys).where(matching).limit(1)})`,
  };
}

export type KeyWithTenant = Awaited<Awaited<ReturnType<typeof presentedKey>>['withTenant']>[number];

const isStale = (lastUsedAt: number | null, now: number) => lastUsedAt === null || lastUsedAt < now - LAST_USED_RESOLUTION_MS;

async function touchKey(db: Database, keyId: string): Promise<void> {
  const now = Date.now();
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, now - LAST_USED_RESOLUTION_MS))));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Authenticates the dashboard session cookie; state-changing calls must also echo the CSRF token. */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const sessionId = readSessionCookie(c);
  if (!sessionId) throw unauthorized('Log in first.');
  const idHash = await hashSessionId(sessionId);
  const [row] = await c.var.db
    .select({ tenantId: sessions.tenantId, userId: sessions.userId, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, Date.now())))
    .limit(1);
  if (!row) throw unauthorized('Your session has expired; log in again.');
  if (!SAFE_METHODS.has(c.req.method)) {
    const sent = new TextEncoder().encode(c.req.header(CSRF_HEADER) ?? '');
    const expected = new TextEncoder().encode(await csrfTokenFor(sessionId));
    if (!timingSafeEqual(sent, expected)) throw forbidden(`Missing or wrong ${CSRF_HEADER} header.`);
  }
  c.set('principal', { type: 'session', tenantId: row.tenantId, userId: row.userId, role: row.role, sessionIdHash: idHash });
  c.set('tenantId', row.tenantId);
  await next();
};

const RANK: Record<Role, number> = { viewer: 0, admin: 1, owner: 2 };

/** Needs `requireSession` before it. Reads are open to every role; changes need `minimum`. */
export const requireRoleForChanges =
  (minimum: Role): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const principal = c.var.principal;
    const allowed = principal.type === 'session' && RANK[principal.role] >= RANK[minimum];
    if (!allowed && !SAFE_METHODS.has(c.req.method)) throw forbidden(`Changing this needs the ${minimum} role.`);
    await next();
  };

/** For reads only some roles may make (data exports): a session needs `minimum`; a secret API key passes. */
export const requireRole =
  (minimum: Role): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const principal = c.var.principal;
    if (principal.type === 'session' && RANK[principal.role] < RANK[minimum]) throw forbidden(`This needs the ${minimum} role.`);
    await next();
  };
