// The judging engine as the rest of the core sees it: a judgehost child process behind a worker pool.
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { JobListener, JudgehostOptions } from './judgehostClient.ts';
import { JudgehostSupervisor } from './judgehostSupervisor.ts';
import type { JudgeJob, LanguageInfo } from '../common/judgehostProtocol.ts';
import { WorkerPool } from './workerPool.ts';
import { UnsandboxedError } from '../common/sandboxInfo.ts';
import type { JudgeResult } from '../common/results.ts';
import type { ProblemPackage } from '../common/types.ts';
import { DEFAULT_TIME_LIMIT_MS } from '../package/readPackage.ts';
import { scaledTimeLimitMs } from '../common/timeFactors.ts';

export class JudgeEngine {
  readonly host: JudgehostSupervisor;
  readonly pool: WorkerPool;

  private constructor(host: JudgehostSupervisor, pool: WorkerPool) {
    this.host = host;
    this.pool = pool;
  }

  /**
   * Starts a judgehost with `workers` workers (default: one per core). Where no sandbox can be built
   * (or VERDICT_SANDBOX=none switches it off), throws UnsandboxedError unless `allowUnsandboxed`.
   */
  static async start(options: { workers?: number; host?: JudgehostOptions; allowUnsandboxed?: boolean } = {}): Promise<JudgeEngine> {
    const host = await JudgehostSupervisor.start(options.host);
    if (host.sandbox.level === 'none' && !options.allowUnsandboxed) {
      await host.close();
      throw new UnsandboxedError(host.sandbox.description);
    }
    return new JudgeEngine(host, new WorkerPool(host, { workers: options.workers ?? availableParallelism() }));
  }

  get languages(): LanguageInfo[] {
    return this.host.languages;
  }

  judge(job: JudgeJob, listener?: JobListener): Promise<JudgeResult> {
    return this.pool.submit(job, listener);
  }

  close(): Promise<void> {
    return this.host.close();
  }
}

let jobSequence = 0;

/**
 * A job for one source file against a package. `timeLimitMs` replaces the package's limit;
 * `timeFactor` (a contest's for the language, common/languages.ts) multiplies whichever holds.
 */
export function jobFor(pkg: ProblemPackage, sourcePath: string, languageId: string, options: { timeLimitMs?: number; timeFactor?: number; runAllTests?: boolean } = {}): JudgeJob {
  const timeLimitMs = options.timeLimitMs ?? pkg.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  return {
    id: `${process.pid}-${++jobSequence}`,
    sourcePath,
    fileName: basename(sourcePath),
    languageId,
    problem: {
      id: pkg.id,
      testCases: pkg.testCases,
      testGroups: pkg.testGroups,
      timeLimitMs: options.timeFactor === undefined ? timeLimitMs : scaledTimeLimitMs(timeLimitMs, options.timeFactor),
      memoryLimitMb: pkg.memoryLimitMb,
      outputLimitMb: pkg.outputLimitMb,
      validation: pkg.validation,
      interactive: pkg.interactive,
      multiPassLimit: pkg.multiPassLimit,
      submitAnswer: pkg.submitAnswer,
      scoring: pkg.scoring,
      outputValidator: pkg.outputValidator,
    },
    runAllTests: options.runAllTests,
  };
}

