import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Verdict } from '../common/types.ts';
import { balloonsOf } from './balloons.ts';

const teams = [
  { id: 't1', hidden: false },
  { id: 't2', hidden: false },
  { id: 'judges', hidden: true },
];
const sub = (id: string, teamId: string, problemId: string, minute: number, verdict: Verdict | null) => ({ id, teamId, problemId, contestTimeMs: minute * 60_000, verdict });

test("one balloon per team and problem, for its first AC; the first solver's is marked", () => {
  const balloons = balloonsOf(teams, [
    sub('1', 't1', 'a', 10, 'WA'),
    sub('2', 't2', 'a', 12, 'AC'),
    sub('3', 't1', 'a', 15, 'AC'),
    sub('4', 't1', 'a', 20, 'AC'),
    sub('5', 't1', 'b', 30, null),
    sub('6', 't2', 'b', 40, 'AC'),
  ]);
  assert.deepEqual(
    balloons.map((b) => [b.submissionId, b.teamId, b.problemId, b.firstToSolve]),
    [
      ['2', 't2', 'a', true],
      ['3', 't1', 'a', false],
      ['6', 't2', 'b', true],
    ],
  );
});

test('hidden teams earn none and do not take first-to-solve; ties in time go to the lower submission id', () => {
  const balloons = balloonsOf(teams, [sub('9', 'judges', 'a', 1, 'AC'), sub('11', 't1', 'a', 5, 'AC'), sub('10', 't2', 'a', 5, 'AC'), sub('12', 'ghost', 'a', 2, 'AC')]);
  assert.deepEqual(
    balloons.map((b) => [b.submissionId, b.firstToSolve]),
    [
      ['10', true],
      ['11', false],
    ],
  );
});

test('an AC overridden away takes its balloon with it: the next AC of the team earns it', () => {
  assert.deepEqual(
    balloonsOf(teams, [sub('1', 't1', 'a', 5, 'WA'), sub('2', 't1', 'a', 9, 'AC')]).map((b) => b.submissionId),
    ['2'],
  );
});
