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

function Origins() {
  const { me, canEdit } = useSession();
  const [origins, setOrigins] = useState(me.tenant.allowedOrigins);
  const [draft, setDraft] = useState('');
  const { errors, state, save } = useTenantSave();
  const apply = async (next: string[]) => {
    if (!(await save({ allowedOrigins: next }))) return false;
    setOrigins(next);
    return true;
  };
  const add = async (event: Event) => {
    event.preventDefault();
    const origin = draft.trim().replace(/\/+$/, '');
    if (origin && (await apply(origins.includes(origin) ? origins : [...origins, origin]))) setDraft('');
  };
  const remove = (origin: string) => void apply(origins.filter((item) => item !== origin));
  const originError = Object.entries(errors).find(([path]) => path.startsWith('allowedOrigins'))?.[1];
  return (
    <section class="card section" aria-labelledby="origins-title">
      <div class="section-head">
        <h2 class="section-title" id="origins-title">
          {t('settings.origins')}
        </h2>
        <p class="section-lead">{t('settings.originsLead')}</p>
      </div>
      {origins.length === 0 ? (
        <p class="muted">{t('settings.originsEmpty')}</p>
      ) : (
        <ul class="origin-list">
          {origins.map((origin) => (
            <li key={origin}>
              <span class="mono">{origin}</span>
              {canEdit && (
                <button
                  type="button"
                  class="button button-small button-danger"
                  onClick={() => remove(origin)}
                  aria-label={`${t('form.remove')} ${origin}`}
                >
                  {t('form.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form class="row" onSubmit={add} noValidate>
          <TextField
            label={t('settings.origin')}
            value={draft}
            onValue={setDraft}
            placeholder="https://shop.example"
            inputMode="url"
            autoComplete="off"
            error={originError}
          />
          <button type="submit" class="button">
            {t('settings.originAdd')}
          </button>
        </form>
      )}
      <FormError message={originError ? undefined : errors['']} />
      {state === 'saved' && (
        <p class="saved" role="status">
          {t('form.saved')}
        </p>
      )}
    </section>
  );
}

export function Workspace() {
  return (
    <>
      <General />
      <Origins />
    </>
  );
}
