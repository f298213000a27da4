// ICPC (pass-fail) scoreboard: a pure function of problems, teams and submissions.
//
// Rules:
// - A problem is solved by the team's first AC (earliest by contest time, then by submission id).
//   Submissions after it are ignored, whatever their verdict (pending ones too).
// - Rejected (WA, TLE, MLE, RTE, OLE) submissions before it count as attempts and cost `penaltyMinutes`
//   each; CE never counts; JE and null (queued/judging) are pending. With `freezeAtMs`, every submission at
//   or after it is pending (the public view during the freeze).
// - A solved problem costs floor(AC contest minutes) + penaltyMinutes × rejected before it.
// - Teams are ordered by solved desc, penalty asc, then the last solve in whole contest minutes asc (the
//   unit the scoreboard shows and the penalty uses, as DOMjudge does). Equal on all three → same rank
//   (1, 1, 3); such teams are listed by team id (numeric ids numerically).
// - first-to-solve: the earliest visible AC per problem among non-hidden teams (by time, then submission id).
// - Submissions of unknown teams or problems are ignored; hidden teams are left out unless `includeHidden`.
//
// Cost: O(submissions + teams × problems + teams log teams).

import type { ClicsScoreboardProblem, ClicsScoreboardRow } from '../clics/schemas.ts';
import type { Verdict } from '../common/types.ts';
import type { ScoreboardType } from './model.ts';
import { relTime } from '../clics/time.ts';
import { boardGrid, firstSolvers, ranked } from './scoreboardGrid.ts';

export interface ScoreSubmission {
  id: string;
  teamId: string;
  problemId: string;
  contestTimeMs: number;
  /** null = pending / queued / judging. */
  verdict: Verdict | null;
}

interface ScoreboardProblemCell {
  problemId: string;
  /** Counted (judged, non-CE) submissions up to and including the first AC. */
  attempts: number;
  /** Pending submissions (null, JE, or hidden by the freeze) before the first AC, or all when unsolved. */
  pending: number;
  solved: boolean;
  /** Contest minutes of the first AC (floored); null when unsolved. */
  timeMinutes: number | null;
  firstToSolve: boolean;
  /** Score contests only (scoreScoreboard.ts): the team's score for the problem. */
  score?: number;
}

export interface ScoreboardRow {
  rank: number;
  teamId: string;
  solved: number;
  /** Minutes. */
  penalty: number;
  /** Contest time of the latest first-AC (score contests: of the last score improvement); null when nothing is solved (scored). */
  lastSolveMs: number | null;
  problems: ScoreboardProblemCell[];
  /** Score contests only (scoreScoreboard.ts): the total score, by which the rows are ranked. */
  score?: number;
}

export interface ScoreboardInput {
  problems: ReadonlyArray<{ id: string }>;
  teams: ReadonlyArray<{ id: string; hidden?: boolean }>;
  submissions: ReadonlyArray<ScoreSubmission>;
  penaltyMinutes: number;
  /** Contest time from which results are hidden: submissions at/after it count as pending. */
  freezeAtMs?: number | null;
  includeHidden?: boolean;
}

const MINUTE_MS = 60_000;
const DIGITS = /^\d+$/;

/** Orders ids: all-digit ids numerically (shorter first), otherwise by code units. */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  if (DIGITS.test(a) && DIGITS.test(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : 1;
}

/** Is submission (t1, id1) before (t2, id2)? */
function before(t1: number, id1: string, t2: number, id2: string): boolean {
  return t1 !== t2 ? t1 < t2 : compareIds(id1, id2) < 0;
}

function minutesOf(ms: number): number {
  return Math.max(0, Math.floor(ms / MINUTE_MS));
}

export function computeScoreboard(input: ScoreboardInput): ScoreboardRow[] {
  const { problems, submissions, penaltyMinutes } = input;
  const freezeAt = input.freezeAtMs ?? null;
  const includeHidden = input.includeHidden ?? false;

  const grid = boardGrid(problems, input.teams, includeHidden);
  const { problemIndex, teamIndex, teams, cells } = grid;
  const P = grid.problemCount;
  const T = teams.length;

  // Pass 1: the first visible AC of each (team, problem) cell: index into `submissions`, -1 for none.
  const firstAc = new Int32Array(cells).fill(-1);
  const cellOf = new Int32Array(submissions.length).fill(-1);
  for (let i = 0; i < submissions.length; i++) {
    const s = submissions[i];
    const t = teamIndex.get(s.teamId);
    if (t === undefined) continue;
    const p = problemIndex.get(s.problemId);
    if (p === undefined) continue;
    const c = t * P + p;
    cellOf[i] = c;
    if (s.verdict !== 'AC' || (freezeAt !== null && s.contestTimeMs >= freezeAt)) continue;
    const cur = firstAc[c];
    if (cur < 0 || before(s.contestTimeMs, s.id, submissions[cur].contestTimeMs, submissions[cur].id)) firstAc[c] = i;
  }

  // Pass 2: attempts, rejections and pending submissions before the first AC.
  const attempts = new Int32Array(cells);
  const rejected = new Int32Array(cells);
  const pending = new Int32Array(cells);
  for (let i = 0; i < submissions.length; i++) {
    const c = cellOf[i];
    if (c < 0) continue;
    const s = submissions[i];
    const ac = firstAc[c];
    if (ac === i) {
      attempts[c]++;
      continue;
    }
    if (ac >= 0 && !before(s.contestTimeMs, s.id, submissions[ac].contestTimeMs, submissions[ac].id)) continue;
    const v = s.verdict;
    if (v === null || v === 'JE' || (freezeAt !== null && s.contestTimeMs >= freezeAt)) pending[c]++;
    else if (v === 'CE') continue;
    else if (v !== 'AC') {
      attempts[c]++;
      rejected[c]++;
    }
    // An AC that is not the first cannot be before the first AC; nothing else to count.
  }

  const firstSolver = firstSolvers(grid, firstAc, (a, b) =>
    before(submissions[a].contestTimeMs, submissions[a].id, submissions[b].contestTimeMs, submissions[b].id),
  );

  const rows = new Array<ScoreboardRow>(T);
  const lastSolveMinutes = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let solved = 0;
    let penalty = 0;
    let lastSolveMs: number | null = null;
    const row = new Array<ScoreboardProblemCell>(P);
    for (let p = 0; p < P; p++) {
      const c = t * P + p;
      const ac = firstAc[c];
      let timeMinutes: number | null = null;
      if (ac >= 0) {
        const ms = submissions[ac].contestTimeMs;
        timeMinutes = minutesOf(ms);
        solved++;
        penalty += timeMinutes + penaltyMinutes * rejected[c];
        if (lastSolveMs === null || ms > lastSolveMs) lastSolveMs = ms;
      }
      row[p] = {
        problemId: problems[p].id,
        attempts: attempts[c],
        pending: pending[c],
        solved: ac >= 0,
        timeMinutes,
        firstToSolve: ac >= 0 && firstSolver[p] === t,
      };
    }
    lastSolveMinutes[t] = lastSolveMs === null ? -1 : minutesOf(lastSolveMs);
    rows[t] = { rank: 0, teamId: teams[t].id, solved, penalty, lastSolveMs, problems: row };
  }

  const key = (a: number, b: number): number =>
    rows[b].solved - rows[a].solved || rows[a].penalty - rows[b].penalty || lastSolveMinutes[a] - lastSolveMinutes[b];
  return ranked(rows, key, (a, b) => compareIds(a.teamId, b.teamId));
}

// ---------------------------------------------------------------------------------------------- CLICS

/**
 * The rows of the CLICS /scoreboard. Times are RELTIMEs of whole contest minutes, the unit the penalty counts
 * in: total_time the penalty, a problem's time its solution's minute, score.time the minute of the last
 * solution (null while nothing is solved). A score contest's rows (`scoreboardType` 'score') give score.score
 * and each problem's score instead of num_solved, total_time and solved; times are those of the scores
 * reached. Problems appear in the order of `problems`; one missing from a row is reported as untried.
 */
export function scoreboardToClics(rows: readonly ScoreboardRow[], problems: ReadonlyArray<{ id: string }>, scoreboardType: ScoreboardType): ClicsScoreboardRow[] {
  const scored = scoreboardType === 'score';
  return rows.map((row) => {
    const byId = new Map(row.problems.map((c) => [c.problemId, c]));
    const time = row.lastSolveMs === null ? null : minutes(Math.floor(row.lastSolveMs / 60_000));
    return {
      rank: row.rank,
      team_id: row.teamId,
      score: scored ? { score: row.score ?? 0, time } : { num_solved: row.solved, total_time: minutes(row.penalty), time },
      problems: problems.map(({ id }): ClicsScoreboardProblem => {
        const c = byId.get(id);
        const counts = { problem_id: id, num_judged: c?.attempts ?? 0, num_pending: c?.pending ?? 0 };
        const time = c?.timeMinutes === null || c?.timeMinutes === undefined ? {} : { time: minutes(c.timeMinutes) };
        if (scored) return { ...counts, score: c?.score ?? 0, ...((c?.score ?? 0) > 0 ? time : {}) };
        return { ...counts, solved: c?.solved ?? false, ...(c?.solved ? time : {}) };
      }),
    };
  });
}

/** Whole minutes as a RELTIME ("1:05:00.000"). */
function minutes(n: number): string {
  return relTime(Math.max(0, n) * 60_000);
}
