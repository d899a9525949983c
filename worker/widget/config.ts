import type { surveys } from '../db/schema';
import { SCALES } from '../responses/scoring';
import { followUpPrompt, resolveTexts } from '../surveys/texts';
import { DEFAULT_COOLDOWN_DAYS } from './recontact';
import type { UiStrings, WidgetConfig, WidgetSurvey } from './schemas';
import { builtInStrings } from './ui-strings';

type SurveyRow = typeof surveys.$inferSelect;

function widgetSurvey(row: SurveyRow, wanted: string | undefined, tenantLocale: string): WidgetSurvey {
  const { locale, texts } = resolveTexts(row.texts, wanted, tenantLocale);
  const [low, high] = builtInStrings(locale).ends[row.kind];
  const scale = SCALES[row.kind];
  const { settings } = row;
  return {
    id: row.id,
    kind: row.kind,
    locale,
    question: texts.question,
    lowLabel: texts.lowLabel ?? low,
    highLabel: texts.highLabel ?? high,
    min: scale.min,
    max: scale.max,
    middle: scale.middle,
    high: scale.high,
    followUp: [followUpPrompt(texts, 'detractor'), followUpPrompt(texts, 'passive'), followUpPrompt(texts, 'promoter')],
    thankYou: texts.thankYou,
    trigger: settings.trigger,
    urlInclude: settings.urlInclude,
    urlExclude: settings.urlExclude,
    samplingPercent: settings.samplingPercent,
    recontact: settings.recontact,
    position: settings.position,
    brandColor: settings.brandColor,
  };
}

/** The per-tenant, per-locale document the widget downloads: active surveys only, each in one language. */
export function buildWidgetConfig(active: SurveyRow[], wanted: string | undefined, tenantLocale: string): WidgetConfig {
  const list = active.map((row) => widgetSurvey(row, wanted, tenantLocale));
  const ui: Record<string, UiStrings> = {};
  for (const { locale } of list) {
    const { close, send } = builtInStrings(locale);
    ui[locale] = { close, send };
  }
  return { cooldownDays: DEFAULT_COOLDOWN_DAYS, ui, surveys: list };
}
