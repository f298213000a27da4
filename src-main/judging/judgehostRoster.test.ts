import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JUDGEHOST_TIMEOUT_MS, JudgehostRoster } from './judgehostRoster.ts';
import { isOffSpeed, speedFactor } from './calibration.ts';

const beat = (name: string, workers = 2, extra = {}) => ({ name, workers, busy: 0, ...extra });

test('a heartbeat adds a live judgehost whose workers count; its details are kept', () => {
  const roster = new JudgehostRoster();
  assert.deepEqual(roster.heartbeat(beat('a', 2, { sandbox: 'full', languages: ['c'], calibrationMs: 90, judgementIds: ['7'] }), 1000), { mode: 'active', joined: true });
  assert.deepEqual(roster.heartbeat(beat('b', 3), 1000), { mode: 'active', joined: true });
  assert.equal(roster.capacity, 5);
  const [a] = roster.list();
  assert.deepEqual(a, { name: 'a', workers: 2, busy: 0, sandbox: 'full', languages: ['c'], calibrationMs: 90, judgementIds: ['7'], state: 'live', seenAt: 1000, goneAt: null, judged: 0 });
  assert.equal(roster.heartbeat(beat('a'), 2000).joined, false);
});

test('a language counts the workers of the live active judgehosts that have it; every one takes answer files', () => {
  const roster = new JudgehostRoster();
  roster.heartbeat(beat('a', 2, { languages: ['c', 'python'] }), 0);
  roster.heartbeat(beat('b', 3, { languages: ['c'] }), 0);
  assert.equal(roster.capacityFor('c'), 5);
  assert.equal(roster.capacityFor('python'), 2);
  assert.equal(roster.capacityFor('kotlin'), 0);
  assert.equal(roster.capacityFor('answer'), 5);
  roster.setMode('a', 'paused');
  assert.equal(roster.capacityFor('python'), 0, 'a paused judgehost takes nothing');
  roster.setMode('a', 'active');
  roster.expire(JUDGEHOST_TIMEOUT_MS + 1);
  assert.equal(roster.capacityFor('c'), 0, 'gone judgehosts take nothing');
});

test("a live judgehost's name is taken for another process; free again once it is gone or when it is the same process", () => {
  const roster = new JudgehostRoster();
  roster.heartbeat(beat('a', 1, { instance: 'one' }), 0);
  assert.equal(roster.nameTaken(beat('a', 1, { instance: 'two' })), true);
  assert.equal(roster.nameTaken(beat('a', 1, { instance: 'one' })), false);
  assert.equal(roster.nameTaken(beat('b', 1, { instance: 'two' })), false);
  roster.expire(JUDGEHOST_TIMEOUT_MS + 1);
  assert.equal(roster.nameTaken(beat('a', 1, { instance: 'two' })), false, 'a restarted judgehost takes its name back once the old one is gone');
});

test('a judgehost paused before the server restarted is paused from its first heartbeat, once', () => {
  const roster = new JudgehostRoster();
  roster.pauseOnArrival('a');
  assert.deepEqual(roster.heartbeat(beat('a'), 0), { mode: 'paused', joined: true });
  assert.equal(roster.capacity, 0);
  roster.setMode('a', 'active');
  roster.expire(JUDGEHOST_TIMEOUT_MS + 1);
  assert.equal(roster.heartbeat(beat('a'), JUDGEHOST_TIMEOUT_MS + 2).mode, 'active', 'resumed by a judge since: it comes back active');
});

test('paused and draining judgehosts leave the capacity at once and learn the order from their next heartbeat; resumed, they count again', () => {
  const roster = new JudgehostRoster();
  roster.heartbeat(beat('a'), 0);
  roster.heartbeat(beat('b'), 0);
  assert.equal(roster.setMode('a', 'paused'), true);
  assert.equal(roster.capacity, 2);
  assert.equal(roster.list().find((j) => j.name === 'a')?.state, 'paused');
  assert.equal(roster.heartbeat(beat('a'), 100).mode, 'paused');
  roster.setMode('b', 'draining');
  assert.equal(roster.capacity, 0);
  assert.equal(roster.heartbeat(beat('b'), 100).mode, 'draining');
  roster.setMode('a', 'active');
  assert.equal(roster.capacity, 2);
  assert.equal(roster.heartbeat(beat('a'), 200).mode, 'active');
  assert.equal(roster.setMode('nobody', 'paused'), false);
});

test('a silent judgehost is gone after the timeout: listed with when, without workers or judgings; a heartbeat brings it back', () => {
  const roster = new JudgehostRoster();
  roster.heartbeat(beat('a', 2, { judgementIds: ['3'] }), 0);
  assert.deepEqual(roster.expire(JUDGEHOST_TIMEOUT_MS), [], 'not yet at the timeout itself');
  assert.deepEqual(roster.expire(JUDGEHOST_TIMEOUT_MS + 1), ['a']);
  assert.deepEqual(roster.expire(JUDGEHOST_TIMEOUT_MS + 5000), [], 'gone once, not again');
  const [gone] = roster.list();
  assert.equal(gone.state, 'gone');
  assert.equal(gone.goneAt, JUDGEHOST_TIMEOUT_MS + 1);
  assert.deepEqual(gone.judgementIds, []);
  assert.equal(roster.capacity, 0);
  assert.deepEqual(roster.heartbeat(beat('a'), 20_000), { mode: 'active', joined: true });
  assert.equal(roster.list()[0].state, 'live');
  assert.equal(roster.capacity, 2);
});

test('a drained judgehost that comes back after maintenance judges again; a paused one stays paused', () => {
  const roster = new JudgehostRoster();
  roster.heartbeat(beat('drained'), 0);
  roster.heartbeat(beat('paused'), 0);
  roster.setMode('drained', 'draining');
  roster.setMode('paused', 'paused');
  roster.expire(JUDGEHOST_TIMEOUT_MS + 1);
  assert.equal(roster.heartbeat(beat('drained'), 60_000).mode, 'active');
  assert.equal(roster.heartbeat(beat('paused'), 60_000).mode, 'paused');
  assert.equal(roster.capacity, 2);
});

test('results are counted per judgehost', () => {
  const roster = new JudgehostRoster();
  roster.heartbeat(beat('a'), 0);
  roster.judgedBy('a');
  roster.judgedBy('a');
  roster.judgedBy('unknown');
  assert.equal(roster.list()[0].judged, 2);
});

test('the speed factor is a calibration over the local one, flagged beyond 10 % either way', () => {
  assert.equal(speedFactor(110, 100), 1.1);
  assert.equal(speedFactor(null, 100), null);
  assert.equal(speedFactor(100, null), null);
  assert.equal(isOffSpeed(speedFactor(110, 100)), false, 'exactly 10 % is within');
  assert.equal(isOffSpeed(speedFactor(111, 100)), true);
  assert.equal(isOffSpeed(speedFactor(89, 100)), true);
  assert.equal(isOffSpeed(speedFactor(95, 100)), false);
  assert.equal(isOffSpeed(null), false);
});
