// Rejudgings (DOMjudge's jury has them): a judge picks judged submissions, the judging service judges them
// again into judgements of the rejudging that are not current (judgements.ts: no event, no verdict anyone
// else sees), the judges compare old and new, then apply it (every new judgement becomes current at once,
// with its events) or cancel it (nothing anyone saw changes). All of it is in the store, so a restart in the
// middle loses nothing: a submission's `rejudging_id` holds it in its open rejudging, its status column
// carries that rejudging's place in the queue (at REJUDGE_PRIORITY, behind every new submission).
import type { ContestRepository } from './contest.ts';
import { intId, type StoreDatabase } from './db.ts';
import type { JudgementRepository } from './judgements.ts';
import { REJUDGE_PRIORITY } from './queue.ts';
import { StoreError, type RejudgingItemRow, type RejudgingRow, type SubmissionStatus } from './rows.ts';

/** A rejudging's counts: its submissions, and those whose judging in it has ended. */
const REJUDGING_SELECT = `
  SELECT CAST(r.id AS TEXT) AS id, r.reason, r.created_by AS createdBy, r.created_at AS createdAt, r.state,
         r.closed_by AS closedBy, r.closed_at AS closedAt,
         (SELECT count(*) FROM rejudging_items i WHERE i.rejudging_id = r.id) AS total,
         (SELECT count(*) FROM rejudging_items i WHERE i.rejudging_id = r.id
             AND EXISTS (SELECT 1 FROM judgements j WHERE j.rejudging_id = r.id AND j.submission_id = i.submission_id AND j.end_time IS NOT NULL)) AS done
    FROM rejudgings r`;

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {
    insertRejudging: p('INSERT INTO rejudgings (reason, created_by, created_at) VALUES (?, ?, ?)'),
    getRejudging: p(`${REJUDGING_SELECT} WHERE r.id = ?`),
    listRejudgings: p(`${REJUDGING_SELECT} ORDER BY r.id DESC`),
    setState: p('UPDATE rejudgings SET state = ?, closed_by = ?, closed_at = ? WHERE id = ?'),
    // What a submission must be to join a rejudging: judged, with a finished current judgement, in no open rejudging.
    candidate: p(`SELECT s.status, s.rejudging_id AS rejudgingId, j.id AS judgementId FROM submissions s
                    LEFT JOIN judgements j ON j.submission_id = s.id AND j.valid = 1 AND j.end_time IS NOT NULL WHERE s.id = ?`),
    insertItem: p('INSERT INTO rejudging_items (rejudging_id, submission_id, old_judgement_id) VALUES (?, ?, ?)'),
    enqueue: p("UPDATE submissions SET rejudging_id = ?, status = 'queued', queued_at = ?, priority = ? WHERE id = ?"),
    // The rejudging's latest judgement of each submission (an earlier one was dropped after a crash).
    items: p(`SELECT CAST(i.submission_id AS TEXT) AS submissionId, s.team_id AS teamId, s.problem_id AS problemId, s.language_id AS languageId,
                     s.contest_time_ms AS contestTimeMs, CAST(i.old_judgement_id AS TEXT) AS oldJudgementId, o.verdict AS oldVerdict,
                     CAST(n.id AS TEXT) AS newJudgementId, CASE WHEN n.end_time IS NOT NULL THEN n.verdict END AS newVerdict,
                     CASE WHEN s.rejudging_id = i.rejudging_id THEN s.status ELSE 'judged' END AS status
                FROM rejudging_items i JOIN submissions s ON s.id = i.submission_id JOIN judgements o ON o.id = i.old_judgement_id
                LEFT JOIN judgements n ON n.id = (SELECT max(id) FROM judgements WHERE rejudging_id = i.rejudging_id AND submission_id = i.submission_id)
               WHERE i.rejudging_id = ? ORDER BY i.submission_id`),
    members: p('SELECT CAST(id AS TEXT) FROM submissions WHERE rejudging_id = ? ORDER BY id'),
    unfinished: p("SELECT count(*) FROM submissions WHERE rejudging_id = ? AND status <> 'judged'"),
    judgingMembers: p("SELECT CAST(id AS TEXT) FROM submissions WHERE rejudging_id = ? AND status = 'judging' ORDER BY id"),
    // Its submissions were judged before it began: leaving it, they are again as everyone sees them.
    release: p("UPDATE submissions SET rejudging_id = NULL, status = 'judged' WHERE rejudging_id = ?"),
  };
}

export class RejudgingRepository {
  private readonly db: StoreDatabase;
  private readonly contest: ContestRepository;
  private readonly judgements: JudgementRepository;
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(db: StoreDatabase, contest: ContestRepository, judgements: JudgementRepository) {
    this.db = db;
    this.contest = contest;
    this.judgements = judgements;
    this.s = prepareStatements(db);
  }

  /**
   * Opens a rejudging of these submissions and queues them for it. Each must be judged (a finished current
   * judgement) and in no open rejudging; otherwise nothing is created (conflict).
   */
  create(submissionIds: readonly string[], reason: string, by: string, now: number = Date.now()): RejudgingRow {
    if (submissionIds.length === 0) throw new StoreError('invalid', 'a rejudging needs at least one submission');
    return this.db.transaction(() => {
      this.contest.refuseOnceFinal('a rejudging');
      const olds = submissionIds.map((id) => {
        const n = intId(id);
        const c = n === null ? undefined : (this.s.candidate.get(n) as { status: SubmissionStatus; rejudgingId: number | null; judgementId: number | null } | undefined);
        if (c === undefined) throw new StoreError('not_found', `unknown submission ${id}`);
        if (c.rejudgingId !== null) throw new StoreError('conflict', `submission ${id} is already in rejudging ${c.rejudgingId}`);
        if (c.status !== 'judged' || c.judgementId === null) throw new StoreError('conflict', `submission ${id} has no verdict yet to rejudge`);
        return { n: n!, judgementId: c.judgementId };
      });
      const rid = Number(this.s.insertRejudging.run(reason, by, now).lastInsertRowid);
      for (const { n, judgementId } of olds) {
        this.s.insertItem.run(rid, n, judgementId);
        this.s.enqueue.run(rid, now, REJUDGE_PRIORITY, n);
      }
      return this.get(String(rid))!;
    });
  }

  get(id: string): RejudgingRow | null {
    const n = intId(id);
    return n === null ? null : ((this.s.getRejudging.get(n) as RejudgingRow | undefined) ?? null);
  }

  /** Newest first. */
  list(): RejudgingRow[] {
    return this.s.listRejudgings.all() as RejudgingRow[];
  }

  /** Its submissions, by id, with their old and new verdicts. */
  items(id: string): RejudgingItemRow[] {
    const n = intId(id);
    return n === null ? [] : (this.s.items.all(n) as RejudgingItemRow[]);
  }

  /**
   * Makes every new judgement of an open rejudging current in one transaction, with their events (the scoreboard
   * and the feed change now). Refused while one of its submissions is still waiting or being judged.
   */
  apply(id: string, by: string, now: number = Date.now()): RejudgingRow {
    return this.db.transaction(() => {
      const n = this.open(id);
      this.contest.refuseOnceFinal(`applying rejudging ${id}`);
      const unfinished = this.s.unfinished.pluck().get(n) as number;
      if (unfinished > 0) throw new StoreError('conflict', `rejudging ${id} is not finished: ${unfinished} submission${unfinished === 1 ? '' : 's'} still to judge`);
      for (const submissionId of this.s.members.pluck().all(n) as string[]) this.judgements.applyRejudged(submissionId, now);
      this.s.release.run(n);
      this.s.setState.run('applied', by, now, n);
      return this.get(id)!;
    });
  }

  /**
   * Closes an open rejudging without applying it: its submissions leave the queue and keep their verdicts, its
   * judgements stay as they were, never current. Returns the submissions whose judging for it is still running
   * (the caller stops them; what they would store is refused).
   */
  cancel(id: string, by: string, now: number = Date.now()): string[] {
    return this.db.transaction(() => {
      const n = this.open(id);
      const running = this.s.judgingMembers.pluck().all(n) as string[];
      this.s.release.run(n);
      this.s.setState.run('cancelled', by, now, n);
      return running;
    });
  }

  /** The rejudging's number, when it exists and is open. */
  private open(id: string): number {
    const row = this.get(id);
    if (!row) throw new StoreError('not_found', `unknown rejudging ${id}`);
    if (row.state !== 'open') throw new StoreError('conflict', `rejudging ${id} is already ${row.state}`);
    return Number(row.id);
  }
}
