// Scoring problems: whether an example submission's score is what the package expects (`verify`), as
// problemtools and the format say:
// - accepted/: the maximum score, where the package gives one (legacy: range's high end; 2023-07+: secret's
//   max_score);
// - partially_accepted/ (legacy): less than the maximum;
// - every stated expectation (submissions.yaml's score, @EXPECTED_SCORE@): the submission's or the named
//   group's score within it.
// The score is the judging's: verify judges the submissions other than accepted/ at the time margin.
import type { JudgeResult } from '../common/results.ts';
import type { PackageSubmission, ProblemPackage } from '../common/types.ts';

/** Scores written by validators are decimals: a difference below this is no difference. */
const SCORE_EPSILON = 1e-6;

/** A score as shown: whole numbers as such, others with at most 6 decimals. */
export function formatScore(score: number): string {
  return String(Math.round(score * 1e6) / 1e6);
}

function range(min: number, max: number): string {
  return min === max ? formatScore(min) : `${formatScore(min)} to ${formatScore(max)}`;
}

/** Why the score of `submission`, judged in `result`, is not what the package expects (empty: it is). */
export function scoreMismatches(pkg: Pick<ProblemPackage, 'maxScore'>, submission: PackageSubmission, result: JudgeResult): string[] {
  const score = result.score ?? 0;
  const problems: string[] = [];
  const max = pkg.maxScore;
  if (submission.expected === 'accepted' && max !== null && Math.abs(score - max) > SCORE_EPSILON) {
    problems.push(`score ${formatScore(score)}, not the maximum ${formatScore(max)}`);
  }
  if (submission.expected === 'partially_accepted' && max !== null && score >= max - SCORE_EPSILON) {
    problems.push(`score ${formatScore(score)}, the maximum (partially_accepted expects less)`);
  }
  for (const expected of submission.expectedScores ?? []) {
    const got = expected.group === null ? score : result.groups?.find((g) => g.name === expected.group)?.score;
    const what = expected.group === null ? 'score' : `group ${expected.group} scored`;
    if (got === undefined) problems.push(`group ${expected.group} has no score (${expected.source})`);
    else if (got < expected.min - SCORE_EPSILON || got > expected.max + SCORE_EPSILON) {
      problems.push(`${what} ${formatScore(got)}, expected ${range(expected.min, expected.max)} (${expected.source})`);
    }
  }
  return problems;
}
