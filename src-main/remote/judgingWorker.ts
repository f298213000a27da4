// A remote judgehost's BullMQ worker: takes a judging from the queue only while one of its workers is
// free (concurrency = workers), judges it on the local JudgeEngine against the cached package, and
// reports progress and the result to the server. A job's lock is renewed while it runs; a judgehost
// that dies stops renewing, and the job goes back to the queue for another judgehost. Paused (a
// judge's order), it takes no new job; one it was already waiting for goes back to the queue.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { WaitingError, Worker, type Job } from 'bullmq';
import { log } from '../common/log.ts';
import { judgeFaultResult, type JudgeProgress, type JudgeResult } from '../common/results.ts';
import { JUDGING_QUEUE, remoteJobId, type RemoteJobData } from '../common/remoteJobs.ts';
import { ownedTempDir } from '../common/tempFolders.ts';
import { jobFor, type JudgeEngine } from '../judging/engine.ts';
import { writeSubmission } from '../judging/submissionFolder.ts';
import type { PackageCache } from './packageCache.ts';
import type { ServerClient } from './serverClient.ts';

/** A job's lock lasts this long unless renewed (renewed at half of it while it runs). */
const LOCK_DURATION_MS = 10_000;
/** How often workers look for jobs whose lock expired: a killed judgehost's job runs elsewhere within about 15 s. */
const STALLED_INTERVAL_MS = 5_000;
/** A job that stalled more often than this fails (the server then counts a judge fault and judges it again). */
const MAX_STALLED = 2;
/** A result that cannot be delivered is tried again this often, this many times, before the job fails. */
const REPORT_RETRY_MS = 1000;
const REPORT_TRIES = 5;

export interface JudgingWorkerOptions {
  queueUrl: string;
  /** This judgehost's name, in the server's log and the judgement's record. */
  name: string;
  workers: number;
  engine: JudgeEngine;
  packages: PackageCache;
  server: ServerClient;
}

export class JudgingWorker {
  private readonly options: JudgingWorkerOptions;
  private readonly worker: Worker<RemoteJobData>;
  private readonly scratch = ownedTempDir('sources');
  /** The judgings running now, by judgement id. */
  private readonly running = new Set<string>();
  private paused = false;
  private readonly log = log.child({ component: 'judgehost-worker' });

  constructor(options: JudgingWorkerOptions) {
    this.options = options;
    this.worker = new Worker<RemoteJobData>(JUDGING_QUEUE, (job, token) => this.process(job, token), {
      connection: { url: options.queueUrl, maxRetriesPerRequest: null },
      concurrency: options.workers,
      lockDuration: LOCK_DURATION_MS,
      stalledInterval: STALLED_INTERVAL_MS,
      maxStalledCount: MAX_STALLED,
    });
    this.worker.on('error', (error) => this.log.error({ err: error }, 'queue error'));
  }

  /** Judgings running now. */
  get busy(): number {
    return this.running.size;
  }

  /** The judgements it judges now. */
  get judgementIds(): string[] {
    return [...this.running];
  }

  /** Takes no new job (the running ones finish and report) until resumed. */
  async pause(): Promise<void> {
    this.paused = true;
    await this.worker.pause(true);
  }

  async resume(): Promise<void> {
    this.paused = false;
    await this.worker.resume();
  }

  /** Takes no new job, lets the running ones finish and report. */
  async close(): Promise<void> {
    await this.worker.close();
    rmSync(this.scratch, { recursive: true, force: true });
  }

  private async process(job: Job<RemoteJobData>, token: string | undefined): Promise<void> {
    if (this.paused) {
      // Taken by a fetch that was already waiting when the pause came: back to the queue, for another judgehost.
      await job.moveToWait(token);
      throw new WaitingError();
    }
    const data = job.data;
    const jobId = job.id ?? remoteJobId(data.judgementId, data.attempt);
    const dir = join(this.scratch, jobId);
    this.running.add(data.judgementId);
    try {
      const progress = new ProgressSender(this.options.server, data, () => this.options.engine.pool.cancel(jobId));
      let result: JudgeResult;
      try {
        const pkg = await this.options.packages.get(data.packageSha256);
        mkdirSync(dir, { recursive: true });
        const sourcePath = writeSubmission(dir, data.files.map((f) => ({ fileName: f.fileName, source: Buffer.from(f.base64, 'base64') })));
        const judgeJob = { ...jobFor(pkg, sourcePath, data.languageId, { timeLimitMs: data.timeLimitMs, runAllTests: data.runAllTests }), id: jobId };
        result = await this.options.engine.judge(judgeJob, { onProgress: (step) => progress.push(step) });
      } catch (error) {
        // A package this judgehost cannot fetch or read: the judge's fault, so the server's pool judges it again
        // (on any judgehost) and gives JE only when that keeps failing.
        result = judgeFaultResult(`judgehost ${this.options.name}: ${(error as Error).message}`);
      }
      await progress.drained();
      await this.deliver(data, result);
    } finally {
      this.running.delete(data.judgementId);
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Reports the result, retrying a while; throwing makes BullMQ run the job again (or fail it, which the server sees). */
  private async deliver(data: RemoteJobData, result: JudgeResult): Promise<void> {
    for (let tries = 1; ; tries++) {
      try {
        const taken = await this.options.server.result(data.judgementId, { attempt: data.attempt, judgehost: this.options.name, result });
        if (!taken) this.log.info({ judgementId: data.judgementId, attempt: data.attempt }, 'the server ignored a result: the attempt was superseded');
        return;
      } catch (error) {
        if (tries >= REPORT_TRIES) throw error;
        this.log.warn({ err: error, judgementId: data.judgementId }, 'cannot report a result yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, REPORT_RETRY_MS));
      }
    }
  }
}

/** Sends a judging's steps in order, one request at a time (steps that arrive meanwhile go together). */
class ProgressSender {
  private readonly server: ServerClient;
  private readonly data: RemoteJobData;
  private readonly superseded: () => void;
  private pending: JudgeProgress[] = [];
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(server: ServerClient, data: RemoteJobData, superseded: () => void) {
    this.server = server;
    this.data = data;
    this.superseded = superseded;
  }

  push(step: JudgeProgress): void {
    if (this.stopped) return;
    this.pending.push(step);
    if (this.pending.length === 1) this.chain = this.chain.then(() => this.send());
  }

  drained(): Promise<void> {
    return this.chain;
  }

  private async send(): Promise<void> {
    const steps = this.pending;
    this.pending = [];
    if (this.stopped || steps.length === 0) return;
    try {
      const current = await this.server.progress(this.data.judgementId, { attempt: this.data.attempt, steps });
      if (!current) {
        // The server gave this judging to another attempt (or a judge cancelled it): stop the work.
        this.stopped = true;
        this.superseded();
      }
    } catch (error) {
      // Progress is for the live views: a lost step is not worth failing the judging for.
      log.warn({ err: error, judgementId: this.data.judgementId }, 'cannot report progress');
    }
  }
}
