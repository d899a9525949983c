import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import type { AuthNotice } from '../app';
import { AuthLayout } from '../components/auth-layout';
import { FormError, TextField } from '../components/field';
import { t, type UiLanguage } from '../i18n';
import { Link } from '../lib/router';
import type { Me } from '../lib/session';

interface Props {
  onLoggedIn: (me: Me) => void;
  onLanguage: (language: UiLanguage) => void;
  notice: AuthNotice;
}

export default function Login({ onLoggedIn, onLanguage, notice }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onLoggedIn(await api<Me>('/api/auth/login', { method: 'POST', body: { email, password } }));
    } catch (caught) {
      const status = caught instanceof ApiError ? caught.problem.status : 0;
      setError(
        status === 401 || status === 422 ? t('auth.wrong') : status === 0 ? t('state.offline') : (caught as Error).message,
      );
      setBusy(false);
    }
  };
  return (
    <AuthLayout title={t('auth.loginTitle')} onLanguage={onLanguage}>
      {notice && (
        <p class="notice" role="status">
          {t(notice === 'expired' ? 'auth.expired' : 'auth.loggedOut')}
        </p>
      )}
      <form class="stack" onSubmit={submit} noValidate={false}>
        <TextField
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onValue={setEmail}
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <FormError message={error} />
        <button type="submit" class="button button-primary button-block" disabled={busy}>
          {t('auth.login')}
        </button>
      </form>
      <p class="auth-switch">
        {t('auth.noAccount')} <Link href="/signup">{t('auth.signup')}</Link>
      </p>
    </AuthLayout>
  );
}
