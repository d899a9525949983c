// The loyalty panel's own words. Rule and reward descriptions come from the server, already in the language.

export type Language = 'en' | 'ru';

export interface Strings {
  title: string;
  close: string;
  loading: string;
  failed: string;
  available: string;
  pending(points: string): string;
  expiring(points: string): string;
  tier(name: string): string;
  toNextPoints(remaining: string, tier: string): string;
  toNextSpend(amount: string, tier: string): string;
  progress(tier: string): string;
  earn: string;
  rewards: string;
  none: string;
  redeem: string;
  redeeming: string;
  unavailable: Record<'points' | 'stock' | 'limit', string>;
  code(reward: string): string;
  copy: string;
  copied: string;
  /** Plural forms of "point" for Intl.PluralRules categories. */
  point: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
}

export const STRINGS: Record<Language, Strings> = {
  en: {
    title: 'Your points',
    close: 'Close',
    loading: 'Loading…',
    failed: 'Your points could not be loaded. Please try again later.',
    available: 'available',
    pending: (points) => `${points} pending`,
    expiring: (points) => `${points} expire within 30 days`,
    tier: (name) => `Tier: ${name}`,
    toNextPoints: (remaining, tier) => `${remaining} more to reach ${tier}`,
    toNextSpend: (amount, tier) => `Spend ${amount} more to reach ${tier}`,
    progress: (tier) => `Progress to ${tier}`,
    earn: 'How to earn',
    rewards: 'Rewards',
    none: 'Nothing here yet.',
    redeem: 'Redeem',
    redeeming: 'Redeeming…',
    unavailable: { points: 'Not enough points', stock: 'Out of stock', limit: 'Limit reached' },
    code: (reward) => `Your code for ${reward}:`,
    copy: 'Copy code',
    copied: 'Copied',
    point: { one: 'point', other: 'points' },
  },
  ru: {
    title: 'Ваши баллы',
    close: 'Закрыть',
    loading: 'Загрузка…',
    failed: 'Не удалось загрузить баллы. Попробуйте позже.',
    available: 'доступно',
    pending: (points) => `${points} ожидают начисления`,
    expiring: (points) => `${points} сгорят в ближайшие 30 дней`,
    tier: (name) => `Уровень: ${name}`,
    toNextPoints: (remaining, tier) => `Ещё ${remaining} до уровня ${tier}`,
    toNextSpend: (amount, tier) => `Потратьте ещё ${amount} до уровня ${tier}`,
    progress: (tier) => `Прогресс до уровня ${tier}`,
    earn: 'Как получить баллы',
    rewards: 'Награды',
    none: 'Пока ничего нет.',
    redeem: 'Обменять',
    redeeming: 'Обмениваем…',
    unavailable: { points: 'Не хватает баллов', stock: 'Закончилось', limit: 'Лимит исчерпан' },
    code: (reward) => `Ваш код для «${reward}»:`,
    copy: 'Скопировать код',
    copied: 'Скопировано',
    point: { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' },
  },
};
