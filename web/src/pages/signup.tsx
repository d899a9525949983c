import { useState } from 'preact/hooks';
import { api } from '../api';
import { AuthLayout } from '../components/auth-layout';
import { FormError, TextField } from '../components/field';
import { language, t, type UiLanguage } from '../i18n';
import { errorsFromApi, type FieldErrors, validate } from '../lib/forms';
import { Link } from '../lib/router';
import type { Me } from '../lib/session';
import { Signup as SignupInput } from '../../../worker/tenants/schemas';

interface Props {
  onLoggedIn: (me: Me) => void;
  onLanguage: (language: UiLanguage) => void;
}

export default function Signup({ onLoggedIn, onLanguage }: Props) {
  const [form, setForm] = useState({ tenantName: '', name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const input = { ...form, name: form.name.trim() || undefined, locale: language() };
    const checked = validate(SignupInput, input);
    if (!checked.ok) return setErrors({ '': t('form.fixErrors'), ...checked.errors });
    setErrors({});
    setBusy(true);
    try {
      onLoggedIn(await api<Me>('/api/auth/signup', { method: 'POST', body: checked.data }));
    } catch (caught) {
      setErrors(errorsFromApi(caught));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('auth.signupTitle')} lead={t('auth.signupLead')} onLanguage={onLanguage}>
      <form class="stack" onSubmit={submit} noValidate>
        <TextField
          label={t('auth.company')}
          name="tenantName"
          required
          autoComplete="organization"
          value={form.tenantName}
          onValue={set('tenantName')}
          error={errors.tenantName}
        />
        <TextField
          label={t('auth.name')}
          name="name"
          optional
          autoComplete="name"
          value={form.name}
          onValue={set('name')}
          error={errors.name}
        />
        <TextField
          label={t('auth.email')}
          name="email"
          type="email"
          required
          autoComplete="username"
          value={form.email}
          onValue={set('email')}
          error={errors.email}
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          required
          autoComplete="new-password"
          hint={t('auth.passwordHint')}
          value={form.password}
          onValue={set('password')}
          error={errors.password}
        />
        <FormError message={errors['']} />
        <button type="submit" class="button button-primary button-block" disabled={busy}>
          {t('auth.signup')}
        </button>
      </form>
      <p class="auth-switch">
        {t('auth.haveAccount')} <Link href="/login">{t('auth.login')}</Link>
      </p>
    </AuthLayout>
  );
}
