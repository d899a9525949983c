import type { z } from 'zod';
import { api } from '../api';
import { formatMinor, formatMonthShort, formatShare } from '../charts/format';
import { Heatmap } from '../charts/heatmap';
import { MonthBars } from '../charts/month-bars';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { formatNumber, t } from '../i18n';
import { useResource } from '../lib/resource';
import { useSession } from '../lib/session';
import type { CohortsSnapshot, RetentionMonth, RetentionMonths } from '../../../worker/metrics/schemas';
import { type CustomersSnapshot, loadKeyCustomers, orNotYet } from './customers/data';
import { Kpi } from '../components/kpi';

const loadCohorts = () => orNotYet(api<z.infer<typeof CohortsSnapshot>>('/api/metrics/cohorts?months=12'));
const loadMonths = () => api<RetentionMonths>('/api/metrics/retention/monthly?months=12');

/** The latest month whose retention rate is known (the current month counts once it has one). */
const latestRetention = (months: readonly RetentionMonth[]) =>
  [...months].reverse().find((month) => month.retentionRate !== null);

function Headline({
  snapshot,
  months,
  currency,
}: {
  snapshot: CustomersSnapshot | null;
  months: readonly RetentionMonth[];
  currency: string;
}) {
  const crr = latestRetention(months);
  const frequency = snapshot?.frequencyPerYear ?? null;
  return (
    <div class="grid grid-kpi">
      <Kpi label={t('retention.crr')} value={formatShare(crr?.retentionRate ?? null)}>
        {crr && (
          <p>
            {t('retention.crrMeta', {
              month: crr.month,
              retained: formatNumber(crr.retained),
              start: formatNumber(crr.start),
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

interface MonthlyChart {
  id: string;
  title: string;
  nLabel: string;
  format: (value: number) => string;
  value: (month: RetentionMonth) => number | null;
  n: (month: RetentionMonth) => number;
  /** Why no month has a value. */
  empty?: string;
}

function MonthlyCharts({ series, currency }: { series: RetentionMonths; currency: string }) {
  const months = series.months;
  if (!months.some((month) => month.customers > 0))
    return <EmptyState title={t('retention.noMonths')} text={t('analytics.notComputedText')} />;
  const share = (value: number) => formatShare(value, 0);
  const money = (value: number) => formatMinor(value, currency);
  const charts: MonthlyChart[] = [
    {
      id: 'crr',
      title: t('retention.crrByMonth'),
      nLabel: t('retention.startCustomers'),
      format: share,
      value: (month) => month.retentionRate,
      n: (month) => month.start,
    },
    {
      id: 'churn',
      title: t('retention.churnByMonth'),
      nLabel: t('retention.customersToDate'),
      format: share,
      value: (month) => month.churnRate,
      n: (month) => month.customers,
    },
    {
      id: 'repeat',
      title: t('retention.repeatByMonth'),
      nLabel: t('retention.customersToDate'),
      format: share,
      value: (month) => month.repeatPurchaseRate,
      n: (month) => month.customers,
    },
    {
      id: 'frequency',
      title: t('retention.frequencyByMonth'),
      nLabel: t('retention.orderingCustomers'),
      format: (value) => formatNumber(value, 2),
      value: (month) => month.purchaseFrequency,
      n: (month) => month.orderingCustomers,
    },
    {
      id: 'aov',
      title: t('retention.aovByMonth'),
      nLabel: t('retention.orders'),
      format: money,
      value: (month) => month.averageOrderValue,
      n: (month) => month.orders,
    },
    {
      id: 'ltv',
      title: t('retention.ltvByMonth'),
      nLabel: t('retention.customersToDate'),
      format: money,
      value: (month) => month.lifetimeValue.value,
      n: (month) => month.customers,
      empty: t('retention.ltvEmpty'),
    },
  ];
  const running = months.at(-1);
  return (
    <section class="section" aria-labelledby="months-title">
      <h2 class="section-title" id="months-title">
        {t('retention.byMonth')}
      </h2>
      <p class="section-lead section-head">
        {t('retention.byMonthLead', {
          months: formatNumber(series.windowMonths ?? 0),
          margin: formatShare(series.grossMargin, 0),
        })}
        {running && !running.complete && series.asOf && (
          <> {t('retention.runningMonth', { month: running.month, date: series.asOf })}</>
        )}
      </p>
      <div class="grid grid-2">
        {charts.map((chart) => (
          <section key={chart.id} class="card" aria-labelledby={`chart-${chart.id}`}>
            <h3 class="section-title section-head" id={`chart-${chart.id}`}>
              {chart.title}
            </h3>
            {months.every((month) => chart.value(month) === null) ? (
              <p class="muted">{chart.empty ?? t('retention.chartEmpty')}</p>
            ) : (
              <MonthBars
                label={chart.title}
                points={months.map((month) => ({
                  label: formatMonthShort(month.month),
                  values: [chart.value(month)],
                  n: chart.n(month),
                }))}
                series={[{ name: chart.title, colour: 'var(--accent)' }]}
                format={chart.format}
                nLabel={chart.nLabel}
              />
            )}
          </section>
        ))}
      </div>
    </section>
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
  const months = useResource(loadMonths, []);
  const cohorts = useResource(loadCohorts, []);
  const currency = me.tenant.currency;
  return (
    <>
      <PageHeader title={t('retention.title')} lead={t('retention.lead')} />
      <Async resource={customers}>
        {(snapshot) => (
          <Async resource={months}>
            {(series) => (
              <>
                <Headline snapshot={snapshot} months={series.months} currency={currency} />
                <MonthlyCharts series={series} currency={currency} />
              </>
            )}
          </Async>
        )}
      </Async>
      <Async resource={cohorts}>{(snapshot) => <Cohorts snapshot={snapshot} />}</Async>
    </>
  );
}
