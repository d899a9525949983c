import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { metricSentimentDaily, metricTopicDaily } from '../db/schema';
import type { Statement } from './rollups';

const add = (column: string) => sql.raw(`${column} + excluded.${column}`);

/**
 * The response's comment analysis in the daily comment rollups, times `sign` (see
 * `responseContribution` in rollups.ts, which runs these with every response contribution).
 * Reads the stored row, so a comment without analysis (or no comment) counts nothing.
 */
export function commentContribution(db: Database, tenantId: string, responseId: string, day: string, sign: 1 | -1): Statement[] {
  const theResponse = sql`r.tenant_id = ${tenantId} AND r.id = ${responseId}`;
  return [
    db
      .insert(metricSentimentDaily)
      .select(
        sql`SELECT r.tenant_id, ${day}, r.survey_id, r.channel,
          ${sign} * (r.sentiment = 'positive'), ${sign} * (r.sentiment = 'neutral'), ${sign} * (r.sentiment = 'negative')
        FROM responses r WHERE ${theResponse} AND r.sentiment IS NOT NULL`,
      )
      .onConflictDoUpdate({
        target: [
          metricSentimentDaily.tenantId,
          metricSentimentDaily.day,
          metricSentimentDaily.surveyId,
          metricSentimentDaily.channel,
        ],
        set: { positive: add('positive'), neutral: add('neutral'), negative: add('negative') },
      }),
    db
      .insert(metricTopicDaily)
      .select(
        sql`SELECT r.tenant_id, ${day}, r.survey_id, r.channel, j.value, ${sign}, ${sign} * (r.category = 'detractor')
        FROM responses r, json_each(r.topics) j WHERE ${theResponse}`,
      )
      .onConflictDoUpdate({
        target: [
          metricTopicDaily.tenantId,
          metricTopicDaily.day,
          metricTopicDaily.surveyId,
          metricTopicDaily.channel,
          metricTopicDaily.topic,
        ],
        set: { mentions: add('mentions'), detractorMentions: add('detractor_mentions') },
      }),
  ];
}
