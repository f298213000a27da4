// What a worker's bar measures. WorkerActivity.startedAt is when the worker took the job (compile
// included), while the bar compares against one test's time limit: so the console starts a test's
// clock itself when it first sees the worker on that test (events arrive within ~33 ms of it).
import type { WorkerActivity } from '../../src-main/shared/judgeApi.ts';

export interface TestClock {
  /** Which job/phase/test the clock belongs to. */
  key: string;
  /** Server-clock epoch ms the phase or test started (as near as the console can tell). */
  since: number;
}

function activityKey(activity: WorkerActivity): string | null {
  switch (activity.state) {
    case 'idle':
      return null;
    case 'compiling':
      return `${activity.submissionId}:compile:${activity.startedAt}`;
    case 'running':
      // Each pass of a multi-pass test has the time limit anew.
      return `${activity.submissionId}:test:${activity.startedAt}:${activity.testIndex}:${activity.pass ?? 1}`;
  }
}

/** The clock for `activity` at server time `now`: the previous one while the same test runs, else a new one. */
export function nextTestClock(previous: TestClock | null, activity: WorkerActivity, now: number): TestClock | null {
  const key = activityKey(activity);
  if (key === null) return null;
  if (previous?.key === key) return previous;
  // Compiling starts with the job: its startedAt is exact.
  return { key, since: activity.state === 'compiling' ? activity.startedAt : now };
}

/** "running test 3 of 20": the core counts tests from 0. */
export const testNumber = (testIndex: number): number => testIndex + 1;
