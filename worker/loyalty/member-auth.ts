import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { IDEMPOTENCY_HEADER } from '../http/idempotency';
import { clientIp, enforceRateLimit } from '../http/limits';
import { unauthorized } from '../http/problem';
import { secretBox } from '../shared/secret-box';
import { authorizeBrowser, enforceKeyLimit } from '../widget/authorize';
import { verifyMemberHash } from './member-identity';
import { MEMBER_HASH_HEADER } from './member-schemas';

/** Browsers cache a preflight at most 2 hours (Chromium), so longer buys nothing. */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/**
 * Answers CORS preflights of the member endpoints, which send the identity hash and an Idempotency-Key as
 * headers. A preflight carries no key, so it reveals nothing; the real request is checked against the
 * tenant's allowed origins.
 */
export const memberPreflight: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('Origin');
  if (c.req.method !== 'OPTIONS' || !origin) return next();
  return c.body(null, 204, {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST',
    'Access-Control-Allow-Headers': `Content-Type, ${IDEMPOTENCY_HEADER}, ${MEMBER_HASH_HEADER}`,
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
    Vary: 'Origin',
  });
};

/**
 * A verified member of the key's tenant: publishable key (`?key=`), an allowed Origin, and the customer id in the
 * path signed by the tenant's member identity secret. Sets `c.var.tenantId`. Any failure is a 401/403 that says
 * nothing about whether the customer exists.
 */
export const requireMember: MiddlewareHandler<AppEnv> = async (c, next) => {
  await enforceRateLimit(c.env, 'INGEST_LIMITER', `ip:${clientIp(c.req.raw)}`);
  const key = c.req.query('key');
  if (!key) throw unauthorized('Add the publishable key as `?key=rk_pk_…`.');
  const caller = await authorizeBrowser(c, key);
  await enforceKeyLimit(c, caller);
  const id = c.req.param('id');
  const hash = c.req.header(MEMBER_HASH_HEADER);
  const verified =
    id !== undefined &&
    hash !== undefined &&
    (await verifyMemberHash(c.var.db, secretBox(c.env.DATA_ENCRYPTION_KEY), caller.tenantId, id, hash));
  if (!verified)
    throw unauthorized(
      `The customer's identity could not be verified: send the ${MEMBER_HASH_HEADER} your server computed for this id.`,
    );
  c.set('tenantId', caller.tenantId);
  await next();
  // A replay from the idempotency store is a fresh Response without the CORS header set above.
  if (!c.res.headers.has('Access-Control-Allow-Origin')) {
    c.res.headers.set('Access-Control-Allow-Origin', caller.origin);
    c.res.headers.append('Vary', 'Origin');
  }
};
