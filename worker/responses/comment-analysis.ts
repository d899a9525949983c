import { analyzeComment } from '../sentiment';
import type { Sentiment, Topic } from '../sentiment';

export interface CommentColumns {
  comment: string | null;
  sentiment: Sentiment | null;
  sentimentScore: number | null;
  topics: Topic[];
}

/**
 * The comment and its analysis, as the columns to write together in one statement, so a stored
 * comment never carries the sentiment of an earlier one. Empty comments are stored as null.
 */
export function commentColumns(comment: string | null | undefined): CommentColumns {
  if (!comment) return { comment: null, sentiment: null, sentimentScore: null, topics: [] };
  const analysis = analyzeComment(comment);
  return {
    comment,
    sentiment: analysis.sentiment,
    sentimentScore: Math.round(analysis.score * 1000) / 1000,
    topics: analysis.topics,
  };
}
