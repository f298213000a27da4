// A fixed-size pool of judging workers fed by a queue. The pool decides *when* and *in which slot*
// a job runs; a backend (the judgehost child process, later maybe a remote one) does the judging.
import { judgeErrorResult, preemptedResult, type JudgeProgress, type JudgeResult } from '../common/results.ts';
import type { JobListener } from './judgehostClient.ts';
import type { JudgeJob } from '../common/judgehostProtocol.ts';
import { FifoQueue } from './queue.ts';

export interface JudgeBackend {
  judge(job: JudgeJob, slot: number, listener: JobListener): Promise<JudgeResult>;
  cancel(jobId: string): void;
  /** Whether this slot can take this job (a remote judgehost may lack its language); every slot takes every job when absent. */
  accepts?(job: JudgeJob, slot: number): boolean;
  /** False while the backend cannot judge (its judgehost is being replaced): jobs wait in the queue. */
  readonly available?: boolean;
  /** Tells when `available` may have changed. */
  onChange?(listener: () => void): () => void;
}

/** A job whose judging fails on the judge's side this many times in a row ends as JE (with the causes). */
const MAX_JUDGING_ATTEMPTS = 3;

interface QueuedJob {
  job: JudgeJob;
  listener: JobListener;
  resolve: (result: JudgeResult) => void;
  queuedAt: number;
  /** Why earlier attempts failed on the judge's side (a judgehost or runner that died). */
  faults: string[];
  /** Being stopped to free its worker (`preempt`). */
  preempted?: boolean;
}

export interface WorkerState {
  slot: number;
  jobId: string | null;
  startedAt: number | null;
  progress: JudgeProgress | null;
  /** The job is being stopped to free this worker for another (`preempt`). */
  stopping: boolean;
}

export class WorkerPool {
  private readonly backend: JudgeBackend;
  private readonly queue = new FifoQueue<QueuedJob>();
  private size: number;
  private paused = false;
  /** Slot index -> what it is doing. Slots >= size finish their job and then disappear. */
  private readonly slots = new Map<number, { state: WorkerState; job: QueuedJob }>();
  private readonly changeListeners = new Set<() => void>();

  constructor(backend: JudgeBackend, options: { workers: number }) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new Error(`workers must be a positive integer, got ${options.workers}`);
    this.backend = backend;
    this.size = options.workers;
    backend.onChange?.(() => {
      this.changed();
      this.pump();
    });
  }

  /** Queues a job; resolves with its result once judged (JE on judge-side failure; never rejects). */
  submit(job: JudgeJob, listener: JobListener = {}): Promise<JudgeResult> {
    return new Promise((resolve) => {
      this.queue.push({ job, listener, resolve, queuedAt: Date.now(), faults: [] });
      this.changed();
      this.pump();
    });
  }

  get workers(): number {
    return this.size;
  }

  get queued(): number {
    return this.queue.length;
  }

  get busy(): number {
    return this.slots.size;
  }

  /** Changes the number of workers while running: growing starts queued jobs at once; shrinking lets running jobs finish. */
  setWorkers(workers: number): void {
    if (!Number.isInteger(workers) || workers < 1) throw new Error(`workers must be a positive integer, got ${workers}`);
    this.size = workers;
    this.changed();
    this.pump();
  }

  pause(): void {
    this.paused = true;
    this.changed();
  }

  resume(): void {
    this.paused = false;
    this.changed();
    this.pump();
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Cancels a queued or running job; its promise resolves with JE "cancelled". */
  cancel(jobId: string): boolean {
    const removed = this.queue.remove((q) => q.job.id === jobId);
    for (const q of removed) q.resolve(judgeErrorResult('judging was cancelled'));
    if (removed.length) {
      this.changed();
      return true;
    }
    const running = [...this.slots.values()].some((s) => s.state.jobId === jobId);
    if (running) this.backend.cancel(jobId);
    return running;
  }

  /**
   * Stops a running job to free its worker for another: its promise resolves with a `preempted` result (not JE, no
   * judge fault counted, not judged again here: the caller queues it again), or with its verdict if it finished
   * before the stop took effect. The worker is free once the backend has stopped the job. False if it is not running.
   */
  preempt(jobId: string): boolean {
    const running = [...this.slots.values()].find((s) => s.state.jobId === jobId);
    if (!running) return false;
    if (!running.job.preempted) {
      running.job.preempted = true;
      running.state.stopping = true;
      this.backend.cancel(jobId);
      this.changed();
    }
    return true;
  }

  /** Slots 0..workers-1, plus any slot above that still finishing a job after a shrink. */
  workerStates(): WorkerState[] {
    const slots = new Set([...Array.from({ length: this.size }, (_, i) => i), ...this.slots.keys()]);
    return [...slots]
      .sort((a, b) => a - b)
      .map((slot) => ({ ...(this.slots.get(slot)?.state ?? { slot, jobId: null, startedAt: null, progress: null, stopping: false }) }));
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  /** The first queued job a free slot takes, and the lowest such slot; null when no free slot takes any. */
  private nextPlacement(): { slot: number; next: QueuedJob } | null {
    const free: number[] = [];
    for (let slot = 0; slot < this.size; slot++) if (!this.slots.has(slot)) free.push(slot);
    if (free.length === 0) return null;
    const accepts = this.backend.accepts?.bind(this.backend);
    if (!accepts) return { slot: free[0], next: this.queue.shift()! };
    for (const queued of this.queue.snapshot()) {
      const slot = free.find((s) => accepts(queued.job, s));
      if (slot === undefined) continue;
      this.queue.remove((q) => q === queued);
      return { slot, next: queued };
    }
    return null;
  }

  private pump(): void {
    while (!this.paused && this.backend.available !== false && this.queue.length > 0) {
      const placement = this.nextPlacement();
      if (!placement) return;
      const { slot, next } = placement;
      const state: WorkerState = { slot, jobId: next.job.id, startedAt: Date.now(), progress: null, stopping: false };
      next.preempted = false;
      this.slots.set(slot, { state, job: next });
      const listener: JobListener = {
        onProgress: (progress) => {
          state.progress = progress;
          next.listener.onProgress?.(progress);
          this.changed();
        },
        onOutput: next.listener.onOutput,
      };
      this.backend.judge(next.job, slot, listener).then(
        (result) => this.finish(slot, next, result),
        (error: Error) => this.finish(slot, next, judgeErrorResult(error.message)),
      );
      // Only now: a listener may act on the job at once (preempt, cancel), and the backend must have it first.
      this.changed();
    }
  }

  private finish(slot: number, job: QueuedJob, result: JudgeResult): void {
    this.slots.delete(slot);
    if (job.preempted && (result.judgeFault || result.verdict === 'JE')) {
      // Stopped on purpose (a JE saying "cancelled", or a judgehost that died meanwhile): no verdict, no fault.
      job.resolve(preemptedResult());
    } else if (result.judgeFault) {
      job.faults.push(result.error ?? 'unknown judge fault');
      if (job.faults.length < MAX_JUDGING_ATTEMPTS) {
        // Judged again from the start, ahead of the queue: a judge-side failure is never the verdict.
        this.queue.push(job);
        this.queue.prioritise((q) => q === job);
      } else {
        const { judgeFault: _, ...final } = result;
        job.resolve({ ...final, error: `judging failed on the judge's side ${job.faults.length} times: ${job.faults.join('; ')}` });
      }
    } else {
      job.resolve(result);
    }
    this.changed();
    this.pump();
  }
}
