import type { Sentiment, Topic } from '../../worker/sentiment';

export const SENTIMENTS: readonly Sentiment[] = ['positive', 'neutral', 'negative'];

export interface Labelled {
  readonly id: string;
  readonly lang: 'ru' | 'en';
  readonly text: string;
  readonly sentiment: Sentiment;
  readonly topics: readonly Topic[];
}

export function parseJsonl(raw: string): Labelled[] {
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Labelled);
}

/** confusion[gold][predicted] */
export type Confusion = Record<Sentiment, Record<Sentiment, number>>;

export function confusion(pairs: readonly (readonly [Sentiment, Sentiment])[]): Confusion {
  const table = {} as Confusion;
  for (const gold of SENTIMENTS) table[gold] = { positive: 0, neutral: 0, negative: 0 };
  for (const [gold, predicted] of pairs) table[gold][predicted]++;
  return table;
}

function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

export function macroF1(table: Confusion): number {
  let sum = 0;
  for (const label of SENTIMENTS) {
    const tp = table[label][label];
    const fp = SENTIMENTS.reduce((n, gold) => (gold === label ? n : n + table[gold][label]), 0);
    const fn = SENTIMENTS.reduce((n, predicted) => (predicted === label ? n : n + table[label][predicted]), 0);
    sum += f1(tp, fp, fn);
  }
  return sum / SENTIMENTS.length;
}

export interface TopicCounts {
  tp: number;
  fp: number;
  fn: number;
}

export function addTopics(counts: TopicCounts, gold: readonly Topic[], predicted: readonly Topic[]): void {
  for (const topic of predicted) {
    if (gold.includes(topic)) counts.tp++;
    else counts.fp++;
  }
  for (const topic of gold) if (!predicted.includes(topic)) counts.fn++;
}

export function microF1({ tp, fp, fn }: TopicCounts): number {
  return f1(tp, fp, fn);
}
