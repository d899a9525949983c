import { categorize } from '../../worker/responses/scoring';
import { CATEGORIES, type Category, type Channel, type Device } from '../../worker/responses/schemas';
import type { SurveyKind } from '../../worker/surveys/schemas';
import { DAY_MS } from '../../worker/shared/time';
import { generateComment } from './comments';
import type { Country, DemoCustomer, DemoLocale, Plan } from './customers';
import type { Prng } from './prng';

export const RESPONSE_COUNTS: Record<'nps' | 'csat', number> = { nps: 1_300, csat: 700 };
const PERIOD_MS = 365 * DAY_MS;
const HOUR_MS = 3_600_000;
export const SHOP_URL = 'https://demo-shop.example';

export interface DemoResponse {
  kind: SurveyKind;
  clientId: string;
  /** Index into the customer list; null for anonymous widget visitors. */
  customer: number | null;
  score: number;
  category: Category;
  comment: string | null;
  channel: Channel;
  locale: DemoLocale;
  pageUrl: string | null;
  referrer: string | null;
  device: Device | null;
  properties: Record<string, string | number>;
  createdAt: number;
}

/**
 * How happy a segment is, as a shift of the NPS fraction. Pro customers get priority support;
 * Kazakhstan suffers from slow cross-border delivery.
 */
const PLAN_MOOD: Record<Plan, number> = { basic: -0.06, pro: 0.14, business: 0.08 };
const COUNTRY_MOOD: Record<Country, number> = { RU: 0, KZ: -0.3, BY: 0.02, AM: 0.05, DE: 0.05, RS: 0 };
const segmentMood = (customer: DemoCustomer | undefined) => (customer ? PLAN_MOOD[customer.plan] + COUNTRY_MOOD[customer.country] : 0);

/** The company-wide NPS the data should show: ~5 a year ago, ~35 now (as a fraction). */
const trendMood = (progress: number) => 0.05 + 0.3 * progress;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Category probabilities for a mood, shaped per scale: NPS keeps ~30 % passives, CSAT is mostly satisfied. */
function categoryWeights(kind: SurveyKind, mood: number): Record<Category, number> {
  const [promoter, detractor] =
    kind === 'nps' ? [clamp((0.7 + mood) / 2, 0.03, 0.9), clamp((0.7 - mood) / 2, 0.03, 0.9)] : [clamp(0.65 + 0.5 * mood, 0.1, 0.93), clamp(0.2 - 0.3 * mood, 0.03, 0.6)];
  return { promoter, detractor, passive: Math.max(0, 1 - promoter - detractor) };
}

/** Scores inside each band, weighted the way real answers cluster (many 5s and 6s among NPS detractors). */
const SCORES: Record<'nps' | 'csat', Record<Category, { scores: number[]; weights: number[] }>> = {
  nps: {
    promoter: { scores: [9, 10], weights: [45, 55] },
    passive: { scores: [7, 8], weights: [45, 55] },
    detractor: { scores: [0, 1, 2, 3, 4, 5, 6], weights: [4, 2, 3, 4, 6, 9, 12] },
  },
  csat: {
    promoter: { scores: [4, 5], weights: [55, 45] },
    passive: { scores: [3], weights: [1] },
    detractor: { scores: [1, 2], weights: [45, 55] },
  },
};

const COMMENT_RATE: Record<Category, number> = { promoter: 0.36, passive: 0.35, detractor: 0.55 };

const CHANNELS: Record<'nps' | 'csat', Record<'email' | 'widget' | 'api', number>> = {
  nps: { email: 45, widget: 40, api: 15 },
  csat: { email: 35, widget: 45, api: 20 },
};
const DEVICES: Record<'email' | 'widget', Record<Device, number>> = {
  widget: { mobile: 55, desktop: 38, tablet: 7 },
  email: { mobile: 64, desktop: 31, tablet: 5 },
};
const PAGES = ['/', '/catalog/shoes', '/catalog/electronics', '/catalog/home', '/cart', '/checkout/success', '/account/orders', '/help/delivery'];
const REFERRERS = ['https://www.google.com/', 'https://yandex.ru/', 'https://t.me/', `${SHOP_URL}/catalog`];
/** Moscow-time hours, weighted towards evenings. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2.5, 3, 3.5, 4, 4.5, 4.5, 4, 4, 4.5, 5, 6, 7, 7.5, 7, 5, 2.5];
const MOSCOW_OFFSET_MS = 3 * HOUR_MS;

/** Position in the year, 0 = a year ago, 1 = now; the volume grows over time (density ∝ 0.5 + t). */
const growingProgress = (rng: Prng) => (-1 + Math.sqrt(1 + 8 * rng.next())) / 2;

function timestamp(rng: Prng, progress: number, now: number): number {
  const day = now - PERIOD_MS + progress * PERIOD_MS;
  const moscowMidnight = day - ((day + MOSCOW_OFFSET_MS) % DAY_MS);
  const time = moscowMidnight + rng.weightedIndex(HOUR_WEIGHTS) * HOUR_MS + rng.int(0, HOUR_MS - 1);
  return time > now - 60_000 ? time - DAY_MS : time;
}

/** Regulars answer more often: a skewed pick over the customer list. */
const pickCustomer = (rng: Prng, count: number) => Math.min(count - 1, Math.floor(count * rng.next() ** 1.6));

interface Draft {
  kind: 'nps' | 'csat';
  customer: number | null;
  progress: number;
}

/** Per survey, in time order (so client ids count up with time). */
function drafts(rng: Prng, customerCount: number): Draft[] {
  return (['nps', 'csat'] as const).flatMap((kind) =>
    Array.from({ length: RESPONSE_COUNTS[kind] }, () => ({
      kind,
      customer: rng.chance(0.12) ? null : pickCustomer(rng, customerCount),
      progress: growingProgress(rng),
    })).sort((a, b) => a.progress - b.progress),
  );
}

/**
 * Samples categories while feeding back the gap between expected and drawn counts, so every
 * stretch of time shows its intended NPS instead of ±8 points of noise per month, and each
 * answer still leans the way its segment does.
 */
function categorySampler(rng: Prng) {
  const gap: Record<Category, number> = { promoter: 0, passive: 0, detractor: 0 };
  return (expected: Record<Category, number>): Category => {
    const adjusted = { ...expected };
    for (const category of CATEGORIES) adjusted[category] = Math.max(0, expected[category] + 0.5 * gap[category]);
    const drawn = rng.weighted(adjusted);
    for (const category of CATEGORIES) gap[category] += expected[category] - (category === drawn ? 1 : 0);
    return drawn;
  };
}

export function generateResponses(rng: Prng, customers: DemoCustomer[], now: number): DemoResponse[] {
  const planned = drafts(rng, customers.length);
  const customerOf = (draft: Draft) => (draft.customer === null ? undefined : customers[draft.customer]);
  // Segment moods are re-centred on the respondents, so the overall NPS follows the trend.
  const meanMood = planned.reduce((sum, draft) => sum + segmentMood(customerOf(draft)), 0) / planned.length;
  const counters = { nps: 0, csat: 0 };
  const samplers = { nps: categorySampler(rng), csat: categorySampler(rng) };

  return planned.map((draft) => {
    const customer = customerOf(draft);
    const mood = trendMood(draft.progress) + segmentMood(customer) - meanMood;
    const band = SCORES[draft.kind][samplers[draft.kind](categoryWeights(draft.kind, mood))];
    const score = band.scores[rng.weightedIndex(band.weights)]!;
    const category = categorize(draft.kind, score);
    const locale: DemoLocale = customer?.locale ?? (rng.chance(0.75) ? 'ru' : 'en');
    const channel = customer ? rng.weighted(CHANNELS[draft.kind]) : 'widget';
    const comment =
      rng.chance(COMMENT_RATE[category])
        ? generateComment(rng, { locale, category, country: customer?.country ?? 'RU', plan: customer?.plan ?? 'basic' })
        : null;
    const properties: Record<string, string | number> = customer ? { plan: customer.plan, country: customer.country } : {};
    if (draft.kind === 'csat') properties.orderValue = rng.int(9, 250) * 100 - 10;
    counters[draft.kind] += 1;

    return {
      kind: draft.kind,
      clientId: `demo-${draft.kind}-${String(counters[draft.kind]).padStart(5, '0')}`,
      customer: draft.customer,
      score,
      category,
      comment,
      channel,
      locale,
      pageUrl: channel === 'widget' ? SHOP_URL + rng.pick(PAGES) : null,
      referrer: channel === 'widget' && rng.chance(0.5) ? rng.pick(REFERRERS) : null,
      device: channel === 'api' ? null : rng.weighted(DEVICES[channel]),
      properties,
      createdAt: timestamp(rng, draft.progress, now),
    };
  });
}
