import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { TableWrap } from '../../components/table-wrap';
import { formatDateTime, t } from '../../i18n';
import { loadRecipients, type RecipientItem } from './data';
import { EmailPreview } from './preview';

/** The campaign's recipients page by page, each with its delivery status and an email preview. */
export function Recipients({ campaignId, version }: { campaignId: string; version: number }) {
  const [items, setItems] = useState<RecipientItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const [previewing, setPreviewing] = useState<RecipientItem | null>(null);

  const load = (after: string | null) => {
    setError(null);
    setState(after ? 'more' : 'loading');
    loadRecipients(campaignId, after).then(
      (page) => {
        setItems((current) => (after ? [...current, ...page.data] : page.data));
        setCursor(page.nextCursor);
        setState('ready');
      },
      (caught: unknown) => {
        setError(caught instanceof ApiError ? caught : new ApiError({ title: String(caught), status: 0 }));
        setState('ready');
      },
    );
  };
  useEffect(() => load(null), [campaignId, version]);

  let body;
  if (state === 'loading') body = <Loading />;
  else if (error && items.length === 0) body = <ErrorState error={error} onRetry={() => load(null)} />;
  else if (items.length === 0) body = <EmptyState title={t('campaigns.noRecipients')} text={t('campaigns.noRecipientsText')} />;
  else
    body = (
      <>
        <TableWrap label={t('campaigns.recipients')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('auth.email')}</th>
                <th scope="col">{t('campaigns.locale')}</th>
                <th scope="col">{t('campaigns.recipientStatus')}</th>
                <th scope="col">{t('campaigns.sentAt')}</th>
                <th scope="col">{t('campaigns.answeredAt')}</th>
                <th scope="col">{t('settings.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((recipient) => (
                <tr key={recipient.id}>
                  <td class="break">{recipient.email ?? <span class="mono">{recipient.customerId}</span>}</td>
                  <td>{recipient.locale ?? '—'}</td>
                  <td>{t(`campaigns.recipient.${recipient.status}`)}</td>
                  <td>{recipient.sentAt ? formatDateTime(recipient.sentAt) : '—'}</td>
                  <td>{recipient.answeredAt ? formatDateTime(recipient.answeredAt) : '—'}</td>
                  <td>
                    <button
                      type="button"
                      class="button button-small"
                      aria-label={t('campaigns.previewFor', { email: recipient.email ?? recipient.customerId })}
                      onClick={() => setPreviewing(recipient)}
                    >
                      {t('campaigns.preview')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {error && <ErrorState error={error} onRetry={() => load(cursor)} />}
        {cursor && (
          <div class="feed-more">
            <button type="button" class="button" onClick={() => load(cursor)} disabled={state === 'more'}>
              {state === 'more' ? t('state.loading') : t('responses.loadMore')}
            </button>
          </div>
        )}
      </>
    );

  return (
    <>
      {previewing && <EmailPreview campaignId={campaignId} recipient={previewing} onClose={() => setPreviewing(null)} />}
      <section class="card section stack" aria-labelledby="recipients-title">
        <h2 class="section-title" id="recipients-title">
          {t('campaigns.recipients')}
        </h2>
        {body}
      </section>
    </>
  );
}
