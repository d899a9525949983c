import type { SurveyKind } from '../surveys/schemas';
import type { UiStrings } from './schemas';

interface BuiltIn extends UiStrings {
  /** End labels used when a survey's texts have none: [low, high] per kind. */
  ends: Record<SurveyKind, [string, string]>;
}

const BUILT_IN: Record<'en' | 'ru', BuiltIn> = {
  en: {
    close: 'Close',
    send: 'Send',
    ends: {
      nps: ['Not at all likely', 'Extremely likely'],
      csat: ['Very unsatisfied', 'Very satisfied'],
      ces: ['Very difficult', 'Very easy'],
    },
  },
  ru: {
    close: 'Закрыть',
    send: 'Отправить',
    ends: {
      nps: ['Точно нет', 'Обязательно'],
      csat: ['Совсем не доволен', 'Очень доволен'],
      ces: ['Очень сложно', 'Очень легко'],
    },
  },
};

/** The widget's own strings in `locale`, English for languages it does not ship. */
export const builtInStrings = (locale: string): BuiltIn => (locale === 'ru' ? BUILT_IN.ru : BUILT_IN.en);
