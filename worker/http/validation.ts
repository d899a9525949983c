import type { z } from 'zod';
import { unprocessable, type FieldError } from './problem';

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

export const validationProblem = (error: z.ZodError) =>
  unprocessable('The request does not match the schema; see `errors`.', fieldErrors(error));

/** Parses `value` or throws a 422 problem listing the failing paths. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationProblem(result.error);
  return result.data;
}
