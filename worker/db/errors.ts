/** The innermost cause: drizzle wraps D1 errors in one whose message repeats the SQL and its bound values. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && current.cause !== undefined) current = current.cause;
  return current;
}

/** SQLite's error text when a unique index refuses a row; D1 passes it through. */
export const isUniqueViolation = (error: unknown): boolean => String(rootCause(error)).includes('UNIQUE constraint failed');

/** SQLite's error text when a foreign key refuses a delete or an insert. */
export const isForeignKeyViolation = (error: unknown): boolean => String(rootCause(error)).includes('FOREIGN KEY constraint failed');

/** A loggable description that never includes bound parameters (they can be personal data). */
export function describeError(error: unknown): string {
  const cause = rootCause(error);
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : 'non-Error thrown';
}
