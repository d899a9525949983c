import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../env';
import { badRequest } from '../http/problem';
import { parseOrThrow } from '../http/validation';

/** Reads a JSON body that the widget sends as `text/plain`, which keeps the request free of a CORS preflight. */
export async function readTextJson<T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> {
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw badRequest('The body must be JSON (sent as text/plain to avoid a CORS preflight).');
  }
  return parseOrThrow(schema, value);
}
