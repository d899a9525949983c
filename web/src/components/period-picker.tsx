import { SelectField } from './field';
import { t } from '../i18n';
import { PERIODS, type RollingPeriod } from '../lib/metrics';

export function PeriodPicker({ value, onChange }: { value: RollingPeriod; onChange: (period: RollingPeriod) => void }) {
  return (
    <div class="period-picker">
      <SelectField
        label={t('overview.period')}
        value={value}
        onValue={onChange}
        options={PERIODS.map((period) => ({ value: period, label: t('overview.days', { n: Number.parseInt(period, 10) }) }))}
      />
    </div>
  );
}
