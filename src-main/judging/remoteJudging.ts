// The core's side of remote judgehosts (`verdict serve --queue redis://…`): each judging the worker
// pool gives a remote slot (splitBackend.ts) becomes a BullMQ job on its language's queue; the
// judgehosts that have the language take them, and report progress and results over HTTP
// (server/judgehostRoutes.ts), which land here. The server watches each queue for stalled jobs too,
// so a killed judgehost's job goes back even while every other judgehost is busy. Loaded only with
// --queue: nothing else imports bullmq.
//
// The store is the one truth: the queue holds only the judgings in flight. At start it is emptied;
// whenever Redis has lost its data (the epoch key is gone) every judging in flight is dispatched
// again. Each dispatch is an attempt with its own number; only the latest attempt's result counts,
// so a late or doubled result (a judgehost whose job was given to another) changes nothing.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { JudgingSources } from '../common/judgehostHttp.ts';
import type { JudgeJob } from '../common/judgehostProtocol.ts';
import { submittedFiles } from '../common/submittedFiles.ts';
import { log } from '../common/log.ts';
import { judgeErrorResult, judgeFaultResult, type JudgeResult } from '../common/results.ts';
import { JOB_LOCK_MS, judgingQueueName, MAX_STALLED, QUEUE_EPOCH_KEY, QueueError, remoteJobId, STALLED_CHECK_MS, type HeartbeatAnswer, type JudgehostHeartbeat, type JudgehostMode, type ProgressReport, type RemoteJobData, type ResultReport, redactedUrl } from '../common/remoteJobs.ts';
import type { JobListener } from './judgehostClient.ts';
import { judgementIdOf } from './judgingService.ts';
import { JudgehostRoster, type RemoteJudgehostStatus } from './judgehostRoster.ts';
import type { RemoteSlots } from './splitBackend.ts';

/** How often the judgehosts' liveness and Redis's epoch key are checked. */
const CHECK_INTERVAL_MS = 2000;
/** BullMQ runs a job again this many times when the judgehost's processor fails (the server unreachable). */
const JOB_ATTEMPTS = 3;
const JOB_RETRY_DELAY_MS = 1000;

interface InFlight {
  languageId: string;
  /** The submission's files as the pool wrote them (they stay until its judging ends): served to the judgehost of the current attempt. */
  sourcePath: string;
  /** Null until the job's data is made (the package's archive named). */
  data: RemoteJobData | null;
  listener: JobListener;
  resolve: (result: JudgeResult) => void;
}

/** One language's queue, the events it says a job failed by, and a worker that only checks it for stalled jobs. */
interface Lane {
  queue: Queue<RemoteJobData>;
  events: QueueEvents;
  stallChecker: Worker<RemoteJobData>;
}

export class RemoteJudging implements RemoteSlots {
  private readonly url: string;
  /** By language, made at its first judging. */
  private readonly lanes = new Map<string, Lane>();
  private readonly redis: Redis;
  private readonly packageOf: (problemId: string) => Promise<string>;
  /** By the worker pool's job id. */
  private readonly inFlight = new Map<string, InFlight>();
  private readonly roster = new JudgehostRoster();
  private readonly listeners = new Set<() => void>();
  private readonly rosterListeners = new Set<() => void>();
  private readonly timer: NodeJS.Timeout;
  /** Attempt numbers grow over the server's restarts too (a clock start): an old run's result never matches. */
  private attempts = Date.now();
  private liveCapacity = 0;
  /** A dispatch failed (Redis unreachable): dispatch everything in flight again once it answers. */
  private lost = false;
  /** Redis's connection failed and has not answered since: said once per outage, not at each reconnection try. */
  private unreachable = false;
  private closed = false;
  private readonly log = log.child({ component: 'remote-judging' });

  private constructor(url: string, packageOf: (problemId: string) => Promise<string>) {
    this.url = url;
    this.redis = new Redis(url, { maxRetriesPerRequest: 1 });
    this.packageOf = packageOf;
    // Each connection retries on its own; without a listener ioredis prints every failed try.
    this.redis.on('error', (error: Error) => this.redisFailed(error));
    this.timer = setInterval(() => void this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  /** Connects to Redis and empties the queues of these languages (the store says what is to be judged). */
  static async start(url: string, languageIds: readonly string[], packageOf: (problemId: string) => Promise<string>): Promise<RemoteJudging> {
    const remote = new RemoteJudging(url, packageOf);
    try {
      // First on the connection that gives up (the queues retry for ever): an unreachable Redis or a wrong password says so.
      await remote.redis.set(QUEUE_EPOCH_KEY, randomUUID());
      for (const languageId of languageIds) {
        const queue = new Queue(judgingQueueName(languageId), { connection: remote.redis });
        await queue.obliterate({ force: true });
        await queue.close();
      }
    } catch (error) {
      await remote.close();
      throw new QueueError(`cannot use the queue at ${redactedUrl(url)}: ${(error as Error).message}`);
    }
    return remote;
  }

  get capacity(): number {
    return this.liveCapacity;
  }

  judges(languageId: string): boolean {
    return this.roster.capacityFor(languageId) > 0;
  }

  accepts(languageId: string): boolean {
    let inFlight = 0;
    for (const flight of this.inFlight.values()) if (flight.languageId === languageId) inFlight++;
    return inFlight < this.roster.capacityFor(languageId);
  }

  /** Every remote judgehost that has beaten since the server started, gone ones too. */
  judgehostList(): RemoteJudgehostStatus[] {
    return this.roster.list();
  }

  /** A judge pauses, drains or resumes a judgehost: its workers leave (or rejoin) the pool now. False: no such judgehost. */
  setJudgehostMode(name: string, mode: JudgehostMode): boolean {
    if (!this.roster.setMode(name, mode)) return false;
    this.log.info({ judgehost: name, mode }, 'a judge changed a remote judgehost');
    this.capacityMayHaveChanged(true);
    return true;
  }

  pauseOnArrival(name: string): void {
    this.roster.pauseOnArrival(name);
  }

  /** Tells when the judgehosts' list may have changed (a heartbeat, a judge's order, one gone). */
  onJudgehostsChange(listener: () => void): () => void {
    this.rosterListeners.add(listener);
    return () => this.rosterListeners.delete(listener);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A judgehost is alive; the answer says which mode a judge wants it in. Null: another live judgehost has its name. */
  heartbeat(beat: JudgehostHeartbeat): HeartbeatAnswer | null {
    // A judgehost silent for long enough is gone first: its name is free again.
    this.capacityMayHaveChanged();
    if (this.roster.nameTaken(beat)) return null;
    const { mode, joined } = this.roster.heartbeat(beat, Date.now());
    if (joined) this.onJoin?.(beat);
    this.capacityMayHaveChanged(true);
    return { mode };
  }

  /** Told of each judgehost that joins (or comes back), with its first heartbeat (the speed check logs it). */
  onJoin: ((beat: JudgehostHeartbeat) => void) | null = null;

  judge(job: JudgeJob, listener: JobListener): Promise<JudgeResult> {
    return new Promise((resolve) => {
      // In flight from now: a cancel while the package's name is looked up resolves it, and nothing is dispatched.
      const flight: InFlight = { languageId: job.languageId, sourcePath: job.sourcePath, data: null, listener, resolve };
      this.inFlight.set(job.id, flight);
      void this.jobData(job).then(
        (data) => {
          if (this.inFlight.get(job.id) !== flight) return;
          flight.data = data;
          void this.dispatch(flight);
        },
        (error: Error) => {
          if (this.inFlight.get(job.id) !== flight) return;
          this.inFlight.delete(job.id);
          resolve(judgeErrorResult(`cannot send the judging to the queue: ${error.message}`));
        },
      );
    });
  }

  /** What the queue carries for a job: names only (the judgehost fetches the source: sources()). */
  private async jobData(job: JudgeJob): Promise<RemoteJobData> {
    const packageSha256 = await this.packageOf(job.problem.id);
    return {
      judgementId: judgementIdOf(job.id),
      attempt: 0,
      problemId: job.problem.id,
      packageSha256,
      languageId: job.languageId,
      timeLimitMs: job.problem.timeLimitMs,
      runAllTests: job.runAllTests === true,
    };
  }

  cancel(jobId: string): boolean {
    const flight = this.inFlight.get(jobId);
    if (!flight) return false;
    this.inFlight.delete(jobId);
    // A waiting job goes; a running one finishes on its judgehost, and its result is refused.
    if (flight.data) void this.lane(flight.languageId).queue.remove(remoteJobId(flight.data.judgementId, flight.data.attempt)).catch(() => {});
    flight.resolve(judgeErrorResult('judging was cancelled'));
    return true;
  }

  /** The files of a judgement's current attempt, for its judgehost; null when the attempt is not current (superseded, cancelled, done). */
  sources(judgementId: string, attempt: number): JudgingSources | null {
    const flight = this.current(judgementId, attempt);
    if (!flight) return null;
    return { files: submittedFiles(flight.sourcePath).map((f) => ({ fileName: f.name, base64: readFileSync(f.path).toString('base64') })) };
  }

  /** A running attempt's steps and program output; false when the attempt is not the judgement's current one. */
  progress(judgementId: string, report: ProgressReport): boolean {
    const flight = this.current(judgementId, report.attempt);
    if (!flight) return false;
    if (report.output) flight.listener.onOutput?.(report.output);
    for (const step of report.steps) flight.listener.onProgress?.(step);
    return true;
  }

  /** An attempt's result; false (and ignored) when the attempt is not the judgement's current one. */
  result(judgementId: string, report: ResultReport): boolean {
    const flight = this.current(judgementId, report.attempt);
    if (!flight) return false;
    this.inFlight.delete(`j${judgementId}`);
    this.log.debug({ judgementId, judgehost: report.judgehost, verdict: report.result.verdict }, 'remote result');
    this.roster.judgedBy(report.judgehost);
    if (report.output) flight.listener.onOutput?.(report.output);
    // The judgement is recorded under the judgehost whose result counted, not the server's own.
    flight.resolve({ ...report.result, judgehost: report.judgehost });
    return true;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    for (const [jobId, flight] of this.inFlight) {
      this.inFlight.delete(jobId);
      flight.resolve(judgeFaultResult('the server stopped'));
    }
    await Promise.allSettled([...this.lanes.values()].flatMap((lane) => [lane.stallChecker.close(), lane.queue.close(), lane.events.close()]));
    this.redis.disconnect();
  }

  /** A language's queue, its events and its stall checker, made at its first judging. */
  private lane(languageId: string): Lane {
    let lane = this.lanes.get(languageId);
    if (lane) return lane;
    const name = judgingQueueName(languageId);
    const connection = { url: this.url, maxRetriesPerRequest: null };
    lane = {
      queue: new Queue<RemoteJobData>(name, { connection }),
      events: new QueueEvents(name, { connection }),
      // No processor: it takes no job, only moves back to the queue the jobs whose judgehost stopped renewing their lock.
      stallChecker: new Worker<RemoteJobData>(name, null, { connection, autorun: false, lockDuration: JOB_LOCK_MS, stalledInterval: STALLED_CHECK_MS, maxStalledCount: MAX_STALLED }),
    };
    lane.events.on('failed', ({ jobId, failedReason }) => this.failed(jobId, failedReason));
    const failed = (error: Error) => this.redisFailed(error);
    lane.queue.on('error', failed);
    lane.events.on('error', failed);
    lane.stallChecker.on('error', failed);
    void lane.stallChecker.startStalledCheckTimer();
    this.lanes.set(languageId, lane);
    return lane;
  }

  private redisFailed(error: Error): void {
    if (this.unreachable || this.closed) return;
    this.unreachable = true;
    this.log.error({ err: error }, 'Redis is unreachable: the judgings wait (the store keeps them) and go to the queue again once it answers');
  }

  private current(judgementId: string, attempt: number): InFlight | null {
    const flight = this.inFlight.get(`j${judgementId}`);
    return flight?.data?.attempt === attempt ? flight : null;
  }

  private async dispatch(flight: InFlight): Promise<void> {
    if (!flight.data) return;
    const data = { ...flight.data, attempt: ++this.attempts };
    flight.data = data;
    const { judgementId, attempt } = data;
    try {
      await this.lane(data.languageId).queue.add('judge', data, {
        jobId: remoteJobId(judgementId, attempt),
        attempts: JOB_ATTEMPTS,
        backoff: { type: 'fixed', delay: JOB_RETRY_DELAY_MS },
        removeOnComplete: true,
        removeOnFail: true,
      });
    } catch (error) {
      if (this.closed) return;
      this.log.error({ err: error, judgementId }, 'cannot put a judging on the queue; it is dispatched again once Redis answers');
      this.lost = true;
    }
  }

  /** BullMQ gave up on a job (its processor failed every attempt, or it stalled too often): a judge fault, judged again. */
  private failed(jobId: string, reason: string): void {
    for (const [poolJobId, flight] of this.inFlight) {
      if (!flight.data || remoteJobId(flight.data.judgementId, flight.data.attempt) !== jobId) continue;
      this.inFlight.delete(poolJobId);
      flight.resolve(judgeFaultResult(`a remote judgehost failed: ${reason}`));
    }
  }

  /** Counts the judgehosts gone quiet out; tells the listeners when the capacity changed, and the list's when `rosterChanged` or one went. */
  private capacityMayHaveChanged(rosterChanged = false): void {
    const gone = this.roster.expire(Date.now());
    for (const name of gone) this.log.warn({ judgehost: name }, 'a remote judgehost stopped answering: its workers leave the pool');
    if (rosterChanged || gone.length > 0) for (const listener of this.rosterListeners) listener();
    const capacity = this.roster.capacity;
    if (capacity === this.liveCapacity) return;
    this.liveCapacity = capacity;
    for (const listener of this.listeners) listener();
  }

  /** Judgehosts gone quiet leave; Redis without the epoch key (restarted empty, flushed) gets every judging in flight again. */
  private async check(): Promise<void> {
    this.capacityMayHaveChanged();
    let epoch: string | null;
    try {
      epoch = await this.redis.get(QUEUE_EPOCH_KEY);
    } catch {
      return; // Redis is down: the dispatches wait for it
    }
    if (this.unreachable) {
      this.unreachable = false;
      this.log.info('Redis answers again');
    }
    if (epoch !== null && !this.lost) return;
    if (this.closed) return;
    this.log.warn({ inFlight: this.inFlight.size, lostData: epoch === null }, 'rebuilding the queue from the judgings in flight');
    this.lost = false;
    try {
      await this.redis.set(QUEUE_EPOCH_KEY, randomUUID());
    } catch {
      this.lost = true;
      return;
    }
    for (const flight of this.inFlight.values()) await this.dispatch(flight);
  }
}
