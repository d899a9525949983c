import type { Category } from '../../worker/responses/schemas';
import type { Country, DemoLocale, Plan } from './customers';
import { BANKS, CLOSERS, ONE_LINERS, OPENERS, TOPICS, type Tone, type Topic } from './phrases';
import type { Prng } from './prng';

export interface CommentContext {
  locale: DemoLocale;
  category: Category;
  country: Country;
  plan: Plan;
}

const TONE: Record<Category, Tone> = { promoter: 'positive', passive: 'neutral', detractor: 'negative' };

/** Fills every `{a|b|c}` with one alternative. */
export const expand = (template: string, rng: Prng): string =>
  template.replace(/\{([^{}]*)\}/g, (_, alternatives: string) => rng.pick(alternatives.split('|')));

/** What people write about depends on who they are: Kazakhstan complains about delivery, basic-plan customers about price. */
function topicWeights(tone: Tone, context: CommentContext): Record<Topic, number> {
  const weights: Record<Topic, number> = { service: 3, product: 3, delivery: 3, price: 2, website: 1 };
  if (tone !== 'positive' && context.country === 'KZ') weights.delivery += 7;
  if (tone !== 'positive' && context.plan === 'basic') weights.price += 2;
  if (tone === 'positive' && context.plan !== 'basic') weights.service += 2;
  return weights;
}

function sentence(rng: Prng, locale: DemoLocale, topic: Topic, tone: Tone): string {
  return expand(rng.pick(BANKS[locale][topic][tone]), rng);
}

/** A comment that fits the score: one-liners, or one or two topical sentences with an optional lead-in and sign-off. */
export function generateComment(rng: Prng, context: CommentContext): string {
  const tone = TONE[context.category];
  const { locale } = context;
  if (rng.chance(0.14)) return rng.pick(ONE_LINERS[locale][tone]);

  const topic = rng.weighted(topicWeights(tone, context));
  const body = [sentence(rng, locale, topic, tone)];
  if (rng.chance(0.35)) {
    const other = rng.pick(TOPICS.filter((candidate) => candidate !== topic));
    // A passive often names what was good before what was not.
    if (tone === 'neutral') body.unshift(sentence(rng, locale, other, 'positive'));
    else body.push(sentence(rng, locale, other, tone));
  }
  const opener = rng.chance(0.25) ? [rng.pick(OPENERS[locale][tone])] : [];
  const closer = rng.chance(0.2) ? [rng.pick(CLOSERS[locale][tone])] : [];
  return [...opener, ...body, ...closer].join(' ');
}
