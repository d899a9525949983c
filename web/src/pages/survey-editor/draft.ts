// The editor's form state and its conversion to and from the API's survey shape.
import type { Survey, SurveyKind, SurveyLocaleTexts, SurveySettings, SurveyStatus } from '../../../../worker/surveys/schemas';

export const EDITOR_LOCALES = ['en', 'ru'] as const;
export type EditorLocale = (typeof EDITOR_LOCALES)[number];

/** Every text as a string; empty optional texts are left out when saving. */
export interface LocaleDraft {
  enabled: boolean;
  question: string;
  lowLabel: string;
  highLabel: string;
  followUp: string;
  promoter: string;
  passive: string;
  detractor: string;
  thankYou: string;
}

export interface Draft {
  kind: SurveyKind;
  name: string;
  status: SurveyStatus;
  texts: Record<EditorLocale, LocaleDraft>;
  settings: SurveySettings;
  urlInclude: string;
  urlExclude: string;
}

const QUESTIONS: Record<SurveyKind, Record<EditorLocale, string>> = {
  nps: {
    en: 'How likely are you to recommend us to a friend or colleague?',
    ru: 'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
  },
  csat: { en: 'How satisfied are you with your experience?', ru: 'Насколько вы довольны?' },
  ces: { en: 'How easy was it to get what you needed?', ru: 'Насколько легко было получить то, что вам было нужно?' },
};

const FOLLOW_UP: Record<EditorLocale, string> = {
  en: 'What is the main reason for your score?',
  ru: 'Что главным образом повлияло на вашу оценку?',
};

const THANK_YOU: Record<EditorLocale, string> = { en: 'Thank you for your feedback!', ru: 'Спасибо за ваш отзыв!' };

function defaultTexts(kind: SurveyKind, locale: EditorLocale, enabled: boolean): LocaleDraft {
  return {
    enabled,
    question: QUESTIONS[kind][locale],
    lowLabel: '',
    highLabel: '',
    followUp: FOLLOW_UP[locale],
    promoter: '',
    passive: '',
    detractor: '',
    thankYou: THANK_YOU[locale],
  };
}

export const DEFAULT_SETTINGS: SurveySettings = {
  trigger: { type: 'delay', seconds: 5 },
  urlInclude: [],
  urlExclude: [],
  samplingPercent: 100,
  recontact: { mode: 'every', days: 90 },
  position: 'bottom-right',
  brandColor: '#4f46e5',
};

export function newDraft(kind: SurveyKind, uiLocale: string): Draft {
  return {
    kind,
    name: '',
    status: 'draft',
    texts: { en: defaultTexts(kind, 'en', uiLocale !== 'ru'), ru: defaultTexts(kind, 'ru', uiLocale === 'ru') },
    settings: DEFAULT_SETTINGS,
    urlInclude: '',
    urlExclude: '',
  };
}

/** A new survey's question follows its type until the user edits it. */
export function withKind(draft: Draft, kind: SurveyKind): Draft {
  const texts = { ...draft.texts };
  for (const locale of EDITOR_LOCALES) {
    if (texts[locale].question === QUESTIONS[draft.kind][locale])
      texts[locale] = { ...texts[locale], question: QUESTIONS[kind][locale] };
  }
  return { ...draft, kind, texts };
}

function localeDraft(texts: SurveyLocaleTexts | undefined): LocaleDraft {
  return {
    enabled: texts !== undefined,
    question: texts?.question ?? '',
    lowLabel: texts?.lowLabel ?? '',
    highLabel: texts?.highLabel ?? '',
    followUp: texts?.followUp.default ?? '',
    promoter: texts?.followUp.promoter ?? '',
    passive: texts?.followUp.passive ?? '',
    detractor: texts?.followUp.detractor ?? '',
    thankYou: texts?.thankYou ?? '',
  };
}

export function draftFromSurvey(survey: Survey): Draft {
  return {
    kind: survey.kind,
    name: survey.name,
    status: survey.status,
    texts: { en: localeDraft(survey.texts.en), ru: localeDraft(survey.texts.ru) },
    settings: survey.settings,
    urlInclude: survey.settings.urlInclude.join('\n'),
    urlExclude: survey.settings.urlExclude.join('\n'),
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);
const lines = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function localeTexts(draft: LocaleDraft) {
  return {
    question: draft.question,
    lowLabel: optional(draft.lowLabel),
    highLabel: optional(draft.highLabel),
    followUp: {
      default: draft.followUp,
      promoter: optional(draft.promoter),
      passive: optional(draft.passive),
      detractor: optional(draft.detractor),
    },
    thankYou: draft.thankYou,
  };
}

/** The body for POST /surveys (or, without `kind`, PATCH /surveys/{id}); validated by the API's own schema. */
export function surveyInput(draft: Draft) {
  const texts: Record<string, ReturnType<typeof localeTexts>> = {};
  for (const locale of EDITOR_LOCALES) if (draft.texts[locale].enabled) texts[locale] = localeTexts(draft.texts[locale]);
  return {
    kind: draft.kind,
    name: draft.name,
    status: draft.status,
    texts,
    settings: { ...draft.settings, urlInclude: lines(draft.urlInclude), urlExclude: lines(draft.urlExclude) },
  };
}
