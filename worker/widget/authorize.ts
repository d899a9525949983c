import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { enforceRateLimit } from '../http/limits';
import { forbidden, unauthorized } from '../http/problem';
import { type KeyWithTenant, presentedKey } from '../tenants/authenticate';

export interface BrowserCaller {
  tenantId: string;
  keyId: string;
  origin: string;
  tenantLocale: string;
}

/**
 * Resolves the tenant of a publishable key and checks the page's Origin against the tenant's
 * allowed origins. Browsers always send Origin on cross-origin fetches, so a missing one is refused.
 */
export async function authorizeBrowser(c: Context<AppEnv>, key: string): Promise<BrowserCaller> {
  const [found] = await (await presentedKey(c.var.db, key)).withTenant;
  return authorizeFoundKey(c, found);
}

/** `authorizeBrowser` for callers that looked the key up in a batch of their own (see `presentedKey`). */
export function authorizeFoundKey(c: Context<AppEnv>, found: KeyWithTenant | undefined): BrowserCaller {
  if (!found) throw unauthorized('Unknown or revoked key.');
  if (found.kind !== 'publishable') throw forbidden('Use a publishable key (rk_pk_…) in browsers; secret keys must stay on your server.');
  const origin = c.req.header('Origin');
  if (!origin || !found.allowedOrigins.includes(origin)) {
    throw forbidden(`Origin ${origin ?? '(none)'} is not in this account's allowed widget origins.`);
  }
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Vary', 'Origin');
  return { tenantId: found.tenantId, keyId: found.id, origin, tenantLocale: found.defaultLocale };
}

/**
 * Per-key limit for what the widget writes (a bucket of its own in API_LIMITER). The config read is left
 * out: browsers cache it, and refusing it would switch the widget off for every visitor of a busy site.
 */
export const enforceKeyLimit = (c: Context<AppEnv>, caller: BrowserCaller): Promise<void> =>
  enforceRateLimit(c.env, 'API_LIMITER', `widget-key:${caller.keyId}`);
