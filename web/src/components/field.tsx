import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../i18n';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
  class?: string;
  /** Renders the control with the ids and ARIA attributes that tie it to its label, hint and error. */
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ComponentChildren;
}

export function Field({ label, error, hint, optional, class: className, children }: FieldProps) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label for={id}>
        {label}
        {optional && <span class="optional"> ({t('form.optional')})</span>}
      </label>
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'label'> & {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
};

export function TextField({ label, value, onValue, error, hint, optional, class: className, ...input }: InputProps) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional} class={className as string | undefined}>
      {(control) => (
        <input
          {...input}
          {...control}
          class="input"
          value={value}
          required={!optional && input.required}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

type AreaProps = Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onInput' | 'label'> & {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  optional?: boolean;
};

export function TextAreaField({ label, value, onValue, error, hint, optional, ...area }: AreaProps) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional}>
      {(control) => (
        <textarea {...area} {...control} class="input" value={value} onInput={(event) => onValue(event.currentTarget.value)} />
      )}
    </Field>
  );
}

interface SelectProps<V extends string> {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onValue: (value: V) => void;
  error?: string | undefined;
  hint?: string | undefined;
  disabled?: boolean;
  name?: string;
}

export function SelectField<V extends string>({ label, value, options, onValue, error, hint, disabled, name }: SelectProps<V>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <select
          {...control}
          name={name}
          class="input"
          value={value}
          disabled={disabled}
          onChange={(event) => onValue(event.currentTarget.value as V)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The form-level message (`errors['']`), announced when it appears. */
export function FormError({ message }: { message?: string | undefined }) {
  return message ? (
    <p class="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
