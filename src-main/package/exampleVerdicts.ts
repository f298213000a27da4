// Whether an example submission's judging matches its submissions/<folder>/, with the time margin
// the problem package format defines (package/timeLimits.ts).
//
// verify judges the accepted submissions at the time limit and every other one once, at the margin
// limit (time limit × time_limit_to_tle). As problemtools does, the verdict at the time limit itself
// is read from that same run: a test whose CPU time passed the limit is TLE there.
// - accepted: AC at the time limit.
// - time_limit_exceeded: TLE even at the margin (the format: time_limit × time_limit_to_tle is at
//   most the time of a time_limit_exceeded submission).
// - every other folder: its verdict at the time limit or at the margin (problemtools' "OK with extra
//   time": a wrong answer that is also slow is still a wrong answer when it has the time to finish).
// - results a source states (DOMjudge's @EXPECTED_RESULTS@, package/expectedResults.ts) in place of its
//   folder's: read as the folders are (only AC: at the limit; only TLE: at the margin; else either).
import type { JudgeResult } from '../common/results.ts';
import { EXPECTED_FOLDERS, type PackageSubmission, type Verdict } from '../common/types.ts';

/** The verdict the submission judged in `result` (at a limit >= timeLimitMs) gets at timeLimitMs:
 *  the first test that fails there decides, as in judging. */
export function verdictAtLimit(result: JudgeResult, timeLimitMs: number): Verdict {
  if (result.verdict === 'CE' || result.verdict === 'JE') return result.verdict;
  for (const test of result.tests) {
    if (test.verdict === 'TLE' || test.timeMs > timeLimitMs) return 'TLE';
    if (test.verdict !== 'AC') return test.verdict;
  }
  return 'AC';
}

/**
 * Whether the verdicts at the time limit and at the margin are what `submission` expects: what its sources state
 * (@EXPECTED_RESULTS@: only AC is read at the limit, only TLE at the margin), else what its folder allows.
 */
export function matchesExpected(submission: Pick<PackageSubmission, 'expected' | 'expectedVerdicts'>, atLimit: Verdict, atMargin: Verdict): boolean {
  const { expected: folder, expectedVerdicts: stated } = submission;
  const allowed = stated ?? EXPECTED_FOLDERS[folder] ?? [];
  const only = stated?.length === 1 ? stated[0] : null;
  if (folder === 'accepted' || only === 'AC') return allowed.includes(atLimit);
  if (folder === 'time_limit_exceeded' || only === 'TLE') return allowed.includes(atMargin);
  return allowed.includes(atLimit) || allowed.includes(atMargin);
}
