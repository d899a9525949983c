import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client';
import type { Topic } from '../sentiment/types';
import type { MetricsSnapshot, SentimentShare, TopicCount } from './schemas';
import { ALL } from './segment-keys';
import type { SnapshotRow } from './snapshot-writer';

export interface SentimentCounts {
  positive: number;
  neutral: number;
  negative: number;
}

type CommentMetrics = Pick<MetricsSnapshot, 'sentiment' | 'detractorTopics'>;

/** What a period without comments shows. */
export const NO_COMMENT_METRICS: CommentMetrics = { sentiment: null, detractorTopics: [] };

/** Shares of each tone, or null without comments. Pure. */
export function sentimentShare(counts: SentimentCounts): z.infer<typeof SentimentShare> | null {
  const n = counts.positive + counts.neutral + counts.negative;
  if (n === 0) return null;
  return { positive: counts.positive / n, neutral: counts.neutral / n, negative: counts.negative / n, n };
}

/** Topics with at least one detractor mention, most mentioned first (ties by name, so snapshots are stable). Pure. */
export function rankTopics(counts: ReadonlyMap<Topic, number>): Array<z.infer<typeof TopicCount>> {
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
}

interface DayRow {
  day: string;
  surveyId: string;
  channel: string;
}
type SentimentRow = DayRow & SentimentCounts;
type TopicRow = DayRow & { topic: Topic; count: number };

/** The comment rollups split by, besides the whole account. */
const segmentsOf = (row: DayRow) => [ALL, `survey:${row.surveyId}`, `channel:${row.channel}`];

interface Ranged {
  from: string;
  to: string;
}
const isPeriodSnapshot = (data: unknown): data is MetricsSnapshot & Ranged =>
  typeof data === 'object' && data !== null && 'nps' in data && 'from' in data && 'to' in data;

/**
 * Adds sentiment shares and detractor topics to the period snapshots about to be written, from the
 * daily comment rollups of the days they span (two grouped reads for all of them together).
 */
export async function addCommentMetrics(db: Database, tenantId: string, rows: readonly SnapshotRow[]): Promise<void> {
  const periods = rows.flatMap((row) => (isPeriodSnapshot(row.data) ? [row.data] : []));
  if (periods.length === 0) return;
  const from = periods.reduce((min, data) => (data.from < min ? data.from : min), periods[0]!.from);
  const to = periods.reduce((max, data) => (data.to > max ? data.to : max), periods[0]!.to);
  const range = sql`tenant_id = ${tenantId} AND day BETWEEN ${from} AND ${to}`;
  const [sentiments, topics] = await Promise.all([
    db.all<SentimentRow>(sql`SELECT day, survey_id AS surveyId, channel, positive, neutral, negative
      FROM metric_sentiment_daily WHERE ${range} AND positive + neutral + negative > 0`),
    db.all<TopicRow>(sql`SELECT day, survey_id AS surveyId, channel, topic, detractor_mentions AS count
      FROM metric_topic_daily WHERE ${range} AND detractor_mentions > 0`),
  ]);
  for (const data of periods) {
    const supported = data.segment === ALL || data.segment.startsWith('survey:') || data.segment.startsWith('channel:');
    const inPeriod = (row: DayRow) => row.day >= data.from && row.day <= data.to && segmentsOf(row).includes(data.segment);
    const counts: SentimentCounts = { positive: 0, neutral: 0, negative: 0 };
    const byTopic = new Map<Topic, number>();
    if (supported) {
      for (const row of sentiments.filter(inPeriod)) {
        counts.positive += row.positive;
        counts.neutral += row.neutral;
        counts.negative += row.negative;
      }
      for (const row of topics.filter(inPeriod)) byTopic.set(row.topic, (byTopic.get(row.topic) ?? 0) + row.count);
    }
    Object.assign(data, { sentiment: sentimentShare(counts), detractorTopics: rankTopics(byTopic) } satisfies CommentMetrics);
  }
}
