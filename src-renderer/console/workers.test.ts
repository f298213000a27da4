import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkerActivity } from '../../src-main/shared/judgeApi.ts';
import { nextTestClock, testNumber } from './workers.ts';

const running = (testIndex: number, startedAt = 1000): WorkerActivity => ({ state: 'running', submissionId: '7', startedAt, testIndex, testCount: 3, testName: `t${testIndex}`, timeLimitMs: 1000 });

test('a test’s clock starts when the console first sees it, and keeps running while the test does', () => {
  const compiling: WorkerActivity = { state: 'compiling', submissionId: '7', startedAt: 1000 };
  let clock = nextTestClock(null, compiling, 1500);
  assert.equal(clock!.since, 1000, 'compiling counts from the job’s start');
  clock = nextTestClock(clock, running(0), 2400);
  assert.equal(clock!.since, 2400);
  const same = nextTestClock(clock, running(0), 3000);
  assert.equal(same, clock);
  clock = nextTestClock(clock, running(1), 3100);
  assert.equal(clock!.since, 3100);
  assert.equal(nextTestClock(clock, { state: 'idle' }, 4000), null);
  // A rejudge of the same submission on the same test index is a new job (new startedAt).
  assert.equal(nextTestClock(clock, running(1, 5000), 5200)!.since, 5200);
});

test('each pass of a multi-pass test starts its clock anew (the time limit holds per pass)', () => {
  const pass = (n: number): WorkerActivity => ({ state: 'running', submissionId: '7', startedAt: 1000, testIndex: 0, testCount: 3, testName: 't0', timeLimitMs: 1000, pass: n });
  const first = nextTestClock(null, pass(1), 2000);
  assert.equal(nextTestClock(first, pass(1), 2500), first);
  assert.equal(nextTestClock(first, pass(2), 2600)!.since, 2600);
});

test('tests are numbered from 1 for people', () => {
  assert.equal(testNumber(0), 1);
});
