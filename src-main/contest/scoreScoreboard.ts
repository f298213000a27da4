// The scoreboard of a score contest (contest.yaml `scoreboard_type: score`): a pure function of problems,
// teams and scored submissions, giving rows of the same shape as the pass-fail scoreboard (scoreboard.ts)
// with a score on each row and cell.
//
// Rules:
// - A judged submission counts for `countedScore`: a scoring problem's judgement its score, a pass-fail
//   problem's 1 for AC and 0 otherwise (DOMjudge's default of one point per problem); CE counts 0 and is
//   not an attempt. JE and null (queued/judging) are pending; with `freezeAtMs`, so is every submission at or
//   after it (the public view during the freeze).
// - A team's score for a problem ('best-submission', IOI's rule): the best counted score of its submissions.
//   'best-per-subtask': the sum over the problem's subtasks (the test groups directly below data/secret) of
//   each one's best score in any submission; what the submission scored outside them (samples, test cases
//   of secret itself) is one more part. A judgement without such groups (a pass-fail problem, one whose
//   root is not their sum) is a single part.
// - A cell's time is the contest time of the submission that brought it to its score; the row's, of the
//   latest such (the team's last score improvement). `solved`: the team has an AC on the problem.
// - Teams are ordered by total score desc, then the last score improvement in whole contest minutes asc
//   (CLICS: score.time is "used for tiebreaking"). Equal on both → same rank (1, 1, 3), listed by team id.
// - first-to-solve: the earliest visible AC per problem among non-hidden teams.
// - Submissions of unknown teams or problems are ignored; hidden teams are left out unless `includeHidden`.
//
// Cost: O(submissions log submissions + teams × problems + teams log teams).

import type { ScoreMode } from './model.ts';
import { compareIds, type ScoreboardInput, type ScoreboardRow, type ScoreSubmission } from './scoreboard.ts';
import type { Verdict } from '../common/types.ts';
import { boardGrid, firstSolvers, ranked } from './scoreboardGrid.ts';

export interface ScoredSubmission extends ScoreSubmission {
  /** A scoring problem's judgement score; null for a pass-fail problem or while not judged. */
  score: number | null;
  /** 'best-per-subtask' only: the judgement's test groups (GroupResult's name and score). */
  groups?: ReadonlyArray<{ name: string; score: number }> | null;
}

/** The pass-fail scoreboard's input, with scored submissions and the score mode instead of the penalty. */
export interface ScoreScoreboardInput extends Omit<ScoreboardInput, 'submissions' | 'penaltyMinutes'> {
  submissions: ReadonlyArray<ScoredSubmission>;
  mode: ScoreMode;
}

const MINUTE_MS = 60_000;
/** Scores are summed in floating point: totals are compared at this many decimals, so 0.1 + 0.2 ties 0.3. */
const SCORE_DECIMALS = 6;
const SCORE_SCALE = 10 ** SCORE_DECIMALS;
/** A subtask: a group directly below data/secret. */
const SUBTASK = /^secret\/[^/]+$/;

/** What a finished judgement counts for in a score contest; null while it is pending (none yet, or JE). */
export function countedScore(verdict: Verdict | null, score: number | null): number | null {
  if (verdict === null || verdict === 'JE') return null;
  if (verdict === 'CE') return 0;
  if (score !== null) return score;
  return verdict === 'AC' ? 1 : 0;
}

function rounded(x: number): number {
  return Math.round(x * SCORE_SCALE) / SCORE_SCALE;
}

/** A submission's score split into parts for 'best-per-subtask' (by part name; one part '' when not split). */
function partsOf(total: number, groups: ScoredSubmission['groups']): Map<string, number> {
  const parts = new Map<string, number>();
  let inSubtasks = 0;
  for (const g of groups ?? []) {
    if (!SUBTASK.test(g.name)) continue;
    parts.set(g.name, g.score);
    inSubtasks += g.score;
  }
  const rest = rounded(total - inSubtasks);
  // A root that is not the sum of its subtasks (min aggregation) cannot be split: the whole score is one part.
  if (rest < 0) return new Map([['', total]]);
  parts.set('', rest);
  return parts;
}

export function computeScoreScoreboard(input: ScoreScoreboardInput): ScoreboardRow[] {
  const { problems, mode } = input;
  const freezeAt = input.freezeAtMs ?? null;
  const includeHidden = input.includeHidden ?? false;

  const grid = boardGrid(problems, input.teams, includeHidden);
  const { problemIndex, teamIndex, teams, cells } = grid;
  const P = grid.problemCount;
  const T = teams.length;

  // In contest order, so that a cell's time is when it first reached its score.
  const order = input.submissions
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.contestTimeMs - b.s.contestTimeMs || compareIds(a.s.id, b.s.id));

  const attempts = new Int32Array(cells);
  const pending = new Int32Array(cells);
  const best = new Float64Array(cells);
  const bestAtMs = new Float64Array(cells).fill(-1);
  const firstAc = new Int32Array(cells).fill(-1);
  const bestParts = new Array<Map<string, number> | undefined>(cells);
  for (const { s, i } of order) {
    const t = teamIndex.get(s.teamId);
    const p = problemIndex.get(s.problemId);
    if (t === undefined || p === undefined) continue;
    const c = t * P + p;
    const score = freezeAt !== null && s.contestTimeMs >= freezeAt ? null : countedScore(s.verdict, s.score);
    if (score === null) {
      pending[c]++;
      continue;
    }
    if (s.verdict === 'CE') continue;
    attempts[c]++;
    if (s.verdict === 'AC' && firstAc[c] < 0) firstAc[c] = i;
    let cellScore = score;
    if (mode === 'best-per-subtask') {
      const parts = (bestParts[c] ??= new Map<string, number>());
      cellScore = 0;
      for (const [name, value] of partsOf(score, s.groups)) parts.set(name, Math.max(parts.get(name) ?? 0, value));
      for (const value of parts.values()) cellScore += value;
    }
    cellScore = rounded(cellScore);
    if (cellScore > best[c]) {
      best[c] = cellScore;
      bestAtMs[c] = s.contestTimeMs;
    }
  }

  // First to solve, per problem: the earliest AC among non-hidden teams, by place in contest order.
  const rankInOrder = new Int32Array(input.submissions.length);
  order.forEach(({ i }, k) => (rankInOrder[i] = k));
  const firstSolver = firstSolvers(grid, firstAc, (a, b) => rankInOrder[a] < rankInOrder[b]);

  const rows = new Array<ScoreboardRow>(T);
  const totals = new Float64Array(T);
  const lastImprovementMinutes = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let total = 0;
    let solved = 0;
    let lastMs: number | null = null;
    const cellsOfRow = new Array<ScoreboardRow['problems'][number]>(P);
    for (let p = 0; p < P; p++) {
      const c = t * P + p;
      const scored = best[c] > 0;
      total += best[c];
      if (firstAc[c] >= 0) solved++;
      if (scored && (lastMs === null || bestAtMs[c] > lastMs)) lastMs = bestAtMs[c];
      cellsOfRow[p] = {
        problemId: problems[p].id,
        attempts: attempts[c],
        pending: pending[c],
        solved: firstAc[c] >= 0,
        timeMinutes: scored ? Math.floor(bestAtMs[c] / MINUTE_MS) : null,
        firstToSolve: firstAc[c] >= 0 && firstSolver[p] === t,
        score: best[c],
      };
    }
    totals[t] = rounded(total);
    lastImprovementMinutes[t] = lastMs === null ? -1 : Math.floor(lastMs / MINUTE_MS);
    rows[t] = { rank: 0, teamId: teams[t].id, solved, penalty: 0, lastSolveMs: lastMs, problems: cellsOfRow, score: totals[t] };
  }

  const key = (a: number, b: number): number => totals[b] - totals[a] || lastImprovementMinutes[a] - lastImprovementMinutes[b];
  return ranked(rows, key, (a, b) => compareIds(a.teamId, b.teamId));
}
