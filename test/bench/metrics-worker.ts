/**
 * The benchmark's worker, bundled and run in workerd by metrics.bench.ts: each route does one step
 * against the local D1 so the timings measured around it include no Node↔workerd proxying per query.
 */
import { database } from '../../worker/db/client';
import { responses } from '../../worker/db/schema';
import { recomputeTenant } from '../../worker/metrics/recompute';
import { responseRollups } from '../../worker/metrics/rollups';

interface Env {
  DB: D1Database;
}

const TENANT = 'ten_bench';
const DAYS = 400;
const DAY_MS = 86_400_000;

const seq = (n: number) => `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n - 1})`;

async function seed(d1: D1Database, sizes: { responses: number; customers: number; orders: number }, now: number): Promise<void> {
  const run = (sql: string) => d1.prepare(sql).run();
  // Bulk load without secondary indexes, then build them once (sorted), as any large import would.
  const { results: indexes } = await d1
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('customers', 'responses', 'loyalty_orders')",
    )
    .all<{ name: string; sql: string }>();
  for (const index of indexes) await run(`DROP INDEX ${index.name}`);
  await run(`INSERT INTO tenants (id, name, timezone, created_at) VALUES ('${TENANT}', 'Bench', 'UTC', ${now})`);
  await run(`INSERT INTO surveys (id, tenant_id, kind, name, status, texts, settings, created_at, updated_at) VALUES
    ('srv_nps', '${TENANT}', 'nps', 'NPS', 'active', '{}', '{}', ${now}, ${now}),
    ('srv_csat', '${TENANT}', 'csat', 'CSAT', 'active', '{}', '{}', ${now}, ${now}),
    ('srv_ces', '${TENANT}', 'ces', 'CES', 'active', '{}', '{}', ${now}, ${now})`);
  await run(`${seq(sizes.customers)} INSERT INTO customers (id, tenant_id, external_id, properties, created_at, updated_at)
    SELECT 'cus_' || i, '${TENANT}', 'x' || i, '{}', ${now}, ${now} FROM seq`);
  // Survey by i % 10: six NPS, two CSAT, two CES; scores spread with co-prime multipliers; 400 days of history.
  await run(`${seq(sizes.responses)}, r AS (
      SELECT i, CASE WHEN i % 10 < 6 THEN 'nps' WHEN i % 10 < 8 THEN 'csat' ELSE 'ces' END AS kind FROM seq
    ), s AS (
      SELECT i, kind, CASE kind WHEN 'nps' THEN (i * 7919) % 11 WHEN 'csat' THEN 1 + (i * 31) % 5 ELSE 1 + (i * 17) % 7 END AS score FROM r
    )
    INSERT INTO responses (id, tenant_id, survey_id, customer_id, client_id, score, category, channel, device, properties, created_at, updated_at)
    SELECT 'rsp_' || i, '${TENANT}', 'srv_' || kind, 'cus_' || (i % ${sizes.customers}), 'c' || i, score,
      CASE WHEN score >= CASE kind WHEN 'nps' THEN 9 WHEN 'csat' THEN 4 ELSE 5 END THEN 'promoter'
           WHEN score >= CASE kind WHEN 'nps' THEN 7 WHEN 'csat' THEN 3 ELSE 4 END THEN 'passive' ELSE 'detractor' END,
      CASE i % 3 WHEN 0 THEN 'api' WHEN 1 THEN 'widget' ELSE 'email' END,
      CASE (i / 3) % 3 WHEN 0 THEN 'mobile' WHEN 1 THEN 'desktop' ELSE 'tablet' END,
      json_object('plan', CASE i % 4 WHEN 0 THEN 'free' WHEN 1 THEN 'pro' ELSE 'team' END),
      ${now} - (i % ${DAYS}) * ${DAY_MS} - (i * 37) % ${DAY_MS}, ${now}
    FROM s`);
  await run(`${seq(sizes.orders)} INSERT INTO loyalty_orders (tenant_id, order_id, customer_id, currency, total, eligible_amount, refunded,
      points_awarded, points_reversed, lot_id, version, created_at)
    SELECT '${TENANT}', 'o' || i, 'cus_' || ((i * 7) % ${sizes.customers}), 'USD', 1000 + (i * 13) % 9000, 1000 + (i * 13) % 9000, 0, 0, 0, NULL, 0,
      ${now} - ((i * 53) % ${DAYS}) * ${DAY_MS} - (i * 101) % ${DAY_MS}
    FROM seq`);
  for (const index of indexes) await run(index.sql);
}

/** What the write path would have built had the seeded rows arrived one by one (days in UTC, the tenant's zone). */
async function backfill(d1: D1Database): Promise<void> {
  const run = (sql: string) => d1.prepare(sql).run();
  const day = `date(created_at / 1000, 'unixepoch')`;
  const counters = `count(*), sum(category = 'promoter'), sum(category = 'passive'), sum(category = 'detractor'), sum(score), sum(score * score)`;
  await run(`INSERT INTO metric_state (tenant_id, data_version, computed_version) VALUES ('${TENANT}', 1, 0)`);
  await run(`INSERT INTO metric_daily SELECT tenant_id, ${day}, survey_id, channel, ${counters}, 0, 0, 0, 1
    FROM responses WHERE tenant_id = '${TENANT}' GROUP BY 2, 3, 4`);
  await run(`INSERT INTO metric_segment_daily SELECT tenant_id, ${day}, 'device', device, survey_id, ${counters}, 1
    FROM responses WHERE tenant_id = '${TENANT}' GROUP BY 2, 4, 5`);
  await run(`INSERT INTO metric_segment_daily SELECT tenant_id, ${day}, 'property.plan', json_extract(properties, '$.plan'), survey_id, ${counters}, 1
    FROM responses WHERE tenant_id = '${TENANT}' GROUP BY 2, 4, 5`);
  await run(`INSERT INTO metric_customers (tenant_id, customer_id, orders, revenue, first_order_at, last_order_at, version)
    SELECT tenant_id, customer_id, count(*), sum(total), min(created_at), max(created_at), 1 FROM loyalty_orders WHERE tenant_id = '${TENANT}' GROUP BY customer_id`);
  await run(
    `INSERT INTO metric_orders_daily SELECT tenant_id, ${day}, count(*), sum(total), 0, 1 FROM loyalty_orders WHERE tenant_id = '${TENANT}' GROUP BY 2`,
  );
  await run(`UPDATE metric_orders_daily SET new_customers = firsts.n
    FROM (SELECT date(first_order_at / 1000, 'unixepoch') AS day, count(*) AS n FROM metric_customers WHERE tenant_id = '${TENANT}' GROUP BY 1) AS firsts
    WHERE metric_orders_daily.tenant_id = '${TENANT}' AND metric_orders_daily.day = firsts.day`);
  await run(`INSERT INTO metric_customer_months SELECT tenant_id, strftime('%Y-%m', created_at / 1000, 'unixepoch'), customer_id, count(*)
    FROM loyalty_orders WHERE tenant_id = '${TENANT}' GROUP BY 2, 3`);
}

/** The baseline: one aggregate pass over the raw rows, answers by survey and channel, orders by customer. */
async function rawPass(d1: D1Database): Promise<unknown> {
  return d1.batch([
    d1
      .prepare(
        `SELECT survey_id, channel, count(*), sum(category = 'promoter'), sum(category = 'detractor'), sum(score), sum(score * score)
        FROM responses WHERE tenant_id = ? GROUP BY survey_id, channel`,
      )
      .bind(TENANT),
    d1
      .prepare(
        `SELECT count(*), sum(n), sum(revenue), max(last) FROM (
        SELECT customer_id, count(*) AS n, sum(total) AS revenue, max(created_at) AS last FROM loyalty_orders WHERE tenant_id = ? GROUP BY customer_id)`,
      )
      .bind(TENANT),
  ]);
}

/** New responses through the real write path: insert + rollups in one batch each. */
async function writeResponses(d1: D1Database, count: number): Promise<void> {
  const db = database(d1);
  for (let i = 0; i < count; i++) {
    const id = `rsp_new_${i}`;
    const createdAt = Date.now();
    const score = i % 11;
    const insert = db.insert(responses).values({
      id,
      tenantId: TENANT,
      surveyId: 'srv_nps',
      customerId: `cus_${i}`,
      clientId: `new_${i}`,
      score,
      category: score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor',
      channel: 'widget',
      device: 'mobile',
      properties: { plan: 'pro' },
      createdAt,
      updatedAt: createdAt,
    });
    await db.batch([insert, ...(await responseRollups(db, TENANT, { id, createdAt }))]);
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const json = (value: unknown) => Response.json(value ?? null);
    switch (url.pathname) {
      case '/migrate':
        for (const statement of (await request.json()) as string[]) await env.DB.prepare(statement).run();
        return json({});
      case '/seed':
        await seed(env.DB, (await request.json()) as { responses: number; customers: number; orders: number }, Date.now());
        return json({});
      case '/backfill':
        await backfill(env.DB);
        return json({});
      case '/raw':
        return json(await rawPass(env.DB));
      case '/full':
        return json(await recomputeTenant(database(env.DB), TENANT, Date.now(), { full: true }));
      case '/write':
        await writeResponses(env.DB, Number(url.searchParams.get('count')));
        return json({});
      case '/incremental':
        return json(await recomputeTenant(database(env.DB), TENANT, Date.now()));
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
