import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { api, type Page } from '../api';
import { Field, FormError, SelectField, TextField } from '../components/field';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { TableWrap } from '../components/table-wrap';
import { formatNumber, t } from '../i18n';
import { errorsFromApi, type FieldErrors, messageOf, validate } from '../lib/forms';
import { useResource } from '../lib/resource';
import { useSession } from '../lib/session';
import {
  CreateGoal,
  type Goal,
  GOAL_METRICS,
  GOAL_PERIODS,
  type GoalMetric,
  type GoalPeriod,
  UpdateGoal,
} from '../../../worker/metrics/schemas';

type GoalView = z.infer<typeof Goal>;

/** Rates are stored as 0–1 but read and typed as percentages. */
const PERCENT: ReadonlySet<GoalMetric> = new Set([
  'response_rate',
  'dismissal_rate',
  'retention_rate',
  'churn_rate',
  'repeat_purchase_rate',
]);
const DIGITS: Partial<Record<GoalMetric, number>> = { ces: 1, purchase_frequency: 2 };

const shown = (metric: GoalMetric, value: number) => (PERCENT.has(metric) ? value * 100 : value);
const stored = (metric: GoalMetric, typed: number) => (PERCENT.has(metric) ? typed / 100 : typed);

function format(metric: GoalMetric, value: number | null, signed = false): string {
  if (value === null) return '—';
  const number = shown(metric, value);
  const text = formatNumber(Math.abs(number), PERCENT.has(metric) ? 1 : (DIGITS[metric] ?? 0));
  const sign = signed || metric === 'nps' ? (number > 0 ? '+' : number < 0 ? '−' : '') : number < 0 ? '−' : '';
  return `${sign}${text}${PERCENT.has(metric) || metric === 'csat' ? '%' : ''}`;
}

const periodLabel = (period: GoalPeriod) =>
  period === 'month' ? t('goals.thisMonth') : t('overview.days', { n: Number.parseInt(period, 10) });

function TargetInput({
  label,
  value,
  onValue,
  error,
}: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <input
          {...control}
          class="input"
          type="number"
          step="any"
          inputMode="decimal"
          value={value}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

function CreateGoalForm({ onCreated }: { onCreated: (goal: GoalView) => void }) {
  const [metric, setMetric] = useState<GoalMetric>('nps');
  const [target, setTarget] = useState('');
  const [period, setPeriod] = useState<GoalPeriod>('30d');
  const [segment, setSegment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = validate(CreateGoal, {
      metric,
      period,
      target: target === '' ? undefined : stored(metric, Number(target)),
      segment: segment.trim() || undefined,
    });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      onCreated(await api<GoalView>('/api/goals', { method: 'POST', body: checked.data }));
      setTarget('');
      setSegment('');
    } catch (caught) {
      setErrors(errorsFromApi(caught));
    }
  };
  return (
    <section class="card section" aria-labelledby="new-goal-title">
      <h2 class="section-title section-head" id="new-goal-title">
        {t('goals.new')}
      </h2>
      <form class="stack" onSubmit={submit} noValidate>
        <div class="row row-top">
          <SelectField
            label={t('goals.metric')}
            value={metric}
            onValue={setMetric}
            options={GOAL_METRICS.map((value) => ({ value, label: t(`goals.metric.${value}`) }))}
          />
          <TargetInput
            label={PERCENT.has(metric) ? `${t('goals.target')}, %` : t('goals.target')}
            value={target}
            onValue={setTarget}
            error={errors.target}
          />
          <SelectField
            label={t('overview.period')}
            value={period}
            onValue={setPeriod}
            options={GOAL_PERIODS.map((value) => ({ value, label: periodLabel(value) }))}
          />
          <TextField
            label={t('goals.segment')}
            value={segment}
            onValue={setSegment}
            error={errors.segment}
            hint={t('goals.segmentHint')}
            placeholder="channel:widget"
            optional
          />
        </div>
        <FormError message={errors['']} />
        <div class="form-actions">
          <button type="submit" class="button button-primary">
            {t('goals.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function GoalRow({
  goal,
  onChanged,
  onDeleted,
}: {
  goal: GoalView;
  onChanged: (goal: GoalView) => void;
  onDeleted: (id: string) => void;
}) {
  const { canEdit } = useSession();
  const [editing, setEditing] = useState(false);
  const [target, setTarget] = useState(String(shown(goal.metric, goal.target)));
  const [error, setError] = useState('');
  const path = `/api/goals/${encodeURIComponent(goal.id)}`;
  const save = async (event: Event) => {
    event.preventDefault();
    const checked = validate(UpdateGoal, { target: target === '' ? undefined : stored(goal.metric, Number(target)) });
    if (!checked.ok || target === '') return setError(t('err.required'));
    try {
      onChanged(await api<GoalView>(path, { method: 'PATCH', body: checked.data }));
      setEditing(false);
      setError('');
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  const remove = async () => {
    try {
      await api(path, { method: 'DELETE' });
      onDeleted(goal.id);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  const name = t(`goals.metric.${goal.metric}`);
  const status = goal.onTrack === null ? 'unknown' : goal.onTrack ? 'on' : 'off';
  return (
    <tr>
      <th scope="row">
        {name}
        {goal.segment && <span class="muted mono"> · {goal.segment}</span>}
        <div class="muted" style={{ fontWeight: 400, textTransform: 'none', letterSpacing: 0 }}>
          {periodLabel(goal.period)}
        </div>
      </th>
      <td class="num">
        {editing ? (
          <form class="goal-edit" onSubmit={save}>
            <TargetInput label={`${t('goals.target')} · ${name}`} value={target} onValue={setTarget} error={error || undefined} />
            <button type="submit" class="button button-small button-primary">
              {t('form.save')}
            </button>
            <button type="button" class="button button-small" onClick={() => setEditing(false)}>
              {t('form.cancel')}
            </button>
          </form>
        ) : (
          format(goal.metric, goal.target)
        )}
      </td>
      <td class="num">{format(goal.metric, goal.current)}</td>
      <td class="num">{format(goal.metric, goal.change, true)}</td>
      <td>
        <span class={`badge goal-${status}`}>{t(`goals.status.${status}`)}</span>
      </td>
      {canEdit && (
        <td>
          {!editing && (
            <div class="form-actions">
              <button
                type="button"
                class="button button-small"
                onClick={() => setEditing(true)}
                aria-label={`${t('goals.edit')} ${name}`}
              >
                {t('goals.edit')}
              </button>
              <button
                type="button"
                class="button button-small button-danger"
                onClick={remove}
                aria-label={`${t('form.remove')} ${name}`}
              >
                {t('form.remove')}
              </button>
            </div>
          )}
          {!editing && error && <p class="field-error">{error}</p>}
        </td>
      )}
    </tr>
  );
}

export default function Goals() {
  const { canEdit } = useSession();
  const goals = useResource(() => api<Page<GoalView>>('/api/goals?limit=200').then((page) => page.data), []);
  const ready = goals.state === 'ready' ? goals : null;
  return (
    <>
      <PageHeader title={t('goals.title')} lead={t('goals.lead')} />
      {canEdit && ready && <CreateGoalForm onCreated={(goal) => ready.replace([...ready.data, goal])} />}
      <Async resource={goals}>
        {(data) =>
          data.length === 0 ? (
            <EmptyState title={t('goals.empty')} text={t('goals.emptyText')} />
          ) : (
            <TableWrap label={t('goals.title')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('goals.metric')}</th>
                    <th scope="col" class="num">
                      {t('goals.target')}
                    </th>
                    <th scope="col" class="num">
                      {t('goals.current')}
                    </th>
                    <th scope="col" class="num">
                      {t('goals.change')}
                    </th>
                    <th scope="col">{t('goals.state')}</th>
                    {canEdit && <th scope="col">{t('settings.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {data.map((goal) => (
                    <GoalRow
                      key={goal.id}
                      goal={goal}
                      onChanged={(changed) => ready?.replace(data.map((item) => (item.id === changed.id ? changed : item)))}
                      onDeleted={(id) => ready?.replace(data.filter((item) => item.id !== id))}
                    />
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
    </>
  );
}
