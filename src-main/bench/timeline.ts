// Judges a job through the engine and stamps every progress event as the parent receives it.
import type { JudgeEngine } from '../judging/engine.ts';
import type { JudgeProgress, JudgeResult } from '../common/results.ts';
import type { JudgeJob } from '../common/judgehostProtocol.ts';

export interface JobTimeline {
  jobId: string;
  result: JudgeResult;
  submittedAt: number;
  compilingAt: number | null;
  /** performance.now() when 'running' / 'tested' for test k arrived. */
  running: number[];
  tested: number[];
  doneAt: number;
}

/** Records progress timestamps; shared by the engine runs and the in-process run. */
export class ProgressRecorder {
  compilingAt: number | null = null;
  readonly running: number[] = [];
  readonly tested: number[] = [];

  onProgress = (progress: JudgeProgress): void => {
    const now = performance.now();
    if (progress.phase === 'compiling') this.compilingAt = now;
    else if (progress.phase === 'running') this.running[progress.testIndex] = now;
    else this.tested[progress.testIndex] = now;
  };
}

export async function judgeTimed(engine: JudgeEngine, job: JudgeJob): Promise<JobTimeline> {
  const recorder = new ProgressRecorder();
  const submittedAt = performance.now();
  const result = await engine.judge(job, { onProgress: recorder.onProgress });
  return {
    jobId: job.id,
    result,
    submittedAt,
    compilingAt: recorder.compilingAt,
    running: recorder.running,
    tested: recorder.tested,
    doneAt: performance.now(),
  };
}

/** Per-test wall time as the parent sees it: 'running' k -> 'tested' k. */
export function perTestMs(running: number[], tested: number[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < tested.length; k++) if (running[k] !== undefined && tested[k] !== undefined) out.push(tested[k] - running[k]);
  return out;
}

/** Per-test cycle: 'tested' k-1 -> 'tested' k (everything between two results, loop bookkeeping included). */
export function cycleMs(tested: number[]): number[] {
  const out: number[] = [];
  for (let k = 1; k < tested.length; k++) if (tested[k] !== undefined && tested[k - 1] !== undefined) out.push(tested[k] - tested[k - 1]);
  return out;
}

/** Describes why a result is not the all-AC one the benchmark needs (null when it is). */
export function notAllAccepted(result: JudgeResult, expectedTests: number): string | null {
  if (result.verdict !== 'AC') {
    const failing = result.tests.find((t) => t.verdict !== 'AC');
    const why = result.error ?? (failing ? `${failing.name}: ${failing.verdict} ${failing.message}` : result.compile.output.slice(0, 500));
    return `verdict ${result.verdict}: ${why}`;
  }
  if (result.tests.length !== expectedTests) return `ran ${result.tests.length} of ${expectedTests} tests`;
  return null;
}
