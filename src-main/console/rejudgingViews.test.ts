import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Verdict } from '../common/types.ts';
import type { SubmissionRow } from '../store/store.ts';
import { selectForRejudging } from './rejudgingViews.ts';

function row(id: string, teamId: string, problemId: string, verdict: Verdict | null, more: Partial<SubmissionRow> = {}): SubmissionRow {
  return {
    id,
    teamId,
    problemId,
    languageId: 'python',
    fileName: 'a.py',
    submittedAt: 0,
    contestTimeMs: Number(id) * 60_000,
    entryPoint: null,
    status: verdict === null ? 'queued' : 'judged',
    verdict,
    overridden: false,
    judgementId: verdict === null ? null : `j${id}`,
    timeMs: null,
    memoryKb: null,
    score: null,
    rejudgingId: null,
    ...more,
  };
}

const ROWS = [
  row('1', 't1', 'a', 'TLE'),
  row('2', 't2', 'b', 'TLE'),
  row('3', 't1', 'b', 'AC', { languageId: 'cpp' }),
  row('4', 't2', 'b', 'TLE', { rejudgingId: '7' }),
  row('5', 't1', 'b', null),
  row('6', 't2', 'b', 'TLE'),
];

test("a selection takes the judged submissions matching every field given, and counts those it leaves out", () => {
  assert.deepEqual(selectForRejudging(ROWS, { problemIds: ['b'], verdicts: ['TLE'] }), { ids: ['2', '6'], skipped: 1 }, 'all TLE of B; #4 is in another rejudging');
  assert.deepEqual(selectForRejudging(ROWS, { teamIds: ['t1'] }), { ids: ['1', '3'], skipped: 1 }, "t1's; #5 waits for its verdict");
  assert.deepEqual(selectForRejudging(ROWS, { submissionIds: ['3'] }), { ids: ['3'], skipped: 0 });
  assert.deepEqual(selectForRejudging(ROWS, { languageIds: ['cpp'] }), { ids: ['3'], skipped: 0 });
  assert.deepEqual(selectForRejudging(ROWS, { fromContestMs: 120_000, toContestMs: 360_000 }), { ids: ['2', '3'], skipped: 2 }, 'submitted from minute 2 until before minute 6');
  assert.deepEqual(selectForRejudging(ROWS, {}), { ids: ['1', '2', '3', '6'], skipped: 2 });
  assert.throws(() => selectForRejudging(ROWS, { verdicts: ['XX' as Verdict] }), /not a verdict: XX/);
});
