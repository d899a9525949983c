import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../api';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { TableWrap } from '../../../components/table-wrap';
import { formatDateTime, t } from '../../../i18n';
import { DELIVERY_REFRESH_MS, type DeliveryItem, type EndpointItem, loadDeliveries } from './data';

const STATUS_BADGE: Record<DeliveryItem['status'], string> = {
  pending: 'badge badge-accent',
  delivered: 'badge badge-success',
  failed: 'badge badge-danger',
};

function lastAttempt(delivery: DeliveryItem): string {
  const last = delivery.attempts.at(-1);
  if (!last) return '—';
  return last.statusCode !== null ? `HTTP ${last.statusCode}` : (last.error ?? '—');
}

/** The newest deliveries to one endpoint with every attempt's outcome; refreshes itself while any is pending. */
export function DeliveryLog({ endpoint, version, onClose }: { endpoint: EndpointItem; version: number; onClose: () => void }) {
  const [deliveries, setDeliveries] = useState<DeliveryItem[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      loadDeliveries(endpoint.id).then(
        (page) => {
          if (!current) return;
          setError(null);
          setDeliveries(page.data);
          if (page.data.some((delivery) => delivery.status === 'pending')) timer = setTimeout(load, DELIVERY_REFRESH_MS);
        },
        (caught: unknown) => {
          if (current) setError(caught instanceof ApiError ? caught : new ApiError({ title: String(caught), status: 0 }));
        },
      );
    void load();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [endpoint.id, version, attempt]);

  let body;
  if (error) body = <ErrorState error={error} onRetry={() => setAttempt(attempt + 1)} />;
  else if (!deliveries) body = <Loading />;
  else if (deliveries.length === 0)
    body = <EmptyState title={t('webhooks.noDeliveries')} text={t('webhooks.noDeliveriesText')} />;
  else
    body = (
      <TableWrap label={t('webhooks.log')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('webhooks.event')}</th>
              <th scope="col">{t('webhooks.deliveryStatus')}</th>
              <th scope="col" class="num">
                {t('webhooks.attempts')}
              </th>
              <th scope="col">{t('webhooks.lastAttempt')}</th>
              <th scope="col">{t('webhooks.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.id}>
                <td class="mono">{delivery.eventType}</td>
                <td>
                  <span class={STATUS_BADGE[delivery.status]}>{t(`webhooks.delivery.${delivery.status}`)}</span>
                </td>
                <td class="num">{delivery.attempts.length}</td>
                <td>{lastAttempt(delivery)}</td>
                <td>{formatDateTime(delivery.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    );
  return (
    <section class="card section stack" aria-labelledby="delivery-log-title">
      <div class="section-head goals-head">
        <h2 class="section-title break" id="delivery-log-title">
          {t('webhooks.logFor', { url: endpoint.url })}
        </h2>
        <button type="button" class="button button-small" onClick={onClose}>
          {t('webhooks.closeLog')}
        </button>
      </div>
      {body}
    </section>
  );
}
