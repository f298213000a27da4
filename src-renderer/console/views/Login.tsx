// The judges' login (browser only): a judge or admin account; team accounts are refused.
import { LoginForm } from '../../shared/LoginForm.tsx';

export function Login({ onLogin, refusedTeam }: { onLogin: (username: string, password: string) => Promise<void>; refusedTeam: boolean }) {
  return (
    <LoginForm
      title="Judges’ console"
      intro="Log in with a judge or admin account."
      notice={
        refusedTeam && (
          <p className="notice notice-warning" role="status">
            This browser is logged in with a team account. Log in with a judge account to use the console (the team’s session here ends).
          </p>
        )
      }
      onLogin={onLogin}
    />
  );
}
