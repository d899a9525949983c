import type { MiddlewareHandler } from 'hono';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import type { AppEnv } from '../env';
import { sha256Hex } from '../shared/crypto';
import { DAY_MS } from '../shared/time';
import { badRequest, conflict, unprocessable } from './problem';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Keys are kept at least this long; the scheduled purge removes older ones. */
export const IDEMPOTENCY_KEY_TTL_MS = 7 * DAY_MS;
/** A first request that has not finished after this long is presumed dead; a retry may take its key over. */
const LEASE_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Outcomes that say nothing final about the request (our failure, a conflict with a concurrent
 * request, rate limiting): the key is released so a retry with it runs again.
 */
const isTransient = (status: number) => status >= 500 || status === 409 || status === 429;

/** The header as documented in the OpenAPI document: `request: { headers: IdempotencyHeaders }`. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .meta({
      description:
        'Unique per logical operation (e.g. a UUID). Retrying with the same key and body returns the stored response and writes nothing; ' +
        'the same key with a different body is 422; while the first request still runs, 409. Keys are kept 7 days.',
    }),
});

/**
 * Exactly-once execution of mutating requests per (tenant, Idempotency-Key). Mount after the
 * middleware that sets `c.var.tenantId`. With `required: false` a request without the header runs normally.
 */
export const idempotent =
  ({ required }: { required: boolean }): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) {
      if (required) throw badRequest(`This call needs an ${IDEMPOTENCY_HEADER} header (e.g. a UUID), so retries cannot apply it twice.`);
      return next();
    }
    if (!KEY_PATTERN.test(key)) throw badRequest(`${IDEMPOTENCY_HEADER} must be 1–255 printable ASCII characters.`);

    const db = c.var.db;
    const tenantId = c.var.tenantId;
    const fingerprint = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
    const now = Date.now();

    const claimed = await claim(db, tenantId, key, fingerprint, now);
    if (claimed instanceof Response) return claimed;

    await next();
    const status = c.res.status;
    if (isTransient(status)) {
      await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)));
      return;
    }
    await db
      .update(idempotencyKeys)
      .set({ responseStatus: status, responseBody: await c.res.clone().text(), responseType: c.res.headers.get('Content-Type') })
      .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)));
  };

/** Takes ownership of the key (returns true), or answers for it: a replay, 409 or 422. */
async function claim(db: Database, tenantId: string, key: string, fingerprint: string, now: number): Promise<true | Response> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ tenantId, key, fingerprint, lockedAt: now, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return true;

  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)))
    .limit(1);
  // Released by a transient failure between our insert and this read: the caller may simply retry.
  if (!existing) throw conflict(`A request with this ${IDEMPOTENCY_HEADER} just finished; retry.`);
  if (existing.fingerprint !== fingerprint) {
    throw unprocessable(`This ${IDEMPOTENCY_HEADER} was already used for a different request.`, [
      { path: IDEMPOTENCY_HEADER, message: 'reused with a different method, path or body' },
    ]);
  }
  if (existing.responseStatus !== null) {
    const headers = new Headers({ 'Idempotent-Replayed': 'true' });
    if (existing.responseType) headers.set('Content-Type', existing.responseType);
    return new Response(existing.responseBody, { status: existing.responseStatus, headers });
  }
  if (existing.lockedAt > now - LEASE_MS) throw conflict(`A request with this ${IDEMPOTENCY_HEADER} is still in progress.`);
  const taken = await db
    .update(idempotencyKeys)
    .set({ lockedAt: now })
    .where(
      and(
        eq(idempotencyKeys.tenantId, tenantId),
        eq(idempotencyKeys.key, key),
        isNull(idempotencyKeys.responseStatus),
        eq(idempotencyKeys.lockedAt, existing.lockedAt),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  if (taken.length === 0) throw conflict(`A request with this ${IDEMPOTENCY_HEADER} is still in progress.`);
  return true;
}

/** Scheduled job body: forgets keys older than the TTL. */
export async function purgeIdempotencyKeys(db: Database, now: number): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_KEY_TTL_MS));
}
