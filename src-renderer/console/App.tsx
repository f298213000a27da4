// The judges' console. In the Electron window the preload's API is the judge's and it starts at
// once; in a browser it first restores or asks for a judge's login. The URL's hash picks the view.
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../shared/http.ts';
import { desktop, http, setCsrfToken } from './api.ts';
import { useRoute } from './hooks.ts';
import type { Route } from './route.ts';
import { login, logout, restore } from './session.ts';
import { useConsole } from './store/index.ts';
import { startConsole } from './sync.ts';
import { Awards } from './views/Awards.tsx';
import { Balloons } from './views/Balloons.tsx';
import { Nav, Notices, TopBar } from './views/Chrome.tsx';
import { Clarifications } from './views/Clarifications.tsx';
import { Contest } from './views/Contest.tsx';
import { Dashboard } from './views/Dashboard.tsx';
import { Login } from './views/Login.tsx';
import { PrintJobPage, PrintJobs } from './views/PrintJobs.tsx';
import { Problems } from './views/Problems.tsx';
import { Rejudgings } from './views/Rejudgings.tsx';
import { Resolver } from './views/Resolver.tsx';
import { Scoreboard } from './views/Scoreboard.tsx';
import { Statistics } from './views/Statistics.tsx';
import { SubmissionDetail } from './views/SubmissionDetail.tsx';
import { Submissions } from './views/Submissions.tsx';
import { Teams } from './views/Teams.tsx';
import { MAIN_CONTENT_ID, SkipLink } from '../shared/SkipLink.tsx';

type Session = { state: 'booting'; error: string | null } | { state: 'login'; refusedTeam: boolean } | { state: 'in' };

export function App() {
  const [session, setSession] = useState<Session>(desktop ? { state: 'in' } : { state: 'booting', error: null });

  // Browser: is this browser already logged in? Keep asking while the server cannot be reached.
  useEffect(() => {
    if (desktop) return;
    let cancelled = false;
    void (async () => {
      for (let attempt = 0; !cancelled; attempt++) {
        try {
          const { me, refused } = await restore(http);
          if (cancelled) return;
          if (me) {
            setCsrfToken(me.csrfToken);
            useConsole.getState().setMe(me);
            setSession({ state: 'in' });
          } else setSession({ state: 'login', refusedTeam: refused });
          return;
        } catch (error) {
          if (cancelled) return;
          setSession({ state: 'booting', error: messageOf(error) });
          await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1000 * 2 ** attempt)));
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const sessionLost = useCallback(() => {
    setCsrfToken(null);
    useConsole.getState().setMe(null);
    setSession({ state: 'login', refusedTeam: false });
  }, []);

  useEffect(() => {
    if (session.state !== 'in') return;
    return startConsole(sessionLost);
  }, [session.state, sessionLost]);

  const onLogin = async (username: string, password: string): Promise<void> => {
    const me = await login(http, setCsrfToken, username, password);
    useConsole.getState().setMe(me);
    useConsole.getState().clearNotices();
    setSession({ state: 'in' });
  };

  const onLogout = async (): Promise<void> => {
    try {
      await logout(http);
    } catch (error) {
      useConsole.getState().notify('error', `Logging out failed: ${messageOf(error)}`);
      return;
    }
    sessionLost();
  };

  if (session.state === 'booting') {
    return (
      <main className="login-page">
        <p className="muted" role="status">
          {session.error ? `Cannot reach the judge’s server (${session.error}). Trying again…` : 'Connecting to the judge’s server…'}
        </p>
      </main>
    );
  }
  if (session.state === 'login') return <Login onLogin={onLogin} refusedTeam={session.refusedTeam} />;
  return <Console onLogout={desktop ? null : () => void onLogout()} />;
}

function Console({ onLogout }: { onLogout: (() => void) | null }) {
  const route = useRoute();
  // The resolver has the whole screen (a projector's): no bar, no navigation.
  if (route.view === 'resolver') return <Resolver />;
  return (
    <div className="shell">
      <SkipLink />
      <TopBar onLogout={onLogout} />
      <div className="body">
        <Nav current={route.view} />
        <main className="page" id={MAIN_CONTENT_ID} tabIndex={-1}>
          <Notices />
          <CurrentView route={route} />
        </main>
      </div>
    </div>
  );
}

function CurrentView({ route }: { route: Route }) {
  switch (route.view) {
    case 'dashboard':
      return <Dashboard />;
    case 'submissions':
      return route.submissionId === null ? <Submissions /> : <SubmissionDetail key={route.submissionId} id={route.submissionId} />;
    case 'rejudgings':
      return <Rejudgings id={route.rejudgingId} />;
    case 'scoreboard':
      return <Scoreboard />;
    case 'problems':
      return <Problems />;
    case 'statistics':
      return <Statistics />;
    case 'balloons':
      return <Balloons />;
    case 'print-jobs':
      return route.printJobId === null ? <PrintJobs /> : <PrintJobPage key={route.printJobId} id={route.printJobId} />;
    case 'awards':
      return <Awards />;
    case 'resolver':
      return <Resolver />;
    case 'teams':
      return <Teams />;
    case 'clarifications':
      return <Clarifications />;
    case 'contest':
      return <Contest />;
  }
}
