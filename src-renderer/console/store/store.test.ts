// The combined zustand store under Node: slices, setters and applyBatch working together.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConsoleSubmission, SubmissionDetail } from '../../../src-main/shared/judgeApi.ts';
import { addNotice, MAX_NOTICES } from './connection.ts';
import { answeredIds, unansweredCount, upsertClarifications } from './clarifications.ts';
import { useConsole } from './index.ts';

const sub = (id: string, patch: Partial<ConsoleSubmission> = {}): ConsoleSubmission => ({
  id,
  teamId: 't1',
  problemId: 'a',
  languageId: 'cpp',
  fileName: 'a.cpp',
  submittedAt: Number(id) * 1000,
  contestTimeMs: 0,
  status: 'queued',
  verdict: null,
  overridden: false,
  timeMs: null,
  memoryKb: null,
  score: null,
  ...patch,
});

test('applyBatch updates the store once; a batch that changes nothing does not notify', () => {
  const store = useConsole;
  store.getState().setAllSubmissions([sub('1'), sub('2')]);
  let notified = 0;
  const stop = store.subscribe(() => notified++);
  store.getState().applyBatch([{ type: 'submission', submission: sub('3') }, { type: 'submission', submission: sub('1', { status: 'judging' }) }]);
  assert.equal(notified, 1);
  assert.deepEqual(store.getState().submissionOrder, ['3', '2', '1']);
  store.getState().applyBatch([{ type: 'scoreboard' }]);
  assert.equal(notified, 1);
  stop();
});

test('the detail slice ignores answers for a submission no longer open', () => {
  const s = useConsole.getState;
  const detail = (id: string): SubmissionDetail => ({ submission: sub(id), source: '', otherFiles: [], compileOutput: '', judgeError: null, judgehost: null, runs: [], groups: null, failing: null, overrides: [] });
  s().openDetail('5');
  s().setDetail(detail('4'));
  assert.equal(s().detail, null);
  s().setDetail(detail('5'));
  assert.equal(s().detail!.submission.id, '5');
  s().setDetailError('4', 'gone');
  assert.equal(s().detailError, null);
  s().openDetail(null);
  assert.equal(s().detail, null);
});

test('filters merge', () => {
  const s = useConsole.getState;
  s().setFilter({ teamId: 't1' });
  s().setFilter({ verdict: 'WA' });
  assert.deepEqual(s().filter, { teamId: 't1', problemId: '', verdict: 'WA', text: '' });
});

test('notices: the same text counts up instead of piling up; at most MAX_NOTICES', () => {
  let list = addNotice([], 'error', 'boom', 1);
  list = addNotice(list, 'error', 'boom', 2);
  assert.deepEqual(list, [{ id: 1, tone: 'error', text: 'boom', count: 2 }]);
  for (let i = 0; i < 10; i++) list = addNotice(list, 'error', `e${i}`, 10 + i);
  assert.equal(list.length, MAX_NOTICES);
  assert.equal(list.at(-1)!.text, 'e9');
  const s = useConsole.getState;
  s().notify('error', 'x');
  const id = s().notices.at(-1)!.id;
  s().dismissNotice(id);
  assert.equal(s().notices.some((n) => n.id === id), false);
});

test('questions count as answered once a judges’ reply points at them', () => {
  const q = { id: 'q1', fromTeamId: 't1', toTeamId: null, problemId: null, replyToId: null, text: '?', time: 1 };
  const q2 = { ...q, id: 'q2', time: 2 };
  const answer = { id: 'a1', fromTeamId: null, toTeamId: 't1', problemId: null, replyToId: 'q1', text: 'no', time: 3 };
  const announcement = { id: 'n1', fromTeamId: null, toTeamId: null, problemId: null, replyToId: null, text: 'all', time: 4 };
  const list = upsertClarifications([], [announcement, answer, q2, q]);
  assert.deepEqual(list.map((c) => c.id), ['q1', 'q2', 'a1', 'n1']);
  assert.deepEqual([...answeredIds(list)], ['q1']);
  assert.equal(unansweredCount(list), 1);
});
