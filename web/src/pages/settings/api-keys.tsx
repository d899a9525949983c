import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { api } from '../../api';
import { Confirm } from '../../components/confirm';
import { CopyableCode } from '../../components/copy-button';
import { FormError, SelectField, TextField } from '../../components/field';
import { Async } from '../../components/states';
import { TableWrap } from '../../components/table-wrap';
import { formatDateTime, t } from '../../i18n';
import { errorsFromApi, type FieldErrors, validate } from '../../lib/forms';
import { useResource } from '../../lib/resource';
import { useSession } from '../../lib/session';
import { type ApiKey, type ApiKeyKind, CreateApiKey } from '../../../../worker/tenants/schemas';

type Key = z.infer<typeof ApiKey>;
export type CreatedKey = Key & { key: string };

export const loadKeys = () => api<{ data: Key[] }>('/api/keys').then((page) => page.data);

export function createKey(input: z.input<typeof CreateApiKey>) {
  return api<CreatedKey>('/api/keys', { method: 'POST', body: input });
}

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedKey) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ApiKeyKind>('secret');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = validate(CreateApiKey, { name, kind });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      onCreated(await createKey(checked.data));
      setName('');
    } catch (caught) {
      setErrors(errorsFromApi(caught));
    }
    setBusy(false);
  };
  return (
    <form class="row" onSubmit={submit} noValidate aria-label={t('settings.keyCreate')}>
      <TextField
        label={t('settings.keyName')}
        value={name}
        onValue={setName}
        error={errors.name}
        placeholder="Production server"
        autoComplete="off"
        required
      />
      <SelectField
        label={t('settings.keyKind')}
        value={kind}
        onValue={setKind}
        options={[
          { value: 'secret', label: t('settings.kind.secret') },
          { value: 'publishable', label: t('settings.kind.publishable') },
        ]}
      />
      <button type="submit" class="button button-primary" disabled={busy}>
        {t('settings.keyCreate')}
      </button>
      <FormError message={errors['']} />
    </form>
  );
}

function RevokeButton({ apiKey, onRevoked }: { apiKey: Key; onRevoked: (key: Key) => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button
        type="button"
        class="button button-small button-danger"
        onClick={() => setConfirming(true)}
        aria-label={`${t('settings.keyRevoke')} ${apiKey.name}`}
      >
        {t('settings.keyRevoke')}
      </button>
    );
  return (
    <Confirm
      question={t('settings.keyRevokeConfirm', { name: apiKey.name })}
      action={t('settings.keyRevoke')}
      tone="danger"
      onConfirm={async () => onRevoked(await api<Key>(`/api/keys/${encodeURIComponent(apiKey.id)}`, { method: 'DELETE' }))}
      onCancel={() => setConfirming(false)}
    />
  );
}

function KeyTable({ keys, onRevoked }: { keys: Key[]; onRevoked: (key: Key) => void }) {
  const { canEdit } = useSession();
  if (keys.length === 0) return <p class="muted">{t('settings.keysEmpty')}</p>;
  return (
    <TableWrap label={t('settings.keys')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('settings.keyName')}</th>
            <th scope="col">{t('settings.keyKind')}</th>
            <th scope="col">{t('settings.keyPrefix')}</th>
            <th scope="col">{t('settings.keyCreatedAt')}</th>
            <th scope="col">{t('settings.keyLastUsed')}</th>
            <th scope="col">{t('settings.keyStatus')}</th>
            {canEdit && <th scope="col">{t('settings.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <td>{key.name}</td>
              <td>{t(`settings.kind.${key.kind}`)}</td>
              <td class="mono">{key.prefix}…</td>
              <td>{formatDateTime(key.createdAt)}</td>
              <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <span class="muted">{t('settings.keyNever')}</span>}</td>
              <td>
                {key.revokedAt ? (
                  <span class="badge badge-danger">{t('settings.keyRevoked')}</span>
                ) : (
                  <span class="badge badge-success">{t('settings.keyActive')}</span>
                )}
              </td>
              {canEdit && <td>{!key.revokedAt && <RevokeButton apiKey={key} onRevoked={onRevoked} />}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function ApiKeys() {
  const { canEdit } = useSession();
  const keys = useResource(loadKeys, []);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const replace = (key: Key) =>
    keys.state === 'ready' && keys.replace(keys.data.map((item) => (item.id === key.id ? key : item)));
  return (
    <section class="card section" aria-labelledby="keys-title">
      <div class="section-head">
        <h2 class="section-title" id="keys-title">
          {t('settings.keys')}
        </h2>
        <p class="section-lead">{t('settings.keysLead')}</p>
      </div>
      {canEdit && (
        <div class="stack section">
          <CreateKeyForm
            onCreated={(key) => {
              setCreated(key);
              if (keys.state === 'ready') keys.replace([key, ...keys.data]);
            }}
          />
          {created && (
            <div class="notice notice-success stack" role="status">
              <p>
                <strong>{created.name}</strong> — {t('settings.keyCreated')}
              </p>
              <CopyableCode code={created.key} label={t('settings.newKey')} />
            </div>
          )}
        </div>
      )}
      <Async resource={keys}>{(data) => <KeyTable keys={data} onRevoked={replace} />}</Async>
    </section>
  );
}
