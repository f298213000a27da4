// The judges' login (browser only): a judge or admin account; team accounts are refused.
import { useState, type FormEvent } from 'react';
import { messageOf } from '../transport/httpClient.ts';
import { Field } from './common.tsx';

export function Login({ onLogin, refusedTeam }: { onLogin(username: string, password: string): Promise<void>; refusedTeam: boolean }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onLogin(username.trim(), password);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <form className="card login-card" onSubmit={submit} noValidate>
        <h1>Judges’ console</h1>
        <p className="muted">Log in with a judge or admin account.</p>
        {refusedTeam && !error && (
          <p className="notice notice-warning" role="status">
            This browser is logged in with a team account. Log in with a judge account to use the console (the team’s session here ends).
          </p>
        )}
        <Field label="Username">
          {(id) => <input id={id} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />}
        </Field>
        <Field label="Password">
          {(id) => <input id={id} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
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
