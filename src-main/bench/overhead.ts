// Per-test overhead: the time the judge takes per trivial test, against the same program run from a
// plain shell loop. Three judge-side views of the same work:
//  - through the engine (judgehost child, 1 worker): 'running' k -> 'tested' k as the parent receives
//    the progress events (IPC hop included), and the tested->tested cycle;
//  - the program's own wall time as the runner measured it (inside the sandbox).
// (The engine-side figure without IPC is in engineSide.ts.)
import type { JudgeEngine } from '../judging/engine.ts';
import type { BenchPackage } from './fixture.ts';
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
