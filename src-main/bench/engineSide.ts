// Engine-side per-test time without the IPC hop: the judging code run in a fresh child process
// (engineSideWorker.ts) that stamps progress synchronously and reports once at the end.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchPackage } from './fixture.ts';
import type { EngineSideReply, EngineSideRequest } from './engineSideWorker.ts';
import { distribution, round, type Distribution } from './stats.ts';
import { cycleMs, notAllAccepted, perTestMs } from './timeline.ts';

export interface EngineSideOverhead {
  sandbox: string;
  perTest: Distribution;
  cycle: Distribution;
  /** Event-loop block starting each run in that process (its compiles included). */
  spawnBlockMsP50: number;
  spawnBlockMsP99: number;
  spawnBlockMsMax: number;
}

function runWorker(request: EngineSideRequest): Promise<Extract<EngineSideReply, { type: 'done' }>> {
  const child = fork(fileURLToPath(new URL('./engineSideWorker.ts', import.meta.url)), [], {
    execPath: process.execPath,
    // Same heap flags as the judgehost (judging/judgehostClient.ts), so that the figures compare (a slot
    // host is started with pty.spawn, which forks the whole process).
    execArgv: ['--max-semi-space-size=1'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let replied = false;
    child.once('message', (message: EngineSideReply) => {
      replied = true;
      if (message.type === 'done') resolve(message);
      else reject(new Error(message.message));
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (!replied) reject(new Error(`engine-side worker exited (code ${code}, signal ${signal}) without a reply`));
    });
    child.send(request);
  });
}

export async function measureEngineSide(pkg: BenchPackage, warmup: BenchPackage, failures: string[]): Promise<EngineSideOverhead> {
  const reply = await runWorker({ jobs: [warmup.job(), pkg.job()] });
  const [warm, run] = reply.runs;
  const warmProblem = notAllAccepted(warm.result, warmup.inputs.length);
  if (warmProblem) failures.push(`engine-side warm-up: ${warmProblem}`);
  const problem = notAllAccepted(run.result, pkg.inputs.length);
  if (problem) failures.push(`overhead package, engine-side: ${problem}`);
  return {
    sandbox: reply.sandbox,
    perTest: distribution(perTestMs(run.running, run.tested)),
    cycle: distribution(cycleMs(run.tested)),
    spawnBlockMsP50: round(reply.spawn.spawnBlockMsP50),
    spawnBlockMsP99: round(reply.spawn.spawnBlockMsP99),
    spawnBlockMsMax: round(reply.spawn.spawnBlockMsMax),
  };
}
