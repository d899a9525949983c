import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import {
  metricCohortCells,
  metricCustomerCohorts,
  metricCustomerMonths,
  metricCustomers,
  metricDaily,
  metricOrdersDaily,
  metricPointsDaily,
  metricSegmentDaily,
  metricSentimentDaily,
  metricTopicDaily,
} from '../db/schema';
import { ENTRY_TALLIES } from './points-rollups';
import { add, bumpVersion, currentVersion, segmentValues, type Statement } from './rollups';
import { tenantTimeZone } from './time-zone';
import { localDaySql } from './zone-offsets';

/** The tables the write path keeps; a rebuild replaces a tenant's rows in all of them. */
const ROLLUP_TABLES = [
  metricDaily,
  metricSegmentDaily,
  metricCustomers,
  metricOrdersDaily,
  metricCustomerMonths,
  metricCustomerCohorts,
  metricCohortCells,
  metricPointsDaily,
  metricSentimentDaily,
  metricTopicDaily,
] as const;

const COUNTERS = sql.raw(`count(*), sum(r.category = 'promoter'), sum(r.category = 'passive'), sum(r.category = 'detractor'),
  sum(r.score), sum(r.score * r.score)`);

/** The earliest instant of any raw row the rollups are built from (null: nothing to build from). */
async function earliestRow(db: Database, tenantId: string): Promise<number | null> {
  const [row] = await db.all<{ at: number | null }>(sql`SELECT min(at) AS at FROM (
    SELECT min(created_at) AS at FROM responses WHERE tenant_id = ${tenantId}
    UNION ALL SELECT min(created_at) FROM widget_events WHERE tenant_id = ${tenantId}
    UNION ALL SELECT min(sent_at) FROM email_recipients WHERE tenant_id = ${tenantId}
    UNION ALL SELECT min(created_at) FROM loyalty_orders WHERE tenant_id = ${tenantId}
    UNION ALL SELECT min(created_at) FROM loyalty_entries WHERE tenant_id = ${tenantId})`);
  return row?.at ?? null;
}

/** Statements that build every rollup of the tenant from the raw rows; `dayOf` maps an epoch-ms column to its local day. */
function buildStatements(db: Database, tenantId: string, dayOf: (column: string) => SQL): Statement[] {
  const version = currentVersion(tenantId);
  const monthOf = (column: string) => sql`substr(${dayOf(column)}, 1, 7)`;
  const dailyKey = [metricDaily.tenantId, metricDaily.day, metricDaily.surveyId, metricDaily.channel];
  const dailyColumns = [
    'answered',
    'promoters',
    'passives',
    'detractors',
    'scoreSum',
    'scoreSquares',
    'displayed',
    'dismissed',
    'sent',
  ] as const;
  const addToDaily = (select: SQL) =>
    db
      .insert(metricDaily)
      .select(select)
      .onConflictDoUpdate({
        target: dailyKey,
        set: Object.fromEntries(dailyColumns.map((column) => [column, add(metricDaily[column].name)])),
      });
  const talliedAs = (tally: string) =>
    sql.raw(
      Object.entries(ENTRY_TALLIES)
        .filter(([, entry]) => entry?.tally === tally)
        .map(
          ([kind, entry]) =>
            `${entry!.sign} * sum(CASE WHEN e.kind = '${kind}' THEN e.available_delta + e.pending_delta ELSE 0 END)`,
        )
        .join(' + ') || '0',
    );
  return [
    addToDaily(sql`SELECT r.tenant_id, ${dayOf('r.created_at')}, r.survey_id, r.channel, ${COUNTERS}, 0, 0, 0, ${version}
      FROM responses r WHERE r.tenant_id = ${tenantId} GROUP BY 2, 3, 4`),
    addToDaily(sql`SELECT e.tenant_id, ${dayOf('e.created_at')}, e.survey_id, 'widget', 0, 0, 0, 0, 0, 0,
        sum(e.kind = 'display'), sum(e.kind = 'dismiss'), 0, ${version}
      FROM widget_events e WHERE e.tenant_id = ${tenantId} AND e.kind IN ('display', 'dismiss') GROUP BY 2, 3`),
    addToDaily(sql`SELECT r.tenant_id, ${dayOf('r.sent_at')}, c.survey_id, 'email', 0, 0, 0, 0, 0, 0, 0, 0, count(*), ${version}
      FROM email_recipients r JOIN email_campaigns c ON c.tenant_id = r.tenant_id AND c.id = r.campaign_id
      WHERE r.tenant_id = ${tenantId} AND r.sent_at IS NOT NULL GROUP BY 2, 3`),
    db.insert(metricSegmentDaily)
      .select(sql`SELECT r.tenant_id, ${dayOf('r.created_at')}, s.dimension, s.value, r.survey_id, ${COUNTERS}, ${version}
      FROM responses r JOIN (${segmentValues(sql`r.tenant_id = ${tenantId}`)}) s ON s.responseId = r.id
      WHERE r.tenant_id = ${tenantId} GROUP BY 2, 3, 4, 5`),
    db.insert(metricSentimentDaily).select(sql`SELECT r.tenant_id, ${dayOf('r.created_at')}, r.survey_id, r.channel,
        sum(r.sentiment = 'positive'), sum(r.sentiment = 'neutral'), sum(r.sentiment = 'negative')
      FROM responses r WHERE r.tenant_id = ${tenantId} AND r.sentiment IS NOT NULL GROUP BY 2, 3, 4`),
    db.insert(metricTopicDaily)
      .select(sql`SELECT r.tenant_id, ${dayOf('r.created_at')}, r.survey_id, r.channel, j.value, count(*), sum(r.category = 'detractor')
      FROM responses r, json_each(r.topics) j WHERE r.tenant_id = ${tenantId} GROUP BY 2, 3, 4, 5`),
    db.insert(metricCustomers)
      .select(sql`SELECT o.tenant_id, o.customer_id, count(*), sum(o.total - o.refunded), min(o.created_at), max(o.created_at),
        NULL, NULL, NULL, ${version}
      FROM loyalty_orders o WHERE o.tenant_id = ${tenantId} GROUP BY o.customer_id`),
    // Each customer's latest answer; like the write path, it leaves the version alone.
    db
      .insert(metricCustomers)
      .select(
        sql`SELECT l.tenant_id, l.customer_id, 0, 0, NULL, NULL, l.score, l.kind, l.created_at, 0 FROM (
          SELECT r.tenant_id, r.customer_id, r.score, s.kind, r.created_at,
            row_number() OVER (PARTITION BY r.customer_id ORDER BY r.created_at DESC, r.updated_at DESC, r.id DESC) AS latest
          FROM responses r JOIN surveys s ON s.id = r.survey_id WHERE r.tenant_id = ${tenantId} AND r.customer_id IS NOT NULL
        ) l WHERE l.latest = 1`,
      )
      .onConflictDoUpdate({
        target: [metricCustomers.tenantId, metricCustomers.customerId],
        set: {
          lastScore: sql.raw('excluded.last_score'),
          lastScoreKind: sql.raw('excluded.last_score_kind'),
          lastScoreAt: sql.raw('excluded.last_score_at'),
        },
      }),
    db.insert(metricOrdersDaily)
      .select(sql`SELECT o.tenant_id, o.day, count(*), sum(o.total - o.refunded), sum(o.first), ${version} FROM (
        SELECT tenant_id, total, refunded, ${dayOf('created_at')} AS day,
          row_number() OVER (PARTITION BY customer_id ORDER BY created_at, order_id) = 1 AS first
        FROM loyalty_orders WHERE tenant_id = ${tenantId}
      ) o WHERE true GROUP BY o.day`),
    db.insert(metricCustomerMonths).select(sql`SELECT o.tenant_id, ${monthOf('o.created_at')}, o.customer_id, count(*)
      FROM loyalty_orders o WHERE o.tenant_id = ${tenantId} GROUP BY 2, 3`),
    db.insert(metricCustomerCohorts).select(sql`SELECT tenant_id, customer_id, min(month)
      FROM metric_customer_months WHERE tenant_id = ${tenantId} GROUP BY customer_id`),
    db.insert(metricCohortCells).select(sql`SELECT m.tenant_id, c.cohort, m.month, count(*)
      FROM metric_customer_months m JOIN metric_customer_cohorts c ON c.tenant_id = m.tenant_id AND c.customer_id = m.customer_id
      WHERE m.tenant_id = ${tenantId} GROUP BY 2, 3`),
    db.insert(metricPointsDaily)
      .select(sql`SELECT e.tenant_id, ${dayOf('e.created_at')}, ${talliedAs('issued')}, ${talliedAs('redeemed')},
        ${talliedAs('expired')}, ${talliedAs('reversed')}, ${talliedAs('adjusted')}, sum(e.available_delta), sum(e.pending_delta), ${version}
      FROM loyalty_entries e WHERE e.tenant_id = ${tenantId} GROUP BY 2`),
  ];
}

/**
 * Replaces the tenant's rollups with ones built from the raw rows (responses and their stored comment
 * analysis, widget events, sent emails, orders, ledger entries), for data written before the rollups
 * existed. One batch, so it is atomic against concurrent writes, and idempotent: a second run builds
 * the same rows again.
 */
export async function rebuildRollups(db: Database, tenantId: string, now = Date.now()): Promise<void> {
  const from = await earliestRow(db, tenantId);
  const timeZone = await tenantTimeZone(db, tenantId);
  const dayOf = (column: string) => localDaySql(sql.raw(column), timeZone, Math.min(from ?? now, now), now);
  await db.batch([
    bumpVersion(db, tenantId),
    ...ROLLUP_TABLES.map((table) => db.delete(table).where(eq(table.tenantId, tenantId))),
    ...(from === null ? [] : buildStatements(db, tenantId, dayOf)),
  ]);
}
