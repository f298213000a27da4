// The contest's ranking rule over the submissions the store holds: the pass-fail scoreboard (scoreboard.ts)
// or, in a score contest, the score scoreboard (scoreScoreboard.ts) with the judgements' scores. The
// scoreboard service ranks them as they are; the resolver ranks them with the freeze's revealed one by one.
import { computeScoreboard, type ScoreboardRow } from '../contest/scoreboard.ts';
import { computeScoreScoreboard, type ScoredSubmission } from '../contest/scoreScoreboard.ts';
import type { Store } from './store.ts';

/** Penalty minutes per rejected submission when the store holds no contest yet (the ICPC default). */
const DEFAULT_PENALTY_MINUTES = 20;

export interface ContestRanking {
  /** Every submission, as the ranking reads them. */
  submissions: ScoredSubmission[];
  /** These submissions (or some of them changed) ranked; results at or after `freezeAtMs` pending. */
  rank(submissions: readonly ScoredSubmission[], options: { freezeAtMs: number | null; includeHidden: boolean }): ScoreboardRow[];
}

export function contestRanking(store: Store): ContestRanking {
  const contest = store.contest.get();
  const problems = store.contest.problems();
  const teams = store.contest.teams();
  // Only the per-subtask mode needs the judgements' groups.
  const scored = contest?.scoreboardType === 'score';
  const groups = scored && contest.scoreMode === 'best-per-subtask' ? store.judgements.currentGroups() : null;
  const submissions: ScoredSubmission[] = store.submissions.forRanking();
  if (groups) for (const s of submissions) s.groups = groups.get(s.id) ?? null;
  return {
    submissions,
    rank: (list, { freezeAtMs, includeHidden }) =>
      scored
        ? computeScoreScoreboard({ problems, teams, submissions: list, freezeAtMs, includeHidden, mode: contest.scoreMode })
        : computeScoreboard({ problems, teams, submissions: list, freezeAtMs, includeHidden, penaltyMinutes: contest?.penaltyMinutes ?? DEFAULT_PENALTY_MINUTES }),
  };
}
