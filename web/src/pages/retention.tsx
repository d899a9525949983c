import type { z } from 'zod';
import { api } from '../api';
import { formatMinor, formatMonthShort, formatShare } from '../charts/format';
import { Heatmap } from '../charts/heatmap';
import { MonthBars } from '../charts/month-bars';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { formatNumber, t } from '../i18n';
import { loadTrend, type MetricsTrend } from '../lib/metrics';
import { useResource } from '../lib/resource';
import { useSession } from '../lib/session';
import type { CohortsSnapshot } from '../../../worker/metrics/schemas';
import { type CustomersSnapshot, loadKeyCustomers, orNotYet } from './customers/data';
import { Kpi } from '../components/kpi';

type Month = MetricsTrend['months'][number];
const loadCohorts = () => orNotYet(api<z.infer<typeof CohortsSnapshot>>('/api/metrics/cohorts?months=12'));

/** The latest month whose retention rate is known (the current month counts once it has one). */
const latestRetention = (months: readonly Month[]) =>
  [...months].reverse().find((month) => (month.snapshot?.retention?.rate ?? null) !== null);

function Headline({
  snapshot,
  trend,
  currency,
}: {
  snapshot: CustomersSnapshot | null;
  trend: MetricsTrend | null;
  currency: string;
}) {
  const crr = trend ? latestRetention(trend.months) : undefined;
  const retention = crr?.snapshot?.retention;
  const frequency = snapshot?.frequencyPerYear ?? null;
  return (
    <div class="grid grid-kpi">
      <Kpi label={t('retention.crr')} value={formatShare(retention?.rate ?? null)}>
        {retention && crr && (
          <p>
            {t('retention.crrMeta', {
              month: crr.month,
              start: formatNumber(retention.start),
              end: formatNumber(retention.end),
              acquired: formatNumber(retention.acquired),
            })}
          </p>
        )}
      </Kpi>
      <Kpi label={t('retention.churn')} value={formatShare(snapshot?.churnRate ?? null)}>
        {snapshot && (
          <p>
            {t('retention.churnMeta', {
              churned: formatNumber(snapshot.churned),
              n: formatNumber(snapshot.customers),
              days: snapshot.churnDays,
            })}
          </p>
        )}
      </Kpi>
      <Kpi label={t('retention.repeat')} value={formatShare(snapshot?.repeatPurchaseRate ?? null)}>
        {snapshot && (
          <p>
            {t('retention.repeatMeta', { repeat: formatNumber(snapshot.repeatCustomers), n: formatNumber(snapshot.customers) })}
          </p>
        )}
      </Kpi>
      <Kpi label={t('retention.frequency')} value={frequency === null ? '—' : formatNumber(frequency, 2)}>
        <p>{t('retention.frequencyMeta')}</p>
      </Kpi>
      <Kpi label={t('retention.aov')} value={formatMinor(snapshot?.averageOrderValue ?? null, currency)}>
        {snapshot && <p>{t('retention.customersN', { n: formatNumber(snapshot.customers) })}</p>}
      </Kpi>
      <Kpi label={t('retention.ltv')} value={formatMinor(snapshot?.lifetimeValue ?? null, currency)}>
        {snapshot && <p>{t('retention.ltvMeta', { margin: formatShare(snapshot.grossMargin, 0) })}</p>}
      </Kpi>
    </div>
  );
}

function MonthlyCharts({ trend, currency }: { trend: MetricsTrend; currency: string }) {
  const months = trend.months;
  const charts = [
    {
      id: 'crr',
      title: t('retention.crrByMonth'),
      nLabel: t('retention.startCustomers'),
      format: (value: number) => formatShare(value, 0),
      points: months.map(({ month, snapshot }) => ({
        label: formatMonthShort(month),
        values: [snapshot?.retention?.rate ?? null],
        ...(snapshot?.retention ? { n: snapshot.retention.start } : {}),
      })),
    },
    {
      id: 'aov',
      title: t('retention.aovByMonth'),
      nLabel: t('retention.orders'),
      format: (value: number) => formatMinor(value, currency),
      points: months.map(({ month, snapshot }) => ({
        label: formatMonthShort(month),
        values: [snapshot?.orders?.averageOrderValue ?? null],
        ...(snapshot?.orders ? { n: snapshot.orders.orders } : {}),
      })),
    },
    {
      id: 'frequency',
      title: t('retention.frequencyByMonth'),
      nLabel: t('retention.orderingCustomers'),
      format: (value: number) => formatNumber(value, 2),
      points: months.map(({ month, snapshot }) => ({
        label: formatMonthShort(month),
        values: [snapshot?.orders?.purchaseFrequency ?? null],
        ...(typeof snapshot?.orders?.orderingCustomers === 'number' ? { n: snapshot.orders.orderingCustomers } : {}),
      })),
    },
  ].filter((chart) => chart.points.some((point) => point.values[0] !== null));
  if (charts.length === 0) return <EmptyState title={t('retention.noMonths')} text={t('analytics.notComputedText')} />;
  return (
    <div class="grid grid-2 section">
      {charts.map((chart) => (
        <section key={chart.id} class="card" aria-labelledby={`chart-${chart.id}`}>
          <h2 class="section-title section-head" id={`chart-${chart.id}`}>
            {chart.title}
          </h2>
          <MonthBars
            label={chart.title}
            points={chart.points}
            series={[{ name: chart.title, colour: 'var(--accent)' }]}
            format={chart.format}
            nLabel={chart.nLabel}
          />
        </section>
      ))}
    </div>
  );
}

function Cohorts({ snapshot }: { snapshot: z.infer<typeof CohortsSnapshot> | null }) {
  const cohorts = snapshot?.cohorts.filter((cohort) => cohort.size > 0) ?? [];
  const offsets = Math.max(0, ...cohorts.map((cohort) => cohort.months.length));
  return (
    <section class="card section" aria-labelledby="cohorts-title">
      <h2 class="section-title" id="cohorts-title">
        {t('retention.cohorts')}
      </h2>
      <p class="section-lead section-head">{t('retention.cohortsLead')}</p>
      {!snapshot ? (
        <EmptyState title={t('retention.noCohorts')} text={t('retention.noCohortsText')} />
      ) : cohorts.length === 0 ? (
        <EmptyState title={t('retention.noCohortOrders')} text={t('analytics.notComputedText')} />
      ) : (
        <Heatmap
          label={t('retention.cohortsLabel')}
          rowHeading={t('retention.cohort')}
          columns={Array.from({ length: offsets }, (_, index) => `+${index + 1}`)}
          rows={cohorts.map((cohort) => ({
            label: cohort.cohort,
            size: cohort.size,
            cells: cohort.months.map((cell) => ({ share: cell.share, count: cell.customers, complete: cell.complete })),
          }))}
        />
      )}
    </section>
  );
}

export default function Retention() {
  const { me } = useSession();
  const customers = useResource(loadKeyCustomers, []);
  const trend = useResource(() => loadTrend(13), []);
  const cohorts = useResource(loadCohorts, []);
  const currency = me.tenant.currency;
  return (
    <>
      <PageHeader title={t('retention.title')} lead={t('retention.lead')} />
      <Async resource={customers}>
        {(snapshot) => (
          <Async resource={trend}>
            {(months) =>
              !snapshot && !months ? (
                <EmptyState title={t('analytics.notComputed')} text={t('analytics.notComputedText')} />
              ) : (
                <>
                  <Headline snapshot={snapshot} trend={months} currency={currency} />
                  {months && <MonthlyCharts trend={months} currency={currency} />}
                  <p class="muted section">{t('retention.todayOnly')}</p>
                </>
              )
            }
          </Async>
        )}
      </Async>
      <Async resource={cohorts}>{(snapshot) => <Cohorts snapshot={snapshot} />}</Async>
    </>
  );
}
