// The resolver's script for the awards ceremony: from the frozen scoreboard to the final one, one step at
// a time, as the ICPC resolver reveals the frozen hour. A pure function of the submissions, the freeze and
// the ranking rule, so the same contest always gives the same steps (and going back is replaying fewer).
//
// Rules:
// - The start is the public scoreboard of the freeze: every submission at or after `freezeAtMs` pending.
//   A cell "to resolve" is one with pending submissions there (a team's problem tried in the freeze).
// - Each step works on the lowest-placed team not finished yet. If it has a cell to resolve, its leftmost
//   one (problems in scoreboard order) is revealed: every submission of that cell counts as judged, and the
//   board is ranked again, so a solve moves the team up (a failure leaves it where it is, its cell red).
//   If it has none, the team is finished where it stands: a step shows its awards, or, without any, the
//   resolver passes on to the team above without a step of its own.
// - A revealed team only moves up (its score can only improve) and the teams it passes move down one
//   place each, so the finished teams stay the bottom of the board and the order ends as the final one.
// - A cell still pending in the final results (a submission never judged) is revealed as pending.
import type { ScoreboardRow, ScoreSubmission } from './scoreboard.ts';

export interface ResolverInput<S extends ScoreSubmission> {
  /** Every submission, with its verdict as judged (judges' view). */
  submissions: readonly S[];
  /** Contest time (ms) from which the public scoreboard is frozen; null: nothing was frozen. */
  freezeAtMs: number | null;
  /** The contest's ranking of these submissions (hidden teams left out): the pass-fail or the score scoreboard. */
  rank: (submissions: readonly S[]) => ScoreboardRow[];
  /** The awards each team holds in the final results, by team id, in the order to show them. */
  awards: ReadonlyMap<string, readonly string[]>;
}

export type ResolverStep =
  /** A team's frozen cell revealed: `solved` whether it is solved now (score contests: its score went up),
   *  the team's row as it is now, and every team's place after the step. */
  | { kind: 'reveal'; teamId: string; problemId: string; solved: boolean; row: ScoreboardRow; order: { teamId: string; rank: number }[] }
  /** A finished team's awards (their ids or citations, as given in `awards`). */
  | { kind: 'award'; teamId: string; awards: readonly string[] };

export interface ResolverScript {
  /** The scoreboard the ceremony starts from (frozen). */
  frozen: ScoreboardRow[];
  steps: ResolverStep[];
  /** The scoreboard after the last step: the final one. */
  final: ScoreboardRow[];
}

const cellKey = (teamId: string, problemId: string) => `${teamId}\u0000${problemId}`;

export function resolverSteps<S extends ScoreSubmission>(input: ResolverInput<S>): ResolverScript {
  const { freezeAtMs, rank, awards } = input;
  const inFreeze = (s: S) => freezeAtMs !== null && s.contestTimeMs >= freezeAtMs;
  // A submission of the freeze not revealed yet counts as one without a verdict: pending.
  const hidden = (s: S): S => ({ ...s, verdict: null });
  const current = input.submissions.map((s) => (inFreeze(s) ? hidden(s) : s));
  const frozen = rank(current);

  const toResolve = new Set<string>();
  for (const row of frozen) for (const cell of row.problems) if (cell.pending > 0) toResolve.add(cellKey(row.teamId, cell.problemId));

  const steps: ResolverStep[] = [];
  const finished = new Set<string>();
  let rows = frozen;
  for (;;) {
    // The lowest-placed team not finished (the finished ones are the bottom of the board).
    let at = rows.length - 1;
    while (at >= 0 && finished.has(rows[at].teamId)) at--;
    if (at < 0) break;
    const row = rows[at];
    const cell = row.problems.find((c) => toResolve.has(cellKey(row.teamId, c.problemId)));
    if (!cell) {
      finished.add(row.teamId);
      const held = awards.get(row.teamId) ?? [];
      if (held.length > 0) steps.push({ kind: 'award', teamId: row.teamId, awards: held });
      continue;
    }
    toResolve.delete(cellKey(row.teamId, cell.problemId));
    input.submissions.forEach((s, i) => {
      if (s.teamId === row.teamId && s.problemId === cell.problemId) current[i] = s;
    });
    rows = rank(current);
    const now = rows.find((r) => r.teamId === row.teamId)!;
    const revealed = now.problems.find((c) => c.problemId === cell.problemId)!;
    steps.push({
      kind: 'reveal',
      teamId: row.teamId,
      problemId: cell.problemId,
      solved: revealed.score === undefined ? revealed.solved : revealed.score > (cell.score ?? 0),
      row: now,
      order: rows.map((r) => ({ teamId: r.teamId, rank: r.rank })),
    });
  }
  return { frozen, steps, final: rows };
}
