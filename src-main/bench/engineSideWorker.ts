// Child process for the engine-side measurement: judges the jobs it is sent with judgeSubmission in
// its own process (no judgehost, no IPC per test) and sends back the progress timestamps at the end.
import type { JudgeResult } from '../common/results.ts';
import type { JudgeJob } from '../common/judgehostProtocol.ts';
import { InProcessJudge } from './inProcess.ts';

export interface EngineSideRequest {
  jobs: JudgeJob[];
}

export interface EngineSideRun {
  result: JudgeResult;
  running: number[];
  tested: number[];
}

export type EngineSideReply =
  | { type: 'done'; runs: EngineSideRun[]; sandbox: string; spawn: { runs: number; spawnBlockMsP50: number; spawnBlockMsP99: number; spawnBlockMsMax: number } }
  | { type: 'error'; message: string };

function reply(message: EngineSideReply): void {
  process.send?.(message);
}

async function run(request: EngineSideRequest): Promise<void> {
  let judge: InProcessJudge | null = null;
  try {
    judge = await InProcessJudge.create();
    const runs: EngineSideRun[] = [];
    for (const job of request.jobs) {
      const { result, recorder } = await judge.judge(job);
      runs.push({ result, running: recorder.running, tested: recorder.tested });
    }
    reply({ type: 'done', runs, sandbox: judge.sandboxLevel, spawn: judge.spawnStats() });
  } catch (error) {
    reply({ type: 'error', message: (error as Error).stack ?? String(error) });
  } finally {
    judge?.dispose();
    process.disconnect?.();
  }
}

process.once('message', (request: EngineSideRequest) => {
  // run() replies with its own failures; one in its cleanup still reaches the bench as an error.
  run(request).catch((error: unknown) => reply({ type: 'error', message: (error as Error).stack ?? String(error) }));
});
