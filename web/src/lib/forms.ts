import type { z } from 'zod';
import { ApiError } from '../api';
import { t } from '../i18n';

/** Field path (`texts.en.question`) → message; `''` holds a message for the whole form. */
export type FieldErrors = Record<string, string>;

function message(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return t('err.required');
    case 'invalid_format':
      return issue.format === 'email' ? t('err.email') : issue.message;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? t('err.required') : t('err.tooShort', { min: Number(issue.minimum) });
      return issue.message;
    case 'too_big':
      return issue.origin === 'string' ? t('err.tooLong', { max: Number(issue.maximum) }) : issue.message;
    default:
      return issue.message || t('err.invalid');
  }
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Checks `value` with the same zod schema the API uses, so the form says what the server would. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= message(issue);
  }
  return { ok: false, errors };
}

/** Turns a failed call into field errors (422 lists paths) or one form-level message. */
export function errorsFromApi(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return { '': t('state.error') };
  const { problem } = error;
  if (problem.status === 0) return { '': t('state.offline') };
  if (problem.status === 403) return { '': t('form.forbidden') };
  const errors: FieldErrors = {};
  for (const field of problem.errors ?? []) errors[field.path === '(root)' ? '' : field.path] ??= field.message;
  if (Object.keys(errors).length === 0) errors[''] = error.message;
  else errors[''] ??= t('form.fixErrors');
  return errors;
}

/** The one message to show for a failed call outside a form (a button, a confirmation). */
export const messageOf = (caught: unknown): string => errorsFromApi(caught)[''] ?? t('state.error');
