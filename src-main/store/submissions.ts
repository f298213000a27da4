// Submissions: each stored with its source and its 'submissions' event in one transaction, synced to disk
// before the team is answered; read back with the verdict of their current judgement. Their status column
// is the durable queue (queue.ts orders it, judgements.ts moves submissions through it).
import { chosenId } from './chosenIds.ts';
import { entryPointOf, submissionObject } from './clics.ts';
import { contestTimeMs } from '../clics/time.ts';
import type { ContestRepository } from './contest.ts';
import { intId, type StoreDatabase } from './db.ts';
import type { EventLog } from './events.ts';
import type { HistorySubmission } from './history.ts';
import { StoreError, type SubmissionRow } from './rows.ts';

/** One file of a submission as stored. */
export interface SubmittedSource {
  fileName: string;
  source: Buffer;
}

export interface NewSubmission {
  teamId: string;
  problemId: string;
  languageId: string;
  /** The file it is judged from: its only file, or the entry file of several. */
  fileName: string;
  source: Buffer;
  /** A submission of several files: the others (names unique, none the entry file's). */
  otherFiles?: readonly SubmittedSource[];
  submittedAt: number;
  idempotencyKey?: string | null;
  /** The id an admin chose (the Contest API's PUT): a whole number no submission has (chosenIds.ts). */
  id?: string;
  /** When it entered the queue, if not when it was submitted (an admin's, submitted earlier at a proxy). */
  queuedAt?: number;
}

/**
 * A submission with the verdict of its current judgement; a query selecting submissions `s` (queue.ts uses it too).
 * A submission in an open rejudging is 'judged' as everyone sees it: its status column is that rejudging's.
 */
export const SUBMISSION_SELECT = `
  SELECT CAST(s.id AS TEXT) AS id, s.team_id AS teamId, s.problem_id AS problemId, s.language_id AS languageId,
         s.file_name AS fileName, s.submitted_at AS submittedAt, s.contest_time_ms AS contestTimeMs, s.entry_point AS entryPoint,
         CASE WHEN s.rejudging_id IS NULL THEN s.status ELSE 'judged' END AS status, CAST(s.rejudging_id AS TEXT) AS rejudgingId,
         j.verdict AS verdict, j.overridden AS overridden, CAST(j.id AS TEXT) AS judgementId,
         j.max_time_ms AS timeMs, j.max_memory_kb AS memoryKb, j.score AS score
    FROM submissions s LEFT JOIN judgements j ON j.submission_id = s.id AND j.valid = 1`;

/** What a scoreboard ranks a submission by. */
export type RankedSubmission = Pick<SubmissionRow, 'id' | 'teamId' | 'problemId' | 'contestTimeMs' | 'verdict' | 'score'>;

/** A row of SUBMISSION_SELECT as SQLite gives it. */
export type RawSubmission = Omit<SubmissionRow, 'overridden'> & { overridden: number | null };

export function mapSubmission(r: RawSubmission): SubmissionRow {
  return { ...r, overridden: r.overridden === 1 };
}

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {
    findIdempotent: p('SELECT CAST(id AS TEXT) FROM submissions WHERE team_id = ? AND idempotency_key = ?'),
    checkSubmitRefs: p('SELECT (SELECT deleted FROM teams WHERE id = ?) AS team, (SELECT deleted FROM problems WHERE id = ?) AS problem'),
    insertSubmission: p(`INSERT INTO submissions (team_id, problem_id, language_id, file_name, submitted_at, contest_time_ms, entry_point, idempotency_key, status, queued_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)`),
    insertChosenId: p(`INSERT INTO submissions (id, team_id, problem_id, language_id, file_name, submitted_at, contest_time_ms, entry_point, idempotency_key, status, queued_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)`),
    submissionExists: p('SELECT 1 FROM submissions WHERE id = ?'),
    loadSubmission: p(`INSERT INTO submissions (id, team_id, problem_id, language_id, file_name, submitted_at, contest_time_ms, entry_point, status, queued_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertSource: p('INSERT INTO submission_sources (submission_id, source) VALUES (?, ?)'),
    insertOtherFile: p('INSERT INTO submission_files (submission_id, name, content) VALUES (?, ?, ?)'),
    getOtherFiles: p('SELECT name AS fileName, content AS source FROM submission_files WHERE submission_id = ? ORDER BY name'),
    getSubmission: p(`${SUBMISSION_SELECT} WHERE s.id = ?`),
    getSource: p('SELECT s.file_name AS fileName, src.source AS source FROM submissions s JOIN submission_sources src ON src.submission_id = s.id WHERE s.id = ?'),
    listSubmissions: p(`${SUBMISSION_SELECT} WHERE s.id > ? ORDER BY s.id LIMIT ?`),
    listSubmissionsTeam: p(`${SUBMISSION_SELECT} WHERE s.team_id = ? AND s.id > ? ORDER BY s.id LIMIT ?`),
    listSubmissionsProblem: p(`${SUBMISSION_SELECT} WHERE s.problem_id = ? AND s.id > ? ORDER BY s.id LIMIT ?`),
    listSubmissionsTeamProblem: p(`${SUBMISSION_SELECT} WHERE s.team_id = ? AND s.problem_id = ? AND s.id > ? ORDER BY s.id LIMIT ?`),
    listForRanking: p(`SELECT CAST(s.id AS TEXT) AS id, s.team_id AS teamId, s.problem_id AS problemId, s.contest_time_ms AS contestTimeMs,
                              j.verdict AS verdict, j.score AS score
                         FROM submissions s LEFT JOIN judgements j ON j.submission_id = s.id AND j.valid = 1 ORDER BY s.id`),
  };
}

export class SubmissionRepository {
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
   * Stores a submission and its 'submissions' create event in one transaction, synced to disk before it
   * returns. The same (teamId, idempotencyKey) again returns the first submission with created=false.
   * A chosen `id` that is not acceptable is StoreError 'invalid', one a submission has 'conflict'.
   */
  add(s: NewSubmission): { submission: SubmissionRow; created: boolean } {
    const key = s.idempotencyKey ?? null;
    return this.db.transaction(() => {
      if (key !== null) {
        const existing = this.s.findIdempotent.pluck().get(s.teamId, key) as string | undefined;
        if (existing !== undefined) return { submission: this.get(existing)!, created: false };
      }
      this.contest.refuseOnceFinal('a new submission');
      const refs = this.s.checkSubmitRefs.get(s.teamId, s.problemId) as { team: number | null; problem: number | null };
      if (refs.team !== 0) throw new StoreError('not_found', `unknown team ${s.teamId}`);
      if (refs.problem !== 0) throw new StoreError('not_found', `unknown problem ${s.problemId}`);
      const contest = this.contest.current();
      const ctime = contestTimeMs(contest?.startTime ?? null, s.submittedAt);
      const source = Buffer.isBuffer(s.source) ? s.source : Buffer.from(s.source);
      const entryPoint = entryPointOf(s.languageId, s.fileName, source.toString('utf8'));
      const queuedAt = s.queuedAt ?? s.submittedAt;
      let rowid: number | bigint;
      if (s.id === undefined) rowid = this.s.insertSubmission.run(s.teamId, s.problemId, s.languageId, s.fileName, s.submittedAt, ctime, entryPoint, key, queuedAt).lastInsertRowid;
      else {
        const chosen = chosenId(s.id, 'submission');
        if (this.s.submissionExists.get(chosen) !== undefined) throw new StoreError('conflict', `submission ${s.id} already exists`);
        rowid = this.s.insertChosenId.run(chosen, s.teamId, s.problemId, s.languageId, s.fileName, s.submittedAt, ctime, entryPoint, key, queuedAt).lastInsertRowid;
      }
      this.s.insertSource.run(rowid, source);
      for (const file of s.otherFiles ?? []) this.s.insertOtherFile.run(rowid, file.fileName, file.source);
      const submission: SubmissionRow = {
        id: String(rowid),
        teamId: s.teamId,
        problemId: s.problemId,
        languageId: s.languageId,
        fileName: s.fileName,
        submittedAt: s.submittedAt,
        contestTimeMs: ctime,
        entryPoint,
        status: 'queued',
        verdict: null,
        overridden: false,
        judgementId: null,
        timeMs: null,
        memoryKb: null,
        score: null,
        rejudgingId: null,
      };
      this.events.append('submissions', submission.id, 'create', submissionObject(submission, contest?.id ?? ''), Date.now());
      return { submission, created: true };
    });
  }

  /**
   * Several submissions in ONE transaction (one fsync): group commit for bursts. Each item is its
   * own savepoint, so one bad item fails alone; the answers are in the order given.
   */
  addBatch(batch: readonly NewSubmission[]): ({ submission: SubmissionRow; created: boolean } | { error: StoreError })[] {
    return this.db.transaction(() =>
      batch.map((item) => {
        try {
          return this.add(item);
        } catch (e) {
          if (e instanceof StoreError) return { error: e };
          throw e;
        }
      }),
    );
  }

  /** The submission a team made with this idempotency key, or null. */
  findByKey(teamId: string, idempotencyKey: string): SubmissionRow | null {
    const id = this.s.findIdempotent.pluck().get(teamId, idempotencyKey) as string | undefined;
    return id === undefined ? null : this.get(id);
  }

  get(id: string): SubmissionRow | null {
    const n = intId(id);
    if (n === null) return null;
    const r = this.s.getSubmission.get(n) as RawSubmission | undefined;
    return r ? mapSubmission(r) : null;
  }

  source(id: string): { fileName: string; source: Buffer } | null {
    const n = intId(id);
    if (n === null) return null;
    return (this.s.getSource.get(n) as { fileName: string; source: Buffer } | undefined) ?? null;
  }

  /** A submission's files as the submission pages show them: the entry file's text, the others' by name; null when there is no such submission. */
  texts(id: string): { source: string; otherFiles: { fileName: string; source: string }[] } | null {
    const files = this.files(id);
    if (files === null) return null;
    const [entry, ...others] = files;
    return { source: entry.source.toString('utf8'), otherFiles: others.map((f) => ({ fileName: f.fileName, source: f.source.toString('utf8') })) };
  }

  /** Every file of a submission: the entry file first (its only file, for most), then the others by name. */
  files(id: string): SubmittedSource[] | null {
    const entry = this.source(id);
    if (entry === null) return null;
    return [entry, ...(this.s.getOtherFiles.all(intId(id)) as SubmittedSource[])];
  }

  /** Every submission with only what a scoreboard ranks by, ascending id: read on each change of a big contest's board. */
  forRanking(): RankedSubmission[] {
    return this.s.listForRanking.all() as RankedSubmission[];
  }

  /** Ascending id; `afterId` pages (exclusive), `limit` caps. */
  list(filter: { teamId?: string; problemId?: string; limit?: number; afterId?: string } = {}): SubmissionRow[] {
    const after = filter.afterId === undefined ? 0 : intId(filter.afterId);
    if (after === null) throw new StoreError('invalid', `not a submission id: ${JSON.stringify(filter.afterId)}`);
    const limit = filter.limit ?? -1;
    let rows: unknown[];
    if (filter.teamId !== undefined && filter.problemId !== undefined) rows = this.s.listSubmissionsTeamProblem.all(filter.teamId, filter.problemId, after, limit);
    else if (filter.teamId !== undefined) rows = this.s.listSubmissionsTeam.all(filter.teamId, after, limit);
    else if (filter.problemId !== undefined) rows = this.s.listSubmissionsProblem.all(filter.problemId, after, limit);
    else rows = this.s.listSubmissions.all(after, limit);
    return (rows as RawSubmission[]).map(mapSubmission);
  }

  /** A history's submissions as they were (ids and status kept), inside the transaction that loads it. */
  loadHistory(submissions: readonly HistorySubmission[]): void {
    for (const s of submissions) {
      const entryPoint = entryPointOf(s.languageId, s.fileName, s.source.toString('utf8'));
      this.s.loadSubmission.run(Number(s.id), s.teamId, s.problemId, s.languageId, s.fileName, s.submittedAt, s.contestTimeMs, entryPoint, s.status, s.submittedAt);
      this.s.insertSource.run(Number(s.id), s.source);
      for (const file of s.otherFiles ?? []) this.s.insertOtherFile.run(Number(s.id), file.fileName, file.source);
    }
  }
}
