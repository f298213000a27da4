// Moves submissions from the durable queue (the store) to the worker pool and their results back.
// The store stays the one source of truth: the pool is handed only as many submissions as it has
// free workers, so pausing, prioritising and a crash at any moment lose nothing.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jobFor, type JudgeEngine } from '../judge/engine.ts';
import { judgeErrorResult, type JudgeProgress, type JudgeResult } from '../judge/results.ts';
import { log } from '../log.ts';
import { ownedTempDir } from '../tempFolders.ts';
import { isStorageFailure } from '../store/storageFailure.ts';
import type { Store } from '../store/store.ts';
import type { ProblemCatalogue } from './problemCatalogue.ts';

/** Before anything has been judged, assume a submission takes this long (compile + a few tests). */
const INITIAL_JUDGING_ESTIMATE_MS = 2000;
/** Weight of the newest judging time in the moving average. */
const AVERAGE_WEIGHT = 0.2;
/** While the database cannot be written (disk full), judging and storing verdicts are retried this often. */
const STORAGE_RETRY_MS = 2000;

/** The worker pool's job id for a judgement (the console maps workers back to submissions by it). */
export function jobIdOf(judgementId: string): string {
  return `j${judgementId}`;
}

export interface LiveJudging {
  submissionId: string;
  judgementId: string;
  teamId: string;
  progress: JudgeProgress | null;
}

export class JudgingService {
  private readonly store: Store;
  private readonly engine: JudgeEngine;
  private readonly problems: ProblemCatalogue;
  private readonly sourceDir: string;
  private readonly live = new Map<string, LiveJudging>();
  private readonly killed = new Set<string>();
  private pumping = false;
  /** Moving average of how long a submission takes to judge, for queue wait estimates. */
  private averageMs = INITIAL_JUDGING_ESTIMATE_MS;
  private stopped = false;
  /** Who hears of each step of a running judging (the console's workers, the team's portal). */
  private readonly progressListeners = new Set<(live: LiveJudging) => void>();
  /** Live output of running judgings (the console's terminal). */
  onOutput: (submissionId: string, data: string) => void = () => {};

  private readonly log = log.child({ component: 'judging' });

  constructor(store: Store, engine: JudgeEngine, problems: ProblemCatalogue) {
    this.store = store;
    this.engine = engine;
    this.problems = problems;
    this.sourceDir = ownedTempDir('sources');
  }

  /** Calls `listener` at each step of every running judging; returns the way to stop. */
  addProgressListener(listener: (live: LiveJudging) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Re-queues what was in flight when the judge last stopped, then starts judging. */
  start(): number {
    const recovered = this.store.recoverInFlight();
    this.engine.pool.onChange(() => this.pump());
    this.pump();
    return recovered;
  }

  /** Call after anything that may have made work available (a new submission, a rejudge, a resume). */
  pump(): void {
    if (this.pumping || this.stopped) return;
    this.pumping = true;
    try {
      const pool = this.engine.pool;
      if (pool.isPaused) return;
      const free = pool.workers - pool.busy - pool.queued;
      if (free <= 0) return;
      for (const submission of this.store.queuedSubmissions(free)) this.judge(submission.id);
    } catch (error) {
      // Starting a judgement is a write: with a full disk, try again shortly (the queue is intact).
      if (!isStorageFailure(error)) throw error;
      this.log.error({ err: error }, 'cannot start judging: the database cannot be written');
      this.retryLater(() => this.pump());
    } finally {
      this.pumping = false;
    }
  }

  averageJudgingMs(): number {
    return this.averageMs;
  }

  /** Stops the judging of a submission now: it ends as JE ("killed by a judge"), rejudge to retry. */
  kill(submissionId: string): boolean {
    const live = this.live.get(submissionId);
    if (!live) return false;
    this.killed.add(live.judgementId);
    this.engine.pool.cancel(jobIdOf(live.judgementId));
    return true;
  }

  running(): LiveJudging[] {
    return [...this.live.values()];
  }

  stop(): void {
    this.stopped = true;
    rmSync(this.sourceDir, { recursive: true, force: true });
  }

  private judge(submissionId: string): void {
    const submission = this.store.getSubmission(submissionId)!;
    const judgementId = this.store.startJudgement(submissionId, `judgehost-${this.engine.host.pid}`);
    const live: LiveJudging = { submissionId, judgementId, teamId: submission.teamId, progress: null };
    this.live.set(submissionId, live);
    void this.run(submission.problemId, submission.languageId, live).finally(() => {
      this.live.delete(submissionId);
      this.pump();
    });
  }

  private async run(problemId: string, languageId: string, live: LiveJudging): Promise<void> {
    const dir = join(this.sourceDir, live.judgementId);
    const started = Date.now();
    let result;
    try {
      const pkg = await this.problems.get(problemId);
      const source = this.store.getSubmissionSource(live.submissionId)!;
      mkdirSync(dir, { recursive: true });
      const sourcePath = join(dir, source.fileName);
      writeFileSync(sourcePath, source.source);
      const job = { ...jobFor(pkg, sourcePath, languageId), id: jobIdOf(live.judgementId) };
      result = await this.engine.judge(job, {
        onProgress: (progress) => {
          live.progress = progress;
          for (const listener of this.progressListeners) listener(live);
        },
        onOutput: (data) => this.onOutput(live.submissionId, data),
      });
    } catch (error) {
      // A broken package or a vanished file is the judge's problem: JE, and the queue goes on.
      result = judgeErrorResult((error as Error).message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (this.killed.delete(live.judgementId)) result = judgeErrorResult('the run was killed by a judge');
    this.averageMs += AVERAGE_WEIGHT * (Date.now() - started - this.averageMs);
    if (this.stopped) return;
    if (result.verdict === 'JE') this.log.warn({ submissionId: live.submissionId, judgementId: live.judgementId, problemId, cause: result.error }, 'judging error');
    this.record(live.judgementId, result);
  }

  /** Stores a verdict; while the disk is full it is kept here and stored as soon as it can be. */
  private record(judgementId: string, result: JudgeResult): void {
    if (this.stopped) return;
    try {
      this.store.finishJudgement(judgementId, result);
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      this.log.error({ err: error, judgementId }, 'cannot store a verdict: the database cannot be written; retrying');
      this.retryLater(() => this.record(judgementId, result));
    }
  }

  private retryLater(action: () => void): void {
    setTimeout(() => {
      if (!this.stopped) action();
    }, STORAGE_RETRY_MS).unref();
  }
}
