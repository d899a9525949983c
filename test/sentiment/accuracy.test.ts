import { describe, expect, it } from 'vitest';
import raw from '../../../shared/data/feedback-dev.jsonl?raw';
import { analyzeComment } from '../../worker/sentiment';
import { addTopics, confusion, macroF1, microF1, parseJsonl, SENTIMENTS, type TopicCounts } from './metrics';

const SENTIMENT_BAR = 0.75;
const TOPIC_BAR = 0.8;

const rows = parseJsonl(raw);

function pct(value: number): string {
  return (value * 100).toFixed(1).padStart(5);
}

describe('accuracy on shared/data/feedback-dev.jsonl', () => {
  const results = rows.map((row) => ({ row, analysis: analyzeComment(row.text) }));
  const topicCounts: TopicCounts = { tp: 0, fp: 0, fn: 0 };
  for (const { row, analysis } of results) addTopics(topicCounts, row.topics, analysis.topics);

  const byLanguage = (['ru', 'en'] as const).map((lang) => {
    const pairs = results
      .filter(({ row }) => row.lang === lang)
      .map(({ row, analysis }) => [row.sentiment, analysis.sentiment] as const);
    const table = confusion(pairs);
    return { lang, count: pairs.length, table, f1: macroF1(table) };
  });
  const topicF1 = microF1(topicCounts);

  const lines = ['', 'sentiment   gold \\ predicted   pos   neu   neg   macro-F1'];
  for (const { lang, count, table, f1 } of byLanguage) {
    for (const gold of SENTIMENTS) {
      const cells = SENTIMENTS.map((p) => String(table[gold][p]).padStart(5)).join(' ');
      const label = gold === 'positive' ? `${lang} (n=${count})` : '';
      lines.push(`${label.padEnd(12)}${gold.padEnd(18)}${cells}${gold === 'positive' ? `   ${pct(f1)}%` : ''}`);
    }
  }
  lines.push(`topics      micro-F1 ${pct(topicF1)}%  (tp ${topicCounts.tp}, fp ${topicCounts.fp}, fn ${topicCounts.fn})`);
  console.log(lines.join('\n'));

  it('loads the labelled comments', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
  });

  for (const { lang, f1 } of byLanguage) {
    it(`sentiment macro-F1 for ${lang} is at least ${SENTIMENT_BAR}`, () => {
      expect(f1).toBeGreaterThanOrEqual(SENTIMENT_BAR);
    });
  }

  it(`topic micro-F1 is at least ${TOPIC_BAR}`, () => {
    expect(topicF1).toBeGreaterThanOrEqual(TOPIC_BAR);
  });

  it('detects the language the comments were written in', () => {
    const wrong = results.filter(({ row, analysis }) => analysis.language !== row.lang && /\p{L}/u.test(row.text));
    expect(wrong.length / results.length).toBeLessThan(0.02);
  });
});
