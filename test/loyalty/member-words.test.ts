// Earning rules and rewards in plain words (worker/loyalty/member-words.ts), English and Russian.
import { describe, expect, it } from 'vitest';
import { describeReward, describeRule, languageOf } from '../../worker/loyalty/member-words';

const rule = {
  eventType: 'review',
  points: 50,
  rate: null,
  refereePoints: null,
  minOrderAmount: null,
  capPerDay: null,
  capPerMonth: null,
  endsAt: null,
};
const usd = { currency: 'USD', earnRate: 1, pendingDays: 0 };
/** Intl puts no-break spaces between amount and currency in Russian; compare them as plain spaces. */
const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

describe('describeRule', () => {
  it('says what a purchase earns, with bonus, minimum, pending period and end date', () => {
    const purchase = {
      ...rule,
      eventType: 'purchase',
      points: 10,
      rate: 2,
      minOrderAmount: 2500,
      endsAt: Date.UTC(2026, 11, 31),
    };
    expect(describeRule(purchase, { ...usd, pendingDays: 14 }, 'en')).toBe(
      '2 points per $1.00 spent + 10 points per order, on orders from $25.00; available 14 days after the purchase, until Dec 31, 2026',
    );
    expect(plain(describeRule(purchase, { ...usd, pendingDays: 1 }, 'ru'))).toBe(
      '2 балла за каждые 1,00 $ + 10 баллов за заказ, для заказов от 25,00 $; доступны через 1 день после покупки, до 31 дек. 2026 г.',
    );
    expect(
      describeRule({ ...rule, eventType: 'purchase', points: 0 }, { currency: 'JPY', earnRate: 0.5, pendingDays: 0 }, 'en'),
    ).toBe('0.5 points per ¥1 spent');
  });

  it('uses Russian plural forms and the right wording per event', () => {
    expect(describeRule({ ...rule, points: 1 }, usd, 'ru')).toBe('1 балл за отзыв');
    expect(describeRule({ ...rule, points: 3 }, usd, 'ru')).toBe('3 балла за отзыв');
    expect(describeRule({ ...rule, points: 11 }, usd, 'ru')).toBe('11 баллов за отзыв');
    expect(describeRule({ ...rule, points: 1 }, usd, 'en')).toBe('1 point for a review');
    expect(describeRule({ ...rule, eventType: 'birthday', points: 100 }, usd, 'en')).toBe('100 points on your birthday');
    expect(describeRule({ ...rule, eventType: 'signup', points: 20, capPerDay: 1 }, usd, 'ru')).toBe(
      '20 баллов за регистрацию (не больше 1 раз в день)',
    );
    expect(describeRule({ ...rule, eventType: 'survey_answered', points: 5, capPerMonth: 3 }, usd, 'en')).toBe(
      '5 points for answering a survey (up to 3 times a month)',
    );
    expect(describeRule({ ...rule, eventType: 'custom:newsletter', points: 15 }, usd, 'en')).toBe('15 points each time');
  });

  it('names both sides of a referral', () => {
    const referral = { ...rule, eventType: 'referral', points: 200, refereePoints: 100 };
    expect(describeRule(referral, usd, 'en')).toBe(
      '200 points for you when a friend you invited places a first order, 100 points for your friend',
    );
    expect(describeRule({ ...referral, refereePoints: null }, usd, 'ru')).toBe(
      '200 баллов вам, когда приглашённый друг сделает первый заказ',
    );
  });
});

describe('describeReward', () => {
  it('says what each kind of reward is worth', () => {
    expect(describeReward({ kind: 'fixed_discount', value: 500 }, 'USD', 'en')).toBe('$5.00 off');
    expect(plain(describeReward({ kind: 'fixed_discount', value: 50000 }, 'RUB', 'ru'))).toBe('Скидка 500,00 ₽');
    expect(describeReward({ kind: 'percent_discount', value: 10 }, 'USD', 'ru')).toBe('Скидка 10%');
    expect(describeReward({ kind: 'percent_discount', value: null }, 'USD', 'en')).toBe('A discount');
    expect(describeReward({ kind: 'free_shipping', value: null }, 'USD', 'en')).toBe('Free shipping');
    expect(describeReward({ kind: 'gift', value: null }, 'USD', 'ru')).toBe('Подарок');
  });
});

describe('languageOf', () => {
  it('takes the asked language if the panel speaks it, else the account default, else English', () => {
    expect(languageOf('ru', 'en')).toBe('ru');
    expect(languageOf('de', 'ru')).toBe('ru');
    expect(languageOf(undefined, 'fr')).toBe('en');
  });
});
