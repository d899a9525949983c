import type { z } from 'zod';
import { api, type Page, withQuery } from '../api';
import { formatMinor } from '../charts/format';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState, ErrorState, Loading } from '../components/states';
import { TableWrap } from '../components/table-wrap';
import { formatDate, formatDateTime, formatNumber, t } from '../i18n';
import { useResource } from '../lib/resource';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import type { Customer as CustomerSchema } from '../../../worker/customers/schemas';
import type { CustomerOrder } from '../../../worker/customers/order-schema';
import type { SurveyResponse } from '../../../worker/responses/schemas';
import { PersonalData } from './customer/personal-data';
import { MemberPanel } from './loyalty/member';

type CustomerView = z.infer<typeof CustomerSchema>;
type OrderView = z.infer<typeof CustomerOrder>;

function Profile({ customer }: { customer: CustomerView }) {
  const properties = Object.entries(customer.properties);
  const facts: Array<[string, string]> = [
    [t('customer.email'), customer.email ?? '—'],
    [t('customer.externalId'), customer.externalId ?? '—'],
    [t('customer.locale'), customer.locale ?? '—'],
    [t('customer.birthday'), customer.birthday ?? '—'],
    [t('customer.since'), formatDate(customer.createdAt)],
    ...properties.map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
  ];
  return (
    <section class="card" aria-labelledby="profile-title">
      <h2 class="section-title section-head" id="profile-title">
        {t('customer.profile')}
      </h2>
      {customer.erased && <p class="banner">{t('customer.erased')}</p>}
      <dl class="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Orders({ customerId }: { customerId: string }) {
  const orders = useResource(
    () => api<Page<OrderView>>(withQuery(`/api/customers/${encodeURIComponent(customerId)}/orders`, { limit: 50 })),
    [customerId],
  );
  return (
    <section class="card" aria-labelledby="orders-title">
      <h2 class="section-title section-head" id="orders-title">
        {t('customer.orders')}
      </h2>
      <Async resource={orders}>
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title={t('customer.noOrders')} />
          ) : (
            <TableWrap label={t('customer.orders')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('customer.order')}</th>
                    <th scope="col">{t('loyalty.when')}</th>
                    <th scope="col" class="num">
                      {t('customer.total')}
                    </th>
                    <th scope="col" class="num">
                      {t('customer.refunded')}
                    </th>
                    <th scope="col" class="num">
                      {t('customer.points')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((order) => (
                    <tr key={order.orderId}>
                      <th scope="row" class="mono">
                        {order.orderId}
                      </th>
                      <td>{formatDateTime(order.createdAt)}</td>
                      <td class="num">{formatMinor(order.total, order.currency)}</td>
                      <td class="num">{order.refunded === 0 ? '—' : formatMinor(order.refunded, order.currency)}</td>
                      <td class="num">{formatNumber(order.pointsAwarded - order.pointsReversed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
      {orders.state === 'ready' && orders.data.nextCursor && <p class="muted">{t('customer.latestOrders', { n: 50 })}</p>}
    </section>
  );
}

function Responses({ customerId }: { customerId: string }) {
  const responses = useResource(
    () => api<Page<SurveyResponse>>(withQuery('/api/responses', { customerId, limit: 20 })),
    [customerId],
  );
  return (
    <section class="card" aria-labelledby="customer-responses-title">
      <h2 class="section-title section-head" id="customer-responses-title">
        {t('nav.responses')}
      </h2>
      <Async resource={responses}>
        {(page) =>
          page.data.length === 0 ? (
            <EmptyState title={t('customer.noResponses')} />
          ) : (
            <ul class="feed">
              {page.data.map((response) => (
                <li key={response.id} class="card feed-item">
                  <span
                    class={`score${response.category ? ` score-${response.category}` : ''}`}
                    aria-label={t('responses.score', { score: response.score })}
                  >
                    {response.score}
                  </span>
                  <div>
                    <p class="feed-meta">
                      <time dateTime={response.createdAt}>{formatDateTime(response.createdAt)}</time>
                      {response.category && (
                        <span class={`badge badge-${response.category}`}>{t(`category.one.${response.category}`)}</span>
                      )}
                      <span class="badge">{t(`channel.${response.channel}`)}</span>
                    </p>
                    {response.comment ? (
                      <p class="feed-comment">{response.comment}</p>
                    ) : (
                      <p class="muted">{t('responses.noComment')}</p>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

/** One customer: profile, loyalty balances and ledger, orders and survey answers. */
export default function CustomerPage({ id = '' }: { id?: string }) {
  const { canEdit } = useSession();
  const customer = useResource(() => api<CustomerView>(`/api/customers/${encodeURIComponent(id)}`), [id]);
  const title =
    customer.state === 'ready'
      ? (customer.data.name ?? customer.data.email ?? customer.data.externalId ?? customer.data.id)
      : t('customer.title');
  return (
    <>
      <nav class="breadcrumb" aria-label={t('customer.breadcrumb')}>
        <Link href="/customers">← {t('customers.title')}</Link>
      </nav>
      <PageHeader title={title} />
      {customer.state === 'loading' ? (
        <Loading />
      ) : customer.state === 'error' ? (
        customer.error.problem.status === 404 ? (
          <EmptyState title={t('customer.notFound')} />
        ) : (
          <ErrorState error={customer.error} onRetry={customer.reload} />
        )
      ) : (
        <div class="stack stack-fluid">
          <Profile customer={customer.data} />
          <section class="card" aria-labelledby="customer-loyalty-title">
            <h2 class="section-title section-head" id="customer-loyalty-title">
              {t('nav.loyalty')}
            </h2>
            <MemberPanel key={customer.data.id} customer={customer.data.id} />
          </section>
          <Orders customerId={customer.data.id} />
          <Responses customerId={customer.data.id} />
          {canEdit && <PersonalData customer={customer.data} onErased={customer.reload} />}
        </div>
      )}
    </>
  );
}
