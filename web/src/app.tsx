import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from './api';

interface Me {
  user: { email: string; name: string | null; role: string };
  tenant: { name: string };
}

function Login({ onLogin }: { onLogin: (me: Me) => void }) {
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    try {
      onLogin(
        await api<Me>('/api/auth/login', { method: 'POST', body: { email: form.get('email'), password: form.get('password') } }),
      );
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not reach the server.');
    }
  };
  return (
    <main>
      <h1>Rapport</h1>
      <form onSubmit={submit} aria-label="Log in">
        <label>
          Email <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit">Log in</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api<Me>('/api/auth/me').then(setMe, () => setMe(null));
  }, []);
  if (me === undefined) return <p aria-busy="true">Loading…</p>;
  if (me === null) return <Login onLogin={setMe} />;
  return (
    <main>
      <h1>{me.tenant.name}</h1>
      <p>
        Signed in as {me.user.email} ({me.user.role})
      </p>
    </main>
  );
}
