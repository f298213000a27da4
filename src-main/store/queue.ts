// The judging queue: the submissions waiting (status 'queued'), in the fair order (queueOrder.ts), read by
// the judging service and shown to the judges, and its figures for monitoring. Moving a submission into
// and out of the queue is the judgements' business (judgements.ts).
import { intId, type StoreDatabase } from './db.ts';
import { fairOrder, headsToRead, type QueueGroup, type ReadHead } from './queueOrder.ts';
import { StoreError, type QueuePlace, type QueueStats, type SubmissionRow } from './rows.ts';
import { mapSubmission, SUBMISSION_SELECT, type RawSubmission } from './submissions.ts';

/** Default page size of the queue's lists. */
const DEFAULT_QUEUE_LIMIT = 100;
/**
 * Queue priority levels (higher is judged first). A first judging is queued at LIVE_PRIORITY, a rejudge
 * and a rejudging's judging at REJUDGE_PRIORITY (behind every first judging); a judge's "prioritise" puts a submission one level
 * above every queued one. Within a level, teams take turns: see JudgingQueue.list and queueOrder.ts.
 */
const LIVE_PRIORITY = 0;
export const REJUDGE_PRIORITY = -1;
/** For the queue's SQL: how many submissions each team has being judged (few rows: one per busy worker). */
const BUSY_TEAMS = "busy AS (SELECT team_id, count(*) AS n FROM submissions WHERE status = 'judging' GROUP BY team_id)";

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {
    // The fair order (queueOrder.ts): one row per level and team with submissions waiting (index-only, on submissions_turns)...
    queueGroups: p(`WITH ${BUSY_TEAMS}
                    SELECT g.priority, g.team_id AS teamId, g.queued, g.first, coalesce(b.n, 0) AS busy
                      FROM (SELECT priority, team_id, count(*) AS queued, min(id) AS first FROM submissions WHERE status = 'queued' GROUP BY priority, team_id) g
                      LEFT JOIN busy b ON b.team_id = g.team_id`),
    // ...then, for each [priority, team, first id, count] given, the team's waiting ones of that level after the first, up
    // to `count` in all: (i: which one given, id, rank), each an index seek from the one before.
    queueHeads: p(`WITH RECURSIVE walk(i, priority, team_id, id, rank, n) AS (
                     SELECT key, value ->> 0, value ->> 1, value ->> 2, 1, value ->> 3 FROM json_each(?)
                     UNION ALL
                     SELECT w.i, w.priority, w.team_id,
                            (SELECT min(s.id) FROM submissions s WHERE s.status = 'queued' AND s.priority = w.priority AND s.team_id = w.team_id AND s.id > w.id),
                            w.rank + 1, w.n
                       FROM walk w WHERE w.rank < w.n)
                   SELECT i, id, rank FROM walk WHERE rank > 1`),
    // Submissions by id, in the order of the ids given (a JSON array).
    submissionsInOrder: p(`${SUBMISSION_SELECT} JOIN json_each(?) o ON o.value = s.id ORDER BY o.key`),
    // One level above every queued submission, and above first judgings even when only rejudges wait.
    prioritise: p(`UPDATE submissions SET priority = (SELECT max(coalesce(max(priority), ${LIVE_PRIORITY}), ${LIVE_PRIORITY}) + 1 FROM submissions WHERE status = 'queued')
                    WHERE id = ?`),
    topQueuedPriority: p("SELECT max(priority) FROM submissions WHERE status = 'queued'"),
    queuedInLanguages: p("SELECT count(*) FROM submissions WHERE status = 'queued' AND language_id IN (SELECT value FROM json_each(?))").pluck(),
    queueStats: p(`SELECT (SELECT count(*) FROM submissions WHERE status = 'queued') AS queued,
                          (SELECT count(*) FROM submissions WHERE status = 'judging') AS judging,
                          (SELECT min(queued_at) FROM submissions WHERE status = 'queued') AS oldest`),
  };
}

export class JudgingQueue {
  private readonly s: ReturnType<typeof prepareStatements>;
  /**
   * Every waiting submission's place, numbered once and kept until a submission's status, priority or team changes
   * (a batch of new submissions, each answered with its place, costs one numbering; runs and events written while
   * judging cost none). Only this process writes the store (dataFolderLock.ts), so its own writes are all there are.
   */
  private places: Map<string, number> | null = null;

  constructor(db: StoreDatabase) {
    this.s = prepareStatements(db);
    db.onRowsChanged('submissions', ['status', 'priority', 'team_id'], () => void (this.places = null));
  }

  /**
   * Waiting submissions in judging order: higher priority level first; within a level, teams take turns,
   * ties by arrival (id). A submission's turn is its rank among its team's waiting ones of its level plus
   * how many of the team's are being judged: a team whose program holds a worker waits for the others.
   */
  list(limit: number = DEFAULT_QUEUE_LIMIT): SubmissionRow[] {
    const order = this.order(limit);
    if (order.length === 0) return [];
    return (this.s.submissionsInOrder.all(JSON.stringify(order.map((p) => Number(p.id)))) as RawSubmission[]).map(mapSubmission);
  }

  /** The first `limit` waiting submissions in the same order, with the level and turn that place each (for sharing workers). */
  nextInLine(limit: number = DEFAULT_QUEUE_LIMIT): QueuePlace[] {
    return this.order(limit);
  }

  /**
   * The first `limit` places of the fair order, with no sort or numbering of the whole queue (queueOrder.ts): one
   * row per team and level with work waiting (counted on the index), then only the submissions that can be among
   * the first `limit` (at most `limit` + one per team), each found by an index seek from the one before it.
   */
  private order(limit: number): QueuePlace[] {
    if (!(limit > 0)) return [];
    const wanted = headsToRead(this.s.queueGroups.all() as QueueGroup[], limit);
    const heads: ReadHead[] = wanted.map((w) => ({ group: w.group, id: w.group.first, rank: 1 }));
    const more = wanted.filter((w) => w.count > 1);
    if (more.length > 0) {
      const walked = this.s.queueHeads.all(JSON.stringify(more.map((w) => [w.group.priority, w.group.teamId, w.group.first, w.count]))) as { i: number; id: number; rank: number }[];
      for (const h of walked) heads.push({ group: more[h.i].group, id: h.id, rank: h.rank });
    }
    return fairOrder(heads, limit);
  }

  /** 1-based place of a submission in the judging order (as `list` gives it), or null when it is not queued. */
  position(submissionId: string): number | null {
    const n = intId(submissionId);
    if (n === null) return null;
    this.places ??= new Map(this.order(Infinity).map((place, i) => [place.id, i + 1]));
    return this.places.get(String(n)) ?? null;
  }

  /** The highest level with a submission waiting, or null when none waits (an index lookup: cheap to ask often). */
  topPriority(): number | null {
    return (this.s.topQueuedPriority.pluck().get() as number | null) ?? null;
  }

  /** How many submissions in these languages wait. */
  countInLanguages(languageIds: readonly string[]): number {
    return this.s.queuedInLanguages.get(JSON.stringify(languageIds)) as number;
  }

  /** Moves a submission to the head of the queue (above every queued one). */
  prioritise(submissionId: string): void {
    const n = intId(submissionId);
    const changes = n === null ? 0 : this.s.prioritise.run(n).changes;
    if (changes === 0) throw new StoreError('not_found', `unknown submission ${submissionId}`);
  }

  stats(now: number): QueueStats {
    const r = this.s.queueStats.get() as { queued: number; judging: number; oldest: number | null };
    return { queued: r.queued, judging: r.judging, oldestQueuedAgeMs: r.oldest === null ? null : Math.max(0, now - r.oldest) };
  }
}
