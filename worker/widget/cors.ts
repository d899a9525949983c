import type { MiddlewareHandler } from 'hono';

/**
 * Lets the page read error responses of the public widget API too. Errors are rendered as fresh responses
 * by the app's error handler, so headers set before the throw are lost; without this, a 4xx would look to the
 * widget like a network failure and be retried forever. Error bodies carry nothing tenant-specific.
 */
export const corsOnErrors: MiddlewareHandler = async (c, next) => {
  await next();
  const origin = c.req.header('Origin');
  if (origin && c.res.status >= 400 && !c.res.headers.has('Access-Control-Allow-Origin')) {
    c.res.headers.set('Access-Control-Allow-Origin', origin);
    c.res.headers.append('Vary', 'Origin');
  }
};
