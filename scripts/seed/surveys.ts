import { SurveySettings, SurveyTexts, type SurveyKind } from '../../worker/surveys/schemas';

export interface DemoSurvey {
  kind: SurveyKind;
  name: string;
  texts: SurveyTexts;
  settings: SurveySettings;
}

/** Parsed with the API's own schemas, so the seed cannot store what the API would refuse. */
export const NPS_SURVEY: DemoSurvey = {
  kind: 'nps',
  name: 'NPS — relationship',
  texts: SurveyTexts.parse({
    ru: {
      question: 'Насколько вероятно, что вы порекомендуете Demo Shop друзьям или коллегам?',
      lowLabel: 'Точно нет',
      highLabel: 'Обязательно порекомендую',
      followUp: {
        default: 'Что больше всего повлияло на вашу оценку?',
        promoter: 'Спасибо! Что вам понравилось больше всего?',
        passive: 'Что нам сделать, чтобы в следующий раз вы поставили 10?',
        detractor: 'Нам жаль. Расскажите, что пошло не так?',
      },
      thankYou: 'Спасибо за ответ! Мы читаем каждый отзыв.',
    },
    en: {
      question: 'How likely are you to recommend Demo Shop to a friend or colleague?',
      lowLabel: 'Not at all likely',
      highLabel: 'Extremely likely',
      followUp: {
        default: 'What is the main reason for your score?',
        promoter: 'Thank you! What did you like most?',
        passive: 'What could we do to earn a 10 next time?',
        detractor: 'We are sorry. What went wrong?',
      },
      thankYou: 'Thank you for your answer! We read every comment.',
    },
  }),
  settings: SurveySettings.parse({
    trigger: { type: 'delay', seconds: 3 },
    samplingPercent: 100,
    recontact: { mode: 'every', days: 90 },
    position: 'bottom-right',
    brandColor: '#0f766e',
  }),
};

export const CSAT_SURVEY: DemoSurvey = {
  kind: 'csat',
  name: 'CSAT — after delivery',
  texts: SurveyTexts.parse({
    ru: {
      question: 'Насколько вы довольны последним заказом?',
      lowLabel: 'Совсем недоволен',
      highLabel: 'Очень доволен',
      followUp: {
        default: 'Расскажите подробнее о заказе.',
        promoter: 'Отлично! Что особенно понравилось?',
        passive: 'Что можно было сделать лучше?',
        detractor: 'Простите за неудобства. Что случилось с заказом?',
      },
      thankYou: 'Спасибо! Если нужна помощь, ответьте на письмо о заказе.',
    },
    en: {
      question: 'How satisfied are you with your latest order?',
      lowLabel: 'Very dissatisfied',
      highLabel: 'Very satisfied',
      followUp: {
        default: 'Tell us more about your order.',
        promoter: 'Great! What did you like in particular?',
        passive: 'What could we have done better?',
        detractor: 'Sorry for the trouble. What happened with your order?',
      },
      thankYou: 'Thank you! If you need help, just reply to your order email.',
    },
  }),
  settings: SurveySettings.parse({
    trigger: { type: 'event', name: 'order_delivered' },
    samplingPercent: 50,
    recontact: { mode: 'every', days: 30 },
    position: 'center',
    brandColor: '#0f766e',
  }),
};
