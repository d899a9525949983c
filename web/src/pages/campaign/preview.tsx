import { useEffect, useState } from 'preact/hooks';
import { ApiError, sessionExpired } from '../../api';
import { ErrorState, Loading } from '../../components/states';
import { t } from '../../i18n';
import { campaignPath, type RecipientItem } from './data';
import { EmailFrame } from './email-frame';

interface RenderedEmail {
  subject: string;
  html: string;
}

async function loadPreview(campaignId: string, recipientId: string): Promise<RenderedEmail> {
  const response = await fetch(campaignPath(campaignId, `/recipients/${encodeURIComponent(recipientId)}/preview`), {
    credentials: 'same-origin',
  }).catch(() => {
    throw new ApiError({ title: 'offline', status: 0 });
  });
  if (!response.ok) {
    if (response.status === 401) sessionExpired();
    const problem = (await response.json().catch(() => null)) as ApiError['problem'] | null;
    throw new ApiError({ ...(problem ?? { title: response.statusText }), status: response.status });
  }
  return { subject: decodeURIComponent(response.headers.get('X-Email-Subject') ?? ''), html: await response.text() };
}

/** The email exactly as this recipient gets it (their language, their signed links). */
export function EmailPreview({
  campaignId,
  recipient,
  onClose,
}: {
  campaignId: string;
  recipient: RecipientItem;
  onClose: () => void;
}) {
  const [state, setState] = useState<{ email: RenderedEmail } | { error: ApiError } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState(null);
    loadPreview(campaignId, recipient.id).then(
      (email) => current && setState({ email }),
      (error: unknown) =>
        current && setState({ error: error instanceof ApiError ? error : new ApiError({ title: String(error), status: 0 }) }),
    );
    return () => {
      current = false;
    };
  }, [campaignId, recipient.id, attempt]);
  const who = recipient.email ?? recipient.customerId;
  return (
    <section class="card section stack" aria-labelledby="preview-title">
      <div class="section-head goals-head">
        <h2 class="section-title" id="preview-title">
          {t('campaigns.previewFor', { email: who })}
        </h2>
        <button type="button" class="button button-small" onClick={onClose}>
          {t('campaigns.closePreview')}
        </button>
      </div>
      {state === null ? (
        <Loading />
      ) : 'error' in state ? (
        <ErrorState error={state.error} onRetry={() => setAttempt(attempt + 1)} />
      ) : (
        <>
          <p>
            <strong>{t('campaigns.subject')}:</strong> <span class="email-subject">{state.email.subject}</span>
          </p>
          <EmailFrame html={state.email.html} title={t('campaigns.previewFor', { email: who })} />
        </>
      )}
    </section>
  );
}
