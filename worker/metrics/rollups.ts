import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client';
import {
  metricCustomerMonths,
  metricCustomers,
  metricDaily,
  metricOrdersDaily,
  metricSegmentDaily,
  metricState,
} from '../db/schema';
import { cohortRollups } from './cohort-rollups';
import { commentContribution } from './comment-rollups';
import { localDay, monthOf } from './days';
import { tenantTimeZone } from './time-zone';

export type Statement = BatchItem<'sqlite'>;

/**
 * Write-path rollups. Every function returns statements to run in the SAME `db.batch` as the write
 * they describe, after it, so the counters change exactly when the row does. Statements about a
 * response or widget event read that row back by id, so a write that did nothing counts nothing.
 * (INSERT … SELECT lists every column of the table in schema order, as drizzle's insert-select does.)
 */

export const currentVersion = (tenantId: string) => sql`(SELECT data_version FROM metric_state WHERE tenant_id = ${tenantId})`;

/** Marks the tenant as changed; runs first in each rollup batch so the rows below carry the new version. */
export const bumpVersion = (db: Database, tenantId: string): Statement =>
  db
    .insert(metricState)
    .values({ tenantId, dataVersion: 1 })
    .onConflictDoUpdate({ target: metricState.tenantId, set: { dataVersion: sql.raw('data_version + 1') } });

export const add = (column: string) => sql.raw(`${column} + excluded.${column}`);
const COUNTER_UPDATES = {
  answered: add('answered'),
  promoters: add('promoters'),
  passives: add('passives'),
  detractors: add('detractors'),
  scoreSum: add('score_sum'),
  scoreSquares: add('score_squares'),
  version: sql.raw('excluded.version'),
};

/** (responseId, dimension, value) of every segment the responses matching `where` (over `responses r`) belong to. */
export function segmentValues(where: SQL): SQL {
  const scalar = sql.raw(
    `CASE j.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE substr(CAST(j.value AS TEXT), 1, 100) END`,
  );
  const scalarTypes = sql.raw(`j.type IN ('text', 'integer', 'real', 'true', 'false')`);
  return sql`
    SELECT r.id AS responseId, 'device' AS dimension, r.device AS value FROM responses r WHERE ${where} AND r.device IS NOT NULL
    UNION ALL SELECT r.id, 'locale', r.locale FROM responses r WHERE ${where} AND r.locale IS NOT NULL
    UNION ALL SELECT r.id, 'property.' || j.key, ${scalar} FROM responses r, json_each(r.properties) j WHERE ${where} AND ${scalarTypes}
    UNION ALL SELECT r.id, 'customer.' || j.key, ${scalar} FROM responses r JOIN customers c ON c.tenant_id = r.tenant_id AND c.id = r.customer_id,
      json_each(c.properties) j WHERE ${where} AND ${scalarTypes}`;
}

/** The response's contribution to every counter, times `sign` (+1 to add, −1 to take back before an update). */
function responseContribution(db: Database, tenantId: string, responseId: string, day: string, sign: 1 | -1): Statement[] {
  const counters = sql`${sign}, ${sign} * (r.category = 'promoter'), ${sign} * (r.category = 'passive'), ${sign} * (r.category = 'detractor'),
    ${sign} * r.score, ${sign} * r.score * r.score`;
  const theResponse = sql`r.tenant_id = ${tenantId} AND r.id = ${responseId}`;
  const segments = segmentValues(theResponse);
  return [
    db
      .insert(metricDaily)
      .select(
        sql`SELECT r.tenant_id, ${day}, r.survey_id, r.channel, ${counters}, 0, 0, 0, ${currentVersion(tenantId)} FROM responses r WHERE ${theResponse}`,
      )
      .onConflictDoUpdate({
        target: [metricDaily.tenantId, metricDaily.day, metricDaily.surveyId, metricDaily.channel],
        set: COUNTER_UPDATES,
      }),
    db
      .insert(metricSegmentDaily)
      .select(
        sql`SELECT r.tenant_id, ${day}, s.dimension, s.value, r.survey_id, ${counters}, ${currentVersion(tenantId)}
        FROM responses r, (${segments}) s WHERE ${theResponse}`,
      )
      .onConflictDoUpdate({
        target: [
          metricSegmentDaily.tenantId,
          metricSegmentDaily.day,
          metricSegmentDaily.dimension,
          metricSegmentDaily.value,
          metricSegmentDaily.surveyId,
        ],
        set: COUNTER_UPDATES,
      }),
    ...commentContribution(db, tenantId, responseId, day, sign),
  ];
}

/**
 * The customer's latest score, for the key-customer list. It leaves `version` alone: a new score alone
 * does not re-rank customers, so it shows in the list at the next order or the daily recompute.
 */
const lastScore = (db: Database, tenantId: string, responseId: string): Statement =>
  db
    .insert(metricCustomers)
    .select(
      sql`SELECT r.tenant_id, r.customer_id, 0, 0, NULL, NULL, r.score, s.kind, r.created_at, 0
      FROM responses r JOIN surveys s ON s.id = r.survey_id
      WHERE r.tenant_id = ${tenantId} AND r.id = ${responseId} AND r.customer_id IS NOT NULL`,
    )
    .onConflictDoUpdate({
      target: [metricCustomers.tenantId, metricCustomers.customerId],
      set: {
        lastScore: sql.raw('excluded.last_score'),
        lastScoreKind: sql.raw('excluded.last_score_kind'),
        lastScoreAt: sql.raw('excluded.last_score_at'),
      },
      setWhere: sql.raw('excluded.last_score_at >= coalesce(metric_customers.last_score_at, 0)'),
    });

export interface RecordedResponse {
  id: string;
  /** When it was answered; decides the day it counts for. */
  createdAt: number;
}

/** Statements to append after a response insert, in the same batch. */
export async function responseRollups(db: Database, tenantId: string, response: RecordedResponse): Promise<Statement[]> {
  const day = localDay(response.createdAt, await tenantTimeZone(db, tenantId));
  return [
    bumpVersion(db, tenantId),
    ...responseContribution(db, tenantId, response.id, day, 1),
    lastScore(db, tenantId, response.id),
  ];
}

/**
 * Wraps an UPDATE of a response's score, category or properties: takes its old contribution back
 * before the update and adds the new one after it. Run the returned list as one batch.
 */
export async function withResponseRollups(
  db: Database,
  tenantId: string,
  response: RecordedResponse,
  update: Statement,
): Promise<[Statement, ...Statement[]]> {
  const day = localDay(response.createdAt, await tenantTimeZone(db, tenantId));
  return [
    bumpVersion(db, tenantId),
    ...responseContribution(db, tenantId, response.id, day, -1),
    update,
    ...responseContribution(db, tenantId, response.id, day, 1),
    lastScore(db, tenantId, response.id),
  ];
}

const dailyKey = [metricDaily.tenantId, metricDaily.day, metricDaily.surveyId, metricDaily.channel];

/** Statements to append after a widget `display` or `dismiss` event insert, identified by its row id. */
export async function widgetEventRollups(
  db: Database,
  tenantId: string,
  event: { id: string; createdAt: number },
): Promise<Statement[]> {
  const day = localDay(event.createdAt, await tenantTimeZone(db, tenantId));
  return [
    bumpVersion(db, tenantId),
    db
      .insert(metricDaily)
      .select(
        sql`SELECT e.tenant_id, ${day}, e.survey_id, 'widget', 0, 0, 0, 0, 0, 0, e.kind = 'display', e.kind = 'dismiss', 0, ${currentVersion(tenantId)}
        FROM widget_events e WHERE e.tenant_id = ${tenantId} AND e.id = ${event.id} AND e.kind IN ('display', 'dismiss')`,
      )
      .onConflictDoUpdate({
        target: dailyKey,
        set: { displayed: add('displayed'), dismissed: add('dismissed'), version: sql.raw('excluded.version') },
      }),
  ];
}

/** Statements for survey emails sent (the denominator of the email response rate). */
export async function surveySentRollups(
  db: Database,
  tenantId: string,
  sent: { surveyId: string; count: number; sentAt: number },
): Promise<Statement[]> {
  const day = localDay(sent.sentAt, await tenantTimeZone(db, tenantId));
  return [
    bumpVersion(db, tenantId),
    db
      .insert(metricDaily)
      .values({ tenantId, day, surveyId: sent.surveyId, channel: 'email', sent: sent.count, version: currentVersion(tenantId) })
      .onConflictDoUpdate({ target: dailyKey, set: { sent: add('sent'), version: sql.raw('excluded.version') } }),
  ];
}

export interface RecordedOrder {
  customerId: string;
  /** Net amount, minor units. */
  total: number;
  createdAt: number;
}

/**
 * Statements for a new order, to run in the same batch as the order insert, after it: a replayed
 * order id fails that insert (primary key) and so aborts these too.
 */
export async function orderRollups(db: Database, tenantId: string, order: RecordedOrder): Promise<Statement[]> {
  const timeZone = await tenantTimeZone(db, tenantId);
  const day = localDay(order.createdAt, timeZone);
  const latestMonth = [monthOf(day), monthOf(localDay(Date.now(), timeZone))].sort().at(-1)!;
  const version = currentVersion(tenantId);
  const isFirstOrder = sql`NOT EXISTS (SELECT 1 FROM metric_customers WHERE tenant_id = ${tenantId} AND customer_id = ${order.customerId} AND orders > 0)`;
  return [
    bumpVersion(db, tenantId),
    // Before the customer upsert below, which would make every order look like a repeat one.
    db
      .insert(metricOrdersDaily)
      .values({ tenantId, day, orders: 1, revenue: order.total, newCustomers: isFirstOrder, version })
      .onConflictDoUpdate({
        target: [metricOrdersDaily.tenantId, metricOrdersDaily.day],
        set: {
          orders: add('orders'),
          revenue: add('revenue'),
          newCustomers: add('new_customers'),
          version: sql.raw('excluded.version'),
        },
      }),
    db
      .insert(metricCustomers)
      .values({
        tenantId,
        customerId: order.customerId,
        orders: 1,
        revenue: order.total,
        firstOrderAt: order.createdAt,
        lastOrderAt: order.createdAt,
        version,
      })
      .onConflictDoUpdate({
        target: [metricCustomers.tenantId, metricCustomers.customerId],
        set: {
          orders: add('orders'),
          revenue: add('revenue'),
          firstOrderAt: sql.raw('min(coalesce(first_order_at, excluded.first_order_at), excluded.first_order_at)'),
          lastOrderAt: sql.raw('max(coalesce(last_order_at, excluded.last_order_at), excluded.last_order_at)'),
          version: sql.raw('excluded.version'),
        },
      }),
    ...cohortRollups(db, tenantId, { customerId: order.customerId, month: monthOf(day), latestMonth }),
    db
      .insert(metricCustomerMonths)
      .values({ tenantId, month: monthOf(day), customerId: order.customerId, orders: 1 })
      .onConflictDoUpdate({
        target: [metricCustomerMonths.tenantId, metricCustomerMonths.month, metricCustomerMonths.customerId],
        set: { orders: add('orders') },
      }),
  ];
}

/** Statements for a refund of `amount` (minor units) of an order placed at `orderCreatedAt`: revenue counts net of refunds. */
export async function refundRollups(
  db: Database,
  tenantId: string,
  refund: { customerId: string; amount: number; orderCreatedAt: number },
): Promise<Statement[]> {
  const day = localDay(refund.orderCreatedAt, await tenantTimeZone(db, tenantId));
  const version = currentVersion(tenantId);
  return [
    bumpVersion(db, tenantId),
    db
      .update(metricOrdersDaily)
      .set({ revenue: sql`${metricOrdersDaily.revenue} - ${refund.amount}`, version })
      .where(and(eq(metricOrdersDaily.tenantId, tenantId), eq(metricOrdersDaily.day, day))),
    db
      .update(metricCustomers)
      .set({ revenue: sql`${metricCustomers.revenue} - ${refund.amount}`, version })
      .where(and(eq(metricCustomers.tenantId, tenantId), eq(metricCustomers.customerId, refund.customerId))),
  ];
}
