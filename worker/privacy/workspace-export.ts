import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client';
import { tenants } from '../db/schema';
import { toIso } from '../shared/time';
import { EXPORT_TABLES, type ExportTable } from './export-tables';
import { ndjsonLine, pullStream } from './ndjson';
import type { ExportLine } from './schemas';

/** Rows per query: one page is one NDJSON chunk, and the D1 query count stays at about rows / 500. */
export const EXPORT_PAGE_ROWS = 500;

type Row = Record<string, unknown>;

/** One page of a table's rows for the tenant, after the key values of the previous page's last row. */
async function readPage(db: Database, tenantId: string, spec: ExportTable, after: unknown[] | null): Promise<Row[]> {
  const columns = getTableColumns(spec.table) as Record<string, SQLiteColumn>;
  const selected = Object.fromEntries(Object.entries(columns).filter(([name]) => !spec.omit?.includes(name)));
  const keys = spec.keys.map((name) => columns[name]!);
  const afterLast = after
    ? sql`(${sql.join(keys, sql`, `)}) > (${sql.join(
        after.map((value) => sql`${value}`),
        sql`, `,
      )})`
    : undefined;
  return db
    .select(selected)
    .from(spec.table)
    .where(and(eq(columns.tenantId!, tenantId), afterLast))
    .orderBy(...keys.map((key) => asc(key)))
    .limit(EXPORT_PAGE_ROWS);
}

async function* exportLines(db: Database, tenantId: string, now: number): AsyncGenerator<string> {
  const line = (value: ExportLine) => ndjsonLine(value);
  yield line({ type: 'export', data: { tenantId, exportedAt: toIso(now), format: 1 } });
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  let records = 0;
  if (tenant) {
    records += 1;
    yield line({ type: 'tenant', data: tenant });
  }
  for (const spec of EXPORT_TABLES) {
    let after: unknown[] | null = null;
    for (;;) {
      const rows = await readPage(db, tenantId, spec, after);
      const last = rows[rows.length - 1];
      if (!last) break;
      records += rows.length;
      yield rows.map((data) => line({ type: spec.type, data })).join('');
      if (rows.length < EXPORT_PAGE_ROWS) break;
      after = spec.keys.map((key) => last[key]);
    }
  }
  yield line({ type: 'end', data: { records } });
}

/**
 * Everything the tenant owns as NDJSON (see export-tables.ts for what is in it), read a keyset page
 * at a time while the download proceeds, so memory stays flat for any tenant size.
 */
export const workspaceExport = (db: Database, tenantId: string, now = Date.now()): ReadableStream<Uint8Array> =>
  pullStream(exportLines(db, tenantId, now));
