import { useState } from 'preact/hooks';
import { CategoryTrend } from '../charts/category-trend';
import { Kpi } from '../components/kpi';
import { PageHeader } from '../components/page-header';
import { PeriodPicker } from '../components/period-picker';
import { Async, EmptyState } from '../components/states';
import { formatNumber, t } from '../i18n';
import { loadSnapshot, loadTrend, type MetricsSnapshot, type MetricsTrend, type RollingPeriod } from '../lib/metrics';
import { useResource } from '../lib/resource';
import { api, type Page } from '../api';
import { Link } from '../lib/router';
import { CommentInsights } from './overview/comments';
import type { Goal } from '../../../worker/metrics/schemas';
import type { z } from 'zod';

const signed = (value: number, digits = 0) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatNumber(Math.abs(value), digits)}`;

function NpsChange({ change }: { change: MetricsSnapshot['npsChange'] }) {
  if (!change) return null;
  const text = t('overview.change', { delta: signed(change.delta, 1) });
  if (!change.significant)
    return (
      <p title={t('overview.noChange')}>
        {text} <span class="visually-hidden">({t('overview.noChange')})</span>
      </p>
    );
  const up = change.delta > 0;
  return (
    <p class={up ? 'delta-up' : 'delta-down'}>
      <span aria-hidden="true">{up ? '▲' : '▼'} </span>
      {text} <span class="visually-hidden">({t(up ? 'overview.changeUp' : 'overview.changeDown')})</span>
    </p>
  );
}

const interval = (low: number, high: number, digits = 0) =>
  t('overview.interval', { low: formatNumber(low, digits), high: formatNumber(high, digits) });

function Headline({ snapshot }: { snapshot: MetricsSnapshot }) {
  const { nps, csat, ces, responseRate } = snapshot;
  const responses = (nps?.n ?? 0) + (csat?.n ?? 0) + (ces?.n ?? 0);
  return (
    <div class="grid grid-kpi">
      <Kpi label={t('overview.nps')} value={nps ? signed(Math.round(nps.score)) : '—'}>
        {nps && <p>{interval(nps.interval.low, nps.interval.high)}</p>}
        {nps && <p>{t('overview.n', { n: formatNumber(nps.n) })}</p>}
        <NpsChange change={snapshot.npsChange} />
      </Kpi>
      <Kpi label={t('overview.csat')} value={csat ? `${formatNumber(csat.score)}%` : '—'}>
        {csat && <p>{interval(csat.interval.low, csat.interval.high)}</p>}
        <p>{t('overview.n', { n: formatNumber(csat?.n ?? 0) })}</p>
      </Kpi>
      <Kpi label={t('overview.ces')} value={ces ? formatNumber(ces.mean, 1) : '—'}>
        {ces?.interval && <p>{interval(ces.interval.low, ces.interval.high, 1)}</p>}
        <p>{t('overview.n', { n: formatNumber(ces?.n ?? 0) })}</p>
      </Kpi>
      <Kpi label={t('overview.responses')} value={formatNumber(responses)}>
        <p>
          {t('overview.responseRate')}: {responseRate.rate === null ? '—' : `${formatNumber(100 * responseRate.rate, 1)}%`}
        </p>
      </Kpi>
    </div>
  );
}

function Trend({ trend }: { trend: MetricsTrend }) {
  const points = trend.months.map(({ month, snapshot }) => ({
    label: month.slice(2).replace('-', '/'),
    promoters: snapshot?.nps?.promoters ?? 0,
    passives: snapshot?.nps?.passives ?? 0,
    detractors: snapshot?.nps?.detractors ?? 0,
  }));
  return (
    <section class="card section" aria-labelledby="trend-title">
      <h2 class="section-title section-head" id="trend-title">
        {t('overview.trend')}
      </h2>
      <CategoryTrend points={points} />
    </section>
  );
}

function GoalsStatus({ goals }: { goals: Array<z.infer<typeof Goal>> }) {
  return (
    <section class="card section" aria-labelledby="goals-title">
      <div class="section-head goals-head">
        <h2 class="section-title" id="goals-title">
          {t('overview.goals')}
        </h2>
        <Link href="/goals">{t('goals.title')} →</Link>
      </div>
      <ul class="goal-list">
        {goals.map((goal) => {
          const status = goal.onTrack === null ? 'unknown' : goal.onTrack ? 'on' : 'off';
          return (
            <li key={goal.id}>
              <span>{t(`goals.metric.${goal.metric}`)}</span>
              <span class={`badge goal-${status}`}>{t(`goals.status.${status}`)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const NotAvailable = () => <EmptyState title={t('overview.noMetrics')} text={t('overview.noMetricsText')} />;

export default function Overview() {
  const [period, setPeriod] = useState<RollingPeriod>('30d');
  const snapshot = useResource(() => loadSnapshot(period), [period]);
  const trend = useResource(() => loadTrend(), []);
  const goals = useResource(() => api<Page<z.infer<typeof Goal>>>('/api/goals?limit=20').then((page) => page.data), []);
  return (
    <>
      <PageHeader title={t('overview.title')}>
        <PeriodPicker value={period} onChange={setPeriod} />
      </PageHeader>
      <Async resource={snapshot}>
        {(data) =>
          !data ? (
            <NotAvailable />
          ) : !data.nps && !data.csat && !data.ces ? (
            <EmptyState title={t('overview.noData')} text={t('overview.noDataText')} />
          ) : (
            <>
              <Headline snapshot={data} />
              <CommentInsights snapshot={data} />
            </>
          )
        }
      </Async>
      <Async resource={trend}>
        {(data) => data && data.months.some((month) => month.snapshot?.nps) && <Trend trend={data} />}
      </Async>
      {goals.state === 'ready' && goals.data.length > 0 && <GoalsStatus goals={goals.data} />}
    </>
  );
}
