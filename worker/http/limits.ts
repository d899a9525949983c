import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Bindings } from '../env';
import { payloadTooLarge, tooManyRequests } from './problem';

export const MAX_BODY_BYTES = 64 * 1024;

export const limitBody = (maxSize = MAX_BODY_BYTES): MiddlewareHandler =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw payloadTooLarge(maxSize);
    },
  });

type LimiterName = { [K in keyof Bindings]: Bindings[K] extends RateLimit ? K : never }[keyof Bindings];

/** The caller's IP as seen by Cloudflare's edge. */
export const clientIp = (request: Request) => request.headers.get('CF-Connecting-IP') ?? 'unknown';

/** Throws 429 when the Rate Limiting binding `limiter` refuses `key`. Periods are 60 s (see wrangler.toml). */
export async function enforceRateLimit(env: Bindings, limiter: LimiterName, key: string): Promise<void> {
  const { success } = await env[limiter].limit({ key });
  if (!success) throw tooManyRequests(60);
}
