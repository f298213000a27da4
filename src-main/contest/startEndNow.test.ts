import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readContestClock } from './clock.ts';
import { endNow, startNow } from './startEndNow.ts';

const HOUR_MS = 3_600_000;
const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);

test('Start now: an unscheduled or not yet started contest starts at this moment, its length and freeze kept', () => {
  for (const startTime of [null, T0 + 2 * HOUR_MS]) {
    const change = startNow({ startTime, durationMs: 5 * HOUR_MS, freezeMs: HOUR_MS }, T0);
    assert.deepEqual(change, { times: { startTime: T0, durationMs: 5 * HOUR_MS, freezeMs: HOUR_MS } });
  }
  assert.deepEqual(startNow({ startTime: T0, durationMs: 5 * HOUR_MS, freezeMs: 0 }, T0 + 1000), { refused: 'the contest has already started' });
});

test('End now: the contest is over at this moment; a freeze not begun is dropped, one begun keeps its start', () => {
  const times = { startTime: T0, durationMs: 5 * HOUR_MS, freezeMs: HOUR_MS };
  const early = endNow(times, T0 + 2 * HOUR_MS);
  assert.ok('times' in early);
  assert.deepEqual(early.times, { startTime: T0, durationMs: 2 * HOUR_MS, freezeMs: 0 });
  assert.equal(readContestClock(early.times, T0 + 2 * HOUR_MS).ended, true);
  assert.equal(readContestClock(early.times, T0 + 2 * HOUR_MS - 1).ended, false);

  const inFreeze = endNow(times, T0 + 4.5 * HOUR_MS);
  assert.ok('times' in inFreeze);
  assert.equal(inFreeze.times.durationMs, 4.5 * HOUR_MS);
  assert.equal(readContestClock(inFreeze.times, T0).freezeAtMs, 4 * HOUR_MS, 'the freeze still began at 4:00');
});

test('End now is refused before the start and after the end', () => {
  assert.deepEqual(endNow({ startTime: null, durationMs: HOUR_MS, freezeMs: 0 }, T0), { refused: 'the contest has not started yet' });
  assert.deepEqual(endNow({ startTime: T0, durationMs: HOUR_MS, freezeMs: 0 }, T0 - 1), { refused: 'the contest has not started yet' });
  assert.deepEqual(endNow({ startTime: T0, durationMs: HOUR_MS, freezeMs: 0 }, T0 + HOUR_MS), { refused: 'the contest is already over' });
});
