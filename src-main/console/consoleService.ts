// The judges' console on the core side: every JudgeApi request, and the batched event stream.
// The HTTP routes (browser console) and the Electron IPC handlers both call this one object.
import { statSync } from 'node:fs';
import { readHead } from '../common/fileSlices.ts';
import { join } from 'node:path';
import { readContestClock, type ContestTimes } from '../contest/clock.ts';
import { endNow, startNow, type ScheduleChange } from '../contest/startEndNow.ts';
import { jobIdOf } from '../judging/judgingService.ts';
import { VERDICTS, type Verdict } from '../common/types.ts';
import { storeFileIn, type SubmissionRow } from '../store/store.ts';
import type { CoreContext } from '../core/context.ts';
import { syncAwards, syncLanguages } from '../core/clicsSync.ts';
import { healthProblems } from '../core/health.ts';
import { portalScoreboard } from '../core/views.ts';
import { consoleClarificationById, consoleClarifications } from './clarificationViews.ts';
import { DEFAULT_CANNED_ANSWERS } from '../contest/cannedAnswers.ts';
import { timeFactorOf, scaledTimeLimitMs } from '../common/timeFactors.ts';
import { ConsoleError } from './consoleError.ts';
import type {
  AnswerRequest,
  AwardsView,
  BalloonView,
  ConsoleClarification,
  ConsoleClock,
  ConsoleEvent,
  ConsoleLanguage,
  ConsoleProblem,
  ConsoleSnapshot,
  ConsoleSubmission,
  ConsoleTeam,
  ConsolePrintJob,
  ConsolePrintJobWithText,
  PrintJobsView,
  ProblemFileKind,
  ExportJob,
  JudgeApi,
  JudgehostOrder,
  JudgeRequestName,
  MedalCounts,
  PasswordSheetEntry,
  PoolView,
  ProblemStats,
  QueueEntry,
  ResolverView,
  RejudgingDetail,
  RejudgingSelection,
  RejudgingSummary,
  SubmissionDetail,
  TeamImportSummary,
  ThroughputSample,
  WorkerView,
} from '../shared/judgeApi.ts';
import { EVENT_BATCH_INTERVAL_MS } from '../shared/judgeApi.ts';
import { OutputHub } from './outputHub.ts';
import { judgehostViews, orderJudgehost } from './judgehostViews.ts';
import { balloonList } from './balloonList.ts';
import { problemStats } from './problemStats.ts';
import { awardsView } from './awardsView.ts';
import { resolverView } from './resolverView.ts';
import { setStoredMedalCounts } from '../store/medalSettings.ts';
import { rejudgingDetail, rejudgingSummary, selectForRejudging } from './rejudgingViews.ts';
import { ExportService } from '../export/exportService.ts';
import { disabledLanguages, setLanguageDisabled } from '../store/languageSettings.ts';
import { loadContest } from '../contest/loadContest.ts';
import { importTeamsIntoFolder, parseTeamList } from '../contest/teamImport.ts';
import { addProblemPackage, type AddedPackage, type AddedProblem } from '../contest/problemImport.ts';
import { FileError } from '../common/errors.ts';
import { teamAffiliations } from '../core/teamAffiliations.ts';
import { problemFile, type ProblemFile } from './problemFiles.ts';
import { findStatement } from '../contest/problemCatalogue.ts';
import { PrintDesk, printSettings } from './printDesk.ts';
import type { PrintJobRow } from '../store/printJobs.ts';

/** The queue shown on the dashboard (the rest is counted). */
export const QUEUE_SHOWN = 200;
/** Throughput history: one sample a minute, this many minutes. */
const THROUGHPUT_MINUTES = 30;
const SAMPLE_INTERVAL_MS = 60_000;
/** Test input/answer/output shown side by side is cut here. */
const DIFF_SHOWN_CHARS = 64 * 1024;
const LIST_PAGE = 5000;

export type ConsoleRequests = Pick<JudgeApi, JudgeRequestName>;

/** Requests that record the judge who made them: each transport passes the judge's username as one more, last argument. */
export const SIGNED_REQUESTS: ReadonlySet<JudgeRequestName> = new Set<JudgeRequestName>([
  'overrideVerdict',
  'setBalloonDelivered',
  'setVerified',
  'setPrintJobPrinted',
  'setClarificationClaimed',
  'createRejudging',
  'applyRejudging',
  'cancelRejudging',
]);
/** Who a signed request is recorded as when the transport knows no account (the desktop's own console). */
const UNNAMED_JUDGE = 'judge';

export class ConsoleService implements ConsoleRequests {
  private readonly ctx: CoreContext;
  readonly output = new OutputHub();
  private readonly listeners = new Set<(events: ConsoleEvent[]) => void>();
  private pending: ConsoleEvent[] = [];
  /** Submissions changed since the last batch: each is read once, at the batch, however often it changed. */
  private readonly changedSubmissions = new Set<string>();
  private dirty = { pool: false, workers: false, queue: false, judgehosts: false };
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly throughput: ThroughputSample[] = [];
  private judgedThisMinute = 0;
  private readonly sampler: NodeJS.Timeout;
  private readonly unsubscribers: (() => void)[] = [];

  readonly exports: ExportService;
  /** Print jobs: the portal's route adds them, the console lists and prints them. */
  readonly printDesk: PrintDesk;

  constructor(ctx: CoreContext, exportWorker?: string) {
    this.ctx = ctx;
    this.exports = new ExportService((job) => this.queue({ type: 'export', job }), exportWorker);
    this.printDesk = new PrintDesk(ctx, () => this.queue({ type: 'printJobs' }));
    const { judging, engine, store } = ctx;
    judging.onOutput = (submissionId, data) => this.output.append(submissionId, data);
    judging.onRejudged = () => this.queue({ type: 'rejudgings' });
    judging.addProgressListener((live) => {
      this.markDirty('workers', 'judgehosts');
      // Stopped to make room: the submission is waiting again (no store event says so).
      if (live.requeued) this.pushSubmission(live.submissionId);
    });
    this.unsubscribers.push(engine.pool.onChange(() => this.markDirty('pool', 'workers', 'queue', 'judgehosts')));
    this.unsubscribers.push(engine.local.onChange(() => this.markDirty('judgehosts')));
    const remote = engine.remote;
    if (remote) this.unsubscribers.push(remote.onJudgehostsChange(() => this.markDirty('judgehosts')));
    this.unsubscribers.push(
      store.events.subscribe((event) => {
        switch (event.type) {
          case 'submissions':
            this.pushSubmission(event.id!);
            this.markDirty('queue');
            break;
          case 'judgements': {
            const data = event.data as { submission_id: string; end_time: string | null } | null;
            if (!data) break;
            this.pushSubmission(data.submission_id);
            this.markDirty('queue', 'workers');
            if (data.end_time) {
              this.judgedThisMinute++;
              this.output.finish(data.submission_id);
            } else this.output.restart(data.submission_id);
            this.queue({ type: 'scoreboard' });
            break;
          }
          case 'clarifications': {
            const clarification = consoleClarificationById(store, event.id!)!;
            this.queue({ type: 'clarification', clarification });
            // An answer released its question's claim.
            const question = clarification.replyToId === null ? null : consoleClarificationById(store, clarification.replyToId);
            if (question) this.queue({ type: 'clarification', clarification: question });
            break;
          }
          case 'contest':
          case 'state':
            this.queue({ type: 'clock', clock: this.clock() });
            this.queue({ type: 'scoreboard' });
            break;
          case 'problems':
            this.queue({ type: 'problems' });
            break;
        }
      }),
    );
    this.sampler = setInterval(() => this.sample(), SAMPLE_INTERVAL_MS);
    this.sampler.unref();
  }

  close(): void {
    clearInterval(this.sampler);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.listeners.clear();
  }

  // ---------------------------------------------------------------- events

  subscribe(listener: (events: ConsoleEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private queue(event: ConsoleEvent): void {
    this.pending.push(event);
    this.scheduleFlush();
  }

  private markDirty(...parts: (keyof ConsoleService['dirty'])[]): void {
    for (const part of parts) this.dirty[part] = true;
    this.scheduleFlush();
  }

  private pushSubmission(id: string): void {
    this.changedSubmissions.add(id);
    this.scheduleFlush();
  }

  private submissionEvents(): ConsoleEvent[] {
    const events: ConsoleEvent[] = [];
    for (const id of this.changedSubmissions) {
      const row = this.ctx.store.submissions.get(id);
      if (row) events.push({ type: 'submission', submission: submissionView(row, this.ctx.store.verifications.of(row.judgementId)) });
    }
    this.changedSubmissions.clear();
    return events;
  }

  /** One batch per EVENT_BATCH_INTERVAL_MS at most; pool, workers and queue are sent as their latest state. */
  private scheduleFlush(): void {
    if (this.flushTimer || this.listeners.size === 0) {
      if (this.listeners.size === 0) {
        this.pending = [];
        this.changedSubmissions.clear();
      }
      return;
    }
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      const events = [...this.submissionEvents(), ...this.pending];
      this.pending = [];
      if (this.dirty.pool) events.push({ type: 'pool', pool: this.pool() });
      if (this.dirty.workers) events.push({ type: 'workers', workers: this.workers() });
      if (this.dirty.queue) events.push({ type: 'queue', queue: this.queueEntries() });
      if (this.dirty.judgehosts) events.push({ type: 'judgehosts', judgehosts: judgehostViews(this.ctx) });
      this.dirty = { pool: false, workers: false, queue: false, judgehosts: false };
      if (events.length === 0) return;
      for (const listener of this.listeners) listener(events);
    }, EVENT_BATCH_INTERVAL_MS);
  }

  private sample(): void {
    this.throughput.push({ at: this.ctx.now(), judgedPerMinute: this.judgedThisMinute, queueLength: this.ctx.store.queue.stats(this.ctx.now()).queued });
    if (this.throughput.length > THROUGHPUT_MINUTES) this.throughput.shift();
    this.judgedThisMinute = 0;
    this.queue({ type: 'throughput', throughput: [...this.throughput] });
  }

  // ---------------------------------------------------------------- views

  private clock(): ConsoleClock {
    const contest = this.ctx.store.contest.get()!;
    const now = this.ctx.now();
    const phase = readContestClock(contest, now);
    return {
      startTime: contest.startTime,
      durationMs: contest.durationMs,
      freezeMs: contest.freezeMs,
      penaltyMinutes: contest.penaltyMinutes,
      serverTime: now,
      started: phase.started,
      frozen: phase.frozen,
      ended: phase.ended,
      thawed: this.ctx.store.contest.resultsReleased(),
      finalized: this.ctx.store.contest.state(now).finalized !== null,
    };
  }

  private pool(): PoolView {
    const { pool, host } = this.ctx.engine;
    const { status, restarts, lastFailure } = host.health();
    return {
      workers: pool.workers,
      busy: pool.busy,
      paused: pool.isPaused,
      queued: this.ctx.store.queue.stats(this.ctx.now()).queued,
      sandbox: host.sandbox.level,
      judgehost: { status, restarts, lastFailure },
      problems: healthProblems(this.ctx),
    };
  }

  private workers(): WorkerView[] {
    const live = new Map(this.ctx.judging.running().map((l) => [jobIdOf(l.judgementId), l]));
    return this.ctx.engine.pool.workerStates().map((w) => {
      const judging = w.jobId ? live.get(w.jobId) : undefined;
      if (!judging || w.startedAt === null) return { slot: w.slot, activity: { state: 'idle' } };
      const progress = judging.progress;
      if (!progress || progress.phase === 'compiling') return { slot: w.slot, activity: { state: 'compiling', submissionId: judging.submissionId, startedAt: w.startedAt } };
      const submission = this.ctx.store.submissions.get(judging.submissionId);
      const status = submission ? this.ctx.problems.status(submission.problemId) : null;
      return {
        slot: w.slot,
        activity: {
          state: 'running',
          submissionId: judging.submissionId,
          startedAt: w.startedAt,
          testIndex: progress.testIndex,
          testCount: progress.testCount,
          testName: progress.phase === 'running' ? progress.testName : progress.result.name,
          timeLimitMs: status?.state === 'ready' && submission ? scaledTimeLimitMs(status.timeLimitMs, timeFactorOf(this.ctx.contest.languageTimeFactors, submission.languageId)) : 0,
          ...(progress.phase === 'running' && progress.pass !== undefined ? { pass: progress.pass } : {}),
        },
      };
    });
  }

  private queueEntries(): QueueEntry[] {
    const { pool } = this.ctx.engine;
    const perSubmission = this.ctx.judging.averageJudgingMs();
    const now = this.ctx.now();
    return this.ctx.store.queue.list(QUEUE_SHOWN).map((s, i) => ({
      submissionId: s.id,
      teamId: s.teamId,
      problemId: s.problemId,
      languageId: s.languageId,
      position: i + 1,
      queuedAt: s.submittedAt,
      estimatedStart: pool.isPaused ? null : now + Math.floor(i / Math.max(1, pool.workers)) * perSubmission,
      // A waiting submission with a judgement is one whose judging was stopped: that judgement goes on when it starts again.
      preempted: s.judgementId !== null,
    }));
  }

  private languages(): ConsoleLanguage[] {
    const disabled = disabledLanguages(this.ctx.store);
    const factors = this.ctx.contest.languageTimeFactors;
    return this.ctx.engine.languages.map((l) => ({ id: l.id, name: l.name, available: l.available, enabled: !disabled.has(l.id), detail: l.detail, timeFactor: timeFactorOf(factors, l.id) }));
  }

  // ---------------------------------------------------------------- requests

  async getSnapshot(): Promise<ConsoleSnapshot> {
    const contest = this.ctx.store.contest.get()!;
    const preparing: string[] = [];
    const { hashed, total } = this.ctx.accounts.progress();
    if (hashed < total) preparing.push(`preparing accounts: ${hashed} of ${total}`);
    const loading = this.ctx.problems.loading();
    if (loading > 0) preparing.push(`reading problem packages: ${loading} left`);
    return {
      contest: { id: contest.id, name: contest.name },
      clock: this.clock(),
      pool: this.pool(),
      workers: this.workers(),
      judgehosts: judgehostViews(this.ctx),
      queue: this.queueEntries(),
      throughput: [...this.throughput],
      languages: this.languages(),
      preparing,
    };
  }

  async listSubmissions(afterId?: string | null, limit = LIST_PAGE): Promise<ConsoleSubmission[]> {
    const verified = this.ctx.store.verifications.all();
    return this.ctx.store.submissions
      .list({ afterId: afterId ?? undefined, limit: Math.min(Math.max(1, limit), LIST_PAGE) })
      .map((row) => submissionView(row, row.judgementId === null ? null : (verified.get(row.judgementId) ?? null)));
  }

  async getSubmission(id: string): Promise<SubmissionDetail> {
    const { store } = this.ctx;
    const row = store.submissions.get(id);
    if (!row) throw new ConsoleError('not_found', `no submission ${id}`);
    const texts = store.submissions.texts(row.id)!;
    const judgement = row.judgementId ? store.judgements.get(row.judgementId) : null;
    const runs = judgement ? store.judgements.runs(judgement.id) : [];
    const failingRun = runs.find((r) => r.verdict !== 'AC');
    let failing: SubmissionDetail['failing'] = null;
    if (failingRun && judgement) {
      const pkg = await this.ctx.problems.get(row.problemId).catch(() => null);
      const test = pkg?.testCases.find((t) => t.name === failingRun.testName);
      // Only the shown start of a test file is read: test data can be hundreds of MiB.
      const head = (path: string | undefined) => (path ? readHead(path, DIFF_SHOWN_CHARS) : '');
      const bytes = (path: string | undefined) => (path ? (statSync(path, { throwIfNoEntry: false })?.size ?? 0) : 0);
      const output = judgement.failingOutput ?? '';
      failing = {
        testName: failingRun.testName,
        input: head(test?.inputPath),
        expected: head(test?.answerPath),
        output: output.slice(0, DIFF_SHOWN_CHARS),
        truncated: Math.max(bytes(test?.inputPath), bytes(test?.answerPath), output.length) > DIFF_SHOWN_CHARS,
        message: failingRun.message,
      };
    }
    return {
      submission: submissionView(row, store.verifications.of(row.judgementId)),
      ...texts,
      compileOutput: judgement?.compileOutput ?? '',
      judgeError: judgement?.error ?? null,
      judgehost: judgement?.judgehost ?? null,
      runs: runs.map((r) => ({ ordinal: r.ordinal, testName: r.testName, verdict: r.verdict, timeMs: r.timeMs, memoryKb: r.memoryKb, wallMs: r.wallMs, message: r.message, score: r.score })),
      groups: judgement?.groups ?? null,
      failing,
      overrides: store.judgements.overrides(row.id).map((o) => ({ verdict: o.newVerdict, previous: o.oldVerdict, reason: o.reason, by: o.by, at: o.time })),
    };
  }

  async getScoreboard(view: 'judges' | 'public') {
    return portalScoreboard(this.ctx, view === 'public' ? 'public' : 'judges');
  }

  async listProblems(): Promise<ConsoleProblem[]> {
    return Promise.all(
      this.ctx.contest.problems.map(async (p) => {
        const status = this.ctx.problems.status(p.id);
        const base = { id: p.id, label: p.label, name: p.name, rgb: p.rgb };
        if (status?.state !== 'ready') {
          return { ...base, state: status?.state ?? 'loading', error: status?.state === 'broken' ? status.error : null, timeLimitMs: null, memoryLimitMb: null, outputLimitMb: null, testCases: null, samples: [], statementKind: null, validation: null };
        }
        const pkg = await this.ctx.problems.get(p.id);
        return {
          ...base,
          state: 'ready' as const,
          error: null,
          timeLimitMs: status.timeLimitMs,
          memoryLimitMb: pkg.memoryLimitMb,
          outputLimitMb: pkg.outputLimitMb,
          testCases: pkg.testCases.length,
          samples: pkg.testCases.filter((t) => t.isSample).map((t) => ({ name: t.name, input: readHead(t.inputPath, DIFF_SHOWN_CHARS), answer: readHead(t.answerPath, DIFF_SHOWN_CHARS) })),
          statementKind: findStatement(pkg)?.kind ?? null,
          validation: pkg.interactive ? ('interactive' as const) : pkg.validation,
        };
      }),
    );
  }

  /** A problem's test data or statement, for either transport to hand over (not a JSON request). */
  problemFile(problemId: string, kind: ProblemFileKind): Promise<ProblemFile> {
    return problemFile(this.ctx, problemId, kind);
  }

  async listPrintJobs(): Promise<PrintJobsView> {
    const { enabled, command } = printSettings(this.ctx);
    const jobs = this.ctx.store.printJobs.list();
    // The desk's order: what waits first, oldest first (as sent); then what is printed, newest first.
    const pending = jobs.filter((j) => j.printed === null);
    const printed = jobs.filter((j) => j.printed !== null).reverse();
    return { printing: { enabled, command }, jobs: [...pending, ...printed].map(printJobView) };
  }

  async getPrintJob(id: string): Promise<ConsolePrintJobWithText> {
    const job = this.ctx.store.printJobs.get(id);
    if (!job) throw new ConsoleError('not_found', `no print job ${id}`);
    return { ...printJobView(job), text: job.text };
  }

  async setPrintJobPrinted(id: string, printed: boolean, by: string = UNNAMED_JUDGE): Promise<void> {
    this.ctx.store.printJobs.mark(id, printed, by, this.ctx.now());
    this.queue({ type: 'printJobs' });
  }

  async sendPrintJob(id: string): Promise<ConsolePrintJob> {
    await this.printDesk.resend(id);
    return printJobView(this.ctx.store.printJobs.get(id)!);
  }

  async listTeams(): Promise<ConsoleTeam[]> {
    const usernames = new Map(this.ctx.contest.accounts.filter((a) => a.teamId).map((a) => [a.teamId!, a.username]));
    // Locations come from the contest folder as last read (the store keeps what CLICS announces).
    const locations = new Map(this.ctx.contest.teams.map((t) => [t.id, t.location ?? null]));
    const affiliations = teamAffiliations(this.ctx, 'judges');
    const groupNames = new Map(affiliations.groups.map((g) => [g.id, g.name]));
    return this.ctx.store.contest.teams().map((t) => ({
      id: t.id,
      name: t.name,
      displayName: t.displayName,
      hidden: t.hidden,
      username: usernames.get(t.id) ?? null,
      location: locations.get(t.id) ?? null,
      organization: affiliations.organizationOf(t),
      groups: t.groupIds.map((id) => groupNames.get(id) ?? id),
    }));
  }

  async listClarifications(): Promise<ConsoleClarification[]> {
    return consoleClarifications(this.ctx.store);
  }

  async pauseJudging(): Promise<void> {
    this.ctx.engine.pool.pause();
  }

  async resumeJudging(): Promise<void> {
    this.ctx.engine.pool.resume();
    this.ctx.judging.pump();
  }

  async setWorkers(workers: number): Promise<void> {
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new ConsoleError('invalid', 'workers must be a whole number from 1 to 64');
    this.ctx.engine.setWorkers(workers);
    this.ctx.judging.pump();
  }

  async setJudgehostMode(judgehostId: string, mode: JudgehostOrder): Promise<void> {
    orderJudgehost(this.ctx, judgehostId, mode);
    this.markDirty('judgehosts');
    this.ctx.judging.pump();
  }

  async prioritise(submissionId: string): Promise<void> {
    this.ctx.store.queue.prioritise(submissionId);
    this.markDirty('queue');
  }

  async rejudgeSubmission(submissionId: string): Promise<void> {
    if (!this.ctx.store.submissions.get(submissionId)) throw new ConsoleError('not_found', `no submission ${submissionId}`);
    this.ctx.store.contest.refuseOnceFinal(`rejudging submission ${submissionId}`);
    // Refused (in an open rejudging) before anything stops: a judging running now is the old one, its verdict refused.
    this.ctx.store.judgements.rejudge(submissionId);
    this.ctx.judging.kill(submissionId);
    this.ctx.judging.pump();
  }

  async createRejudging(selection: RejudgingSelection, reason: string, by = UNNAMED_JUDGE): Promise<{ rejudging: RejudgingSummary; skipped: number }> {
    if (!reason.trim()) throw new ConsoleError('invalid', 'a rejudging needs a reason');
    const { store } = this.ctx;
    const { ids, skipped } = selectForRejudging(store.submissions.list(), selection);
    if (ids.length === 0) throw new ConsoleError('invalid', `no judged submission to rejudge matches${skipped > 0 ? ` (${skipped} wait for a verdict or are in another rejudging)` : ''}`);
    const row = store.rejudgings.create(ids, reason.trim(), by);
    this.rejudgingChanged(ids);
    return { rejudging: rejudgingSummary(row), skipped };
  }

  async listRejudgings(): Promise<RejudgingSummary[]> {
    return this.ctx.store.rejudgings.list().map(rejudgingSummary);
  }

  async getRejudging(id: string): Promise<RejudgingDetail> {
    const row = this.ctx.store.rejudgings.get(id);
    if (!row) throw new ConsoleError('not_found', `no rejudging ${id}`);
    return rejudgingDetail(row, this.ctx.store.rejudgings.items(id));
  }

  async applyRejudging(id: string, by = UNNAMED_JUDGE): Promise<RejudgingSummary> {
    // Its submissions' new verdicts reach the console, the scoreboard and the feed as the store's judgement events.
    const row = this.ctx.store.rejudgings.apply(id, by);
    this.queue({ type: 'rejudgings' });
    return rejudgingSummary(row);
  }

  async cancelRejudging(id: string, by = UNNAMED_JUDGE): Promise<RejudgingSummary> {
    const { store, judging } = this.ctx;
    const running = store.rejudgings.cancel(id, by);
    for (const submissionId of running) judging.kill(submissionId);
    this.rejudgingChanged(store.rejudgings.items(id).map((i) => i.submissionId));
    return rejudgingSummary(store.rejudgings.get(id)!);
  }

  /** Submissions joined or left a rejudging: no store event says so (nothing anyone else sees changed). */
  private rejudgingChanged(submissionIds: readonly string[]): void {
    for (const submissionId of submissionIds) this.pushSubmission(submissionId);
    this.queue({ type: 'rejudgings' });
    this.markDirty('queue', 'pool');
    this.ctx.judging.pump();
  }

  async overrideVerdict(submissionId: string, verdict: Verdict, reason: string, by = UNNAMED_JUDGE): Promise<void> {
    if (!VERDICTS.includes(verdict)) throw new ConsoleError('invalid', `not a verdict: ${verdict}`);
    if (!reason.trim()) throw new ConsoleError('invalid', 'an override needs a reason');
    this.ctx.store.judgements.override(submissionId, verdict, reason.trim(), by);
  }

  async killRun(submissionId: string): Promise<void> {
    if (!this.ctx.judging.kill(submissionId)) throw new ConsoleError('conflict', `submission ${submissionId} is not being judged`);
  }

  async answerClarification(answer: AnswerRequest): Promise<ConsoleClarification> {
    if (!answer.text.trim()) throw new ConsoleError('invalid', 'an answer needs text');
    const row = this.ctx.store.clarifications.add({
      fromTeamId: null,
      toTeamId: answer.toTeamId ?? null,
      problemId: answer.problemId ?? null,
      replyToId: answer.replyToId ?? null,
      text: answer.text.trim(),
      time: this.ctx.now(),
    });
    return consoleClarificationById(this.ctx.store, row.id)!;
  }

  async setClarificationClaimed(clarificationId: string, claimed: boolean, by = UNNAMED_JUDGE): Promise<ConsoleClarification> {
    const { store } = this.ctx;
    if (claimed) {
      const claim = store.clarificationClaims.claim(clarificationId, by, this.ctx.now());
      if (claim.by !== by) throw new ConsoleError('conflict', `${claim.by} is answering this question already`);
    } else {
      store.clarificationClaims.release(clarificationId);
    }
    const view = consoleClarificationById(store, clarificationId);
    if (!view) throw new ConsoleError('not_found', `no clarification ${clarificationId}`);
    this.queue({ type: 'clarification', clarification: view });
    return view;
  }

  async listCannedAnswers(): Promise<string[]> {
    return [...(this.ctx.contest.cannedAnswers ?? DEFAULT_CANNED_ANSWERS)];
  }

  async setContestTimes(times: { startTime: number | null; durationMs: number; freezeMs: number; penaltyMinutes?: number }): Promise<void> {
    const { startTime, durationMs, freezeMs, penaltyMinutes } = times;
    if (startTime !== null && !Number.isFinite(startTime)) throw new ConsoleError('invalid', 'startTime must be epoch ms or null');
    if (!(durationMs > 0) || !(freezeMs >= 0) || freezeMs > durationMs) throw new ConsoleError('invalid', 'need 0 < durationMs and 0 <= freezeMs <= durationMs');
    if (penaltyMinutes !== undefined && !(Number.isInteger(penaltyMinutes) && penaltyMinutes >= 0 && penaltyMinutes <= 1000)) throw new ConsoleError('invalid', 'penaltyMinutes must be whole minutes from 0 to 1000');
    this.ctx.store.contest.setTimes({ startTime, durationMs, freezeMs, penaltyMinutes });
    this.ctx.scoreboard.invalidate();
  }

  async startContestNow(): Promise<void> {
    this.changeSchedule(startNow);
  }

  async endContestNow(): Promise<void> {
    this.changeSchedule(endNow);
  }

  /** Start now / End now: the schedule the action makes from the stored one, written at the core's now. */
  private changeSchedule(action: (times: ContestTimes, now: number) => ScheduleChange): void {
    const contest = this.ctx.store.contest.get()!;
    const now = this.ctx.now();
    const change = action(contest, now);
    if ('refused' in change) throw new ConsoleError('conflict', change.refused);
    this.ctx.store.contest.setTimes(change.times, now);
    this.ctx.scoreboard.invalidate();
  }

  async setLanguageEnabled(languageId: string, enabled: boolean): Promise<void> {
    if (!this.ctx.engine.languages.some((l) => l.id === languageId)) throw new ConsoleError('not_found', `no language '${languageId}'`);
    setLanguageDisabled(this.ctx.store, languageId, !enabled);
    syncLanguages(this.ctx);
    this.queue({ type: 'clock', clock: this.clock() });
  }

  async importTeams(list: string): Promise<TeamImportSummary> {
    let result;
    try {
      result = importTeamsIntoFolder(this.ctx.contest.dir, parseTeamList(list));
    } catch (error) {
      if (error instanceof FileError) throw new ConsoleError('invalid', error.message);
      throw error;
    }
    // The folder is the source of truth: read it back and bring the store and logins up to date.
    const contest = await loadContest(this.ctx.contest.dir);
    this.ctx.store.contest.import(contest, { hashPasswords: false });
    this.ctx.contest = contest;
    this.ctx.accounts.add(contest.accounts.filter((a) => result.accounts.some((n) => n.username === a.username)));
    this.ctx.scoreboard.invalidate();
    this.queue({ type: 'scoreboard' });
    return { added: result.added, updated: result.updated, newAccounts: result.accounts.length };
  }

  async getPasswordSheet(): Promise<PasswordSheetEntry[]> {
    const teams = new Map(this.ctx.store.contest.teams().map((t) => [t.id, t]));
    return this.ctx.contest.accounts
      .filter((a) => a.type === 'team' && a.teamId)
      .map((a) => ({ teamId: a.teamId!, teamName: teams.get(a.teamId!)?.displayName ?? a.teamId!, username: a.username, password: a.password }))
      .sort((a, b) => a.teamId.localeCompare(b.teamId, undefined, { numeric: true }));
  }

  /**
   * Adds a package (a zip or a folder on this machine) to the running contest: read once (checked),
   * copied into the contest folder and listed, and the package as read goes to the problem catalogue.
   * The path is one the core chose: a file dialog of the main process's, or an upload it wrote itself.
   */
  async addProblemFrom(path: string): Promise<AddedProblem> {
    let added: AddedPackage;
    try {
      added = await addProblemPackage(this.ctx.contest.dir, path);
    } catch (error) {
      if (error instanceof FileError) throw new ConsoleError('invalid', error.message);
      throw error;
    }
    try {
      const contest = await loadContest(this.ctx.contest.dir);
      this.ctx.store.contest.import(contest, { hashPasswords: false });
      this.ctx.contest = contest;
      this.ctx.problems.add(contest.problems.find((p) => p.id === added.added.id)!, added.pkg);
    } catch (error) {
      added.pkg.dispose();
      throw error;
    }
    this.ctx.scoreboard.invalidate();
    return added.added;
  }

  /** An export into a new folder under the data folder's exports/ (the desktop menu starts its own, into a folder the judge chose). */
  async startExport(): Promise<ExportJob> {
    const { job } = this.exports.start({ dbFile: storeFileIn(this.ctx.dataDir), contestDir: this.ctx.contest.dir, exportsDir: join(this.ctx.dataDir, 'exports') });
    return job;
  }

  async listExports(): Promise<ExportJob[]> {
    return this.exports.list();
  }

  async listBalloons(): Promise<BalloonView[]> {
    return balloonList(this.ctx);
  }

  async setBalloonDelivered(submissionId: string, delivered: boolean, by = UNNAMED_JUDGE): Promise<void> {
    if (!balloonList(this.ctx).some((b) => b.submissionId === submissionId)) throw new ConsoleError('not_found', `submission ${submissionId} earned no balloon`);
    this.ctx.store.balloons.mark(submissionId, delivered, by, this.ctx.now());
    this.queue({ type: 'balloons' });
  }

  async getProblemStats(): Promise<ProblemStats[]> {
    const { store } = this.ctx;
    return problemStats({ problems: store.contest.problems(), teams: store.contest.teams(), submissions: store.submissions.list(), durationMs: store.contest.get()!.durationMs });
  }

  async setVerified(submissionId: string, verified: boolean, by = UNNAMED_JUDGE): Promise<void> {
    const row = this.ctx.store.submissions.get(submissionId);
    if (!row) throw new ConsoleError('not_found', `no submission ${submissionId}`);
    if (row.judgementId === null || row.verdict === null) throw new ConsoleError('conflict', `submission ${submissionId} has no verdict to verify yet`);
    this.ctx.store.verifications.set(row.judgementId, verified, by, this.ctx.now());
    this.pushSubmission(submissionId);
  }

  async getAwards(): Promise<AwardsView> {
    return awardsView(this.ctx);
  }

  async setMedalCounts(counts: MedalCounts | null): Promise<void> {
    if (counts && Object.values(counts).some((n) => !Number.isInteger(n) || n < 0)) throw new ConsoleError('invalid', 'medal counts are whole numbers from 0 up');
    this.ctx.store.contest.refuseOnceClosed('a change of the medal counts');
    setStoredMedalCounts(this.ctx.store, counts);
    // The CLICS awards (and their event) follow at once; views that show awards refetch on the signal.
    syncAwards(this.ctx);
    this.queue({ type: 'scoreboard' });
  }

  async getResolver(): Promise<ResolverView> {
    return resolverView(this.ctx);
  }

  async setThawed(thawed: boolean): Promise<void> {
    // The awards go to everyone with the release, before the contest may close (end_of_updates is the last event).
    this.ctx.store.contest.markState({ thawed: thawed ? this.ctx.now() : null }, this.ctx.now(), () => syncAwards(this.ctx));
    this.ctx.scoreboard.invalidate();
    this.queue({ type: 'clock', clock: this.clock() });
  }

  async finalizeResults(): Promise<void> {
    const { store } = this.ctx;
    const now = this.ctx.now();
    const state = store.contest.state(now);
    if (state.finalized !== null) return;
    // The CCS requirements' conditions for final results ("Finalizing the Contest").
    if (state.ended === null) throw new ConsoleError('conflict', 'the contest is not over yet');
    const submissions = store.submissions.list();
    const unjudged = submissions.filter((s) => s.verdict === null).length;
    if (unjudged > 0) throw new ConsoleError('conflict', `${unjudged} submission${unjudged === 1 ? ' waits' : 's wait'} for a verdict`);
    const errors = submissions.filter((s) => s.verdict === 'JE').length;
    if (errors > 0) throw new ConsoleError('conflict', `${errors} submission${errors === 1 ? ' has' : 's have'} a judging error: rejudge or override first`);
    const rejudgings = store.rejudgings.list().filter((r) => r.state === 'open').length;
    if (rejudgings > 0) throw new ConsoleError('conflict', `${rejudgings} rejudging${rejudgings === 1 ? ' is' : 's are'} open: apply or cancel first`);
    const clarifications = store.clarifications.list();
    const answered = new Set(clarifications.map((c) => c.replyToId).filter((id) => id !== null));
    const open = clarifications.filter((c) => c.fromTeamId !== null && !answered.has(c.id)).length;
    if (open > 0) throw new ConsoleError('conflict', `${open} question${open === 1 ? ' is' : 's are'} not answered`);
    store.contest.markState({ finalized: now }, now, () => syncAwards(this.ctx));
    this.queue({ type: 'clock', clock: this.clock() });
  }
}

function submissionView(row: SubmissionRow, verification: { by: string; at: number } | null): ConsoleSubmission {
  return {
    id: row.id,
    teamId: row.teamId,
    problemId: row.problemId,
    languageId: row.languageId,
    fileName: row.fileName,
    submittedAt: row.submittedAt,
    contestTimeMs: row.contestTimeMs,
    status: row.status,
    verdict: row.verdict,
    overridden: row.overridden,
    timeMs: row.timeMs,
    memoryKb: row.memoryKb,
    score: row.score,
    verified: verification ? { by: verification.by, at: verification.at } : null,
    rejudgingId: row.rejudgingId,
  };
}

function printJobView(job: PrintJobRow): ConsolePrintJob {
  const { id, teamId, teamName, location, fileName, languageId, submittedAt, printed, commandError } = job;
  return { id, teamId, teamName, location, fileName, languageId, submittedAt, printed, commandError };
}
