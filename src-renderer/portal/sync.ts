// Keeps the store fresh: the contest clock for everyone (also before login), and for a logged-in
// team the live stream with its re-fetches. Each start* returns its stop function.
import { coalesce } from '../shared/coalesce.ts';
import { nextBoundary } from './clock.ts';
import { connectLive } from './live.ts';
import {
  refreshClarifications,
  refreshOverview,
  refreshScoreboard,
  refreshSubmissions,
  setConnection,
  usePortal,
} from './store.ts';

/** Re-reads the overview now and then (clock drift, phase) and just after each start/freeze/end. */
export function startClockSync(): () => void {
  // Every minute; every few seconds while the server does not answer.
  let lastAsked = Date.now();
  const interval = setInterval(() => {
    const { overview, overviewError } = usePortal.getState();
    const failing = overview === null || overviewError !== null;
    if (Date.now() - lastAsked >= (failing ? 5_000 : 60_000)) {
      lastAsked = Date.now();
      void refreshOverview();
    }
  }, 5_000);
  let boundaryTimer: ReturnType<typeof setTimeout> | null = null;

  const schedule = (): void => {
    if (boundaryTimer !== null) clearTimeout(boundaryTimer);
    boundaryTimer = null;
    const { overview, clockOffsetMs } = usePortal.getState();
    if (!overview) return;
    const serverNow = Date.now() + clockOffsetMs;
    const boundary = nextBoundary(overview, serverNow);
    if (boundary === null) return;
    // A little spread so a thousand browsers do not ask in the same millisecond.
    const delay = boundary - serverNow + 300 + Math.random() * 2000;
    if (delay > 2 ** 31 - 1) return;
    boundaryTimer = setTimeout(() => {
      void refreshOverview();
      if (usePortal.getState().me) void refreshScoreboard();
    }, delay);
  };

  schedule();
  const unsubscribe = usePortal.subscribe((s, previous) => {
    if (s.overview !== previous.overview || s.clockOffsetMs !== previous.clockOffsetMs) schedule();
  });
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') void refreshOverview();
  };
  document.addEventListener('visibilitychange', onVisible);

  return () => {
    clearInterval(interval);
    if (boundaryTimer !== null) clearTimeout(boundaryTimer);
    unsubscribe();
    document.removeEventListener('visibilitychange', onVisible);
  };
}

/** While queued, the queue position moves without events for this team: look every few seconds. */
const PENDING_POLL_MS = 5_000;
/** A background tab keeps its stream this long, then polls this often until it is shown again. */
const HIDDEN_GRACE_MS = 60_000;
const HIDDEN_POLL_MS = 30_000;

/** For a logged-in team: everything fetched once, then kept current by the event stream. */
export function startSession(): () => void {
  const submissions = coalesce(refreshSubmissions, 100);
  const scoreboard = coalesce(refreshScoreboard, 250);
  const clarifications = coalesce(refreshClarifications, 100);
  const overview = coalesce(refreshOverview, 250);
  const all = [submissions, scoreboard, clarifications, overview];
  const refreshAll = (): void => {
    for (const refresh of all) refresh();
  };

  refreshAll();
  const openLive = (): (() => void) =>
    connectLive({
      url: '/api/portal/stream',
      events: ['submissions', 'judgements', 'progress', 'scoreboard', 'clarifications', 'contest', 'state', 'problems', 'languages'],
      onEvent(type) {
        // progress: one of this team's judgings moved on to its next test.
        if (type === 'submissions' || type === 'judgements' || type === 'progress') submissions();
        else if (type === 'scoreboard') scoreboard();
        else if (type === 'clarifications') clarifications();
        else {
          overview();
          // The contest's times or state changed (a freeze began, or the judges moved it): the
          // scoreboard must show what the new state hides.
          if (type === 'contest' || type === 'state') scoreboard();
        }
      },
      onResync: refreshAll,
      onMode: setConnection,
    });
  let stopLive: (() => void) | null = openLive();

  // Browsers allow about six HTTP/1.1 connections per server, and each open stream holds one: a
  // tab left in the background gives its stream up (and looks now and then) so that a team with
  // many tabs open still gets answers in the one it is using.
  let hiddenTimer: ReturnType<typeof setTimeout> | null = null;
  let hiddenPoll: ReturnType<typeof setInterval> | null = null;
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') {
      hiddenTimer ??= setTimeout(() => {
        hiddenTimer = null;
        stopLive?.();
        stopLive = null;
        setConnection('polling');
        hiddenPoll ??= setInterval(refreshAll, HIDDEN_POLL_MS);
      }, HIDDEN_GRACE_MS);
      return;
    }
    if (hiddenTimer !== null) clearTimeout(hiddenTimer);
    hiddenTimer = null;
    if (hiddenPoll !== null) clearInterval(hiddenPoll);
    hiddenPoll = null;
    stopLive ??= openLive();
    refreshAll();
  };
  document.addEventListener('visibilitychange', onVisibility);

  let pendingTimer: ReturnType<typeof setInterval> | null = null;
  const watchPending = (): void => {
    const pending = (usePortal.getState().submissions ?? []).some((s) => s.status !== 'judged');
    if (pending && pendingTimer === null) pendingTimer = setInterval(submissions, PENDING_POLL_MS);
    if (!pending && pendingTimer !== null) {
      clearInterval(pendingTimer);
      pendingTimer = null;
    }
  };
  const unsubscribe = usePortal.subscribe((s, previous) => {
    if (s.submissions !== previous.submissions) watchPending();
  });

  return () => {
    stopLive?.();
    unsubscribe();
    if (pendingTimer !== null) clearInterval(pendingTimer);
    if (hiddenTimer !== null) clearTimeout(hiddenTimer);
    if (hiddenPoll !== null) clearInterval(hiddenPoll);
    for (const refresh of all) refresh.cancel();
    document.removeEventListener('visibilitychange', onVisibility);
    setConnection('offline');
  };
}
