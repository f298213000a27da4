// The contest clock as the console sees it: the core's ConsoleClock (with its serverTime) read
// against this machine's clock, so the dashboard ticks every second without asking the core.
import type { ConsoleClock } from '../../src-main/shared/judgeApi.ts';
import { readSchedule, type ContestPhase, type ContestReading } from '../shared/clock.ts';

/** `frozen`: the public scoreboard is frozen now (from the freeze until judges release it). */
export interface ClockReading extends ContestReading {
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
  const { phase, contestTimeMs, countdownMs, pastFreeze } = readSchedule({ startTime, durationMs, freezeMs }, localNow + offsetMs);
  return { phase, contestTimeMs, countdownMs, frozen: pastFreeze && !thawed, thawed };
}
