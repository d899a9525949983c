import { useState } from 'preact/hooks';
import { Async } from '../../components/states';
import { t } from '../../i18n';
import { useResource } from '../../lib/resource';
import { useSession } from '../../lib/session';
import {
  EXPIRY_POLICIES,
  NEGATIVE_BALANCE_POLICIES,
  ROUNDINGS,
  TIER_METRICS,
  UpdateSettings,
} from '../../../../worker/loyalty/schemas';
import { LOYALTY, loadSettings, type SettingsView } from './data';
import { useIdempotentCall } from './idempotent';
import { type FieldSpec, formValues, SpecForm } from './spec-form';

const options = (values: readonly string[], prefix: 'rounding' | 'expiry' | 'negative' | 'tierMetric') =>
  values.map((value) => ({ value, label: t(`loyalty.${prefix}.${value}` as Parameters<typeof t>[0]) }));

const settingsFields = (): FieldSpec[] => [
  { name: 'currency', label: t('loyalty.currency'), kind: 'text', hint: t('settings.currencyHint') },
  { name: 'earnRate', label: t('loyalty.earnRate'), kind: 'decimal', hint: t('loyalty.earnRateHint') },
  { name: 'rounding', label: t('loyalty.rounding'), kind: 'select', options: options(ROUNDINGS, 'rounding') },
  { name: 'pointValue', label: t('loyalty.pointValue'), kind: 'decimal', hint: t('loyalty.pointValueHint') },
  { name: 'pendingDays', label: t('loyalty.pendingDays'), kind: 'integer', hint: t('loyalty.pendingDaysHint') },
  { name: 'expiryPolicy', label: t('loyalty.expiryPolicy'), kind: 'select', options: options(EXPIRY_POLICIES, 'expiry') },
  { name: 'expiryMonths', label: t('loyalty.expiryMonths'), kind: 'integer' },
  {
    name: 'negativeBalance',
    label: t('loyalty.negativeBalance'),
    kind: 'select',
    options: options(NEGATIVE_BALANCE_POLICIES, 'negative'),
  },
  { name: 'tierMetric', label: t('loyalty.tierMetric'), kind: 'select', options: options(TIER_METRICS, 'tierMetric') },
  { name: 'tierWindowDays', label: t('loyalty.tierWindowDays'), kind: 'integer' },
  { name: 'tierPeriodDays', label: t('loyalty.tierPeriodDays'), kind: 'integer' },
  { name: 'excludeShipping', label: t('loyalty.excludeShipping'), kind: 'checkbox' },
  { name: 'excludeTax', label: t('loyalty.excludeTax'), kind: 'checkbox' },
];

function SettingsList({ settings }: { settings: SettingsView }) {
  return (
    <dl class="facts">
      {settingsFields().map((spec) => {
        const value = settings[spec.name as keyof SettingsView];
        const shown =
          spec.kind === 'select'
            ? (spec.options.find((option) => option.value === value)?.label ?? String(value))
            : typeof value === 'boolean'
              ? t(value ? 'loyalty.yes' : 'loyalty.no')
              : String(value);
        return (
          <div key={spec.name}>
            <dt>{spec.label}</dt>
            <dd>{shown}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Programme settings: a form for editors, a read-only list for viewers. */
export function ProgrammeSettings() {
  const { canEdit } = useSession();
  const settings = useResource(loadSettings, []);
  const call = useIdempotentCall();
  const [saved, setSaved] = useState(false);
  return (
    <section class="card section" aria-labelledby="loyalty-settings-title">
      <h2 class="section-title section-head" id="loyalty-settings-title">
        {t('loyalty.settings')}
      </h2>
      <Async resource={settings}>
        {(data) =>
          canEdit ? (
            <>
              <SpecForm
                specs={settingsFields()}
                initial={formValues(settingsFields(), data)}
                schema={UpdateSettings}
                submitLabel={t('form.save')}
                onSubmit={async (body) => {
                  setSaved(false);
                  const updated = await call<SettingsView>('PATCH', `${LOYALTY}/settings`, body);
                  if (settings.state === 'ready') settings.replace(updated);
                  setSaved(true);
                }}
              />
              {saved && (
                <p class="notice notice-success" role="status">
                  {t('form.saved')}
                </p>
              )}
            </>
          ) : (
            <SettingsList settings={data} />
          )
        }
      </Async>
    </section>
  );
}
