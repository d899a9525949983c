import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { validationProblem } from './validation';

/** A Hono app whose zod validation failures become 422 problems. */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationProblem(result.error);
    },
  });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ description: 'RFC 9457 problem details.' });

const PROBLEM_DESCRIPTIONS = {
  400: 'Malformed request (e.g. invalid JSON)',
  401: 'Missing, unknown or revoked credentials',
  403: 'Authenticated, but not allowed to do this',
  404: 'Not found in this tenant',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  415: 'Unsupported content type',
  422: 'Validation failed; `errors` lists the paths',
  429: 'Rate limited; see Retry-After',
} as const;
type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

type ProblemResponse = { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } };

export function problems<const S extends ProblemStatus>(...statuses: S[]): Record<S, ProblemResponse> {
  const responses = {} as Record<S, ProblemResponse>;
  for (const status of statuses) {
    responses[status] = {
      description: PROBLEM_DESCRIPTIONS[status],
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return responses;
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export type Security = Array<Record<string, string[]>>;
export const SECRET_KEY_SECURITY: Security = [{ secretKey: [] }];
export const SESSION_SECURITY: Security = [{ session: [] }];
