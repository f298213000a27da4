// The contest clock as a page sees it: the server's clock (from one request's round trip) and the
// contest's schedule, read against the local clock so the time ticks without asking the server.
import { formatCountdown } from './format.ts';

/**
 * The server clock minus the local clock, from one request: the server read its clock roughly
 * half-way through the round trip.
 */
export function clockOffset(serverTime: number, sentAt: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

export type ContestPhase = 'unscheduled' | 'before' | 'running' | 'over';

export interface ContestReading {
  phase: ContestPhase;
  /** Contest time now (negative before the start), null when unscheduled. */
  contestTimeMs: number | null;
  /** Until the start (before) or until the end (running), else null. */
  countdownMs: number | null;
  frozen: boolean;
}

export interface Schedule {
  startTime: number;
  durationMs: number;
  freezeMs: number;
}

export interface ScheduleReading {
  phase: Exclude<ContestPhase, 'unscheduled'>;
  contestTimeMs: number;
  countdownMs: number | null;
  /** In the freeze or after it (never before the start). */
  pastFreeze: boolean;
}

/** A scheduled contest at server time `serverNow`. */
export function readSchedule(schedule: Schedule, serverNow: number): ScheduleReading {
  const { startTime, durationMs, freezeMs } = schedule;
  const contestTimeMs = serverNow - startTime;
  const pastFreeze = freezeMs > 0 && contestTimeMs >= durationMs - freezeMs;
  if (contestTimeMs < 0) return { phase: 'before', contestTimeMs, countdownMs: -contestTimeMs, pastFreeze: false };
  if (contestTimeMs >= durationMs) return { phase: 'over', contestTimeMs, countdownMs: null, pastFreeze };
  return { phase: 'running', contestTimeMs, countdownMs: durationMs - contestTimeMs, pastFreeze };
}

/** The clock in words ('' without a reading); each place words the running contest its own way. */
export function clockText(reading: ContestReading | null, running: (reading: ContestReading) => string): string {
  if (!reading) return '';
  switch (reading.phase) {
    case 'unscheduled':
      return 'Not scheduled';
    case 'before':
      return `Starts in ${formatCountdown(reading.countdownMs ?? 0)}`;
    case 'running':
      return running(reading);
    case 'over':
      return 'Contest over';
  }
}
