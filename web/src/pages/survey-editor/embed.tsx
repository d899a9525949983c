import { useState } from 'preact/hooks';
import { CopyableCode } from '../../components/copy-button';
import { FormError } from '../../components/field';
import { Loading } from '../../components/states';
import { t } from '../../i18n';
import { messageOf } from '../../lib/forms';
import { useResource } from '../../lib/resource';
import { useSession } from '../../lib/session';
import { createKey, loadKeys } from '../settings/api-keys';

/** A publishable key created during this visit: the only time its full value is known to the dashboard. */
let freshKey: string | null = null;

export const embedSnippet = (origin: string, key: string) =>
  `<script async src="${origin}/w/v1/loader.js" data-key="${key}"></script>`;

export function Embed() {
  const { canEdit } = useSession();
  const keys = useResource(loadKeys, []);
  const [key, setKey] = useState(freshKey);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    setError('');
    try {
      const created = await createKey({ kind: 'publishable', name: `Widget ${new Date().toISOString().slice(0, 10)}` });
      freshKey = created.key;
      setKey(created.key);
    } catch (caught) {
      setError(messageOf(caught));
    }
    setBusy(false);
  };

  const existing = keys.state === 'ready' ? keys.data.find((item) => item.kind === 'publishable' && !item.revokedAt) : undefined;
  return (
    <section class="card section" aria-labelledby="embed-title">
      <div class="section-head">
        <h2 class="section-title" id="embed-title">
          {t('surveys.embed')}
        </h2>
        <p class="section-lead">{t('surveys.embedLead')}</p>
      </div>
      {keys.state === 'loading' && !key ? (
        <Loading />
      ) : (
        <div class="stack">
          <CopyableCode code={embedSnippet(location.origin, key ?? 'rk_pk_…')} label={t('surveys.embed')} />
          {key ? (
            <p class="hint">{t('surveys.embedKeyShown')}</p>
          ) : (
            <p class="hint">
              {existing ? t('surveys.embedKeyPrefix', { prefix: existing.prefix }) : t('surveys.embedKeyMissing')}
            </p>
          )}
          {!key && canEdit && (
            <div>
              <button type="button" class="button" onClick={create} disabled={busy}>
                {t('surveys.embedCreateKey')}
              </button>
            </div>
          )}
          <FormError message={error} />
        </div>
      )}
    </section>
  );
}
