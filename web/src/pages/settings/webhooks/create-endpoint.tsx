import { useState } from 'preact/hooks';
import { api } from '../../../api';
import { FormError, TextField } from '../../../components/field';
import { t } from '../../../i18n';
import { errorsFromApi, type FieldErrors, validate } from '../../../lib/forms';
import { CreateEndpoint, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../../../worker/webhooks/schemas';
import type { CreatedEndpointItem } from './data';

/** URL and event types; no event ticked means every event. */
export function CreateEndpointForm({ onCreated }: { onCreated: (endpoint: CreatedEndpointItem) => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const toggle = (event: WebhookEventType, on: boolean) =>
    setEvents((current) => (on ? [...current, event] : current.filter((item) => item !== event)));
  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = validate(CreateEndpoint, { url: url.trim(), events });
    if (!checked.ok) return setErrors({ '': t('form.fixErrors'), ...checked.errors });
    setErrors({});
    setBusy(true);
    try {
      onCreated(await api<CreatedEndpointItem>('/api/webhooks/endpoints', { method: 'POST', body: checked.data }));
      setUrl('');
      setEvents([]);
    } catch (caught) {
      setErrors(errorsFromApi(caught));
    }
    setBusy(false);
  };
  return (
    <form class="stack" onSubmit={submit} noValidate aria-labelledby="endpoint-add-title">
      <h3 class="section-title" id="endpoint-add-title">
        {t('webhooks.add')}
      </h3>
      <TextField
        label={t('webhooks.url')}
        type="url"
        inputMode="url"
        placeholder="https://example.com/hooks/rapport"
        autoComplete="off"
        value={url}
        onValue={setUrl}
        error={errors.url}
        hint={t('webhooks.urlHint')}
        required
      />
      <fieldset class="checkbox-group">
        <legend>{t('webhooks.events')}</legend>
        <p class="hint">{t('webhooks.eventsHint')}</p>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} class="checkbox">
            <input type="checkbox" checked={events.includes(type)} onChange={(e) => toggle(type, e.currentTarget.checked)} />
            <span class="mono">{type}</span>
          </label>
        ))}
      </fieldset>
      <FormError message={errors['']} />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('webhooks.create')}
        </button>
      </div>
    </form>
  );
}
