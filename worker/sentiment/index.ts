export { analyzeComment } from './analyze';
export type { CommentAnalysis, Sentiment, Topic } from './types';
