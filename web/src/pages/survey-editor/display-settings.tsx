import { Field, SelectField, TextAreaField } from '../../components/field';
import { t } from '../../i18n';
import type { FieldErrors } from '../../lib/forms';
import type { SurveySettings } from '../../../../worker/surveys/schemas';
import type { SetDraft } from '../survey-editor';
import type { Draft } from './draft';

type Trigger = SurveySettings['trigger'];
type Recontact = SurveySettings['recontact'];

const TRIGGERS: Record<Trigger['type'], Trigger> = {
  delay: { type: 'delay', seconds: 5 },
  scroll: { type: 'scroll', percent: 50 },
  exit_intent: { type: 'exit_intent' },
  event: { type: 'event', name: '' },
  manual: { type: 'manual' },
};

const RECONTACTS: Record<Recontact['mode'], Recontact> = {
  once: { mode: 'once' },
  every: { mode: 'every', days: 90 },
  until_answered: { mode: 'until_answered' },
};

const POSITIONS = ['bottom-right', 'bottom-left', 'center'] as const;

function NumberField({
  label,
  value,
  min,
  max,
  error,
  onValue,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  error?: string | undefined;
  onValue: (value: number) => void;
}) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <input
          {...control}
          class="input"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={Number.isNaN(value) ? '' : value}
          onInput={(event) => onValue(event.currentTarget.value === '' ? Number.NaN : Number(event.currentTarget.value))}
        />
      )}
    </Field>
  );
}

/** Trigger, targeting, sampling, recontact and look. */
export function DisplaySettings({ draft, setDraft, errors }: { draft: Draft; setDraft: SetDraft; errors: FieldErrors }) {
  const { settings } = draft;
  const setSettings = (patch: Partial<SurveySettings>) =>
    setDraft((current) => ({ ...current, settings: { ...current.settings, ...patch } }));
  const { trigger, recontact } = settings;
  return (
    <section class="card" aria-labelledby="display-title">
      <h2 class="section-title section-head" id="display-title">
        {t('surveys.display')}
      </h2>
      <div class="stack">
        <div class="row">
          <SelectField
            label={t('surveys.trigger')}
            value={trigger.type}
            options={Object.keys(TRIGGERS).map((type) => ({
              value: type as Trigger['type'],
              label: t(`surveys.trigger.${type as Trigger['type']}`),
            }))}
            onValue={(type) => setSettings({ trigger: TRIGGERS[type] })}
          />
          {trigger.type === 'delay' && (
            <NumberField
              label={t('surveys.seconds')}
              min={0}
              max={3600}
              value={trigger.seconds}
              error={errors['settings.trigger.seconds']}
              onValue={(seconds) => setSettings({ trigger: { type: 'delay', seconds } })}
            />
          )}
          {trigger.type === 'scroll' && (
            <NumberField
              label={t('surveys.percent')}
              min={1}
              max={100}
              value={trigger.percent}
              error={errors['settings.trigger.percent']}
              onValue={(percent) => setSettings({ trigger: { type: 'scroll', percent } })}
            />
          )}
          {trigger.type === 'event' && (
            <Field label={t('surveys.eventName')} error={errors['settings.trigger.name']}>
              {(control) => (
                <input
                  {...control}
                  class="input"
                  value={trigger.name}
                  onInput={(event) => setSettings({ trigger: { type: 'event', name: event.currentTarget.value } })}
                />
              )}
            </Field>
          )}
        </div>
        <div class="row">
          <TextAreaField
            label={t('surveys.urlInclude')}
            hint={t('surveys.urlHint')}
            rows={3}
            class="mono"
            placeholder="https://shop.example/*"
            value={draft.urlInclude}
            onValue={(urlInclude) => setDraft((current) => ({ ...current, urlInclude }))}
            error={Object.entries(errors).find(([path]) => path.startsWith('settings.urlInclude'))?.[1]}
          />
          <TextAreaField
            label={t('surveys.urlExclude')}
            hint={t('surveys.urlHint')}
            rows={3}
            class="mono"
            placeholder="https://shop.example/checkout*"
            value={draft.urlExclude}
            onValue={(urlExclude) => setDraft((current) => ({ ...current, urlExclude }))}
            error={Object.entries(errors).find(([path]) => path.startsWith('settings.urlExclude'))?.[1]}
          />
        </div>
        <div class="row">
          <NumberField
            label={t('surveys.sampling')}
            min={0}
            max={100}
            value={settings.samplingPercent}
            error={errors['settings.samplingPercent']}
            onValue={(samplingPercent) => setSettings({ samplingPercent })}
          />
          <SelectField
            label={t('surveys.recontact')}
            value={recontact.mode}
            options={Object.keys(RECONTACTS).map((mode) => ({
              value: mode as Recontact['mode'],
              label: t(`surveys.recontact.${mode as Recontact['mode']}`),
            }))}
            onValue={(mode) => setSettings({ recontact: RECONTACTS[mode] })}
          />
          {recontact.mode === 'every' && (
            <NumberField
              label={t('surveys.days')}
              min={1}
              max={3650}
              value={recontact.days}
              error={errors['settings.recontact.days']}
              onValue={(days) => setSettings({ recontact: { mode: 'every', days } })}
            />
          )}
        </div>
        <div class="row">
          <SelectField
            label={t('surveys.position')}
            value={settings.position}
            options={POSITIONS.map((position) => ({ value: position, label: t(`surveys.position.${position}`) }))}
            onValue={(position) => setSettings({ position })}
          />
          <Field label={t('surveys.brandColor')} error={errors['settings.brandColor']}>
            {(control) => (
              <input
                {...control}
                class="input"
                type="color"
                value={settings.brandColor}
                onInput={(event) => setSettings({ brandColor: event.currentTarget.value })}
              />
            )}
          </Field>
        </div>
      </div>
    </section>
  );
}
