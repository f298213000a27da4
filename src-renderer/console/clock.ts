// The contest clock as the console sees it: the core's ConsoleClock (with its serverTime) read
// against this machine's clock, so the dashboard ticks every second without asking the core.
import type { ConsoleClock } from '../../src-main/shared/judgeApi.ts';

/** The server clock minus the local clock, from one request (the server read its clock about half-way). */
export function clockOffset(serverTime: number, sentAt: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

export type ContestPhase = 'unscheduled' | 'before' | 'running' | 'over';

export interface ClockReading {
  phase: ContestPhase;
  /** Contest time now (negative before the start), null when unknown. */
  contestTimeMs: number | null;
  /** Until the start (before) or until the end (running), else null. */
  countdownMs: number | null;
  /** The public scoreboard is frozen now (from the freeze until judges release it). */
  frozen: boolean;
  thawed: boolean;
}

/** Reads the clock at local time `localNow`, `offsetMs` being the server clock minus the local clock. */
export function readClock(clock: ConsoleClock, offsetMs: number, localNow: number): ClockReading {
  const { startTime, durationMs, freezeMs, thawed } = clock;
  if (startTime === null) {
    // Unscheduled: trust the core's flags as they were when it sent them.
    const phase: ContestPhase = clock.ended ? 'over' : clock.started ? 'running' : 'unscheduled';
    return { phase, contestTimeMs: null, countdownMs: null, frozen: clock.frozen && !thawed, thawed };
  }
  const contestTimeMs = localNow + offsetMs - startTime;
  const pastFreeze = freezeMs > 0 && contestTimeMs >= durationMs - freezeMs;
  if (contestTimeMs < 0) return { phase: 'before', contestTimeMs, countdownMs: -contestTimeMs, frozen: false, thawed };
  if (contestTimeMs >= durationMs) return { phase: 'over', contestTimeMs, countdownMs: null, frozen: pastFreeze && !thawed, thawed };
  return { phase: 'running', contestTimeMs, countdownMs: durationMs - contestTimeMs, frozen: pastFreeze && !thawed, thawed };
}
