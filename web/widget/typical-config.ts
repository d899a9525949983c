// The config response a small shop typically downloads (one NPS and one CSAT survey, English), built by the
// Worker's own code. Used to report and test the widget's total transfer size.
import type { surveys } from '../../worker/db/schema';
import { buildWidgetConfig } from '../../worker/widget/config';

type SurveyRow = typeof surveys.$inferSelect;

const settings: SurveyRow['settings'] = {
  trigger: { type: 'delay', seconds: 5 },
  urlInclude: [],
  urlExclude: ['https://shop.example/checkout*'],
  samplingPercent: 100,
  recontact: { mode: 'every', days: 90 },
  position: 'bottom-right',
  brandColor: '#4f46e5',
};

const row = (id: string, kind: SurveyRow['kind'], texts: SurveyRow['texts']): SurveyRow => ({
  id,
  tenantId: 'ten_000000000example0000000',
  kind,
  name: kind,
  status: 'active',
  texts,
  settings,
  createdAt: 0,
  updatedAt: 0,
});

export const typicalConfig = JSON.stringify(
  buildWidgetConfig(
    [
      row('srv_mhx2k9q1a8Bf3kLm2Qz7RtYv0', 'nps', {
        en: {
          question: 'How likely are you to recommend our shop to a friend or colleague?',
          followUp: { default: 'What is the main reason for your score?', detractor: 'What should we improve first?' },
          thankYou: 'Thank you for your feedback!',
        },
      }),
      row('srv_mhx2kb3c0Tg7wXn4Pq1sDf9Hj', 'csat', {
        en: {
          question: 'How satisfied are you with your order?',
          followUp: { default: 'Tell us more (optional).' },
          thankYou: 'Thanks, we read every answer.',
        },
      }),
    ],
    'en',
    'en',
  ),
);
