import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { badRequest } from '../http/problem';
import { fromBase64Url, toBase64Url } from './crypto';

/** Position after the last row of a page, ordered by (createdAt desc, id desc). */
export interface Cursor {
  createdAt: number;
  id: string;
}

export const encodeCursor = (cursor: Cursor): string =>
  toBase64Url(new TextEncoder().encode(JSON.stringify([cursor.createdAt, cursor.id])));

export function decodeCursor(text: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(new TextDecoder().decode(fromBase64Url(text))) as unknown[];
    if (typeof createdAt === 'number' && typeof id === 'string') return { createdAt, id };
  } catch {
    // fall through to the problem below
  }
  throw badRequest('Invalid cursor; pass back the nextCursor of a previous page.');
}

interface Columns {
  createdAt: SQLiteColumn;
  id: SQLiteColumn;
}

/** Where-clause for rows after `cursor`, and the matching order. */
export function pageAfter(columns: Columns, cursor: string | undefined): { where: SQL | undefined; orderBy: SQL[] } {
  const orderBy = [desc(columns.createdAt), desc(columns.id)];
  if (!cursor) return { where: undefined, orderBy };
  const after = decodeCursor(cursor);
  return {
    where: or(lt(columns.createdAt, after.createdAt), and(eq(columns.createdAt, after.createdAt), lt(columns.id, after.id))),
    orderBy,
  };
}

/** Fetch `limit + 1` rows and pass them here: the extra row only says whether there is a next page. */
export function toPage<T extends Cursor, V>(rows: T[], limit: number, view: (row: T) => V) {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return { data: pageRows.map(view), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
