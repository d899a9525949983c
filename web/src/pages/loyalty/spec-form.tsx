import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { FormError, SelectField, TextField } from '../../components/field';
import { t } from '../../i18n';
import { errorsFromApi, type FieldErrors, validate } from '../../lib/forms';

/** One input of a programme editor; the API's zod schema decides what is valid. */
export type FieldSpec =
  | { name: string; label: string; kind: 'text' | 'integer' | 'decimal'; optional?: boolean; hint?: string }
  | { name: string; label: string; kind: 'select'; options: ReadonlyArray<{ value: string; label: string }> }
  | { name: string; label: string; kind: 'checkbox' };

export type FormValues = Record<string, string | boolean>;

/** What the form shows for an entity (or defaults): numbers as text, null as empty. */
export function formValues(specs: readonly FieldSpec[], source: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const spec of specs) {
    const value = source[spec.name];
    values[spec.name] = spec.kind === 'checkbox' ? value === true : value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/** The request body: empty optional fields are null, empty required ones missing (so validation names them). */
export function requestBody(specs: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = values[spec.name];
    if (spec.kind === 'checkbox') body[spec.name] = value === true;
    else if (spec.kind === 'select') body[spec.name] = value;
    else {
      const text = String(value ?? '').trim();
      if (text === '') {
        if (spec.optional) body[spec.name] = null;
      } else body[spec.name] = spec.kind === 'text' ? text : Number(text.replace(',', '.'));
    }
  }
  return body;
}

interface Props {
  specs: readonly FieldSpec[];
  initial: FormValues;
  schema: z.ZodType;
  submitLabel: string;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  onCancel?: () => void;
  /** Clear the inputs after a successful submit (create forms). */
  resetOnSuccess?: boolean;
}

export function SpecForm({ specs, initial, schema, submitLabel, onSubmit, onCancel, resetOnSuccess }: Props) {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (name: string) => (value: string | boolean) => setValues((current) => ({ ...current, [name]: value }));
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const body = requestBody(specs, values);
    const checked = validate(schema, body);
    if (!checked.ok) return setErrors({ '': t('form.fixErrors'), ...checked.errors });
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(body);
      if (resetOnSuccess) setValues(initial);
    } catch (caught) {
      setErrors(errorsFromApi(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack stack-fluid" onSubmit={submit} noValidate>
      <div class="row row-top spec-form-fields">
        {specs.map((spec) => {
          const value = values[spec.name];
          if (spec.kind === 'checkbox')
            return (
              <label key={spec.name} class="checkbox spec-form-checkbox">
                <input
                  type="checkbox"
                  checked={value === true}
                  onChange={(event) => set(spec.name)(event.currentTarget.checked)}
                />
                {spec.label}
              </label>
            );
          if (spec.kind === 'select')
            return (
              <SelectField
                key={spec.name}
                label={spec.label}
                value={String(value)}
                options={spec.options}
                onValue={set(spec.name)}
                error={errors[spec.name]}
              />
            );
          return (
            <TextField
              key={spec.name}
              label={spec.label}
              value={String(value ?? '')}
              onValue={set(spec.name)}
              error={errors[spec.name]}
              hint={spec.hint}
              optional={spec.optional}
              inputMode={spec.kind === 'text' ? undefined : spec.kind === 'integer' ? 'numeric' : 'decimal'}
            />
          );
        })}
      </div>
      <FormError message={errors['']} />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('form.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
