import type { Sentiment, Topic } from '../sentiment/types';
import type { SurveyKind } from '../surveys/schemas';

/** The words of alert emails, per dashboard language. */
export interface AlertStrings {
  lang: 'en' | 'ru';
  subject: (score: number, survey: string) => string;
  digestSubject: (count: number) => string;
  heading: string;
  digestHeading: (count: number) => string;
  digestIntro: string;
  score: (kind: SurveyKind, score: number) => string;
  noComment: string;
  sentiment: Record<Sentiment, string>;
  topics: string;
  topic: Record<Topic, string>;
  open: string;
  openAll: string;
  more: (count: number) => string;
  footer: (tenant: string) => string;
}

const KIND_NAMES: Record<SurveyKind, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

const ruPlural = (count: number, one: string, few: string, many: string) => {
  const form = new Intl.PluralRules('ru').select(count);
  return form === 'one' ? one : form === 'few' ? few : many;
};

const EN: AlertStrings = {
  lang: 'en',
  subject: (score, survey) => `Detractor alert: ${score} on “${survey}”`,
  digestSubject: (count) => `${count} more detractor ${count === 1 ? 'alert' : 'alerts'}`,
  heading: 'A customer is unhappy',
  digestHeading: (count) => `${count} more unhappy ${count === 1 ? 'customer' : 'customers'}`,
  digestIntro: 'These answers arrived since the last alert email:',
  score: (kind, score) => `${KIND_NAMES[kind]} score ${score}`,
  noComment: 'No comment.',
  sentiment: { positive: 'positive comment', neutral: 'neutral comment', negative: 'negative comment' },
  topics: 'Topics',
  topic: { service: 'service', product: 'product', delivery: 'delivery', price: 'price' },
  open: 'Open the response',
  openAll: 'Open all detractors',
  more: (count) => `…and ${count} more.`,
  footer: (tenant) => `You get this because you are an alert recipient of ${tenant} in Rapport.`,
};

const RU: AlertStrings = {
  lang: 'ru',
  subject: (score, survey) => `Недовольный клиент: ${score} в опросе «${survey}»`,
  digestSubject: (count) => `Ещё ${count} ${ruPlural(count, 'тревожный ответ', 'тревожных ответа', 'тревожных ответов')}`,
  heading: 'Клиент недоволен',
  digestHeading: (count) =>
    `Ещё ${count} ${ruPlural(count, 'недовольный клиент', 'недовольных клиента', 'недовольных клиентов')}`,
  digestIntro: 'Эти ответы пришли после прошлого письма:',
  score: (kind, score) => `Оценка ${KIND_NAMES[kind]}: ${score}`,
  noComment: 'Без комментария.',
  sentiment: { positive: 'позитивный комментарий', neutral: 'нейтральный комментарий', negative: 'негативный комментарий' },
  topics: 'Темы',
  topic: { service: 'сервис', product: 'товар', delivery: 'доставка', price: 'цена' },
  open: 'Открыть ответ',
  openAll: 'Все недовольные клиенты',
  more: (count) => `…и ещё ${count}.`,
  footer: (tenant) => `Вы получили это письмо, потому что указаны получателем оповещений ${tenant} в Rapport.`,
};

export const alertStrings = (locale: string): AlertStrings => (locale.toLowerCase().startsWith('ru') ? RU : EN);
