// A remote judgehost's BullMQ workers: one per language it has (each language has its own queue, so
// it never takes a judging it cannot run), sharing its judging workers: while they are all busy, or a
// judge paused it, every queue worker stops taking jobs. A job's source is fetched from the server for
// its attempt and judged on the local JudgeEngine against the cached package, with its progress, live
// output and result reported to the server (judgingReporter.ts). A job's lock is renewed while it
// runs; a judgehost that dies stops renewing, and the job goes back to the queue for another
// judgehost (the server watches for that too: judging/remoteJudging.ts).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { WaitingError, Worker, type Job } from 'bullmq';
import { log } from '../common/log.ts';
import { judgeFaultResult, type JudgeResult } from '../common/results.ts';
import { JOB_LOCK_MS, judgingQueueName, MAX_STALLED, queueLanguages, remoteJobId, STALLED_CHECK_MS, type RemoteJobData } from '../common/remoteJobs.ts';
import { ownedTempDir } from '../common/tempFolders.ts';
import { jobFor, type JudgeEngine } from '../judging/engine.ts';
import { writeSubmission } from '../judging/submissionFolder.ts';
import { JudgingReporter } from './judgingReporter.ts';
import type { PackageCache } from './packageCache.ts';
import type { ServerClient } from './serverClient.ts';

/** A result that cannot be delivered is tried again this often, this many times, before the job fails. */
const REPORT_RETRY_MS = 1000;
const REPORT_TRIES = 5;

export interface JudgingWorkerOptions {
  queueUrl: string;
  /** This judgehost's name, in the server's log and the judgement's record. */
  name: string;
  workers: number;
  /** The languages it judges (answer files too): it takes jobs from their queues only. */
  languages: string[];
  engine: JudgeEngine;
  packages: PackageCache;
  server: ServerClient;
}

export class JudgingWorker {
  private readonly options: JudgingWorkerOptions;
  /** One per language queue; each may take up to all the judgehost's workers' worth of jobs. */
  private readonly queueWorkers: Worker<RemoteJobData>[];
  private readonly scratch = ownedTempDir('sources');
  /** The judgings running now, by judgement id. */
  private readonly running = new Set<string>();
  /** A judge's order. */
  private paused = false;
  /** The queue workers are stopped from taking jobs (paused, or every worker busy). */
  private taking = true;
  private readonly log = log.child({ component: 'judgehost-worker' });

  constructor(options: JudgingWorkerOptions) {
    this.options = options;
    this.queueWorkers = queueLanguages(options.languages).map((languageId) => {
      const worker = new Worker<RemoteJobData>(judgingQueueName(languageId), (job, token) => this.process(job, token), {
        connection: { url: options.queueUrl, maxRetriesPerRequest: null },
        concurrency: options.workers,
        lockDuration: JOB_LOCK_MS,
        stalledInterval: STALLED_CHECK_MS,
        maxStalledCount: MAX_STALLED,
      });
      worker.on('error', (error) => this.log.error({ err: error, languageId }, 'queue error'));
      return worker;
    });
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
    await this.takeJobs();
  }

  async resume(): Promise<void> {
    this.paused = false;
    await this.takeJobs();
  }

  /** Takes no new job, lets the running ones finish and report. */
  async close(): Promise<void> {
    await Promise.all(this.queueWorkers.map((w) => w.close()));
    rmSync(this.scratch, { recursive: true, force: true });
  }

  /** Not paused by a judge, and a worker free. */
  private get canTake(): boolean {
    return !this.paused && this.running.size < this.options.workers;
  }

  /** Starts or stops every queue worker's taking of jobs: they take while they can. */
  private async takeJobs(): Promise<void> {
    const take = this.canTake;
    if (take === this.taking) return;
    this.taking = take;
    // pause(true): the running jobs go on; only the taking of new ones stops.
    await Promise.all(this.queueWorkers.map((w) => (take ? w.resume() : w.pause(true))));
  }

  private async process(job: Job<RemoteJobData>, token: string | undefined): Promise<void> {
    if (!this.canTake) {
      // Taken by a fetch that was already waiting when the pause came, or by two language queues at once for the
      // last free worker: back to the head of its queue, for another judgehost (or this one once a worker frees).
      await job.moveToWait(token);
      throw new WaitingError();
    }
    const data = job.data;
    const jobId = job.id ?? remoteJobId(data.judgementId, data.attempt);
    const dir = join(this.scratch, jobId);
    this.running.add(data.judgementId);
    void this.takeJobs();
    try {
      const reporter = new JudgingReporter(this.options.server, data.judgementId, data.attempt, () => this.options.engine.pool.cancel(jobId));
      let result: JudgeResult;
      try {
        const sources = await this.options.server.sources(data.judgementId, data.attempt);
        if (!sources) {
          reporter.finish();
          this.log.info({ judgementId: data.judgementId, attempt: data.attempt }, 'a judging superseded before it started: not judged');
          return;
        }
        const pkg = await this.options.packages.get(data.packageSha256);
        mkdirSync(dir, { recursive: true });
        const sourcePath = writeSubmission(dir, sources.files.map((f) => ({ fileName: f.fileName, source: Buffer.from(f.base64, 'base64') })));
        const judgeJob = { ...jobFor(pkg, sourcePath, data.languageId, { timeLimitMs: data.timeLimitMs, runAllTests: data.runAllTests }), id: jobId };
        result = await this.options.engine.judge(judgeJob, { onProgress: (step) => reporter.step(step), onOutput: (chunk) => reporter.programOutput(chunk) });
      } catch (error) {
        // A source or package this judgehost cannot fetch or read: the judge's fault, so the server's pool judges it again
        // (on any judgehost) and gives JE only when that keeps failing.
        result = judgeFaultResult(`judgehost ${this.options.name}: ${(error as Error).message}`);
      }
      await this.deliver(data, result, reporter.finish());
    } finally {
      this.running.delete(data.judgementId);
      rmSync(dir, { recursive: true, force: true });
      void this.takeJobs();
    }
  }

  /** Reports the result, retrying a while; throwing makes BullMQ run the job again (or fail it, which the server sees). */
  private async deliver(data: RemoteJobData, result: JudgeResult, output: string | undefined): Promise<void> {
    for (let tries = 1; ; tries++) {
      try {
        const taken = await this.options.server.result(data.judgementId, { attempt: data.attempt, judgehost: this.options.name, result, output });
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
