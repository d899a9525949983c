// Earning rules and rewards in plain words for the member panel, in English or Russian. Pure functions.
import type { RewardRow } from './rewards';
import type { RuleRow } from './rules';
import type { Settings } from './schemas';
import { currencyExponent } from './points';

export type Language = 'en' | 'ru';

/** The panel speaks English and Russian: the asked language if it is one of them, else the account's, else English. */
export const languageOf = (wanted: string | undefined, accountDefault: string): Language =>
  wanted === 'ru' || wanted === 'en' ? wanted : accountDefault === 'ru' ? 'ru' : 'en';

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const NOUNS: Record<Language, { point: Forms; day: Forms }> = {
  en: { point: { one: 'point', other: 'points' }, day: { one: 'day', other: 'days' } },
  ru: {
    point: { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' },
    day: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
  },
};

function counted(lang: Language, n: number, noun: keyof (typeof NOUNS)['en']): string {
  const forms = NOUNS[lang][noun];
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(n)} ${forms[new Intl.PluralRules(lang).select(n)] ?? forms.other}`;
}

const money = (lang: Language, minor: number, currency: string) =>
  new Intl.NumberFormat(lang, { style: 'currency', currency }).format(minor / 10 ** currencyExponent(currency));

const date = (lang: Language, millis: number) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(millis);

interface Phrases {
  purchase(rate: string, unit: string): string;
  perOrder(points: string): string;
  minOrder(amount: string): string;
  pending(days: string): string;
  referral(points: string): string;
  referee(points: string): string;
  fixed: Record<'review' | 'survey_answered' | 'birthday' | 'signup' | 'custom', (points: string) => string>;
  perDay(n: number): string;
  perMonth(n: number): string;
  until(date: string): string;
  reward: {
    fixed(amount: string): string;
    percent(value: number): string;
    discount: string;
    free_shipping: string;
    gift: string;
  };
}

const PHRASES: Record<Language, Phrases> = {
  en: {
    purchase: (rate, unit) => `${rate} per ${unit} spent`,
    perOrder: (points) => ` + ${points} per order`,
    minOrder: (amount) => `, on orders from ${amount}`,
    pending: (days) => `; available ${days} after the purchase`,
    referral: (points) => `${points} for you when a friend you invited places a first order`,
    referee: (points) => `, ${points} for your friend`,
    fixed: {
      review: (points) => `${points} for a review`,
      survey_answered: (points) => `${points} for answering a survey`,
      birthday: (points) => `${points} on your birthday`,
      signup: (points) => `${points} for signing up`,
      custom: (points) => `${points} each time`,
    },
    perDay: (n) => ` (up to ${n} times a day)`,
    perMonth: (n) => ` (up to ${n} times a month)`,
    until: (date) => `, until ${date}`,
    reward: {
      fixed: (amount) => `${amount} off`,
      percent: (value) => `${value}% off`,
      discount: 'A discount',
      free_shipping: 'Free shipping',
      gift: 'A gift',
    },
  },
  ru: {
    purchase: (rate, unit) => `${rate} за каждые ${unit}`,
    perOrder: (points) => ` + ${points} за заказ`,
    minOrder: (amount) => `, для заказов от ${amount}`,
    pending: (days) => `; доступны через ${days} после покупки`,
    referral: (points) => `${points} вам, когда приглашённый друг сделает первый заказ`,
    referee: (points) => `, ${points} другу`,
    fixed: {
      review: (points) => `${points} за отзыв`,
      survey_answered: (points) => `${points} за ответ на опрос`,
      birthday: (points) => `${points} в день рождения`,
      signup: (points) => `${points} за регистрацию`,
      custom: (points) => `${points} каждый раз`,
    },
    perDay: (n) => ` (не больше ${n} раз в день)`,
    perMonth: (n) => ` (не больше ${n} раз в месяц)`,
    until: (date) => `, до ${date}`,
    reward: {
      fixed: (amount) => `Скидка ${amount}`,
      percent: (value) => `Скидка ${value}%`,
      discount: 'Скидка',
      free_shipping: 'Бесплатная доставка',
      gift: 'Подарок',
    },
  },
};

type RuleText = Pick<
  RuleRow,
  'eventType' | 'points' | 'rate' | 'refereePoints' | 'minOrderAmount' | 'capPerDay' | 'capPerMonth' | 'endsAt'
>;

/** What one earning rule pays, e.g. "1 point per $1.00 spent, on orders from $20.00 (up to 1 times a day)". */
export function describeRule(
  rule: RuleText,
  settings: Pick<Settings, 'currency' | 'earnRate' | 'pendingDays'>,
  lang: Language,
): string {
  const say = PHRASES[lang];
  let text: string;
  if (rule.eventType === 'purchase') {
    const unit = money(lang, 10 ** currencyExponent(settings.currency), settings.currency);
    text = say.purchase(counted(lang, rule.rate ?? settings.earnRate, 'point'), unit);
    if (rule.points > 0) text += say.perOrder(counted(lang, rule.points, 'point'));
    if (rule.minOrderAmount !== null) text += say.minOrder(money(lang, rule.minOrderAmount, settings.currency));
    if (settings.pendingDays > 0) text += say.pending(counted(lang, settings.pendingDays, 'day'));
  } else if (rule.eventType === 'referral') {
    text = say.referral(counted(lang, rule.points, 'point'));
    if (rule.refereePoints) text += say.referee(counted(lang, rule.refereePoints, 'point'));
  } else {
    const kind = rule.eventType in say.fixed ? (rule.eventType as keyof Phrases['fixed']) : 'custom';
    text = say.fixed[kind](counted(lang, rule.points, 'point'));
  }
  if (rule.capPerDay !== null) text += say.perDay(rule.capPerDay);
  if (rule.capPerMonth !== null) text += say.perMonth(rule.capPerMonth);
  if (rule.endsAt !== null) text += say.until(date(lang, rule.endsAt));
  return text;
}

/** What a reward is worth, e.g. "$5.00 off", "Скидка 10%", "Free shipping". */
export function describeReward(reward: Pick<RewardRow, 'kind' | 'value'>, currency: string, lang: Language): string {
  const say = PHRASES[lang].reward;
  if (reward.kind === 'fixed_discount')
    return reward.value === null ? say.discount : say.fixed(money(lang, reward.value, currency));
  if (reward.kind === 'percent_discount') return reward.value === null ? say.discount : say.percent(reward.value);
  return say[reward.kind];
}
