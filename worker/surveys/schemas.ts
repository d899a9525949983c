import { z } from 'zod';
import { Locale } from '../shared/schemas';

export const SURVEY_KINDS = ['nps', 'csat', 'ces'] as const;
export const SurveyKind = z.enum(SURVEY_KINDS);
export type SurveyKind = z.infer<typeof SurveyKind>;

export const SURVEY_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export const SurveyStatus = z.enum(SURVEY_STATUSES);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** What a respondent reads, in one language. Follow-ups may differ by the respondent's category. */
export const SurveyLocaleTexts = z.strictObject({
  question: Text(300),
  lowLabel: Text(60).optional(),
  highLabel: Text(60).optional(),
  followUp: z.strictObject({
    default: Text(300),
    promoter: Text(300).optional(),
    passive: Text(300).optional(),
    detractor: Text(300).optional(),
  }),
  thankYou: Text(300),
});
export type SurveyLocaleTexts = z.infer<typeof SurveyLocaleTexts>;

export const SurveyTexts = z
  .record(Locale, SurveyLocaleTexts)
  .refine((texts) => Object.keys(texts).length > 0, 'at least one locale is required');
export type SurveyTexts = z.infer<typeof SurveyTexts>;

export const Trigger = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('delay'), seconds: z.number().int().min(0).max(3600) }),
  z.strictObject({ type: z.literal('scroll'), percent: z.number().int().min(1).max(100) }),
  z.strictObject({ type: z.literal('exit_intent') }),
  z.strictObject({ type: z.literal('event'), name: z.string().min(1).max(100) }),
  z.strictObject({ type: z.literal('manual') }),
]);

export const Recontact = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('once') }),
  z.strictObject({ mode: z.literal('every'), days: z.number().int().min(1).max(3650) }),
  z.strictObject({ mode: z.literal('until_answered') }),
]);

/** `*` matches any run of characters; patterns are matched against the full page URL. */
const UrlPattern = z.string().min(1).max(500);

export const SurveySettings = z.strictObject({
  trigger: Trigger.default({ type: 'delay', seconds: 5 }),
  urlInclude: z.array(UrlPattern).max(50).default([]),
  urlExclude: z.array(UrlPattern).max(50).default([]),
  samplingPercent: z.number().min(0).max(100).default(100),
  recontact: Recontact.default({ mode: 'every', days: 90 }),
  position: z.enum(['bottom-right', 'bottom-left', 'center']).default('bottom-right'),
  brandColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#4f46e5'),
});
export type SurveySettings = z.infer<typeof SurveySettings>;

export const CreateSurvey = z.strictObject({
  kind: SurveyKind,
  name: Text(200),
  status: SurveyStatus.default('draft'),
  texts: SurveyTexts,
  settings: SurveySettings.default(SurveySettings.parse({})),
});

export const UpdateSurvey = z
  .strictObject({
    name: Text(200),
    status: SurveyStatus,
    texts: SurveyTexts,
    settings: SurveySettings,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to update');

export const Survey = z.object({
  id: z.string(),
  kind: SurveyKind,
  name: z.string(),
  status: SurveyStatus,
  texts: SurveyTexts,
  settings: SurveySettings,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Survey = z.infer<typeof Survey>;

export const SurveyListQuery = z.object({
  status: SurveyStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
