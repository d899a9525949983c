import type { SurveyKind } from '../surveys/schemas';

/** Words around the survey's own texts, in the emails and pages of this domain. */
export interface EmailStrings {
  /** End labels of the scale when the survey's texts have none: [low, high] per kind. */
  ends: Record<SurveyKind, [string, string]>;
  sentBy: (sender: string) => string;
  unsubscribe: string;
  yourScore: string;
  commentPlaceholder: string;
  send: string;
  confirmWithoutScript: string;
  linkInvalidTitle: string;
  linkInvalidText: string;
  linkExpiredText: string;
  unsubscribeTitle: string;
  unsubscribeText: string;
  unsubscribeButton: string;
  unsubscribedText: string;
}

const EN: EmailStrings = {
  ends: {
    nps: ['Not at all likely', 'Extremely likely'],
    csat: ['Very unsatisfied', 'Very satisfied'],
    ces: ['Very difficult', 'Very easy'],
  },
  sentBy: (sender) => `Sent by ${sender}.`,
  unsubscribe: 'Unsubscribe',
  yourScore: 'Your score',
  commentPlaceholder: 'Optional',
  send: 'Send',
  confirmWithoutScript: 'Press Send to confirm your score.',
  linkInvalidTitle: 'This link does not work',
  linkInvalidText: 'We could not recognise this survey link. Nothing was recorded. Please use the link from your email.',
  linkExpiredText: 'This survey has closed, so nothing was recorded. Thank you for your time anyway.',
  unsubscribeTitle: 'Unsubscribe',
  unsubscribeText: 'Stop receiving survey emails from this sender?',
  unsubscribeButton: 'Unsubscribe',
  unsubscribedText: 'You are unsubscribed and will not receive survey emails from this sender again.',
};

const RU: EmailStrings = {
  ends: {
    nps: ['Точно нет', 'Обязательно'],
    csat: ['Совсем не доволен', 'Очень доволен'],
    ces: ['Очень сложно', 'Очень легко'],
  },
  sentBy: (sender) => `Отправитель: ${sender}.`,
  unsubscribe: 'Отписаться',
  yourScore: 'Ваша оценка',
  commentPlaceholder: 'Необязательно',
  send: 'Отправить',
  confirmWithoutScript: 'Нажмите «Отправить», чтобы подтвердить оценку.',
  linkInvalidTitle: 'Ссылка не работает',
  linkInvalidText: 'Мы не узнали эту ссылку на опрос. Ничего не записано. Воспользуйтесь ссылкой из письма.',
  linkExpiredText: 'Опрос закрыт, поэтому ничего не записано. Всё равно спасибо!',
  unsubscribeTitle: 'Отписка',
  unsubscribeText: 'Больше не получать опросы от этого отправителя?',
  unsubscribeButton: 'Отписаться',
  unsubscribedText: 'Вы отписаны и больше не будете получать опросы от этого отправителя.',
};

/** The shipped language closest to `wanted` (a locale or an Accept-Language value); English otherwise. */
export const uiLocale = (wanted: string | undefined): 'en' | 'ru' => (wanted?.slice(0, 2).toLowerCase() === 'ru' ? 'ru' : 'en');

export const emailStrings = (locale: string | undefined): EmailStrings => (uiLocale(locale) === 'ru' ? RU : EN);
