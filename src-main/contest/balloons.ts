// The balloons a contest owes: one for each team's first accepted submission on each problem, as
// DOMjudge's balloon list has them. A pure function of teams and submissions.
// - Hidden teams earn none (they are the judges' own or out of competition).
// - The freeze does not stop them: balloons are the staff's, and the staff see every verdict (as
//   DOMjudge with balloons shown after the freeze). Only the staff's views show the list.
// - The first to solve a problem is the earliest such AC among them all (by contest time, then by
//   submission id), as the scoreboard's first-to-solve.
import { compareIds, type ScoreSubmission } from './scoreboard.ts';

export interface Balloon {
  /** The accepted submission that earned it. */
  submissionId: string;
  teamId: string;
  problemId: string;
  contestTimeMs: number;
  /** The first team to solve the problem. */
  firstToSolve: boolean;
}

/** The balloons earned so far, oldest first. */
export function balloonsOf(teams: ReadonlyArray<{ id: string; hidden: boolean }>, submissions: readonly ScoreSubmission[]): Balloon[] {
  const visible = new Set(teams.filter((t) => !t.hidden).map((t) => t.id));
  const accepted = submissions
    .filter((s) => s.verdict === 'AC' && visible.has(s.teamId))
    .sort((a, b) => a.contestTimeMs - b.contestTimeMs || compareIds(a.id, b.id));
  const earned = new Set<string>();
  const solvedProblems = new Set<string>();
  const balloons: Balloon[] = [];
  for (const s of accepted) {
    const cell = JSON.stringify([s.teamId, s.problemId]);
    if (earned.has(cell)) continue;
    earned.add(cell);
    balloons.push({ submissionId: s.id, teamId: s.teamId, problemId: s.problemId, contestTimeMs: s.contestTimeMs, firstToSolve: !solvedProblems.has(s.problemId) });
    solvedProblems.add(s.problemId);
  }
  return balloons;
}
