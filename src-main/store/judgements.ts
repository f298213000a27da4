// Judgements, their runs and the judges' overrides: a judging started, stopped to make room, finished
// (its runs recorded as they happen), invalidated by a rejudge or after a crash, its verdict overridden.
// Each moves its submission through the queue (status queued → judging → judged) and appends its events
// in the same transaction. A submission in an open rejudging (rejudgings.ts) is judged into a judgement of
// that rejudging: never current and without events until the rejudging is applied (applyRejudged), so the
// scoreboard, the teams and the event feed see nothing of it before.
import type { GroupResult, JudgeResult, TestResult } from '../common/results.ts';
import { VERDICTS, type Verdict } from '../common/types.ts';
import { judgementObject, runObject } from './clics.ts';
import type { ContestRepository } from './contest.ts';
import { intId, type StoreDatabase } from './db.ts';
import type { EventLog } from './events.ts';
import type { ContestHistory } from './history.ts';
import { REJUDGE_PRIORITY } from './queue.ts';
import { StoreError, type JudgementRow, type OverrideRow, type RunRow, type SubmissionStatus } from './rows.ts';

const JUDGEMENT_COLUMNS = `
  CAST(j.id AS TEXT) AS id, CAST(j.submission_id AS TEXT) AS submissionId, j.judgehost AS judgehost, j.valid AS valid,
  j.start_time AS startTime, j.end_time AS endTime, j.verdict AS verdict, j.judged_verdict AS judgedVerdict,
  j.overridden AS overridden, j.max_time_ms AS timeMs, j.max_memory_kb AS memoryKb, j.compile_ok AS compileOk,
  j.compile_output AS compileOutput, j.compile_time_ms AS compileTimeMs, j.error AS error, j.failing_output AS failingOutput,
  j.invalidated_at AS invalidatedAt, j.invalidated_why AS invalidatedWhy, j.score AS score, j.groups AS groups`;

const RUN_SELECT = `
  SELECT CAST(id AS TEXT) AS id, CAST(judgement_id AS TEXT) AS judgementId, ordinal, test_name AS testName, verdict,
         time_ms AS timeMs, memory_kb AS memoryKb, wall_ms AS wallMs, exit_code AS exitCode, signal, message, time, score
    FROM runs`;

const OVERRIDE_SELECT = `
  SELECT CAST(id AS TEXT) AS id, CAST(submission_id AS TEXT) AS submissionId, CAST(judgement_id AS TEXT) AS judgementId,
         old_verdict AS oldVerdict, new_verdict AS newVerdict, reason, by_user AS "by", time
    FROM overrides o`;

type RawJudgement = Omit<JudgementRow, 'valid' | 'overridden' | 'compileOk' | 'groups'> & {
  valid: number | null;
  overridden: number | null;
  compileOk: number | null;
  /** JSON of the GroupResult[]. */
  groups: string | null;
};
/**
 * Whether a judgement may still be judged into (current, or its submission's open rejudging's), whether it
 * ended, whose, and the rejudging that made it.
 */
type JudgementState = { live: number; endTime: number | null; submissionId: number; rejudgingId: number | null };
/**
 * The judgements the world may know of (the Contest API, exports): all but a rejudging's that never became
 * current. Only a current judgement is ever invalidated by a rejudge, so one of a rejudging that was applied is
 * valid or invalidated by a rejudge since.
 */
const PUBLISHED = "(j.rejudging_id IS NULL OR j.valid = 1 OR j.invalidated_why = 'rejudge')";
/** A test's run as the judge reports it: its place among the tests, and when it finished. */
export type NewRun = { ordinal: number; test: TestResult; time: number };

function mapJudgement(r: RawJudgement): JudgementRow {
  return {
    ...r,
    valid: r.valid === 1,
    overridden: r.overridden === 1,
    compileOk: r.compileOk === null ? null : r.compileOk === 1,
    groups: r.groups === null ? null : (JSON.parse(r.groups) as GroupResult[]),
  };
}

function checkVerdict(v: string): Verdict {
  if (!(VERDICTS as readonly string[]).includes(v)) throw new StoreError('invalid', `unknown verdict ${JSON.stringify(v)}`);
  return v as Verdict;
}

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {
    getStatus: p('SELECT status FROM submissions WHERE id = ?'),
    getRejudging: p('SELECT rejudging_id FROM submissions WHERE id = ?'),
    setStatus: p('UPDATE submissions SET status = ? WHERE id = ?'),
    requeue: p("UPDATE submissions SET status = 'queued', queued_at = ? WHERE id = ?"),
    requeueAt: p("UPDATE submissions SET status = 'queued', queued_at = ?, priority = ? WHERE id = ?"),
    judgingSubmissions: p("SELECT id FROM submissions WHERE status = 'judging' ORDER BY id"),

    insertJudgement: p('INSERT INTO judgements (submission_id, judgehost, valid, start_time) VALUES (?, ?, 1, ?)'),
    getJudgement: p(`SELECT ${JUDGEMENT_COLUMNS} FROM judgements j WHERE j.id = ?`),
    getJudgementState: p(`SELECT j.valid = 1 OR (j.rejudging_id = s.rejudging_id AND j.invalidated_at IS NULL) AS live, j.end_time AS endTime,
                                 j.submission_id AS submissionId, j.rejudging_id AS rejudgingId
                            FROM judgements j JOIN submissions s ON s.id = j.submission_id WHERE j.id = ?`),
    insertRejudgingJudgement: p('INSERT INTO judgements (submission_id, judgehost, valid, start_time, rejudging_id) VALUES (?, ?, 0, ?, ?)'),
    rejudgingJudgementId: p(`SELECT id FROM judgements WHERE submission_id = ? AND rejudging_id = ? AND invalidated_at IS NULL
                               AND (end_time IS NULL) = ? ORDER BY id DESC LIMIT 1`),
    makeCurrent: p('UPDATE judgements SET valid = 1 WHERE id = ?'),
    currentJudgementId: p('SELECT id FROM judgements WHERE submission_id = ? AND valid = 1'),
    finishJudgement: p(`UPDATE judgements SET end_time = ?, verdict = ?, judged_verdict = ?, max_time_ms = ?, max_memory_kb = ?,
                          compile_ok = ?, compile_output = ?, compile_time_ms = ?, error = ?, failing_output = ?, score = ?, groups = ? WHERE id = ?`),
    invalidateJudgement: p('UPDATE judgements SET valid = 0, invalidated_at = ?, invalidated_why = ? WHERE id = ?'),
    inFlightSubmissions: p(`SELECT j.submission_id FROM judgements j JOIN submissions s ON s.id = j.submission_id
                             WHERE j.valid = 1 AND j.end_time IS NULL AND s.status <> 'queued' ORDER BY j.id`),
    openJudgementId: p('SELECT id FROM judgements WHERE submission_id = ? AND valid = 1 AND end_time IS NULL'),
    setJudgehost: p('UPDATE judgements SET judgehost = ? WHERE id = ?'),
    listJudgements: p(`SELECT ${JUDGEMENT_COLUMNS} FROM judgements j WHERE ${PUBLISHED} ORDER BY j.id`),
    listJudgementsSubmission: p(`SELECT ${JUDGEMENT_COLUMNS} FROM judgements j WHERE j.submission_id = ? AND ${PUBLISHED} ORDER BY j.id`),
    listJudgementsSubmissionTeam: p(`SELECT ${JUDGEMENT_COLUMNS} FROM judgements j JOIN submissions s ON s.id = j.submission_id
                                     WHERE j.submission_id = ? AND s.team_id = ? AND ${PUBLISHED} ORDER BY j.id`),
    listJudgementsTeam: p(`SELECT ${JUDGEMENT_COLUMNS} FROM submissions s JOIN judgements j ON j.submission_id = s.id
                           WHERE s.team_id = ? AND ${PUBLISHED} ORDER BY j.id`),
    loadJudgement: p(`INSERT INTO judgements (id, submission_id, judgehost, valid, start_time, end_time, verdict, judged_verdict, overridden,
                         max_time_ms, max_memory_kb, compile_ok, compile_output, compile_time_ms, error, failing_output, invalidated_at, invalidated_why,
                         score, groups)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),

    loadRun: p(`INSERT INTO runs (id, judgement_id, ordinal, test_name, verdict, time_ms, memory_kb, wall_ms, exit_code, signal, message, time, score)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertRun: p(`INSERT INTO runs (judgement_id, ordinal, test_name, verdict, time_ms, memory_kb, wall_ms, exit_code, signal, message, time, score)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    listRuns: p(`${RUN_SELECT} WHERE judgement_id = ? ORDER BY ordinal`),
    currentGroups: p('SELECT CAST(submission_id AS TEXT) AS submissionId, groups FROM judgements WHERE valid = 1 AND end_time IS NOT NULL AND groups IS NOT NULL'),

    insertOverride: p('INSERT INTO overrides (submission_id, judgement_id, old_verdict, new_verdict, reason, by_user, time) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    overrideJudgement: p('UPDATE judgements SET verdict = ?, overridden = 1 WHERE id = ?'),
    listOverrides: p(`${OVERRIDE_SELECT} ORDER BY o.id`),
    listOverridesSubmission: p(`${OVERRIDE_SELECT} WHERE o.submission_id = ? ORDER BY o.id`),
  };
}

export class JudgementRepository {
  private readonly db: StoreDatabase;
  private readonly events: EventLog;
  private readonly contest: ContestRepository;
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(db: StoreDatabase, events: EventLog, contest: ContestRepository) {
    this.db = db;
    this.events = events;
    this.contest = contest;
    this.s = prepareStatements(db);
  }

  /**
   * Starts judging a queued submission: status 'judging', and a new (valid) judgement with a 'judgements' create
   * event; or, when its judging was stopped to make room (returnToQueue), that same open judgement, continued
   * without an event. A submission in an open rejudging gets (or continues) a judgement of that rejudging, with no event.
   */
  start(submissionId: string, judgehost: string, now: number = Date.now()): string {
    return this.db.transaction(() => {
      const n = intId(submissionId);
      const status = n === null ? undefined : (this.s.getStatus.pluck().get(n) as SubmissionStatus | undefined);
      if (status === undefined) throw new StoreError('not_found', `unknown submission ${submissionId}`);
      if (status !== 'queued') throw new StoreError('conflict', `submission ${submissionId} is ${status}, not queued`);
      this.s.setStatus.run('judging', n);
      const rejudging = this.s.getRejudging.pluck().get(n) as number | null;
      if (rejudging !== null) {
        const open = this.s.rejudgingJudgementId.pluck().get(n, rejudging, 1) as number | undefined;
        if (open !== undefined) {
          this.s.setJudgehost.run(judgehost, open);
          return String(open);
        }
        return String(this.s.insertRejudgingJudgement.run(n, judgehost, now, rejudging).lastInsertRowid);
      }
      const open = this.s.openJudgementId.pluck().get(n) as number | undefined;
      if (open !== undefined) {
        this.s.setJudgehost.run(judgehost, open);
        return String(open);
      }
      const jid = this.s.insertJudgement.run(n, judgehost, now).lastInsertRowid;
      const j = this.row(Number(jid))!;
      this.events.append('judgements', j.id, 'create', judgementObject(j, this.contest.startTime(), this.contest.scoreboardType()), now);
      return j.id;
    });
  }

  /**
   * Puts a submission whose judging the judge stopped (to give its worker to a submission ahead of it in the fair
   * order) back in the queue at its place, with its level and its waiting time. Its judgement stays open, with no
   * event, and the next `start` continues it: the event feed shows one judgement and, in the end, one verdict.
   * Returns false (and changes nothing) when that judgement is no longer open and current (a rejudge came first).
   */
  returnToQueue(judgementId: string): boolean {
    return this.db.transaction(() => {
      const n = intId(judgementId);
      const state = n === null ? undefined : (this.s.getJudgementState.get(n) as JudgementState | undefined);
      if (state === undefined) throw new StoreError('not_found', `unknown judgement ${judgementId}`);
      if (state.live !== 1 || state.endTime !== null) return false;
      if (this.s.getStatus.pluck().get(state.submissionId) !== 'judging') return false;
      this.s.setStatus.run('queued', state.submissionId);
      return true;
    });
  }

  /**
   * Records the outcome: judgement end, verdict, runs; the submission becomes 'judged'. Returns false (and
   * changes nothing) when the judgement was invalidated meanwhile (rejudge, recovery, its rejudging cancelled) or
   * already finished. A rejudging's judgement gets no event. `finishedRuns` are runs not yet stored with the times
   * their tests finished at (the rest of the result's tests get `now`): stored in the same commit as the verdict.
   */
  finish(judgementId: string, result: JudgeResult, now: number = Date.now(), finishedRuns: readonly NewRun[] = []): boolean {
    const verdict = checkVerdict(result.verdict);
    for (const t of result.tests) checkVerdict(t.verdict);
    for (const r of finishedRuns) checkVerdict(r.test.verdict);
    for (const g of result.groups ?? []) checkVerdict(g.verdict);
    const score = result.score ?? null;
    if (score !== null && !(Number.isFinite(score) && score >= 0)) throw new StoreError('invalid', `score must be a number ≥ 0, got ${score}`);
    const groups = result.groups === undefined ? null : JSON.stringify(result.groups);
    return this.db.transaction(() => {
      const n = intId(judgementId);
      const state = n === null ? undefined : (this.s.getJudgementState.get(n) as JudgementState | undefined);
      if (state === undefined) throw new StoreError('not_found', `unknown judgement ${judgementId}`);
      if (state.live !== 1 || state.endTime !== null) return false;
      if (result.judgehost !== undefined) this.s.setJudgehost.run(result.judgehost, n);
      this.s.finishJudgement.run(now, verdict, verdict, result.timeMs, result.memoryKb, result.compile.ok ? 1 : 0, result.compile.output, result.compile.timeMs, result.error ?? null, result.firstFailure?.output ?? null, score, groups, n);
      // The runs not recorded as they finished (addRuns), then the verdict: a feed sees every run before it.
      const published = state.rejudgingId === null;
      this.insertRuns(n!, [...finishedRuns, ...result.tests.map((test, i) => ({ ordinal: i + 1, test, time: now }))], published);
      this.s.setStatus.run('judged', state.submissionId);
      if (!published) return true;
      const j = this.row(n!)!;
      this.events.append('judgements', j.id, 'update', judgementObject(j, this.contest.startTime(), this.contest.scoreboardType()), now);
      return true;
    });
  }

  /**
   * Records runs of an open judgement as its tests finish (CLICS: runs are published as they happen), a 'runs'
   * create event each. A test already recorded keeps its first run (a judging stopped to make room runs its
   * tests again); nothing is recorded for a judgement no longer open and current (or its open rejudging's: no
   * event then). Returns how many were recorded.
   */
  addRuns(judgementId: string, runs: readonly NewRun[]): number {
    for (const r of runs) checkVerdict(r.test.verdict);
    return this.db.transaction(() => {
      const n = intId(judgementId);
      const state = n === null ? undefined : (this.s.getJudgementState.get(n) as JudgementState | undefined);
      if (state === undefined) throw new StoreError('not_found', `unknown judgement ${judgementId}`);
      if (state.live !== 1 || state.endTime !== null) return 0;
      return this.insertRuns(n!, runs, state.rejudgingId === null);
    });
  }

  /** Inserts the runs whose ordinal the judgement has no run for yet, with their events when `publish`; returns how many. */
  private insertRuns(judgementId: number, runs: readonly NewRun[], publish: boolean): number {
    const recorded = new Set((this.s.listRuns.all(judgementId) as RunRow[]).map((r) => r.ordinal));
    const start = this.contest.startTime();
    const scoreboardType = this.contest.scoreboardType();
    let added = 0;
    for (const { ordinal, test: t, time } of runs) {
      if (recorded.has(ordinal)) continue;
      recorded.add(ordinal);
      const score = t.score ?? null;
      const id = this.s.insertRun.run(judgementId, ordinal, t.name, t.verdict, t.timeMs, t.memoryKb, t.wallMs, t.exitCode, t.signal, t.message, time, score).lastInsertRowid;
      const run: RunRow = { id: String(id), judgementId: String(judgementId), ordinal, testName: t.name, verdict: t.verdict, timeMs: t.timeMs, memoryKb: t.memoryKb, wallMs: t.wallMs, exitCode: t.exitCode, signal: t.signal, message: t.message, time, score };
      if (publish) this.events.append('runs', run.id, 'create', runObject(run, start, scoreboardType), time);
      added++;
    }
    return added;
  }

  /**
   * Invalidates the current judgement (if any) and puts the submission back in the queue. A submission in an open
   * rejudging (only recovery comes here for one) drops that rejudging's unfinished judgement instead, with no event
   * (it was never current), and waits again at its level for the rejudging's judging.
   */
  private requeue(submissionId: number, why: 'rejudge' | 'recovery', now: number): void {
    const rejudging = this.s.getRejudging.pluck().get(submissionId) as number | null;
    if (rejudging !== null) {
      const open = this.s.rejudgingJudgementId.pluck().get(submissionId, rejudging, 1) as number | undefined;
      if (open !== undefined) this.s.invalidateJudgement.run(now, why, open);
      this.s.requeue.run(now, submissionId);
      return;
    }
    const current = this.s.currentJudgementId.pluck().get(submissionId) as number | undefined;
    if (current !== undefined) {
      this.s.invalidateJudgement.run(now, why, current);
      const j = this.row(current)!;
      this.events.append('judgements', j.id, 'update', judgementObject(j, this.contest.startTime(), this.contest.scoreboardType()), now);
    }
    // A rejudge waits behind every first judging; one recovered after a crash keeps its level.
    if (why === 'rejudge') this.s.requeueAt.run(now, REJUDGE_PRIORITY, submissionId);
    else this.s.requeue.run(now, submissionId);
  }

  /**
   * After a crash: judgements that were in flight are invalidated and their submissions re-queued. Returns how many.
   * A submission already back in the queue after its judging was stopped to make room keeps its open judgement.
   */
  recoverInFlight(now: number = Date.now()): number {
    return this.db.transaction(() => {
      const ids = new Set<number>([...(this.s.inFlightSubmissions.pluck().all() as number[]), ...(this.s.judgingSubmissions.pluck().all() as number[])]);
      for (const id of ids) this.requeue(id, 'recovery', now);
      return ids.size;
    });
  }

  /** Invalidates the current judgement and queues the submission again (a no-op for one already queued). */
  rejudge(submissionId: string, now: number = Date.now()): void {
    this.db.transaction(() => {
      const n = intId(submissionId);
      const status = n === null ? undefined : (this.s.getStatus.pluck().get(n) as SubmissionStatus | undefined);
      if (status === undefined) throw new StoreError('not_found', `unknown submission ${submissionId}`);
      this.contest.refuseOnceFinal(`rejudging submission ${submissionId}`);
      const rejudging = this.s.getRejudging.pluck().get(n) as number | null;
      if (rejudging !== null) throw new StoreError('conflict', `submission ${submissionId} is in rejudging ${rejudging}: apply or cancel that first`);
      if (status === 'queued') return;
      this.requeue(n!, 'rejudge', now);
    });
  }

  /**
   * Applying a rejudging (rejudgings.ts, inside its transaction): its finished judgement of the submission becomes
   * current in place of the old one, with the events a judging would have had then: the old one invalidated, the
   * new one created, its runs, its verdict.
   */
  applyRejudged(submissionId: string, now: number): void {
    const n = intId(submissionId);
    const rejudging = n === null ? undefined : (this.s.getRejudging.pluck().get(n) as number | null | undefined);
    if (rejudging === undefined) throw new StoreError('not_found', `unknown submission ${submissionId}`);
    if (rejudging === null) throw new StoreError('conflict', `submission ${submissionId} is in no open rejudging`);
    const judged = this.s.rejudgingJudgementId.pluck().get(n, rejudging, 0) as number | undefined;
    if (judged === undefined) throw new StoreError('conflict', `submission ${submissionId} is not judged yet in rejudging ${rejudging}`);
    const start = this.contest.startTime();
    const scoreboardType = this.contest.scoreboardType();
    const current = this.s.currentJudgementId.pluck().get(n) as number | undefined;
    if (current !== undefined) {
      this.s.invalidateJudgement.run(now, 'rejudge', current);
      this.events.append('judgements', String(current), 'update', judgementObject(this.row(current)!, start, scoreboardType), now);
    }
    this.s.makeCurrent.run(judged);
    const j = this.row(judged)!;
    this.events.append('judgements', j.id, 'create', judgementObject({ ...j, endTime: null }, start, scoreboardType), now);
    for (const run of this.s.listRuns.all(judged) as RunRow[]) this.events.append('runs', run.id, 'create', runObject(run, start, scoreboardType), now);
    this.events.append('judgements', j.id, 'update', judgementObject(j, start, scoreboardType), now);
  }

  private row(id: number): JudgementRow | null {
    const r = this.s.getJudgement.get(id) as RawJudgement | undefined;
    return r ? mapJudgement(r) : null;
  }

  get(id: string): JudgementRow | null {
    const n = intId(id);
    return n === null ? null : this.row(n);
  }

  /** Ascending id, invalidated ones included (see `valid`); a rejudging's that never became current left out. */
  list(filter: { submissionId?: string; teamId?: string } = {}): JudgementRow[] {
    let rows: unknown[];
    if (filter.submissionId !== undefined) {
      const n = intId(filter.submissionId);
      if (n === null) return [];
      rows = filter.teamId !== undefined ? this.s.listJudgementsSubmissionTeam.all(n, filter.teamId) : this.s.listJudgementsSubmission.all(n);
    } else if (filter.teamId !== undefined) rows = this.s.listJudgementsTeam.all(filter.teamId);
    else rows = this.s.listJudgements.all();
    return (rows as RawJudgement[]).map(mapJudgement);
  }

  /** Scoring problems: the test groups' results of each submission's current, finished judgement, by submission id. */
  currentGroups(): Map<string, GroupResult[]> {
    const rows = this.s.currentGroups.all() as { submissionId: string; groups: string }[];
    return new Map(rows.map((r) => [r.submissionId, JSON.parse(r.groups) as GroupResult[]]));
  }

  runs(judgementId: string): RunRow[] {
    const n = intId(judgementId);
    return n === null ? [] : (this.s.listRuns.all(n) as RunRow[]);
  }

  /** A judge sets the verdict of the current, finished judgement: audited in `overrides`, a 'judgements' update. */
  override(submissionId: string, verdict: Verdict, reason: string, by: string, now: number = Date.now()): void {
    const v = checkVerdict(verdict);
    this.db.transaction(() => {
      const n = intId(submissionId);
      if (n === null || this.s.getStatus.pluck().get(n) === undefined) throw new StoreError('not_found', `unknown submission ${submissionId}`);
      this.contest.refuseOnceFinal(`overriding the verdict of submission ${submissionId}`);
      const jid = this.s.currentJudgementId.pluck().get(n) as number | undefined;
      const j = jid === undefined ? null : this.row(jid);
      if (!j || j.endTime === null) throw new StoreError('conflict', `submission ${submissionId} has no finished judgement to override`);
      this.s.insertOverride.run(n, jid, j.verdict, v, reason, by, now);
      this.s.overrideJudgement.run(v, jid);
      const after = this.row(jid!)!;
      this.events.append('judgements', after.id, 'update', judgementObject(after, this.contest.startTime(), this.contest.scoreboardType()), now);
    });
  }

  /** The audit trail of overrides, oldest first. */
  overrides(submissionId?: string): OverrideRow[] {
    if (submissionId === undefined) return this.s.listOverrides.all() as OverrideRow[];
    const n = intId(submissionId);
    return n === null ? [] : (this.s.listOverridesSubmission.all(n) as OverrideRow[]);
  }

  /** A history's judgements, runs and overrides as they were (ids kept), inside the transaction that loads it. */
  loadHistory(h: Pick<ContestHistory, 'judgements' | 'runs' | 'overrides'>): void {
    for (const j of h.judgements) {
      this.s.loadJudgement.run(Number(j.id), Number(j.submissionId), j.judgehost, j.valid ? 1 : 0, j.startTime, j.endTime, j.verdict, j.judgedVerdict, j.overridden ? 1 : 0,
        j.timeMs, j.memoryKb, j.compileOk === null ? null : j.compileOk ? 1 : 0, j.compileOutput, j.compileTimeMs, j.error, j.failingOutput, j.invalidatedAt, j.invalidatedWhy,
        j.score, j.groups === null ? null : JSON.stringify(j.groups));
    }
    for (const r of h.runs) {
      this.s.loadRun.run(Number(r.id), Number(r.judgementId), r.ordinal, r.testName, r.verdict, r.timeMs, r.memoryKb, r.wallMs, r.exitCode, r.signal, r.message, r.time, r.score);
    }
    for (const o of h.overrides) this.s.insertOverride.run(Number(o.submissionId), Number(o.judgementId), o.oldVerdict, o.newVerdict, o.reason, o.by, o.time);
  }
}
