// Clarifications: questions from teams, answers and broadcasts from the judges, each with its event
// (who may see it: eventAudience.ts).
import { chosenId } from './chosenIds.ts';
import { clarificationObject } from './clics.ts';
import { contestTimeMs } from '../clics/time.ts';
import type { ContestRepository } from './contest.ts';
import { intId, type StoreDatabase } from './db.ts';
import type { EventLog } from './events.ts';
import { StoreError, type ClarificationRow } from './rows.ts';

export interface NewClarification {
  fromTeamId: string | null;
  toTeamId: string | null;
  problemId: string | null;
  text: string;
  replyToId: string | null;
  time: number;
  /** The id an admin chose (the Contest API's PUT): a whole number no clarification has (chosenIds.ts). */
  id?: string;
}

const CLARIFICATION_SELECT = `
  SELECT CAST(id AS TEXT) AS id, from_team_id AS fromTeamId, to_team_id AS toTeamId, CAST(reply_to_id AS TEXT) AS replyToId,
         problem_id AS problemId, text, time, contest_time_ms AS contestTimeMs
    FROM clarifications c`;

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {
    loadClarification: p('INSERT INTO clarifications (id, from_team_id, to_team_id, reply_to_id, problem_id, text, time, contest_time_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    insertClarification: p('INSERT INTO clarifications (from_team_id, to_team_id, reply_to_id, problem_id, text, time, contest_time_ms) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    clarificationExists: p('SELECT 1 FROM clarifications WHERE id = ?'),
    listClarifications: p(`${CLARIFICATION_SELECT} ORDER BY c.id`),
    // The judges' answer releases the question's claim (clarificationClaims.ts).
    releaseClaim: p('DELETE FROM clarification_claims WHERE clarification_id = ?'),
    listClarificationsTeam: p(`${CLARIFICATION_SELECT} WHERE c.from_team_id = ? OR c.to_team_id = ? OR (c.from_team_id IS NULL AND c.to_team_id IS NULL) ORDER BY c.id`),
  };
}

export class ClarificationRepository {
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

  /** Stores a clarification and its event; a chosen `id` that is not acceptable is StoreError 'invalid', one in use 'conflict'. */
  add(c: NewClarification): ClarificationRow {
    return this.db.transaction(() => {
      this.contest.refuseOnceClosed('a clarification');
      for (const team of [c.fromTeamId, c.toTeamId]) {
        if (team !== null && !this.contest.hasTeam(team)) throw new StoreError('not_found', `unknown team ${team}`);
      }
      if (c.problemId !== null && this.contest.problem(c.problemId) === null) throw new StoreError('not_found', `unknown problem ${c.problemId}`);
      const replyTo = c.replyToId === null ? null : intId(c.replyToId);
      if (c.replyToId !== null && (replyTo === null || this.s.clarificationExists.pluck().get(replyTo) === undefined)) {
        throw new StoreError('not_found', `unknown clarification ${c.replyToId}`);
      }
      const ctime = contestTimeMs(this.contest.startTime(), c.time);
      let id: number | bigint;
      if (c.id === undefined) id = this.s.insertClarification.run(c.fromTeamId, c.toTeamId, replyTo, c.problemId, c.text, c.time, ctime).lastInsertRowid;
      else {
        id = chosenId(c.id, 'clarification');
        if (this.s.clarificationExists.get(id) !== undefined) throw new StoreError('conflict', `clarification ${c.id} already exists`);
        this.s.loadClarification.run(id, c.fromTeamId, c.toTeamId, replyTo, c.problemId, c.text, c.time, ctime);
      }
      if (c.fromTeamId === null && replyTo !== null) this.s.releaseClaim.run(replyTo);
      const row: ClarificationRow = { id: String(id), fromTeamId: c.fromTeamId, toTeamId: c.toTeamId, replyToId: c.replyToId, problemId: c.problemId, text: c.text, time: c.time, contestTimeMs: ctime };
      this.events.append('clarifications', row.id, 'create', clarificationObject(row), Date.now());
      return row;
    });
  }

  /** All clarifications; for a team: its own, those to it, and broadcasts (from the judges to everyone). */
  list(filter: { teamId?: string } = {}): ClarificationRow[] {
    const rows = filter.teamId === undefined ? this.s.listClarifications.all() : this.s.listClarificationsTeam.all(filter.teamId, filter.teamId);
    return rows as ClarificationRow[];
  }

  /** A history's clarifications as they were (ids kept), inside the transaction that loads it. */
  loadHistory(clarifications: readonly ClarificationRow[]): void {
    for (const c of clarifications) {
      this.s.loadClarification.run(Number(c.id), c.fromTeamId, c.toTeamId, c.replyToId === null ? null : Number(c.replyToId), c.problemId, c.text, c.time, c.contestTimeMs);
    }
  }
}
