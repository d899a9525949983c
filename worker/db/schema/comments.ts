import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tenants } from './core';

/**
 * Daily rollups of comment analysis, per tenant-local day, survey and channel (written with the
 * response, see worker/metrics/comment-rollups.ts). A period is a sum over its days.
 */
export const metricSentimentDaily = sqliteTable(
  'metric_sentiment_daily',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    day: text('day').notNull(),
    surveyId: text('survey_id').notNull(),
    channel: text('channel').notNull(),
    positive: integer('positive').notNull().default(0),
    neutral: integer('neutral').notNull().default(0),
    negative: integer('negative').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.surveyId, t.channel] })],
);

/** Comments mentioning each topic, and how many of them came with a detractor score. */
export const metricTopicDaily = sqliteTable(
  'metric_topic_daily',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    day: text('day').notNull(),
    surveyId: text('survey_id').notNull(),
    channel: text('channel').notNull(),
    topic: text('topic').notNull(),
    mentions: integer('mentions').notNull().default(0),
    detractorMentions: integer('detractor_mentions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day, t.surveyId, t.channel, t.topic] })],
);
