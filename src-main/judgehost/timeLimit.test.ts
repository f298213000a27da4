// The measured CPU time decides TLE, exactly: a program at 0.9 × the limit is AC and at 1.1 × is TLE
// every time, even with a CPU hog on the other worker slot, and a stopped run still reports the time
// and memory it used. (RLIMIT_CPU's whole seconds once decided: under load the kernel's check fired
// early and 42 of 54 TLE verdicts reported less CPU than the limit.)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { after, before, test } from 'node:test';
import type { JudgeEngine } from '../judging/engine.ts';
import { startEngine, tinyProblem, type TinyProblem } from '../test-support/fixtures.ts';
import { cpuSpinner, SPINNER_TOUCHED_BYTES } from '../test-support/programs.ts';

const LIMIT_MS = 1000;
const RUNS_EACH = 5;
/** Enough busy loops per core that a program gets well under half a core. */
const HOGS_PER_CORE = 6;

let engine: JudgeEngine;
let problem: TinyProblem;

before(async () => {
  engine = await startEngine(2);
  problem = tinyProblem({ tests: { '1': ['', 'done\n'] }, timeLimitMs: LIMIT_MS });
});
after(async () => {
  await engine.close();
  problem.dispose();
});

test(`0.9 × the limit is AC and 1.1 × is TLE, ${RUNS_EACH} of ${RUNS_EACH} each, beside a CPU hog`, { timeout: 180_000 }, async () => {
  for (let run = 0; run < RUNS_EACH; run++) {
    // The two share the machine's two cores with everything else: the hog keeps one of them busy.
    const hog = engine.judge(problem.job('hog.c', cpuSpinner(5000), 'c'));
    const under = await engine.judge(problem.job('under.c', cpuSpinner(0.9 * LIMIT_MS), 'c'));
    assert.equal(under.verdict, 'AC', `run ${run}: 900 ms of CPU: ${JSON.stringify(under.tests[0])}`);
    const over = await engine.judge(problem.job('over.c', cpuSpinner(1.1 * LIMIT_MS), 'c'));
    assert.equal(over.verdict, 'TLE', `run ${run}: 1100 ms of CPU: ${JSON.stringify(over.tests[0])}`);
    // Stopped by the judge, it still reports what it used: past the limit, by little, and its memory.
    const t = over.tests[0];
    assert.ok(t.timeMs > LIMIT_MS && t.timeMs < 1.1 * LIMIT_MS, `reported ${t.timeMs} ms`);
    assert.ok(t.memoryKb >= SPINNER_TOUCHED_BYTES / 1024, `reported ${t.memoryKb} KiB`);
    assert.match(t.message, /CPU time limit of 1000 ms exceeded/);
    assert.equal((await hog).verdict, 'TLE');
  }
});

test('a program starved of CPU by an overloaded machine is judged again, never TLE', { timeout: 120_000 }, async () => {
  // Busy loops, each in a session of its own (so each its own scheduling group: the kernel shares a
  // core between groups, whatever their niceness), several per core: the program hardly runs and
  // reaches the wall-clock limit with little CPU used. Once its judging starts again, they stop.
  const hogs = Array.from({ length: HOGS_PER_CORE * availableParallelism() }, () => spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore', detached: true }));
  let attempts = 0;
  try {
    const result = await engine.judge(problem.job('under.c', cpuSpinner(0.5 * LIMIT_MS), 'c'), {
      onProgress: (progress) => {
        if (progress.phase !== 'compiling') return;
        attempts++;
        if (attempts === 2) for (const hog of hogs) hog.kill('SIGKILL');
      },
    });
    assert.equal(result.verdict, 'AC', JSON.stringify(result.tests[0] ?? result.error));
    assert.ok(attempts >= 2, 'the starved run was judged again');
  } finally {
    for (const hog of hogs) hog.kill('SIGKILL');
  }
});

test("a neighbour filling the machine with busy children (each in its own session) cannot slow another worker slot's run", { timeout: 120_000, skip: availableParallelism() < 2 ? 'needs two CPUs: one per worker slot' : false }, async () => {
  // 31 children, each its own session (so its own scheduling group) and spinning for 3 s: before
  // runs were pinned to their slot's CPU, an innocent 0.9 s program beside it got TLE 4 times of 4.
  const neighbour = `#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  for (int i = 0; i < 31; i++) if (fork() == 0) {
    setsid();
    struct timespec start, now; clock_gettime(CLOCK_MONOTONIC, &start);
    do clock_gettime(CLOCK_MONOTONIC, &now); while (now.tv_sec - start.tv_sec < 3);
    _exit(0);
  }
  while (wait(0) > 0) {}
  return 0;
}
`;
  for (let run = 0; run < 3; run++) {
    let attempts = 0;
    const hog = engine.judge(problem.job('neighbour.c', neighbour, 'c'));
    const innocent = await engine.judge(problem.job('innocent.c', cpuSpinner(0.9 * LIMIT_MS), 'c'), {
      onProgress: (progress) => void (progress.phase === 'compiling' && attempts++),
    });
    assert.equal(innocent.verdict, 'AC', `run ${run}: ${JSON.stringify(innocent.tests[0] ?? innocent.error)}`);
    assert.equal(attempts, 1, `run ${run}: the innocent run was starved and judged again`);
    await hog;
  }
});
