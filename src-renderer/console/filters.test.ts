import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConsoleSubmission } from '../../src-main/shared/judgeApi.ts';
import { filterIds, NO_FILTER, type FilterNames } from './filters.ts';

const sub = (id: string, patch: Partial<ConsoleSubmission>): ConsoleSubmission => ({
  id,
  teamId: 't1',
  problemId: 'a',
  languageId: 'cpp',
  fileName: 'a.cpp',
  submittedAt: 0,
  contestTimeMs: 0,
  status: 'judged',
  verdict: 'AC',
  overridden: false,
  timeMs: 1,
  memoryKb: 1,
  score: null,
  ...patch,
});

const list = [
  sub('1', {}),
  sub('2', { teamId: 't2', verdict: 'WA' }),
  sub('3', { problemId: 'b', status: 'judging', verdict: null }),
  sub('4', { teamId: 't2', problemId: 'b', languageId: 'py3', fileName: 'sol.py', verdict: 'AC', overridden: true }),
  sub('5', { status: 'queued', verdict: null }),
];
const byId = new Map(list.map((s) => [s.id, s]));
const order = ['5', '4', '3', '2', '1'];
const names: FilterNames = {
  team: (id) => ({ t1: 'Byte Me', t2: 'Null Pointers' })[id] ?? id,
  problem: (id) => id.toUpperCase(),
  language: (id) => ({ cpp: 'C++', py3: 'Python 3' })[id] ?? id,
};
const ids = (patch: Partial<typeof NO_FILTER>) => [...filterIds(order, byId, { ...NO_FILTER, ...patch }, names)];

test('no filter: the very same order array', () => {
  assert.equal(filterIds(order, byId, NO_FILTER, names), order);
});

test('team, problem and verdict selects combine', () => {
  assert.deepEqual(ids({ teamId: 't2' }), ['4', '2']);
  assert.deepEqual(ids({ problemId: 'b' }), ['4', '3']);
  assert.deepEqual(ids({ verdict: 'AC' }), ['4', '1']);
  assert.deepEqual(ids({ verdict: 'pending' }), ['5', '3']);
  assert.deepEqual(ids({ verdict: 'overridden' }), ['4']);
  assert.deepEqual(ids({ teamId: 't2', verdict: 'WA' }), ['2']);
});

test('unverified: judged verdicts no second judge has verified yet', () => {
  const verified = new Map(byId);
  verified.set('2', { ...byId.get('2')!, verified: { by: 'judge2', at: 1 } });
  assert.deepEqual([...filterIds(order, verified, { ...NO_FILTER, verdict: 'unverified' }, names)], ['4', '1']);
});

test('the text filter searches ids, file names and the names shown', () => {
  assert.deepEqual(ids({ text: 'python' }), ['4']);
  assert.deepEqual(ids({ text: 'null p' }), ['4', '2']);
  assert.deepEqual(ids({ text: ' SOL.PY ' }), ['4']);
  assert.deepEqual(ids({ text: '3' }), ['4', '3'], 'id 3, and "Python 3"');
});
