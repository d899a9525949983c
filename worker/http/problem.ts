import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface FieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem. Thrown anywhere; rendered by the app's error handler. */
export class Problem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: { errors?: FieldError[]; type?: string } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string) => new Problem(400, 'Bad request', detail);
export const unauthorized = (detail = 'Missing or invalid credentials.') =>
  new Problem(401, 'Unauthorized', detail, {}, { 'WWW-Authenticate': 'Bearer' });
export const forbidden = (detail: string) => new Problem(403, 'Forbidden', detail);
export const notFound = (what = 'Resource') => new Problem(404, 'Not found', `${what} not found.`);
export const conflict = (detail: string) => new Problem(409, 'Conflict', detail);
export const payloadTooLarge = (limitBytes: number) =>
  new Problem(413, 'Payload too large', `The request body exceeds ${limitBytes} bytes.`);
export const unprocessable = (detail: string, errors: FieldError[] = []) =>
  new Problem(422, 'Validation failed', detail, { errors, type: '/docs#problem-validation' });
export const tooManyRequests = (retryAfterSeconds: number) =>
  new Problem(
    429,
    'Too many requests',
    `Retry after ${retryAfterSeconds} seconds.`,
    {},
    { 'Retry-After': String(retryAfterSeconds) },
  );

export function problemResponse(problem: Problem, extraHeaders: HeadersInit = {}): Response {
  const body = {
    type: problem.extensions.type ?? 'about:blank',
    title: problem.title,
    status: problem.status,
    ...(problem.detail === undefined ? {} : { detail: problem.detail }),
    ...(problem.extensions.errors ? { errors: problem.extensions.errors } : {}),
  };
  const headers = new Headers(extraHeaders);
  headers.set('Content-Type', 'application/problem+json');
  for (const [name, value] of Object.entries(problem.headers)) headers.set(name, value);
  return new Response(JSON.stringify(body), { status: problem.status, headers });
}
