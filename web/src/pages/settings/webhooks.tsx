import { useState } from 'preact/hooks';
import { api } from '../../api';
import { Confirm } from '../../components/confirm';
import { CopyableCode } from '../../components/copy-button';
import { FormError } from '../../components/field';
import { Async } from '../../components/states';
import { TableWrap } from '../../components/table-wrap';
import { formatDateTime, t } from '../../i18n';
import { messageOf } from '../../lib/forms';
import { useResource } from '../../lib/resource';
import { useSession } from '../../lib/session';
import { CreateEndpointForm } from './webhooks/create-endpoint';
import { type CreatedEndpointItem, endpointPath, type EndpointItem, loadEndpoints } from './webhooks/data';
import { DeliveryLog } from './webhooks/delivery-log';

/** Test send and delete (which deactivates: the delivery log is kept). */
function EndpointActions({
  endpoint,
  onTested,
  onDeleted,
}: {
  endpoint: EndpointItem;
  onTested: () => void;
  onDeleted: (endpoint: EndpointItem) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState('');
  const sendTest = async () => {
    setError('');
    setState('sending');
    try {
      await api(endpointPath(endpoint.id, '/test'), { method: 'POST' });
      setState('sent');
      onTested();
    } catch (caught) {
      setState('idle');
      setError(messageOf(caught));
    }
  };
  if (confirming)
    return (
      <Confirm
        question={t('webhooks.deleteConfirm', { url: endpoint.url })}
        action={t('webhooks.delete')}
        tone="danger"
        onConfirm={async () => {
          await api(endpointPath(endpoint.id), { method: 'DELETE' });
          onDeleted({ ...endpoint, active: false });
        }}
        onCancel={() => setConfirming(false)}
      />
    );
  return (
    <div class="actions">
      <button
        type="button"
        class="button button-small"
        onClick={() => void sendTest()}
        disabled={state === 'sending'}
        aria-label={t('webhooks.testFor', { url: endpoint.url })}
      >
        {t('webhooks.test')}
      </button>
      <button
        type="button"
        class="button button-small button-danger"
        onClick={() => setConfirming(true)}
        aria-label={t('webhooks.deleteFor', { url: endpoint.url })}
      >
        {t('webhooks.delete')}
      </button>
      {state === 'sent' && (
        <span class="saved" role="status">
          {t('webhooks.testSent')}
        </span>
      )}
      <FormError message={error} />
    </div>
  );
}

function EndpointTable({
  endpoints,
  onTested,
  onDeleted,
  onShowLog,
}: {
  endpoints: EndpointItem[];
  onTested: (endpoint: EndpointItem) => void;
  onDeleted: (endpoint: EndpointItem) => void;
  onShowLog: (endpoint: EndpointItem) => void;
}) {
  const { canEdit } = useSession();
  if (endpoints.length === 0) return <p class="muted">{t('webhooks.empty')}</p>;
  return (
    <TableWrap label={t('webhooks.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('webhooks.url')}</th>
            <th scope="col">{t('webhooks.events')}</th>
            <th scope="col">{t('webhooks.status')}</th>
            <th scope="col">{t('webhooks.createdAt')}</th>
            <th scope="col">{t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {endpoints.map((endpoint) => (
            <tr key={endpoint.id}>
              <td class="mono break">{endpoint.url}</td>
              <td>{endpoint.events.length === 0 ? t('webhooks.allEvents') : endpoint.events.join(', ')}</td>
              <td>
                {endpoint.active ? (
                  <span class="badge badge-success">{t('webhooks.active')}</span>
                ) : (
                  <span class="badge">{t('webhooks.inactive')}</span>
                )}
              </td>
              <td>{formatDateTime(endpoint.createdAt)}</td>
              <td>
                <div class="actions">
                  <button
                    type="button"
                    class="button button-small"
                    onClick={() => onShowLog(endpoint)}
                    aria-label={t('webhooks.logFor', { url: endpoint.url })}
                  >
                    {t('webhooks.log')}
                  </button>
                  {canEdit && endpoint.active && (
                    <EndpointActions endpoint={endpoint} onTested={() => onTested(endpoint)} onDeleted={onDeleted} />
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function Webhooks() {
  const { canEdit } = useSession();
  const endpoints = useResource(loadEndpoints, []);
  const [created, setCreated] = useState<CreatedEndpointItem | null>(null);
  const [log, setLog] = useState<{ endpoint: EndpointItem; version: number } | null>(null);
  const showLog = (endpoint: EndpointItem) =>
    setLog((current) => ({ endpoint, version: current?.endpoint.id === endpoint.id ? current.version + 1 : 0 }));
  const replace = (endpoint: EndpointItem) => {
    if (endpoints.state === 'ready') endpoints.replace(endpoints.data.map((item) => (item.id === endpoint.id ? endpoint : item)));
    if (created?.id === endpoint.id) setCreated(null);
  };
  return (
    <>
      <section class="card section" aria-labelledby="webhooks-title">
        <div class="section-head">
          <h2 class="section-title" id="webhooks-title">
            {t('webhooks.title')}
          </h2>
          <p class="section-lead">{t('webhooks.lead')}</p>
        </div>
        <Async resource={endpoints}>
          {(data) => <EndpointTable endpoints={data} onTested={showLog} onDeleted={replace} onShowLog={showLog} />}
        </Async>
        {canEdit && (
          <div class="stack endpoint-create">
            <CreateEndpointForm
              onCreated={(endpoint) => {
                setCreated(endpoint);
                if (endpoints.state === 'ready') endpoints.replace([endpoint, ...endpoints.data]);
              }}
            />
            {created && (
              <div class="notice notice-success stack" role="status">
                <p>
                  <span class="mono break">{created.url}</span> — {t('webhooks.secretShown')}
                </p>
                <CopyableCode code={created.secret} label={t('webhooks.secret')} />
              </div>
            )}
          </div>
        )}
      </section>
      {log && <DeliveryLog endpoint={log.endpoint} version={log.version} onClose={() => setLog(null)} />}
    </>
  );
}
