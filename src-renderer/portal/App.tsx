// The contestants' portal: who is logged in decides between the login form and the contest views;
// the URL's hash picks the view.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAIN_CONTENT_ID, SkipLink } from '../shared/SkipLink.tsx';
import { tabOf, useRoute, type Route } from './route.ts';
import { bootstrap, unreadCount, usePortal } from './store.ts';
import { startClockSync, startSession } from './sync.ts';
import { ClarificationsView } from './views/ClarificationsView.tsx';
import { ContestNotices } from './views/ContestNotices.tsx';
import { LoginView } from './views/LoginView.tsx';
import { PrintView } from './views/PrintView.tsx';
import { ProblemsView } from './views/ProblemsView.tsx';
import { ProblemView } from './views/ProblemView.tsx';
import { ScoreboardView } from './views/ScoreboardView.tsx';
import { SubmissionPage } from './views/SubmissionPage.tsx';
import { SubmissionsView } from './views/SubmissionsView.tsx';
import { SubmitView } from './views/SubmitView.tsx';
import { Tabs } from './views/Tabs.tsx';
import { TopBar } from './views/TopBar.tsx';

let booted = false;

export function App() {
  const { ready, bootError, accountId } = usePortal(useShallow((s) => ({ ready: s.booted, bootError: s.bootError, accountId: s.me?.account.id ?? null })));
  const route = useRoute();

  useEffect(() => {
    if (!booted) {
      booted = true;
      void bootstrap();
    }
    return startClockSync();
  }, []);

  useEffect(() => {
    if (accountId === null) return;
    return startSession();
  }, [accountId]);

  useDocumentTitle();

  if (!ready) {
    return (
      <>
        <TopBar />
        <main className="page">
          <p className="muted" role="status">
            {bootError ? `Cannot reach the judge’s server (${bootError}). Trying again…` : 'Connecting to the judge’s server…'}
          </p>
        </main>
      </>
    );
  }
  if (accountId === null) {
    return (
      <>
        <TopBar />
        <LoginView />
      </>
    );
  }
  return (
    <>
      <SkipLink />
      <TopBar />
      <Tabs current={tabOf(route)} />
      <main className="page" id={MAIN_CONTENT_ID} tabIndex={-1}>
        <ContestNotices />
        <View route={route} />
      </main>
    </>
  );
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'problems':
      return <ProblemsView />;
    case 'problem':
      return <ProblemView problemId={route.problemId} />;
    case 'submit':
      return <SubmitView problemId={route.problemId} />;
    case 'submissions':
      return <SubmissionsView />;
    case 'submission':
      return <SubmissionPage submissionId={route.submissionId} />;
    case 'scoreboard':
      return <ScoreboardView />;
    case 'clarifications':
      return <ClarificationsView />;
    case 'print':
      return <PrintView />;
  }
}

/** "(2) Contest name": unread clarifications show in the browser tab too. */
function useDocumentTitle(): void {
  const name = usePortal((s) => (s.overview ? s.overview.contest.formalName || s.overview.contest.name : null));
  const unread = usePortal(unreadCount);
  useEffect(() => {
    const base = name ? `${name} — Verdict` : 'Verdict — contest portal';
    document.title = unread > 0 ? `(${unread}) ${base}` : base;
  }, [name, unread]);
}
