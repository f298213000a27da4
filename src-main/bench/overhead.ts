// Per-test overhead: the time the judge takes per trivial test, against the same program run from a
// plain shell loop. Three judge-side views of the same work:
//  - through the engine (judgehost child, 1 worker): 'running' k -> 'tested' k as the parent receives
//    the progress events (IPC hop included), and the tested->tested cycle;
//  - engine-side without IPC: judgeSubmission run in this process, callbacks stamped synchronously;
//  - the program's own wall time as the runner measured it (inside the sandbox).
import type { JudgeEngine } from '../judge/engine.ts';
import type { BenchPackage } from './fixture.ts';
import type { InProcessJudge } from './inProcess.ts';
import { LoopMonitor, type LoopDelay } from './loopBlock.ts';
import { distribution, round, type Distribution } from './stats.ts';
import { cycleMs, judgeTimed, notAllAccepted, perTestMs } from './timeline.ts';

export interface EngineOverhead {
  tests: number;
  perTest: Distribution;
  cycle: Distribution;
  /** Submit -> first 'running' (queueing, compile, IPC) and submit -> done. */
  untilFirstTestMs: number;
  totalMs: number;
  compileCpuMs: number;
  /** Program wall / CPU time as the runner measured them. */
  programWall: Distribution;
  programCpu: Distribution;
  parentLoop: LoopDelay;
}

export interface EngineSideOverhead {
  sandbox: string;
  perTest: Distribution;
  cycle: Distribution;
  /** pty.spawn block in this process (compile included). */
  spawnBlockMsP50: number;
  spawnBlockMsP99: number;
  spawnBlockMsMax: number;
}

export async function measureEngineOverhead(engine: JudgeEngine, pkg: BenchPackage, failures: string[]): Promise<EngineOverhead> {
  engine.pool.setWorkers(1);
  const tests = pkg.inputs.length;
  const monitor = new LoopMonitor().start();
  const t = await judgeTimed(engine, pkg.job());
  const parentLoop = monitor.stop();
  const problem = notAllAccepted(t.result, tests);
  if (problem) failures.push(`overhead package through the engine: ${problem}`);
  return {
    tests,
    perTest: distribution(perTestMs(t.running, t.tested)),
    cycle: distribution(cycleMs(t.tested)),
    untilFirstTestMs: round((t.running[0] ?? t.doneAt) - t.submittedAt),
    totalMs: round(t.doneAt - t.submittedAt),
    compileCpuMs: t.result.compile.timeMs,
    programWall: distribution(t.result.tests.map((x) => x.wallMs)),
    programCpu: distribution(t.result.tests.map((x) => x.timeMs)),
    parentLoop,
  };
}

export async function measureEngineSide(judge: InProcessJudge, pkg: BenchPackage, warmup: BenchPackage, failures: string[]): Promise<EngineSideOverhead> {
  const warm = await judge.judge(warmup.job());
  const warmProblem = notAllAccepted(warm.result, warmup.inputs.length);
  if (warmProblem) failures.push(`in-process warm-up: ${warmProblem}`);
  const run = await judge.judge(pkg.job());
  const problem = notAllAccepted(run.result, pkg.inputs.length);
  if (problem) failures.push(`overhead package in-process: ${problem}`);
  const spawn = judge.spawnStats();
  return {
    sandbox: judge.sandboxLevel,
    perTest: distribution(perTestMs(run.recorder.running, run.recorder.tested)),
    cycle: distribution(cycleMs(run.recorder.tested)),
    spawnBlockMsP50: round(spawn.spawnBlockMsP50),
    spawnBlockMsP99: round(spawn.spawnBlockMsP99),
    spawnBlockMsMax: round(spawn.spawnBlockMsMax),
  };
}
