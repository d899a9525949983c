import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describeError } from '../db/errors';
import { Problem, problemResponse } from './problem';

export const onError: ErrorHandler = (error, c) => {
  if (error instanceof Problem) return problemResponse(error);
  if (error instanceof HTTPException) {
    // Hono's own 400s (malformed JSON, unreadable form) carry safe, fixed messages.
    const title = error.status === 400 ? 'Bad request' : 'Error';
    return problemResponse(new Problem(error.status, title, error.message || undefined));
  }
  // Never echo internal (e.g. D1) error text to the caller: it can leak schema details.
  console.error(JSON.stringify({ message: 'unhandled error', path: c.req.path, error: describeError(error) }));
  return problemResponse(new Problem(500, 'Internal server error', 'Something went wrong on our side.'));
};

export const onNotFound: NotFoundHandler = (c) =>
  problemResponse(new Problem(404, 'Not found', `No route for ${c.req.method} ${c.req.path}.`));
