import type { Category } from '../responses/schemas';
import type { SurveyLocaleTexts, SurveyTexts } from './schemas';

/** Picks the texts for `wanted`, else the tenant's default locale, else the first locale the survey has. */
export function resolveTexts(
  texts: SurveyTexts,
  wanted: string | undefined,
  tenantDefault: string,
): { locale: string; texts: SurveyLocaleTexts } {
  for (const locale of [wanted?.slice(0, 2).toLowerCase(), tenantDefault]) {
    const found = locale ? texts[locale] : undefined;
    if (locale && found) return { locale, texts: found };
  }
  const [locale, found] = Object.entries(texts)[0]!;
  return { locale, texts: found };
}

export const followUpPrompt = (texts: SurveyLocaleTexts, category: Category): string =>
  texts.followUp[category] ?? texts.followUp.default;
