export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
export const TOPICS = ['service', 'product', 'delivery', 'price'] as const;
export type Topic = (typeof TOPICS)[number];
export type Language = 'ru' | 'en' | 'other';

export interface CommentAnalysis {
  language: Language;
  sentiment: Sentiment;
  /** Overall tone, -1 (very negative) to 1 (very positive). */
  score: number;
  topics: Topic[];
  /** The tenant keywords found, as the tenant wrote them. */
  keywords: string[];
}

export interface AnalyzeOptions {
  tenantKeywords?: readonly string[];
}
