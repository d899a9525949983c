import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { FormError, TextField } from '../../components/field';
import { t } from '../../i18n';
import { errorsFromApi, type FieldErrors } from '../../lib/forms';

/**
 * Erases a customer's personal data once the user has typed the confirmation word. With `customerId`
 * (the customer page) it erases that customer; without it (settings) a field asks for the id.
 */
export function EraseCustomerForm({ customerId, onErased }: { customerId?: string; onErased: (customerId: string) => void }) {
  const [id, setId] = useState(customerId ?? '');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const word = t('privacy.confirmWord');
  const submit = async (event: Event) => {
    event.preventDefault();
    const target = id.trim();
    const invalid: FieldErrors = {};
    if (!target) invalid.customerId = t('err.required');
    if (confirmation.trim().toUpperCase() !== word.toUpperCase()) invalid.confirmation = t('privacy.confirmMismatch', { word });
    if (Object.keys(invalid).length > 0) return setErrors({ '': t('form.fixErrors'), ...invalid });
    setErrors({});
    setBusy(true);
    try {
      await api(`/api/customers/${encodeURIComponent(target)}`, { method: 'DELETE' });
      setConfirmation('');
      if (customerId === undefined) setId('');
      onErased(target);
    } catch (caught) {
      const missing = caught instanceof ApiError && (caught.problem.status === 404 || caught.problem.status === 422);
      setErrors(missing ? { customerId: t('privacy.noSuchCustomer'), '': t('privacy.noSuchCustomer') } : errorsFromApi(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={submit} noValidate>
      {customerId === undefined && (
        <TextField
          label={t('privacy.customerId')}
          hint={t('privacy.customerIdHint')}
          autoComplete="off"
          spellcheck={false}
          value={id}
          onValue={setId}
          error={errors.customerId}
          required
        />
      )}
      <TextField
        label={t('privacy.confirmLabel', { word })}
        autoComplete="off"
        spellcheck={false}
        value={confirmation}
        onValue={setConfirmation}
        error={errors.confirmation}
        required
      />
      <FormError message={errors['']} />
      <div class="form-actions">
        <button type="submit" class="button button-danger" disabled={busy}>
          {t('privacy.eraseButton')}
        </button>
      </div>
    </form>
  );
}
