// The contest clock: whether the contest runs, is frozen or over, at a given moment. (The renderer's
// ContestPhase, src-renderer/shared/clock.ts, names the phase this reading falls in.)

export interface ContestTimes {
  startTime: number | null;
  durationMs: number;
  freezeMs: number;
}

/** The contest clock read at one moment. */
export interface ContestClockReading {
  started: boolean;
  ended: boolean;
  /** The public scoreboard hides results from `freezeAtMs` (contest time) on. */
  frozen: boolean;
  freezeAtMs: number | null;
  /** Contest time now (negative before the start), or null when no start is set. */
  contestTimeMs: number | null;
  /** Time left until the end, or null. */
  remainingMs: number | null;
}

export function readContestClock(times: ContestTimes, now: number): ContestClockReading {
  const freezeAtMs = times.freezeMs > 0 ? times.durationMs - times.freezeMs : null;
  if (times.startTime === null) return { started: false, ended: false, frozen: false, freezeAtMs, contestTimeMs: null, remainingMs: null };
  const contestTimeMs = now - times.startTime;
  const started = contestTimeMs >= 0;
  const ended = contestTimeMs >= times.durationMs;
  return {
    started,
    ended,
    frozen: freezeAtMs !== null && contestTimeMs >= freezeAtMs,
    freezeAtMs,
    contestTimeMs,
    remainingMs: started && !ended ? times.durationMs - contestTimeMs : null,
  };
}

/** Why a submission cannot be accepted now, or null when it can. */
export function submissionClosedReason(times: ContestTimes, now: number): string | null {
  const phase = readContestClock(times, now);
  if (times.startTime === null) return 'the contest has not been scheduled yet';
  if (!phase.started) return `the contest has not started yet (it starts in ${Math.ceil(-phase.contestTimeMs! / 1000)} s)`;
  if (phase.ended) return 'the contest is over: submissions are closed';
  return null;
}

