import { z } from 'zod';
import { ClientId, CustomerRef, Device } from '../responses/schemas';
import { Locale } from '../shared/schemas';
import { Recontact, SurveyKind, SurveySettings, Trigger } from '../surveys/schemas';

export const WIDGET_EVENT_KINDS = ['display', 'dismiss', 'answer'] as const;
export type WidgetEventKind = (typeof WIDGET_EVENT_KINDS)[number];

export const PublishableKey = z.string().min(1).max(100);

/** The widget's anonymous visitor id, kept in the visitor's localStorage. */
export const VisitorId = z.string().min(8).max(100).regex(/^[\w\-:.]+$/, 'only letters, digits and _-:.');

export const ConfigQuery = z.object({
  key: PublishableKey,
  locale: Locale.optional().meta({ description: 'The visitor’s language; each survey is sent in it when it has texts for it.' }),
});

export const UiStrings = z.object({ close: z.string(), send: z.string() });
export type UiStrings = z.infer<typeof UiStrings>;

/** One active survey, already resolved to one locale, with everything the widget needs to decide and render. */
export const WidgetSurvey = z.object({
  id: z.string(),
  kind: SurveyKind,
  locale: z.string(),
  question: z.string(),
  lowLabel: z.string(),
  highLabel: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  /** Lowest score of the middle band and of the top band (see the scoring of each kind). */
  middle: z.number().int(),
  high: z.number().int(),
  /** Follow-up prompts for [detractor, passive, promoter]. */
  followUp: z.array(z.string()).length(3),
  thankYou: z.string(),
  trigger: Trigger,
  urlInclude: SurveySettings.shape.urlInclude,
  urlExclude: SurveySettings.shape.urlExclude,
  samplingPercent: z.number(),
  recontact: Recontact,
  position: SurveySettings.shape.position,
  brandColor: z.string(),
});
export type WidgetSurvey = z.infer<typeof WidgetSurvey>;

export const WidgetConfig = z.object({
  cooldownDays: z.number().int().meta({ description: 'Minimum days between two surveys shown to the same visitor.' }),
  ui: z.record(z.string(), UiStrings).meta({ description: 'Built-in UI strings for each locale used by `surveys`.' }),
  surveys: z.array(WidgetSurvey),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;

/** Display or dismissal, posted by the widget as text/plain. */
export const WidgetEventInput = z.strictObject({
  key: PublishableKey,
  id: ClientId,
  type: z.enum(['display', 'dismiss']),
  surveyId: z.string().min(1).max(64),
  visitorId: VisitorId.optional(),
  customer: CustomerRef.optional(),
  locale: Locale.optional(),
  device: Device.optional(),
  /** Shown by `rapport('show')`: the site asked for it explicitly, so recontact rules and cooldown do not apply. */
  force: z.boolean().optional(),
});
export type WidgetEventInput = z.infer<typeof WidgetEventInput>;

export const WidgetEventResult = z.object({
  recorded: z.boolean().meta({
    description: 'For a display, `false` means the visitor’s recontact rule or cooldown forbids showing the survey now; nothing was stored.',
  }),
});
