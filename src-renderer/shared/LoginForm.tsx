// The login form of both pages: username and password (both required before anything is sent),
// the server's refusal under the fields, and "Log in" while nothing is pending.
import { useState, type FormEvent, type ReactNode } from 'react';
import { asyncHandler } from './asyncHandler.ts';
import { messageOf } from './http.ts';
import { Field, FormError } from './ui.tsx';

export interface LoginFormProps {
  title: string;
  intro: string;
  /** Shown above the fields until an error takes its place. */
  notice?: ReactNode;
  /** Resolves once logged in (the form is then replaced); its error is shown. */
  onLogin: (username: string, password: string) => Promise<void>;
}

export function LoginForm({ title, intro, notice, onLogin }: LoginFormProps) {
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
      <form className="card login-card" onSubmit={asyncHandler(submit)} noValidate>
        <h1>{title}</h1>
        <p className="muted">{intro}</p>
        {!error && notice}
        <Field label="Username">
          {(id) => <input id={id} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />}
        </Field>
        <Field label="Password">
          {(id) => <input id={id} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <FormError message={error} />
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
