import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { api } from '../../api';
import { FormError, SelectField, TextField } from '../../components/field';
import { t } from '../../i18n';
import { errorsFromApi, type FieldErrors, validate } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { type Tenant, UpdateTenant } from '../../../../worker/tenants/schemas';

type TenantView = z.infer<typeof Tenant>;

const TIME_ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/Moscow', 'Europe/Berlin', 'Europe/London', 'America/New_York'];
  }
})();

/** Saves a patch of tenant settings and reports field errors the way the API would. */
function useTenantSave() {
  const { setTenant } = useSession();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const save = async (patch: Record<string, unknown>): Promise<boolean> => {
    const checked = validate(UpdateTenant, patch);
    if (!checked.ok) {
      setErrors({ '': t('form.fixErrors'), ...checked.errors });
      return false;
    }
    setErrors({});
    setState('saving');
    try {
      setTenant(await api<TenantView>('/api/tenant', { method: 'PATCH', body: checked.data }));
      setState('saved');
      return true;
    } catch (caught) {
      setErrors(errorsFromApi(caught));
      setState('idle');
      return false;
    }
  };
  return { errors, state, save };
}

function SaveButton({ state }: { state: 'idle' | 'saving' | 'saved' }) {
  return (
    <div class="form-actions">
      <button type="submit" class="button button-primary" disabled={state === 'saving'}>
        {state === 'saving' ? t('form.saving') : t('form.save')}
      </button>
      {state === 'saved' && (
        <span class="saved" role="status">
          {t('form.saved')}
        </span>
      )}
    </div>
  );
}

function General() {
  const { me, canEdit } = useSession();
  const tenant = me.tenant;
  const [form, setForm] = useState({
    name: tenant.name,
    defaultLocale: tenant.defaultLocale,
    timezone: tenant.timezone,
    currency: tenant.currency,
  });
  const { errors, state, save } = useTenantSave();
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });
  const zones = TIME_ZONES.includes(form.timezone) ? TIME_ZONES : [form.timezone, ...TIME_ZONES];
  return (
    <section class="card section" aria-labelledby="general-title">
      <div class="section-head">
        <h2 class="section-title" id="general-title">
          {t('settings.general')}
        </h2>
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save({ ...form, currency: form.currency.trim().toUpperCase() });
        }}
        noValidate
      >
        <fieldset class="stack" disabled={!canEdit}>
          <TextField label={t('settings.workspaceName')} value={form.name} onValue={set('name')} error={errors.name} required />
          <div class="row">
            <SelectField
              label={t('settings.locale')}
              value={form.defaultLocale}
              options={[
                { value: 'en', label: 'English' },
                { value: 'ru', label: 'Русский' },
              ]}
              onValue={set('defaultLocale')}
              error={errors.defaultLocale}
            />
            <SelectField
              label={t('settings.timezone')}
              value={form.timezone}
              options={zones.map((zone) => ({ value: zone, label: zone }))}
              onValue={set('timezone')}
              error={errors.timezone}
            />
            <TextField
              label={t('settings.currency')}
              value={form.currency}
              onValue={set('currency')}
              error={errors.currency}
              hint={t('settings.currencyHint')}
              maxLength={3}
              autoComplete="off"
              required
            />
          </div>
          <FormError message={errors['']} />
          {canEdit && <SaveButton state={state} />}
        </fieldset>
      </form>
    </section>
  );
}

type ListField = 'allowedOrigins' | 'alertRecipients';

interface ListSettingProps {
  field: ListField;
  title: string;
  lead: string;
  empty: string;
  inputLabel: string;
  addLabel: string;
  placeholder: string;
  inputMode: 'url' | 'email';
  /** How a typed value is stored, e.g. an origin without its trailing slash. */
  normalise: (value: string) => string;
}

/** A list-valued workspace setting: shown as a list, with add and remove saved at once. */
function ListSetting({ field, title, lead, empty, inputLabel, addLabel, placeholder, inputMode, normalise }: ListSettingProps) {
  const { me, canEdit } = useSession();
  const [items, setItems] = useState<string[]>(me.tenant[field]);
  const [draft, setDraft] = useState('');
  const { errors, state, save } = useTenantSave();
  const titleId = `${field}-title`;
  const apply = async (next: string[]) => {
    if (!(await save({ [field]: next }))) return false;
    setItems(next);
    return true;
  };
  const add = async (event: Event) => {
    event.preventDefault();
    const value = normalise(draft);
    if (value && (await apply(items.includes(value) ? items : [...items, value]))) setDraft('');
  };
  const remove = (item: string) => void apply(items.filter((other) => other !== item));
  const itemError = Object.entries(errors).find(([path]) => path.startsWith(field))?.[1];
  return (
    <section class="card section" aria-labelledby={titleId}>
      <div class="section-head">
        <h2 class="section-title" id={titleId}>
          {title}
        </h2>
        <p class="section-lead">{lead}</p>
      </div>
      {items.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul class="origin-list" aria-labelledby={titleId}>
          {items.map((item) => (
            <li key={item}>
              <span class="mono break">{item}</span>
              {canEdit && (
                <button
                  type="button"
                  class="button button-small button-danger"
                  onClick={() => remove(item)}
                  aria-label={`${t('form.remove')} ${item}`}
                >
                  {t('form.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form class="row" onSubmit={add} noValidate aria-label={addLabel}>
          <TextField
            label={inputLabel}
            value={draft}
            onValue={setDraft}
            placeholder={placeholder}
            inputMode={inputMode}
            type={inputMode === 'email' ? 'email' : 'text'}
            autoComplete="off"
            error={itemError}
          />
          <button type="submit" class="button">
            {addLabel}
          </button>
        </form>
      )}
      <FormError message={itemError ? undefined : errors['']} />
      {state === 'saved' && (
        <p class="saved" role="status">
          {t('form.saved')}
        </p>
      )}
    </section>
  );
}

const Origins = () => (
  <ListSetting
    field="allowedOrigins"
    title={t('settings.origins')}
    lead={t('settings.originsLead')}
    empty={t('settings.originsEmpty')}
    inputLabel={t('settings.origin')}
    addLabel={t('settings.originAdd')}
    placeholder="https://shop.example"
    inputMode="url"
    normalise={(value) => value.trim().replace(/\/+$/, '')}
  />
);

const AlertRecipients = () => (
  <ListSetting
    field="alertRecipients"
    title={t('alerts.title')}
    lead={t('alerts.lead')}
    empty={t('alerts.empty')}
    inputLabel={t('alerts.email')}
    addLabel={t('alerts.add')}
    placeholder="team@example.com"
    inputMode="email"
    normalise={(value) => value.trim().toLowerCase()}
  />
);

export function Workspace() {
  return (
    <>
      <General />
      <Origins />
      <AlertRecipients />
    </>
  );
}
