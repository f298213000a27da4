// The core's fan-out: what the store's event outbox and the judging service say, turned into the
// signals every live view needs, for one transport to deliver (server/liveHub.ts's SSE streams). The
// store's events go out as they are (each with the audience the outbox gave it); the scoreboard and the
// judging progress are signals to refetch, throttled here so that 1000 open portals refetch once per
// burst. The console service listens to the same outbox for its own batches.
import type { JudgingService } from '../judging/judgingService.ts';
import type { StoredEvent } from '../store/store.ts';
import type { CoreContext } from './context.ts';

/** The scoreboard signal goes out at once, then at most this often (ms): every open portal (1000 of them) refetches on it. */
const SCOREBOARD_SIGNAL_MS = 250;
/** A team's portal is told of its judging's progress at most this often per judging (ms); it then re-reads its submissions. */
const PROGRESS_SIGNAL_MS = 500;
/** The store's changes that may change a scoreboard (a change of the contest's times or state may freeze or thaw it). */
const SCOREBOARD_EVENT_TYPES: ReadonlySet<string> = new Set(['submissions', 'judgements', 'teams', 'problems', 'contest', 'state']);

/**
 * Whether `event` may change a scoreboard. A judging that starts (a judgement created with no verdict yet) does
 * not: its submission was pending and stays so, and a current judgement that stops counting has its own update.
 * Half of a busy contest's judgement events are such starts, and each change costs a ranking of every submission.
 */
function changesScoreboard(event: StoredEvent): boolean {
  if (!SCOREBOARD_EVENT_TYPES.has(event.type)) return false;
  return !(event.type === 'judgements' && event.op === 'create' && (event.data as { judgement_type_id?: unknown } | null)?.judgement_type_id == null);
}

/** Where the signals go: a transport that knows its clients and who each is. */
export interface LiveSink {
  /** A store event, to every client its audience allows. */
  publish(event: StoredEvent): void;
  publishToJudges(type: string, data: unknown): void;
  publishToTeams(type: string, data: unknown): void;
  publishToTeam(teamId: string, type: string, data: unknown): void;
}

/** Starts the fan-out from `ctx`'s store and judging service to `sink`; returns what stops it. */
export function startLiveFanout(
  ctx: Pick<CoreContext, 'store' | 'scoreboard' | 'now'> & { judging: Pick<JudgingService, 'addProgressListener'> },
  sink: LiveSink,
): () => void {
  const { store, scoreboard, judging, now } = ctx;
  // Teams are told only when the board they see changed: during the freeze a verdict changes the
  // judges' board alone, and a signal to teams would say that a judging had just finished.
  let lastSignal = 0;
  let scoreboardSignal: NodeJS.Timeout | null = null;
  let publicDigest = '';
  const signalScoreboard = () => {
    scoreboardSignal = null;
    lastSignal = Date.now();
    sink.publishToJudges('scoreboard', { version: scoreboard.currentVersion, changedAt: lastSignal });
    const shown = scoreboard.snapshot('public', now()).digest;
    if (shown === publicDigest) return;
    publicDigest = shown;
    sink.publishToTeams('scoreboard', { changedAt: lastSignal });
  };
  const unsubscribe = store.events.subscribe((event) => {
    sink.publish(event);
    if (!changesScoreboard(event)) return;
    scoreboard.invalidate();
    if (scoreboardSignal) return;
    const wait = lastSignal + SCOREBOARD_SIGNAL_MS - Date.now();
    if (wait <= 0) signalScoreboard();
    else scoreboardSignal = setTimeout(signalScoreboard, wait);
  });
  // A team hears when its own judging moves on (its portal shows "running test k/n" without
  // polling); the verdict follows as a store event. A rejudging's judging is the judges' only.
  const progressSent = new WeakMap<object, number>();
  const stopProgress = judging.addProgressListener((running) => {
    if (running.rejudgingId !== null) return;
    const at = Date.now();
    if (at - (progressSent.get(running) ?? 0) < PROGRESS_SIGNAL_MS) return;
    progressSent.set(running, at);
    sink.publishToTeam(running.teamId, 'progress', { submissionId: running.submissionId });
  });
  return () => {
    stopProgress();
    unsubscribe();
    if (scoreboardSignal) clearTimeout(scoreboardSignal);
  };
}
