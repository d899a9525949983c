import type { z } from 'zod';
import { api } from '../api';
import { BarList } from '../charts/bar-list';
import { ChartTable } from '../charts/chart-table';
import { formatMinor, formatShare } from '../charts/format';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { TableWrap } from '../components/table-wrap';
import { formatDate, formatNumber, t } from '../i18n';
import { useResource } from '../lib/resource';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import type { Customer } from '../../../worker/customers/schemas';
import { RFM_SEGMENTS } from '../../../worker/metrics/rfm';
import { type CustomersSnapshot, loadKeyCustomers } from './customers/data';
import { Kpi } from '../components/kpi';

type CustomerView = z.infer<typeof Customer>;

/** Names for the top list: one read per listed customer (at most 20), failures fall back to the id. */
const loadNames = (ids: readonly string[]) =>
  Promise.all(
    ids.map((id) =>
      api<CustomerView>(`/api/customers/${encodeURIComponent(id)}`).then(
        (customer) => [id, customer.name ?? customer.email ?? customer.externalId ?? id] as const,
        () => [id, id] as const,
      ),
    ),
  ).then((pairs) => new Map(pairs));

function Segments({ snapshot }: { snapshot: CustomersSnapshot }) {
  const rows = RFM_SEGMENTS.map((segment) => ({
    key: segment,
    label: t(`customers.segment.${segment}`),
    value: snapshot.segments[segment],
  }));
  return (
    <section class="card" aria-labelledby="rfm-title">
      <h2 class="section-title" id="rfm-title">
        {t('customers.rfm')}
      </h2>
      <p class="section-lead section-head">{t('customers.rfmLead')}</p>
      <BarList rows={rows} label={t('customers.rfm')} />
      <p class="muted chart-n">{t('customers.rfmN', { n: formatNumber(snapshot.customers) })}</p>
    </section>
  );
}

function SegmentRevenue({ snapshot, currency }: { snapshot: CustomersSnapshot; currency: string }) {
  const revenue = snapshot.segmentRevenue;
  const money = (value: number) => formatMinor(value, currency);
  return (
    <section class="card" aria-labelledby="rfm-revenue-title">
      <h2 class="section-title" id="rfm-revenue-title">
        {t('customers.rfmRevenue')}
      </h2>
      <p class="section-lead section-head">{t('customers.rfmRevenueLead')}</p>
      {!revenue ? (
        <EmptyState title={t('analytics.notComputed')} text={t('analytics.notComputedText')} />
      ) : (
        <>
          <BarList
            rows={RFM_SEGMENTS.map((segment) => ({
              key: segment,
              label: t(`customers.segment.${segment}`),
              value: revenue[segment].revenue,
            }))}
            label={t('customers.rfmRevenue')}
            format={money}
          />
          <ChartTable
            label={t('customers.rfmRevenue')}
            head={[t('customers.segment'), t('customers.customers'), t('customers.revenue'), t('customers.revenueShare')]}
            rows={RFM_SEGMENTS.map((segment) => [
              t(`customers.segment.${segment}`),
              formatNumber(snapshot.segments[segment]),
              money(revenue[segment].revenue),
              formatShare(revenue[segment].share),
            ])}
          />
        </>
      )}
    </section>
  );
}

function TopCustomers({ snapshot, currency }: { snapshot: CustomersSnapshot; currency: string }) {
  const names = useResource(() => loadNames(snapshot.top.map((row) => row.customerId)), [snapshot]);
  const nameOf = (id: string) => (names.state === 'ready' ? (names.data.get(id) ?? id) : id);
  return (
    <section class="card section" aria-labelledby="top-title">
      <h2 class="section-title section-head" id="top-title">
        {t('customers.top')}
      </h2>
      <TableWrap label={t('customers.top')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('customers.customer')}</th>
              <th scope="col">{t('customers.segment')}</th>
              <th scope="col" class="num">
                {t('retention.orders')}
              </th>
              <th scope="col" class="num">
                {t('customers.revenue')}
              </th>
              <th scope="col" class="num">
                {t('retention.ltv')}
              </th>
              <th scope="col">{t('customers.lastOrder')}</th>
              <th scope="col" class="num">
                {t('customers.lastScore')}
              </th>
            </tr>
          </thead>
          <tbody>
            {snapshot.top.map((row) => (
              <tr key={row.customerId}>
                <th scope="row">
                  <Link href={`/customers/${encodeURIComponent(row.customerId)}`}>{nameOf(row.customerId)}</Link>
                </th>
                <td>{t(`customers.segment.${row.segment}`)}</td>
                <td class="num">{formatNumber(row.orders)}</td>
                <td class="num">{formatMinor(row.revenue, currency)}</td>
                <td class="num">{formatMinor(row.lifetimeValue, currency)}</td>
                <td>{row.lastOrderAt ? formatDate(row.lastOrderAt) : '—'}</td>
                <td class="num">
                  {row.lastScore === null
                    ? '—'
                    : `${formatNumber(row.lastScore)} ${row.lastScoreKind?.toUpperCase() ?? ''}`.trim()}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

export default function Customers() {
  const { me } = useSession();
  const snapshot = useResource(loadKeyCustomers, []);
  const currency = me.tenant.currency;
  return (
    <>
      <PageHeader title={t('customers.title')} lead={t('customers.lead')} />
      <Async resource={snapshot}>
        {(data) =>
          !data ? (
            <EmptyState title={t('analytics.notComputed')} text={t('analytics.notComputedText')} />
          ) : data.customers === 0 ? (
            <EmptyState title={t('customers.empty')} text={t('customers.emptyText')} />
          ) : (
            <>
              <div class="grid grid-kpi">
                <Kpi label={t('customers.withOrders')} value={formatNumber(data.customers)}>
                  <p>{t('loyalty.asOf', { date: data.asOf })}</p>
                </Kpi>
                <Kpi label={t('customers.loyaltyMembers')} value={formatNumber(data.loyalty.members)}>
                  <p>{t('customers.membersRevenue', { share: formatShare(data.loyalty.membersRevenueShare) })}</p>
                </Kpi>
                <Kpi label={t('retention.churn')} value={formatShare(data.churnRate)}>
                  <p>
                    {t('retention.churnMeta', {
                      churned: formatNumber(data.churned),
                      n: formatNumber(data.customers),
                      days: data.churnDays,
                    })}
                  </p>
                </Kpi>
              </div>
              <div class="grid grid-2 section">
                <Segments snapshot={data} />
                <SegmentRevenue snapshot={data} currency={currency} />
              </div>
              <TopCustomers snapshot={data} currency={currency} />
            </>
          )
        }
      </Async>
    </>
  );
}
