import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Verdict } from '../common/types.ts';
import { HISTOGRAM_BUCKETS, problemStats } from './problemStats.ts';

const HOUR_MS = 3_600_000;
const problems = [
  { id: 'a', label: 'A', name: 'Apples', rgb: '#ff0000' },
  { id: 'b', label: 'B', name: 'Bananas', rgb: '#ffff00' },
];
const teams = [
  { id: 't1', displayName: 'Team One', hidden: false },
  { id: 't2', displayName: 'Team Two', hidden: false },
  { id: 'jury', displayName: 'Jury', hidden: true },
];
const sub = (id: string, teamId: string, problemId: string, minute: number, verdict: Verdict | null) => ({ id, teamId, problemId, contestTimeMs: minute * 60_000, verdict });

test('attempts, teams tried and solved, the first solve and the verdicts, without hidden teams', () => {
  const [a, b] = problemStats({
    problems,
    teams,
    durationMs: 5 * HOUR_MS,
    submissions: [
      sub('1', 'jury', 'a', 1, 'AC'),
      sub('2', 't1', 'a', 20, 'WA'),
      sub('3', 't1', 'a', 25, 'TLE'),
      sub('4', 't2', 'a', 30, 'AC'),
      sub('5', 't1', 'a', 40, 'AC'),
      sub('6', 't2', 'b', 50, null),
    ],
  });
  assert.deepEqual([a.submissions, a.teamsTried, a.teamsSolved], [4, 2, 2]);
  assert.deepEqual(a.firstSolve, { teamId: 't2', teamName: 'Team Two', contestTimeMs: 30 * 60_000 });
  assert.deepEqual(a.verdicts, { WA: 1, TLE: 1, AC: 2 });
  assert.deepEqual([b.submissions, b.teamsTried, b.teamsSolved, b.firstSolve], [1, 1, 0, null]);
  assert.deepEqual(b.verdicts, { pending: 1 });
});

test('the histogram slices the contest evenly; a submission after the end counts in the last slice', () => {
  const [a] = problemStats({
    problems,
    teams,
    durationMs: 5 * HOUR_MS,
    submissions: [sub('1', 't1', 'a', 0, 'WA'), sub('2', 't1', 'a', 14, 'AC'), sub('3', 't2', 'a', 15, 'CE'), sub('4', 't2', 'a', 299, null), sub('5', 't2', 'a', 400, 'JE')],
  });
  assert.equal(a.histogram.bucketMs, (5 * HOUR_MS) / HISTOGRAM_BUCKETS);
  assert.equal(a.histogram.buckets.length, HISTOGRAM_BUCKETS);
  assert.deepEqual(a.histogram.buckets[0], { accepted: 1, rejected: 1, pending: 0 });
  assert.deepEqual(a.histogram.buckets[1], { accepted: 0, rejected: 1, pending: 0 });
  assert.deepEqual(a.histogram.buckets[HISTOGRAM_BUCKETS - 1], { accepted: 0, rejected: 0, pending: 2 });
  const total = a.histogram.buckets.reduce((n, b) => n + b.accepted + b.rejected + b.pending, 0);
  assert.equal(total, 5);
});
