// Run throughput: with W workers, W long submissions judged at once (one per worker); test runs
// completed per second are counted only in the window where every worker is running tests
// (after the last compile ended, before the first submission ran out of tests), so compiles do
// not dilute the figure. An end-to-end figure (many short submissions, compiles included) too.
import type { JudgeEngine } from '../judging/engine.ts';
import type { BenchPackage } from './fixture.ts';
import { LoopMonitor, type LoopDelay } from './loopBlock.ts';
import { processCpuMs, round, spawnedCpuMs } from './stats.ts';
import { judgeTimed, notAllAccepted, type JobTimeline } from './timeline.ts';

export interface ThroughputResult {
  workers: number;
  submissions: number;
  testsPerSubmission: number;
  /** Steady window where all workers ran tests (ms) and the runs completed in it. */
  windowMs: number;
  runsInWindow: number;
  runsPerSecond: number;
  /** CPU per test run over the whole phase (compiles subtracted): the judgehost itself, and what it
   *  started (slot hosts and their runs: runner, sandbox init, program), from /proc; null when unreadable. */
  cpuPerRunMs: { judgehost: number; spawned: number; parent: number } | null;
  parentLoop: LoopDelay;
}

export interface EndToEndResult {
  workers: number;
  submissions: number;
  testsPerSubmission: number;
  wallMs: number;
  testRunsPerSecond: number;
  submissionsPerSecond: number;
}

function check(timelines: JobTimeline[], expectedTests: number, failures: string[], what: string): void {
  for (const t of timelines) {
    const problem = notAllAccepted(t.result, expectedTests);
    if (problem) failures.push(`${what} (job ${t.jobId}): ${problem}`);
  }
}

export async function measureThroughput(engine: JudgeEngine, pkg: BenchPackage, workers: number, failures: string[]): Promise<ThroughputResult> {
  engine.pool.setWorkers(workers);
  const tests = pkg.inputs.length;
  const hostPid = engine.host.pid;
  const cpuBefore = hostPid ? processCpuMs(hostPid) : null;
  const spawnedBefore = hostPid ? spawnedCpuMs(hostPid) : null;
  const parentBefore = process.cpuUsage();
  const monitor = new LoopMonitor().start();
  const timelines = await Promise.all(Array.from({ length: workers }, () => judgeTimed(engine, pkg.job())));
  const parentLoop = monitor.stop();
  const parentCpu = process.cpuUsage(parentBefore);
  const cpuAfter = hostPid ? processCpuMs(hostPid) : null;
  const spawnedAfter = hostPid ? spawnedCpuMs(hostPid) : null;
  check(timelines, tests, failures, `throughput, ${workers} worker(s)`);
  const start = Math.max(...timelines.map((t) => t.running[0] ?? Infinity));
  const end = Math.min(...timelines.map((t) => t.tested.at(-1) ?? -Infinity));
  let runs = 0;
  for (const t of timelines) for (const stamp of t.tested) if (stamp > start && stamp <= end) runs++;
  const windowMs = end - start;
  const totalRuns = timelines.reduce((n, t) => n + t.result.tests.length, 0);
  const compileCpu = timelines.reduce((n, t) => n + t.result.compile.timeMs, 0);
  const cpuPerRunMs =
    cpuBefore && cpuAfter && spawnedBefore !== null && spawnedAfter !== null && totalRuns > 0
      ? {
          judgehost: round((cpuAfter.self - cpuBefore.self) / totalRuns, 2),
          spawned: round((spawnedAfter - spawnedBefore - compileCpu) / totalRuns, 2),
          parent: round((parentCpu.user + parentCpu.system) / 1000 / totalRuns, 2),
        }
      : null;
  return {
    workers,
    submissions: workers,
    testsPerSubmission: tests,
    windowMs: round(windowMs),
    runsInWindow: runs,
    runsPerSecond: windowMs > 0 ? round((runs * 1000) / windowMs, 1) : 0,
    cpuPerRunMs,
    parentLoop,
  };
}

export async function measureEndToEnd(engine: JudgeEngine, pkg: BenchPackage, workers: number, submissions: number, failures: string[]): Promise<EndToEndResult> {
  engine.pool.setWorkers(workers);
  const tests = pkg.inputs.length;
  const start = performance.now();
  const timelines = await Promise.all(Array.from({ length: submissions }, () => judgeTimed(engine, pkg.job())));
  const wallMs = performance.now() - start;
  check(timelines, tests, failures, `end-to-end, ${workers} worker(s)`);
  return {
    workers,
    submissions,
    testsPerSubmission: tests,
    wallMs: round(wallMs),
    testRunsPerSecond: round((submissions * tests * 1000) / wallMs, 1),
    submissionsPerSecond: round((submissions * 1000) / wallMs, 2),
  };
}
