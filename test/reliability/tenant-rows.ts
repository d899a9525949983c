// Every row one tenant owns, straight from D1: compared before and after an operation, any insert, update or delete
// anywhere shows up.
import { env } from 'cloudflare:workers';

/** Tables with a tenant_id column, i.e. every tenant-owned table (house rule). */
export async function tenantTables(): Promise<string[]> {
  // D1 refuses to describe its own internal tables (_cf_*), so those are left out before asking.
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  ).all<{ name: string }>();
  const columns = await env.DB.batch(
    tables.results.map(({ name }) => env.DB.prepare(`SELECT 1 FROM pragma_table_info('${name}') WHERE name = 'tenant_id'`)),
  );
  return tables.results.filter((_, i) => columns[i]!.results.length > 0).map((table) => table.name);
}

/** Table name → that tenant's rows (JSON), for every tenant-owned table. */
export async function tenantRows(tenantId: string): Promise<Map<string, string>> {
  const tables = await tenantTables();
  const results = await env.DB.batch(
    tables.map((name) => env.DB.prepare(`SELECT * FROM "${name}" WHERE tenant_id = ?`).bind(tenantId)),
  );
  return new Map(tables.map((name, i) => [name, JSON.stringify(results[i]!.results.map((row) => JSON.stringify(row)).sort())]));
}

/** The tables whose rows differ between two snapshots. */
export const changedTables = (before: Map<string, string>, after: Map<string, string>) =>
  [...after.keys()].filter((name) => before.get(name) !== after.get(name));
