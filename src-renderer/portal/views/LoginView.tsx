// The login form. The session cookie then keeps the team logged in across reloads.
import { useState, type FormEvent } from 'react';
import { messageOf } from '../api.ts';
import { login, usePortal } from '../store.ts';
import { Field } from './common.tsx';

export function LoginView() {
  const contestName = usePortal((s) => (s.overview ? s.overview.contest.formalName || s.overview.contest.name : null));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login({ username: username.trim(), password });
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <form className="card login-card" onSubmit={onSubmit} noValidate>
        <h1>{contestName ?? 'Contest portal'}</h1>
        <p className="muted">Log in with the account your team was given.</p>
        <Field label="Username">
          {(id) => (
            <input id={id} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
          )}
        </Field>
        <Field label="Password">
          {(id) => (
            <input id={id} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
