// The login form. The session cookie then keeps the team logged in across reloads.
import { LoginForm } from '../../shared/LoginForm.tsx';
import { login, usePortal } from '../store.ts';

export function LoginView() {
  const contestName = usePortal((s) => (s.overview ? s.overview.contest.formalName || s.overview.contest.name : null));
  return <LoginForm title={contestName ?? 'Contest portal'} intro="Log in with the account your team was given." onLogin={(username, password) => login({ username, password })} />;
}
