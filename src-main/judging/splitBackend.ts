// The worker pool's backend when remote judgehosts judge too (`verdict serve --queue`): the pool's
// first slots are the local judgehost's workers, the slots above them the remote judgehosts' (as
// many as their heartbeats say they have). The pool, and the judging service's fair order above it,
// stay as they are: a remote worker is one more slot, which takes a judging only in a language a remote
// judgehost has (the pool gives it the first waiting one that fits). A paused local judgehost has no slots.
import type { JudgeJob } from '../common/judgehostProtocol.ts';
import type { JudgehostMode } from '../common/remoteJobs.ts';
import type { JudgeResult } from '../common/results.ts';
import type { JobListener } from './judgehostClient.ts';
import type { RemoteJudgehostStatus } from './judgehostRoster.ts';
import type { LocalJudgehost } from './localJudgehost.ts';
import type { JudgeBackend } from './workerPool.ts';

/** Where the remote slots' judgings go (judging/remoteJudging.ts: the BullMQ queue). */
export interface RemoteSlots {
  /** The live remote judgehosts' workers. */
  readonly capacity: number;
  /** Whether a live active remote judgehost has this language. */
  judges(languageId: string): boolean;
  /** Whether a judging in this language may be dispatched now: fewer of its language are in flight than the judgehosts that have it have workers. */
  accepts(languageId: string): boolean;
  judge(job: JudgeJob, listener: JobListener): Promise<JudgeResult>;
  /** Stops a job it judges; false when it has no such job. */
  cancel(jobId: string): boolean;
  /** Tells when `capacity` may have changed. */
  onChange(listener: () => void): () => void;
  /** Every remote judgehost heard from, gone ones too. */
  judgehostList(): RemoteJudgehostStatus[];
  /** A judge's order to one; false when there is no such judgehost. */
  setJudgehostMode(name: string, mode: JudgehostMode): boolean;
  /** A judge paused this judgehost before the server restarted: it is paused from its first heartbeat. */
  pauseOnArrival(name: string): void;
  /** Tells when the list may have changed. */
  onJudgehostsChange(listener: () => void): () => void;
}

export class SplitBackend implements JudgeBackend {
  private readonly local: LocalJudgehost;
  readonly remote: RemoteSlots;
  /** The local judgehost's workers: slots 0 to localWorkers - 1 (0: judge only remotely), none while it is paused. */
  localWorkers: number;

  constructor(local: LocalJudgehost, localWorkers: number, remote: RemoteSlots) {
    this.local = local;
    this.localWorkers = localWorkers;
    this.remote = remote;
  }

  /** The pool's size: local and remote workers (at least 1, the pool's least; unavailable while there is none). */
  get workers(): number {
    return Math.max(1, this.localSlots + this.remote.capacity);
  }

  private get localSlots(): number {
    return this.local.paused ? 0 : this.localWorkers;
  }

  /** The workers that can judge now: the local ones (unless paused) and the live active remote judgehosts' (0: none, whatever the pool's size says). */
  get liveWorkers(): number {
    return this.localSlots + this.remote.capacity;
  }

  /** With local workers, as the local judgehost is (as without a queue); without, while a remote judgehost is live. */
  get available(): boolean {
    return this.localSlots > 0 ? this.local.available : this.remote.capacity > 0;
  }

  /** No local worker judges (none asked for, or the local judgehost paused): every judging goes to a remote judgehost. */
  get judgesRemotelyOnly(): boolean {
    return this.localSlots === 0;
  }

  /** A local slot takes any judging; a remote slot one in a language a free remote judgehost may have. */
  accepts(job: JudgeJob, slot: number): boolean {
    return slot < this.localSlots || this.remote.accepts(job.languageId);
  }

  judge(job: JudgeJob, slot: number, listener: JobListener): Promise<JudgeResult> {
    return slot < this.localSlots ? this.local.judge(job, slot, listener) : this.remote.judge(job, listener);
  }

  cancel(jobId: string): void {
    if (!this.remote.cancel(jobId)) this.local.cancel(jobId);
  }

  onChange(listener: () => void): () => void {
    const stopLocal = this.local.onChange(listener);
    const stopRemote = this.remote.onChange(listener);
    return () => {
      stopLocal();
      stopRemote();
    };
  }
}
