import { readTone, type Hit } from './read';
import type { Unit } from './resolve';
import type { Token } from './tokenize';
import type { Sentiment } from './types';
import { DEFAULT_WEIGHTS, type SentimentWeights } from './weights';

export interface SentimentResult {
  readonly sentiment: Sentiment;
  readonly score: number;
  readonly total: number;
}

// "лучше", "дешевле", "better", "cheaper": what a rival can do better.
const COMPARATIVE_RE = /(?:ше|ее|ей|er)$/;

/** How many of the sorted positions are at or before `at`. */
function contrastsUpTo(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function scoreSentiment(
  units: readonly Unit[],
  tokens: readonly Token[],
  w: SentimentWeights = DEFAULT_WEIGHTS,
): SentimentResult {
  const { hits, sentences, clauses, contrasts, mixed } = readTone(units, w);

  // Readings that turn praise around: "раньше было лучше", "конкуренты лучше", 🙃, scare quotes.
  const quoteWords = new Map<number, number>();
  for (const token of tokens) {
    if (token.quote !== 0 && token.kind === 'word') quoteWords.set(token.quote, (quoteWords.get(token.quote) ?? 0) + 1);
  }
  const quoteWeight = new Map<Hit, number>();
  for (const hit of hits) {
    const c = clauses[hit.clause];
    const s = sentences[hit.sentence];
    const quote = tokens[hit.at]?.quote ?? 0;
    if (!hit.word || hit.thanks || hit.value <= 0) {
      if (quote !== 0 && (quoteWords.get(quote) ?? 0) > 3) quoteWeight.set(hit, w.quoted);
      continue;
    }
    const inScareQuotes = quote !== 0 && (quoteWords.get(quote) ?? 0) <= 3;
    const outdone = c !== undefined && c.rivalAt >= 0 && c.rivalAt < hit.at && COMPARATIVE_RE.test(tokens[hit.at]?.text ?? '');
    if (c?.nostalgia || outdone || s?.ironic || inScareQuotes) {
      hit.value *= -0.8;
    } else if (quote !== 0) {
      quoteWeight.set(hit, w.quoted);
    }
  }

  // "Спасибо" amid complaints is sarcasm ("Спасибо, удружили").
  const rest = hits.reduce((sum, h) => (h.thanks ? sum : sum + h.value), 0);
  if (rest <= -1.5) for (const hit of hits) if (hit.thanks) hit.value = -0.5;

  // A lone "Classy." or "Great stuff 👏" after a complaint is sarcasm too.
  if (sentences.length > 1) {
    const bySentence = new Map<number, Hit[]>();
    for (const hit of hits) {
      const list = bySentence.get(hit.sentence);
      if (list === undefined) bySentence.set(hit.sentence, [hit]);
      else list.push(hit);
    }
    for (const [s, own] of bySentence) {
      if ((sentences[s]?.words ?? 0) > 2) continue;
      const ownSum = own.reduce((sum, h) => (h.word ? sum + h.value : sum), 0);
      const otherSum = rest - own.reduce((sum, h) => (h.thanks ? sum : sum + h.value), 0);
      if (own.every((h) => h.value > 0) && ownSum > 0 && ownSum <= 2 && otherSum <= -2) {
        for (const h of own) h.value *= -0.8;
      }
    }
  }

  let total = 0;
  contrasts.sort((a, b) => a - b);
  for (const hit of hits) {
    let weight = quoteWeight.get(hit) ?? 1;
    const later = contrasts.length - contrastsUpTo(contrasts, hit.at);
    if (later > 0) weight *= w.beforeContrast ** later;
    if (later < contrasts.length) weight *= w.afterContrast;
    if (clauses[hit.clause]?.concession) weight *= w.concession;
    if (clauses[hit.clause]?.former && hit.value < 0) weight *= w.former;
    const s = sentences[hit.sentence];
    if (s !== undefined) {
      if (s.question && !s.rhetorical) weight *= w.question;
      if (s.request) weight *= w.request;
      weight *= 1 + w.exclaim * Math.min(s.exclaims, 3);
    }
    total += hit.value * weight;
  }

  // "Смешанные впечатления", "mixed bag": the writer has already weighed it up.
  if (mixed) total *= w.mixed;
  const sentiment: Sentiment = total > w.positive ? 'positive' : total < w.negative ? 'negative' : 'neutral';
  const score = Math.round(Math.tanh(total / w.scoreScale) * 1000) / 1000;
  return { sentiment, score: Object.is(score, -0) ? 0 : score, total };
}
