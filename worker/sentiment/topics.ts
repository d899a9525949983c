import type { TopicWeights } from './lexicon';
import type { Match } from './matcher';
import { packs } from './packs';
import type { Prepared } from './prepare';
import { stem } from './stem';
import { toCyrillic } from './translit';
import { TOPICS, type Topic } from './types';

const THRESHOLD = 1;
// "20p", "£5": money amounts are about price.
const MONEY_UNITS = new Set(['p', 'pence', 'quid']);

export function detectTopics(prepared: Prepared): Topic[] {
  const { tokens, lang, keys, surfaces } = prepared;
  const weights: Record<Topic, number> = { service: 0, product: 0, delivery: 0, price: 0 };
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    const language = lang[i];
    if (token === undefined) break;
    if (token.kind === 'currency') {
      weights.price += THRESHOLD;
    } else if (token.kind === 'number' && MONEY_UNITS.has(tokens[i + 1]?.text ?? '')) {
      weights.price += THRESHOLD;
    } else if (language !== undefined) {
      const pack = packs()[language];
      const found =
        pack.topics.match(keys[language], surfaces[language], i, false) ??
        (pack.sentiment.match(keys[language], surfaces[language], i, false) === undefined
          ? pack.topics.match(keys[language], surfaces[language], i, true)
          : undefined) ??
        (language === 'en' && token.text.length >= 5 ? transliterated(token.text) : undefined);
      if (found !== undefined) {
        for (const topic of TOPICS) weights[topic] += found.value[topic] ?? 0;
        i += found.length;
        continue;
      }
    }
    i++;
  }
  return TOPICS.filter((topic) => weights[topic] >= THRESHOLD);
}

function transliterated(word: string): Match<TopicWeights> | undefined {
  const cyrillic = toCyrillic(word);
  return packs().ru.topics.match([stem(cyrillic, 'ru')], [cyrillic], 0, false);
}
