// The contest's "Start now" and "End now": the schedule each makes from the current one, or why it
// cannot (the console's contest controls; the store writes the result like any other schedule change).
import { readContestClock, type ContestTimes } from './clock.ts';

export type ScheduleChange = { times: ContestTimes } | { refused: string };

/** Starts the contest at `now`, with its duration and freeze as they are. Refused once it has started. */
export function startNow(times: ContestTimes, now: number): ScheduleChange {
  if (readContestClock(times, now).started) return { refused: 'the contest has already started' };
  return { times: { ...times, startTime: now } };
}

/**
 * Ends the running contest at `now`: its duration becomes the time it has run. The freeze keeps the
 * moment it began (a freeze not begun yet is dropped), so ending early never hides results that
 * teams have already seen. Refused before the start and after the end.
 */
export function endNow(times: ContestTimes, now: number): ScheduleChange {
  const clock = readContestClock(times, now);
  if (times.startTime === null || !clock.started) return { refused: 'the contest has not started yet' };
  if (clock.ended) return { refused: 'the contest is already over' };
  // At least a millisecond: a contest has a length (and "over" means contest time ≥ duration).
  const durationMs = Math.max(1, now - times.startTime);
  const freezeMs = clock.freezeAtMs !== null && clock.freezeAtMs < durationMs ? durationMs - clock.freezeAtMs : 0;
  return { times: { ...times, durationMs, freezeMs } };
}
