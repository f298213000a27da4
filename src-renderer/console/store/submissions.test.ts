import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConsoleSubmission } from '../../../src-main/shared/judgeApi.ts';
import { compareNewestFirst, EMPTY_SUBMISSIONS, upsertSubmissions, type SubmissionsData } from './submissions.ts';

const T0 = 1_700_000_000_000;

function submission(id: number, patch: Partial<ConsoleSubmission> = {}): ConsoleSubmission {
  return {
    id: String(id),
    teamId: `t${id % 7}`,
    problemId: ['a', 'b', 'c'][id % 3]!,
    languageId: 'cpp',
    fileName: 'a.cpp',
    submittedAt: T0 + id * 1000,
    contestTimeMs: id * 1000,
    status: 'judged',
    verdict: 'AC',
    overridden: false,
    timeMs: 10,
    memoryKb: 1000,
    score: null,
    ...patch,
  };
}

/** The order a full sort gives: what incremental updates must keep. */
function sortedIds(data: SubmissionsData): string[] {
  return [...data.submissions.values()].sort(compareNewestFirst).map((s) => s.id);
}

test('newest first; equal times by id, numerically', () => {
  const list = [submission(1), submission(3), submission(2), submission(10, { submittedAt: T0 + 3000 }), submission(9, { submittedAt: T0 + 3000 })];
  const data = upsertSubmissions(EMPTY_SUBMISSIONS, list);
  assert.deepEqual(data.submissionOrder, ['10', '9', '3', '2', '1']);
});

test('a known id is replaced in place: same order array, new map, the rest untouched', () => {
  const data = upsertSubmissions(EMPTY_SUBMISSIONS, [submission(1), submission(2), submission(3)]);
  const judged = submission(2, { verdict: 'WA' });
  const next = upsertSubmissions(data, [judged]);
  assert.equal(next.submissionOrder, data.submissionOrder, 'no re-sort, no copy');
  assert.notEqual(next.submissions, data.submissions);
  assert.equal(next.submissions.get('2'), judged);
  assert.equal(next.submissions.get('1'), data.submissions.get('1'));
  assert.equal(data.submissions.get('2')!.verdict, 'AC', 'the old state is not changed');
});

test('new ids are inserted where they belong, one by one or in bulk', () => {
  let data = upsertSubmissions(EMPTY_SUBMISSIONS, [submission(10), submission(20), submission(30)]);
  data = upsertSubmissions(data, [submission(25)]);
  data = upsertSubmissions(data, [submission(40)]);
  data = upsertSubmissions(data, [submission(5)]);
  assert.deepEqual(data.submissionOrder, ['40', '30', '25', '20', '10', '5']);
  // A shuffled bulk load (more than the insert threshold).
  const ids = Array.from({ length: 500 }, (_, i) => i + 100).sort(() => Math.random() - 0.5);
  data = upsertSubmissions(data, ids.map((id) => submission(id)));
  assert.deepEqual(data.submissionOrder, sortedIds(data));
  assert.equal(data.submissionOrder.length, 506);
});

test('nothing incoming: the same data', () => {
  const data = upsertSubmissions(EMPTY_SUBMISSIONS, [submission(1)]);
  assert.equal(upsertSubmissions(data, []), data);
});

test('a changed submission time moves the id (and only once when repeated in one batch)', () => {
  let data = upsertSubmissions(EMPTY_SUBMISSIONS, [submission(1), submission(2), submission(3)]);
  data = upsertSubmissions(data, [submission(1, { submittedAt: T0 + 10_000 }), submission(1, { submittedAt: T0 + 10_000, verdict: 'WA' })]);
  assert.deepEqual(data.submissionOrder, ['1', '3', '2']);
  assert.equal(data.submissions.get('1')!.verdict, 'WA');
});

test('10,000 submissions then a stream of events stays in order', () => {
  // How long it takes is measured by `npm run bench` (src-main/bench/budgets.ts).
  const all = Array.from({ length: 10_000 }, (_, i) => submission(i + 1));
  let data = upsertSubmissions(EMPTY_SUBMISSIONS, all);
  for (let i = 0; i < 300; i++) {
    // 30 batches a second for 10 s: a new submission and two verdicts per batch.
    data = upsertSubmissions(data, [submission(10_001 + i, { status: 'queued', verdict: null }), submission(1 + ((i * 37) % 10_000), { verdict: 'TLE' }), submission(10_001 + i, { status: 'judging', verdict: null })]);
  }
  assert.equal(data.submissionOrder.length, 10_300);
  assert.deepEqual(data.submissionOrder.slice(0, 3), ['10300', '10299', '10298']);
  assert.deepEqual(data.submissionOrder, sortedIds(data));
});
