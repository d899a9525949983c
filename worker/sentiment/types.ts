export type Sentiment = 'positive' | 'neutral' | 'negative';
export type Topic = 'service' | 'product' | 'delivery' | 'price';
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

export const TOPICS: readonly Topic[] = ['service', 'product', 'delivery', 'price'];
