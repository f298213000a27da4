// Moves submissions from the durable queue (the store) to the worker pool and their results back.
// The store stays the one source of truth: the pool is handed only as many submissions as it has
// free workers, so pausing, prioritising and a crash at any moment lose nothing. Workers are shared by
// the queue's fair order (makeRoom): a judging behind a waiting submission is stopped and queued again.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeSubmission } from './submissionFolder.ts';
import { jobFor, type JudgeEngine } from './engine.ts';
import { judgeErrorResult, type JudgeProgress, type JudgeResult } from '../common/results.ts';
import { log } from '../common/log.ts';
import { ownedTempDir } from '../common/tempFolders.ts';
import { isStorageFailure } from '../store/storageFailure.ts';
import type { Store } from '../store/store.ts';
import type { NewRun } from '../store/judgements.ts';
import type { QueuePlace } from '../store/rows.ts';
import type { ProblemCatalogue } from '../contest/problemCatalogue.ts';

/** Before anything has been judged, assume a submission takes this long (compile + a few tests). */
const INITIAL_JUDGING_ESTIMATE_MS = 2000;
/** Weight of the newest judging time in the moving average. */
const AVERAGE_WEIGHT = 0.2;
/** While the database cannot be written (disk full), judging and storing verdicts are retried this often. */
const STORAGE_RETRY_MS = 2000;
/**
 * Runs (per-test results) are stored as the tests finish, gathered for at most this long: a judging's runs reach
 * the event feed within a second (CLICS wants them as they happen), and a judging shorter than that stores its
 * runs with its verdict. Every commit is a disk flush (synchronous=FULL) that holds the server's one thread: a
 * batch per tenth of a second doubled the commits of a contest's typical sub-second judging.
 */
const RUN_BATCH_MS = 1000;

/** The worker pool's job id for a judgement (the console maps workers back to submissions by it). */
export function jobIdOf(judgementId: string): string {
  return `j${judgementId}`;
}

/** The judgement of a worker pool's job id (jobIdOf's inverse). */
export function judgementIdOf(jobId: string): string {
  return jobId.slice(1);
}

export interface LiveJudging {
  submissionId: string;
  judgementId: string;
  teamId: string;
  /** The open rejudging it judges for, or null: a rejudging's judging is the judges' only (not the team's progress). */
  rejudgingId: string | null;
  progress: JudgeProgress | null;
  /** Set on the last notice of a judging the judge stopped to make room: the submission waits in the queue again. */
  requeued?: true;
}

/** A running judging as the fair share sees it. */
interface Running extends LiveJudging {
  /** Its queue level (rejudges below first judgings, prioritised above). */
  priority: number;
  /** Start order: of a team's judgings, the last started is stopped first. */
  seq: number;
  /** Being stopped to give its worker to a submission ahead of it. */
  stopping: boolean;
  /** Tests finished and not stored yet (flushRuns). */
  runs: NewRun[];
  runTimer: NodeJS.Timeout | null;
}

export class JudgingService {
  private readonly store: Store;
  private readonly engine: JudgeEngine;
  private readonly problems: ProblemCatalogue;
  private readonly sourceDir: string;
  private readonly live = new Map<string, Running>();
  private startSeq = 0;
  /** The pool's workers, queue and state when it last changed (progress aside). */
  private poolShape = '';
  private readonly killed = new Set<string>();
  private pumping = false;
  /** Moving average of how long a submission takes to judge, for queue wait estimates. */
  private averageMs = INITIAL_JUDGING_ESTIMATE_MS;
  private stopped = false;
  /** The languages last logged as having no judgehost (said once, not at each pump). */
  private strandedSaid = '';
  /** Who hears of each step of a running judging (the console's workers, the team's portal). */
  private readonly progressListeners = new Set<(live: LiveJudging) => void>();
  /** Live output of running judgings (the console's terminal). */
  onOutput: (submissionId: string, data: string) => void = () => {};
  /** The contest's time factor of a language (its time limits are the problems' times this). */
  timeFactorOf: (languageId: string) => number = () => 1;
  /** A rejudging's judging ended (no store event says so: its judgement is not current). */
  onRejudged: (rejudgingId: string) => void = () => {};

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
    const recovered = this.store.judgements.recoverInFlight();
    this.engine.pool.onChange(() => this.poolChanged());
    this.pump();
    return recovered;
  }

  /** Call after anything that may have made work available (a new submission, a rejudge, a resume). */
  pump(): void {
    if (this.pumping || this.stopped) return;
    this.pumping = true;
    try {
      const pool = this.engine.pool;
      // No worker at all (only remote judgehosts, none live): the submissions wait in the queue, no judgement started.
      if (pool.isPaused || !this.engine.hasWorkers) return;
      // A judging counts from its start in the store, before its job reaches the pool (the package may still be read).
      const free = pool.workers - Math.max(pool.busy + pool.queued, this.live.size);
      if (free > 0) for (const next of this.startable(free)) this.judge(next.id, next.priority);
      else this.makeRoom();
    } catch (error) {
      // Starting a judgement is a write: with a full disk, try again shortly (the queue is intact).
      if (!isStorageFailure(error)) throw error;
      this.log.error({ err: error }, 'cannot start judging: the database cannot be written');
      this.retryLater(() => this.pump());
    } finally {
      this.pumping = false;
    }
  }

  /** The pool says something changed: pump, unless only a judging's progress moved (nothing to start or stop then). */
  private poolChanged(): void {
    const pool = this.engine.pool;
    const slots = pool.workerStates().map((w) => `${w.jobId}${w.stopping ? '!' : ''}`);
    const shape = `${pool.workers} ${pool.queued} ${pool.isPaused} ${this.engine.host.available} ${this.engine.hasWorkers} ${slots.join(',')}`;
    if (shape === this.poolShape) return;
    this.poolShape = shape;
    this.pump();
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

  /**
   * The first `limit` waiting submissions in the fair order that a judgehost can judge now. Judging only on remote
   * judgehosts, a language none of the live ones has waits: its submissions stay queued (a judgement started
   * would only wait for a judgehost that may never come), and the submissions behind them go on.
   */
  private startable(limit: number): QueuePlace[] {
    const unjudged = this.engine.languagesNotJudged();
    if (unjudged.length === 0) {
      this.strandedSaid = '';
      return this.store.queue.nextInLine(limit);
    }
    const stranded = this.store.queue.countInLanguages(unjudged);
    if (stranded > 0 && unjudged.join() !== this.strandedSaid) {
      this.log.warn({ languages: unjudged, waiting: stranded }, 'no live judgehost has these languages: their submissions wait');
      this.strandedSaid = unjudged.join();
    }
    return this.store.queue
      .nextInLine(limit + stranded)
      .filter((place) => !unjudged.includes(this.store.submissions.get(place.id)!.languageId))
      .slice(0, limit);
  }

  /**
   * The fair share of workers. When every worker is busy and the next waiting submission comes before a running
   * judging in the fair order, that judging is stopped and its submission waits again at its place: a submission
   * of a higher level (a first judging before a rejudge, a prioritised one before both), or, on the same level,
   * of an earlier turn, i.e. of a team holding fewer workers. So while another team waits, a team holds at most
   * one worker; each team keeps its first-started judging, and equals never stop each other. Of the running
   * judgings behind, the one last in that order goes: the lowest level, then the team's latest turn, i.e. the one
   * its team started last (it has done the least work). A stopped judging counts for nothing: it is judged again
   * from the start later (store.judgements.returnToQueue).
   */
  private makeRoom(): void {
    const pool = this.engine.pool;
    // A free worker takes the next one anyway; above the size (a shrink), a stopped judging would free no worker.
    if (pool.isPaused || !this.engine.host.available || pool.queued > 0 || pool.busy !== pool.workers) return;
    const busyJobs = new Set(pool.workerStates().flatMap((w) => (w.jobId ? [w.jobId] : [])));
    const running = [...this.live.values()].filter((r) => busyJobs.has(jobIdOf(r.judgementId)));
    // A judging on its way into a worker or out of one: decide once it is there (the pool's change pumps again).
    if (running.length !== this.live.size) return;
    // Judgings being stopped still hold their workers: the first waiting submissions take those as they free.
    const stopping = running.filter((r) => r.stopping).length;
    const candidates = running.filter((r) => !r.stopping);
    /** The running judging last in the fair order: lowest level, then latest turn, then latest started. */
    const lastRunning = () =>
      candidates
        .map((r) => ({ r, turn: candidates.filter((o) => o.teamId === r.teamId && o.seq <= r.seq).length }))
        .sort((a, b) => a.r.priority - b.r.priority || b.turn - a.turn || b.r.seq - a.r.seq)[0];
    // Where no team holds two workers, only a higher level waiting can take one: ask the index before reading the queue.
    const first = lastRunning();
    if (!first) return;
    if (first.turn === 1) {
      const top = this.store.queue.topPriority();
      if (top === null || top <= first.r.priority) return;
    }
    const waiting = this.startable(stopping + candidates.length);
    for (let i = stopping; i < waiting.length && candidates.length > 0; i++) {
      const next = waiting[i];
      const last = lastRunning();
      if (!(next.priority > last.r.priority || (next.priority === last.r.priority && next.turn < last.turn))) return;
      last.r.stopping = true;
      candidates.splice(candidates.indexOf(last.r), 1);
      this.log.info({ submissionId: last.r.submissionId, teamId: last.r.teamId, for: next.id, forTeamId: next.teamId }, 'stopping a judging to give its worker to a submission ahead of it');
      pool.preempt(jobIdOf(last.r.judgementId));
    }
  }

  private judge(submissionId: string, priority: number): void {
    const submission = this.store.submissions.get(submissionId)!;
    const judgementId = this.store.judgements.start(submissionId, `judgehost-${this.engine.host.pid}`);
    const live: Running = { submissionId, judgementId, teamId: submission.teamId, rejudgingId: submission.rejudgingId, progress: null, priority, seq: ++this.startSeq, stopping: false, runs: [], runTimer: null };
    this.live.set(submissionId, live);
    void this.run(submission.problemId, submission.languageId, live).finally(() => {
      // A submission put back in the queue may have started again meanwhile: that judging stays.
      if (this.live.get(submissionId) === live) this.live.delete(submissionId);
      this.pump();
    });
  }

  private async run(problemId: string, languageId: string, live: Running): Promise<void> {
    const dir = join(this.sourceDir, live.judgementId);
    const started = Date.now();
    let result;
    try {
      const pkg = await this.problems.get(problemId);
      const files = this.store.submissions.files(live.submissionId)!;
      mkdirSync(dir, { recursive: true });
      const sourcePath = writeSubmission(dir, files);
      const job = { ...jobFor(pkg, sourcePath, languageId, { timeFactor: this.timeFactorOf(languageId) }), id: jobIdOf(live.judgementId) };
      result = await this.engine.judge(job, {
        onProgress: (progress) => {
          live.progress = progress;
          if (progress.phase === 'tested') {
            live.runs.push({ ordinal: progress.testIndex + 1, test: progress.result, time: Date.now() });
            live.runTimer ??= setTimeout(() => this.flushRuns(live), RUN_BATCH_MS);
          }
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
    else if (result.preempted) {
      // A stopped judging's finished tests keep their runs and the times they finished at.
      this.flushRuns(live);
      if (!this.stopped) this.requeue(live);
      return;
    }
    // What finished before the verdict is stored with it, with the times it finished at.
    const finishedRuns = this.takeRuns(live);
    this.averageMs += AVERAGE_WEIGHT * (Date.now() - started - this.averageMs);
    if (this.stopped) return;
    if (result.verdict === 'JE') this.log.warn({ submissionId: live.submissionId, judgementId: live.judgementId, problemId, cause: result.error }, 'judging error');
    this.record(live.judgementId, result, finishedRuns);
    if (live.rejudgingId !== null) this.onRejudged(live.rejudgingId);
  }

  /** The runs a judging finished and nothing stored yet, taken from it (their batch's timer stopped). */
  private takeRuns(live: Running): NewRun[] {
    if (live.runTimer) clearTimeout(live.runTimer);
    live.runTimer = null;
    const runs = live.runs;
    live.runs = [];
    return runs;
  }

  /** Stores the runs a judging finished since the last time; a full disk drops them (the verdict stores them later). */
  private flushRuns(live: Running): void {
    const runs = this.takeRuns(live);
    if (runs.length === 0 || this.stopped) return;
    try {
      this.store.judgements.addRuns(live.judgementId, runs);
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      this.log.warn({ err: error, judgementId: live.judgementId }, 'cannot store runs as they finish: the database cannot be written; they are stored with the verdict');
    }
  }

  /** A judging stopped to make room: its submission waits again at its place (a full disk: it is retried). */
  private requeue(live: Running): void {
    if (this.stopped) return;
    try {
      this.store.judgements.returnToQueue(live.judgementId);
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      this.log.error({ err: error, judgementId: live.judgementId }, 'cannot put a stopped judging back in the queue: the database cannot be written; retrying');
      this.retryLater(() => this.requeue(live));
      return;
    }
    const notice: LiveJudging = { submissionId: live.submissionId, judgementId: live.judgementId, teamId: live.teamId, rejudgingId: live.rejudgingId, progress: null, requeued: true };
    for (const listener of this.progressListeners) listener(notice);
  }

  /** Stores a verdict; while the disk is full it is kept here and stored as soon as it can be. */
  private record(judgementId: string, result: JudgeResult, finishedRuns: readonly NewRun[]): void {
    if (this.stopped) return;
    try {
      this.store.judgements.finish(judgementId, result, Date.now(), finishedRuns);
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      this.log.error({ err: error, judgementId }, 'cannot store a verdict: the database cannot be written; retrying');
      this.retryLater(() => this.record(judgementId, result, finishedRuns));
    }
  }

  private retryLater(action: () => void): void {
    setTimeout(() => {
      if (!this.stopped) action();
    }, STORAGE_RETRY_MS).unref();
  }
}
