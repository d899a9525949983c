import { env } from 'cloudflare:workers';
import { database } from '../../worker/db/client';
import { orderRollups } from '../../worker/metrics/rollups';
import { body, call, newSurvey } from '../helpers';

export const db = () => database(env.DB);

export const DAY = 86_400_000;

/** Records answers through the real API; `daysAgo` sets occurredAt. */
export async function answer(
  key: string,
  surveyId: string,
  scores: number[],
  extra: {
    daysAgo?: number;
    channel?: string;
    device?: string;
    properties?: Record<string, string>;
    customer?: { externalId: string };
  } = {},
): Promise<void> {
  const { daysAgo, ...rest } = extra;
  for (const score of scores) {
    const occurredAt = daysAgo === undefined ? undefined : new Date(Date.now() - daysAgo * DAY).toISOString();
    const response = await call('/v1/responses', { method: 'POST', key, json: { surveyId, score, occurredAt, ...rest } });
    if (response.status !== 201) throw new Error(`answer failed: ${response.status} ${await response.text()}`);
  }
}

export async function customerId(key: string, externalId: string): Promise<string> {
  const response = await call(`/v1/customers?externalId=${externalId}`, { key });
  const page = await body<{ data: Array<{ id: string }> }>(response);
  return page.data[0]!.id;
}

/** Books an order through the metrics write path (the loyalty order endpoint calls the same rollups). */
export async function order(tenantId: string, customer: string, total: number, createdAt: number): Promise<void> {
  const [first, ...rest] = await orderRollups(db(), tenantId, { customerId: customer, total, createdAt });
  await db().batch([first!, ...rest]);
}

export const csatSurvey = (key: string) =>
  newSurvey(key, {
    kind: 'csat',
    name: 'CSAT',
    texts: {
      en: {
        question: 'How satisfied are you?',
        lowLabel: 'Not at all',
        highLabel: 'Very',
        followUp: { default: 'Why?' },
        thankYou: 'Thanks',
      },
    },
  });

export async function snapshot<T = Record<string, unknown>>(
  tenantId: string,
  period: string,
  segment = 'all',
): Promise<(T & { updatedAt: number }) | null> {
  const row = await env.DB.prepare(
    'SELECT data, updated_at FROM metric_snapshots WHERE tenant_id = ? AND period = ? AND segment = ?',
  )
    .bind(tenantId, period, segment)
    .first<{ data: string; updated_at: number }>();
  return row ? { ...(JSON.parse(row.data) as T), updatedAt: row.updated_at } : null;
}

export async function snapshotVersions(tenantId: string): Promise<Map<string, number>> {
  const { results } = await env.DB.prepare('SELECT period, segment, updated_at FROM metric_snapshots WHERE tenant_id = ?')
    .bind(tenantId)
    .all<{ period: string; segment: string; updated_at: number }>();
  return new Map(results.map((row) => [`${row.period}|${row.segment}`, row.updated_at]));
}
