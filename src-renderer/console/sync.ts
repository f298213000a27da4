// Keeps the store current for a judge's session: subscribe first (events during the load are held
// back and applied after it, so none is lost), load everything, then apply event batches at most
// once per EVENT_BATCH_INTERVAL_MS. After a break in the event stream everything is loaded again.
import { EVENT_BATCH_INTERVAL_MS, type ConsoleEvent } from '../../src-main/shared/judgeApi.ts';
import { coalesce } from '../shared/coalesce.ts';
import { desktop, judge, setTransportHooks } from './api.ts';
import { createThrottle } from './batcher.ts';
import { refreshClarifications, refreshDetail, refreshProblems, refreshSnapshot, refreshTeams, reloadSubmissions } from './loaders.ts';
import { emitSignal } from './signals.ts';
import { eventEffects } from './store/events.ts';
import { useConsole } from './store/index.ts';

/** Detail refetches after changes of the open submission, folded together. */
const DETAIL_REFRESH_MS = 250;
/** Problems refetch when the list is open and the core says they changed. */
const PROBLEMS_REFRESH_MS = 300;

/** Starts the session; returns its stop function. `onSessionLost`: the server says 401 (browser). */
export function startConsole(onSessionLost: () => void): () => void {
  const store = useConsole.getState;
  let loading = 0;
  let held: ConsoleEvent[] = [];
  let stopped = false;

  const detail = coalesce(refreshDetail, DETAIL_REFRESH_MS);
  const problems = coalesce(refreshProblems, PROBLEMS_REFRESH_MS);

  const throttle = createThrottle<ConsoleEvent>((events) => {
    const detailId = store().detailId;
    store().applyBatch(events);
    const effects = eventEffects(events, detailId);
    if (effects.detail) detail();
    if (effects.scoreboard) emitSignal('scoreboard');
    if (effects.exports) emitSignal('exports');
    if (effects.balloons) emitSignal('balloons');
    if (effects.rejudgings) emitSignal('rejudgings');
    if (effects.printJobs) emitSignal('printJobs');
    // The list is small and its labels are used everywhere, but it is only fetched again while
    // the Problems view is open; the view fetches on opening anyway.
    if (effects.problems && emitSignal('problems')) problems();
  }, EVENT_BATCH_INTERVAL_MS);

  const load = async (): Promise<void> => {
    loading++;
    try {
      await Promise.all([refreshSnapshot(), reloadSubmissions(), refreshClarifications(), refreshProblems(), refreshTeams(), refreshDetail()]);
    } finally {
      loading--;
      if (loading === 0 && !stopped) {
        const events = held;
        held = [];
        throttle.push(events);
      }
    }
  };

  setTransportHooks({
    onStatus: (status) => store().setLink(status),
    onResync: () => void load(),
    onError: (message) => store().notify('error', message),
    onUnauthorized: onSessionLost,
  });
  if (desktop) store().setLink('live');

  const unsubscribe = judge.subscribe((events) => {
    if (stopped) return;
    if (loading > 0) for (const event of events) held.push(event);
    else throttle.push(events);
  });
  void load();

  return () => {
    stopped = true;
    unsubscribe();
    throttle.cancel();
    detail.cancel();
    problems.cancel();
    setTransportHooks(null);
  };
}
