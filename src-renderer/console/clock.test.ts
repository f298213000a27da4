import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConsoleClock } from '../../src-main/shared/judgeApi.ts';
import { readClock } from './clock.ts';

const HOUR = 3_600_000;
const START = Date.UTC(2025, 4, 1, 9, 0, 0);

const clock = (patch: Partial<ConsoleClock> = {}): ConsoleClock => ({
  startTime: START,
  durationMs: 5 * HOUR,
  freezeMs: HOUR,
  penaltyMinutes: 20,
  serverTime: START,
  started: false,
  frozen: false,
  ended: false,
  thawed: false,
  ...patch,
});

test('before, running, frozen, over', () => {
  assert.deepEqual(readClock(clock(), 0, START - 60_000), { phase: 'before', contestTimeMs: -60_000, countdownMs: 60_000, frozen: false, thawed: false });
  assert.deepEqual(readClock(clock(), 0, START + HOUR), { phase: 'running', contestTimeMs: HOUR, countdownMs: 4 * HOUR, frozen: false, thawed: false });
  assert.equal(readClock(clock(), 0, START + 4 * HOUR).frozen, true);
  assert.deepEqual(readClock(clock(), 0, START + 6 * HOUR), { phase: 'over', contestTimeMs: 6 * HOUR, countdownMs: null, frozen: true, thawed: false });
});

test('released (thawed) is never frozen; no freeze time is never frozen', () => {
  assert.equal(readClock(clock({ thawed: true }), 0, START + 6 * HOUR).frozen, false);
  assert.equal(readClock(clock({ freezeMs: 0 }), 0, START + 4.9 * HOUR).frozen, false);
});

test('the offset corrects a local clock that runs behind', () => {
  // Local clock 30 s behind the server's: at local START - 30 s the contest has started.
  assert.equal(readClock(clock(), 30_000, START - 30_000).phase, 'running');
});

test('unscheduled: the core’s flags as sent', () => {
  assert.equal(readClock(clock({ startTime: null }), 0, START).phase, 'unscheduled');
  assert.equal(readClock(clock({ startTime: null, started: true }), 0, START).phase, 'running');
  assert.equal(readClock(clock({ startTime: null, started: true, ended: true }), 0, START).phase, 'over');
});
