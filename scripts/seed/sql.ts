import { drizzle } from 'drizzle-orm/sqlite-proxy';

/**
 * A drizzle instance that only builds queries: the seed renders them to SQL text with `toSqlText`
 * and hands the file to `wrangler d1 execute`, so column names always come from worker/db/schema.
 */
export const queryBuilder = drizzle(async () => {
  throw new Error('queryBuilder only renders SQL; run it with wrangler d1 execute');
});

type Param = string | number | boolean | null | undefined;

export function sqlLiteral(value: Param): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as SQL`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** Replaces each `?` placeholder (outside quotes) with its parameter written as an SQL literal. */
export function toSqlText(query: { toSQL(): { sql: string; params: unknown[] } }): string {
  const { sql, params } = query.toSQL();
  let out = '';
  let quote: string | null = null;
  let next = 0;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"' || char === '`') {
      quote = char;
      out += char;
    } else if (char === '?') {
      if (next >= params.length) throw new Error(`more placeholders than parameters in: ${sql}`);
      out += sqlLiteral(params[next++] as Param);
    } else {
      out += char;
    }
  }
  if (next !== params.length) throw new Error(`${params.length - next} unused parameters in: ${sql}`);
  return `${out};`;
}

/** Splits rows into chunks so no single INSERT gets near D1's 100 KB statement limit. */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}
