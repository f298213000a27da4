// The verdict a run's measurements decide, before any output is checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyRun, starvedByMachine, type RunLimits } from './classify.ts';
import type { RunMeasurement } from './runner/runInPty.ts';

const limits: RunLimits = { timeLimitMs: 1000, memoryLimitKb: 256 * 1024, outputLimitBytes: 8 << 20, memoryMode: 'rlimit' };
const clean: RunMeasurement = { exitCode: 0, signal: 0, cpuMs: 10, wallMs: 12, memoryKb: 2048, wallTimeout: false, cpuTimeout: false, runDelayMs: 0, sandbox: 'full', memoryKilled: false, groupMemoryKb: 0 };

function verdictOf(m: Partial<RunMeasurement>, extra: { outputBytes?: number; stderrTail?: string; limits?: Partial<RunLimits> } = {}) {
  return classifyRun({ measurement: { ...clean, ...m }, outputBytes: extra.outputBytes ?? 10, stderrTail: extra.stderrTail ?? '' }, { ...limits, ...extra.limits })?.verdict ?? null;
}

test('a clean run leaves the decision to the output validator', () => {
  assert.equal(verdictOf({}), null);
});

test('time: stopped at the CPU limit, SIGXCPU, the wall-clock limit, a SIGKILL past the CPU limit, or CPU over the limit', () => {
  assert.equal(verdictOf({ signal: 9, cpuTimeout: true, cpuMs: 1003 }), 'TLE');
  assert.equal(verdictOf({ signal: 24, cpuMs: 2000 }), 'TLE');
  assert.equal(verdictOf({ signal: 9, wallTimeout: true, cpuMs: 3 }), 'TLE');
  assert.equal(verdictOf({ signal: 9, cpuMs: 2000 }), 'TLE');
  assert.equal(verdictOf({ cpuMs: 1001 }), 'TLE');
  assert.equal(verdictOf({ cpuMs: 1000 }), null, 'exactly at the limit is allowed');
});

test('output: SIGXFSZ or output at the limit is OLE, even when the runtime then spun until the time limit', () => {
  assert.equal(verdictOf({ signal: 25 }), 'OLE');
  assert.equal(verdictOf({}, { outputBytes: 8 << 20 }), 'OLE');
  assert.equal(verdictOf({ signal: 24, cpuMs: 1000 }, { outputBytes: 8 << 20 }), 'OLE');
});

test('a crash is RTE, and comes before TLE when the program died on its own', () => {
  assert.equal(verdictOf({ exitCode: 3 }), 'RTE');
  assert.equal(verdictOf({ signal: 11 }), 'RTE');
  assert.equal(verdictOf({ signal: 11, cpuMs: 1500 }), 'RTE');
  assert.equal(verdictOf({ signal: 9, cpuMs: 10 }), 'RTE', 'a SIGKILL well under the CPU limit is not a time kill');
});

test('memory: over the limit, a runtime saying so, or a crash near the rlimit', () => {
  assert.equal(verdictOf({ memoryKb: 256 * 1024 + 1 }), 'MLE');
  assert.equal(verdictOf({ exitCode: 1 }, { stderrTail: 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space' }), 'MLE');
  assert.equal(verdictOf({ exitCode: 0 }, { stderrTail: 'MemoryError' }), null, 'a marker alone, without a crash, decides nothing');
  assert.equal(verdictOf({ signal: 11, memoryKb: 0.85 * 256 * 1024 }), 'MLE');
  assert.equal(verdictOf({ signal: 11, memoryKb: 0.5 * 256 * 1024 }), 'RTE');
  assert.equal(verdictOf({ signal: 11, memoryKb: 0.85 * 256 * 1024 }, { limits: { memoryMode: 'heap' } }), 'RTE', 'near-limit crashes count only under an rlimit');
  assert.equal(verdictOf({ memoryKb: 300 * 1024 }, { limits: { memoryMode: 'heap' } }), null, 'JVM/Node overhead above the heap is allowed');
  assert.equal(verdictOf({ memoryKb: 400 * 1024 }, { limits: { memoryMode: 'heap' } }), 'MLE');
});

test('memory: a kill by the run\'s memory cgroup is MLE, whatever the exit status or the CPU used', () => {
  assert.equal(verdictOf({ memoryKilled: true, groupMemoryKb: 300 * 1024 }), 'MLE', 'a child was killed, the parent exited 0');
  assert.equal(verdictOf({ memoryKilled: true, signal: 9, cpuMs: 1000, memoryKb: 10 * 1024 }), 'MLE', 'not mistaken for a kill at the time limit');
  assert.equal(verdictOf({ memoryKilled: true, signal: 25 }), 'OLE', 'the output limit still comes first');
});

test('a run stopped at the wall-clock limit is starved (the judge\'s fault) when it spent its time waiting for a CPU', () => {
  const stopped = { ...clean, signal: 9, wallTimeout: true, wallMs: 2003 };
  assert.equal(starvedByMachine({ ...stopped, cpuMs: 861, runDelayMs: 1130 }, 2000), true, 'runnable most of the time');
  assert.equal(starvedByMachine({ ...stopped, cpuMs: 2, runDelayMs: 0 }, 2000), false, 'asleep: its own doing');
  assert.equal(starvedByMachine({ ...stopped, cpuMs: 700, runDelayMs: 100 }, 2000), false, 'computing and waiting by itself');
  assert.equal(starvedByMachine({ ...stopped, cpuTimeout: true, cpuMs: 1001, runDelayMs: 1500 }, 2000), false, 'stopped at the CPU limit: TLE whatever the delays');
  assert.equal(starvedByMachine({ ...stopped, cpuMs: 1990, runDelayMs: 1900 }, 2000), false, 'its own processes kept it waiting (a fork bomb)');
});
