// The contest clock as this browser sees it: the server's time (PortalOverview.serverTime,
// corrected for the request's round trip, see shared/clock.ts) and the contest's start and length.
// Computed locally every second, so the countdown is smooth and flips at the start/end without
// waiting for the server.
import type { PortalOverview } from '../../src-main/shared/portalApi.ts';
import { readSchedule, type ContestReading } from '../shared/clock.ts';

export function contestClock(overview: PortalOverview, offsetMs: number, localNow: number): ContestReading {
  const { contest, phase } = overview;
  const serverNow = localNow + offsetMs;
  if (contest.startTime === null) {
    // No start set: trust the server's phase as sent (it may know better, e.g. a paused clock).
    if (phase.ended) return { phase: 'over', contestTimeMs: phase.contestTimeMs, countdownMs: null, frozen: phase.frozen };
    if (phase.started && phase.remainingMs !== null) {
      const remaining = phase.remainingMs - (serverNow - overview.serverTime);
      return { phase: remaining > 0 ? 'running' : 'over', contestTimeMs: null, countdownMs: Math.max(0, remaining), frozen: phase.frozen };
    }
    return { phase: 'unscheduled', contestTimeMs: null, countdownMs: null, frozen: false };
  }
  const scheduled = readSchedule({ startTime: contest.startTime, durationMs: contest.durationMs, freezeMs: contest.freezeMs }, serverNow);
  return { phase: scheduled.phase, contestTimeMs: scheduled.contestTimeMs, countdownMs: scheduled.countdownMs, frozen: scheduled.pastFreeze };
}

/** Server time of the next start/freeze/end after now, when the page should ask the server again. */
export function nextBoundary(overview: PortalOverview, serverNow: number): number | null {
  const { startTime, durationMs, freezeMs } = overview.contest;
  if (startTime === null) return null;
  const marks = [startTime, startTime + durationMs - (freezeMs > 0 ? freezeMs : durationMs), startTime + durationMs];
  const future = marks.filter((t) => t > serverNow);
  return future.length > 0 ? Math.min(...future) : null;
}
