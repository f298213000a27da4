// The contest clock as this browser sees it: the server's time (PortalOverview.serverTime,
// corrected for the request's round trip) and the contest's start and length. Computed locally
// every second, so the countdown is smooth and flips at the start/end without waiting for the server.
import type { PortalOverview } from '../../src-main/shared/portalApi.ts';

/**
 * The server clock minus the local clock, from one request: the server read its clock roughly
 * half-way through the round trip.
 */
export function clockOffset(serverTime: number, sentAt: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

export type ContestState = 'unscheduled' | 'before' | 'running' | 'over';

export interface ContestClock {
  state: ContestState;
  /** Contest time now (negative before the start), null when unscheduled. */
  contestTimeMs: number | null;
  /** Until the start (before), until the end (running), else null. */
  countdownMs: number | null;
  frozen: boolean;
}

export function contestClock(overview: PortalOverview, offsetMs: number, localNow: number): ContestClock {
  const { contest, phase } = overview;
  const serverNow = localNow + offsetMs;
  if (contest.startTime === null) {
    // No start set: trust the server's phase as sent (it may know better, e.g. a paused clock).
    if (phase.ended) return { state: 'over', contestTimeMs: phase.contestTimeMs, countdownMs: null, frozen: phase.frozen };
    if (phase.started && phase.remainingMs !== null) {
      const remaining = phase.remainingMs - (serverNow - overview.serverTime);
      return { state: remaining > 0 ? 'running' : 'over', contestTimeMs: null, countdownMs: Math.max(0, remaining), frozen: phase.frozen };
    }
    return { state: 'unscheduled', contestTimeMs: null, countdownMs: null, frozen: false };
  }
  const contestTimeMs = serverNow - contest.startTime;
  const frozen = contest.freezeMs > 0 && contestTimeMs >= contest.durationMs - contest.freezeMs;
  if (contestTimeMs < 0) return { state: 'before', contestTimeMs, countdownMs: -contestTimeMs, frozen: false };
  if (contestTimeMs >= contest.durationMs) return { state: 'over', contestTimeMs, countdownMs: null, frozen };
  return { state: 'running', contestTimeMs, countdownMs: contest.durationMs - contestTimeMs, frozen };
}

/** Server time of the next start/freeze/end after now, when the page should ask the server again. */
export function nextBoundary(overview: PortalOverview, serverNow: number): number | null {
  const { startTime, durationMs, freezeMs } = overview.contest;
  if (startTime === null) return null;
  const marks = [startTime, startTime + durationMs - (freezeMs > 0 ? freezeMs : durationMs), startTime + durationMs];
  const future = marks.filter((t) => t > serverNow);
  return future.length > 0 ? Math.min(...future) : null;
}
