import { findKeywords } from './keywords';
import { prepare } from './prepare';
import { resolve } from './resolve';
import { scoreSentiment } from './sentiment';
import { tokenize } from './tokenize';
import { detectTopics } from './topics';
import type { AnalyzeOptions, CommentAnalysis } from './types';

/** Longer comments are analysed on their first part, which keeps the cost per write bounded. */
export const MAX_ANALYZED_LENGTH = 20_000;

export function analyzeComment(text: string, options?: AnalyzeOptions): CommentAnalysis {
  const prepared = prepare(tokenize(text.slice(0, MAX_ANALYZED_LENGTH)));
  const { sentiment, score } = scoreSentiment(resolve(prepared), prepared.tokens);
  return {
    language: prepared.language,
    sentiment,
    score,
    topics: detectTopics(prepared),
    keywords: findKeywords(prepared, options?.tenantKeywords ?? []),
  };
}
