// The judging engine as the rest of the core sees it: a judgehost child process behind a worker pool.
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { JobListener, JudgehostOptions } from './judgehostClient.ts';
import { JudgehostSupervisor } from './judgehostSupervisor.ts';
import type { JudgeJob, LanguageInfo } from '../common/judgehostProtocol.ts';
import { WorkerPool } from './workerPool.ts';
import { calibrate } from './calibration.ts';
import { LocalJudgehost } from './localJudgehost.ts';
import { SplitBackend, type RemoteSlots } from './splitBackend.ts';
import { UnsandboxedError } from '../common/sandboxInfo.ts';
import type { JudgeResult } from '../common/results.ts';
import { ANSWER_LANGUAGE_ID, type ProblemPackage } from '../common/types.ts';
import { DEFAULT_TIME_LIMIT_MS } from '../package/readPackage.ts';
import { scaledTimeLimitMs } from '../common/timeFactors.ts';

export class JudgeEngine {
  readonly host: JudgehostSupervisor;
  /** The local judgehost as the pool judges on it (a judge may pause it). */
  readonly local: LocalJudgehost;
  readonly pool: WorkerPool;
  /** With remote judgehosts: the pool's slots split between the local judgehost and them. */
  private readonly split: SplitBackend | null;

  private constructor(local: LocalJudgehost, pool: WorkerPool, split: SplitBackend | null) {
    this.host = local.host;
    this.local = local;
    this.pool = pool;
    this.split = split;
  }

  /**
   * Starts a judgehost with `workers` workers (default: one per core). Where no sandbox can be built
   * (or VERDICT_SANDBOX=none switches it off), throws UnsandboxedError unless `allowUnsandboxed`.
   * With `remote`, the pool has the remote judgehosts' workers too (`workers` may then be 0).
   * With `calibrate`, it first times the reference workload (calibration.ts) on the judgehost.
   */
  static async start(options: { workers?: number; host?: JudgehostOptions; allowUnsandboxed?: boolean; remote?: RemoteSlots; calibrate?: boolean } = {}): Promise<JudgeEngine> {
    const host = await JudgehostSupervisor.start(options.host);
    if (host.sandbox.level === 'none' && !options.allowUnsandboxed) {
      await host.close();
      throw new UnsandboxedError(host.sandbox.description);
    }
    const workers = options.workers ?? availableParallelism();
    // Before the pool exists: the reference workload has the judgehost (and its slot 0) to itself.
    const calibration = options.calibrate ? await calibrate((pkg, sourcePath, languageId) => host.judge(jobFor(pkg, sourcePath, languageId), 0), host.languages) : null;
    const local = new LocalJudgehost(host, calibration);
    if (!options.remote) return new JudgeEngine(local, new WorkerPool(local, { workers }), null);
    const split = new SplitBackend(local, workers, options.remote);
    // A judgehost joined, left, was paused or resumed: the pool grows or shrinks (a running job finishes first).
    // Heard before the pool hears the change itself, so it never fills the slots of the old size.
    const resize = () => {
      if (pool.workers !== split.workers) pool.setWorkers(split.workers);
    };
    options.remote.onChange(resize);
    local.onChange(resize);
    const pool = new WorkerPool(split, { workers: split.workers });
    return new JudgeEngine(local, pool, split);
  }

  /** The remote judgehosts' side, with `verdict serve --queue`; null without. */
  get remote(): RemoteSlots | null {
    return this.split?.remote ?? null;
  }

  /** The local judgehost's workers (with remote judgehosts, the pool has theirs too). */
  get localWorkers(): number {
    return this.split ? this.split.localWorkers : this.pool.workers;
  }

  /**
   * False while no judgehost can take a judging: judging only remotely (`serve --queue --workers 0`) with no remote
   * judgehost live, or every judgehost paused by a judge. The pool keeps one slot then, but nothing can judge, so
   * no judging is started (a judgement would only wait).
   */
  get hasWorkers(): boolean {
    return this.split === null ? !this.local.paused : this.split.liveWorkers > 0;
  }

  /**
   * The languages no judgehost can take a judging in now: judging only on remote judgehosts (no local
   * worker), those none of the live active ones has. Empty otherwise: the local judgehost runs every
   * language the portal takes.
   */
  languagesNotJudged(): string[] {
    if (!this.split || !this.split.judgesRemotelyOnly) return [];
    const remote = this.split.remote;
    return [...this.languages.map((l) => l.id), ANSWER_LANGUAGE_ID].filter((id) => !remote.judges(id));
  }

  /** Sets the local judgehost's workers (the remote judgehosts' stay theirs). */
  setWorkers(workers: number): void {
    if (!this.split) {
      this.pool.setWorkers(workers);
      return;
    }
    if (!Number.isInteger(workers) || workers < 0) throw new Error(`workers must be a whole number, got ${workers}`);
    this.split.localWorkers = workers;
    this.pool.setWorkers(this.split.workers);
  }

  get languages(): LanguageInfo[] {
    return this.host.languages;
  }

  /** The ids of the languages this judgehost can run (those whose toolchain it found). */
  get availableLanguageIds(): string[] {
    return this.languages.filter((l) => l.available).map((l) => l.id);
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

