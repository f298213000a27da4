// The server's own judgehost as the worker pool sees it: the supervised judgehost child, which a
// judge may pause (its workers take no new judging; the running ones finish), and the judgings it
// runs now (the console lists them with the remote judgehosts' own).
import type { JudgeJob } from '../common/judgehostProtocol.ts';
import type { JudgeResult } from '../common/results.ts';
import type { Calibration } from './calibration.ts';
import type { JobListener } from './judgehostClient.ts';
import type { JudgehostSupervisor } from './judgehostSupervisor.ts';
import type { JudgeBackend } from './workerPool.ts';

export class LocalJudgehost implements JudgeBackend {
  readonly host: JudgehostSupervisor;
  /** Its time for the reference workload at start, why there is none, or null when not calibrated. */
  readonly calibration: Calibration | { error: string } | null;
  private pausedByJudge = false;
  private readonly running = new Set<string>();
  private readonly listeners = new Set<() => void>();

  constructor(host: JudgehostSupervisor, calibration: Calibration | { error: string } | null = null) {
    this.host = host;
    this.calibration = calibration;
    host.onChange(() => this.changed());
  }

  get paused(): boolean {
    return this.pausedByJudge;
  }

  /** Pauses or resumes it; the pool hears at once (`available`). */
  setPaused(paused: boolean): void {
    if (paused === this.pausedByJudge) return;
    this.pausedByJudge = paused;
    this.changed();
  }

  get available(): boolean {
    return !this.pausedByJudge && this.host.available;
  }

  /** The pool's job ids it judges now. */
  get jobIds(): string[] {
    return [...this.running];
  }

  async judge(job: JudgeJob, slot: number, listener: JobListener): Promise<JudgeResult> {
    this.running.add(job.id);
    try {
      return await this.host.judge(job, slot, listener);
    } finally {
      this.running.delete(job.id);
    }
  }

  cancel(jobId: string): void {
    this.host.cancel(jobId);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
