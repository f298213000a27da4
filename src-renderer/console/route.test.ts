import assert from 'node:assert/strict';
import { test } from 'node:test';
import { href, parseHash, printJobHref, rejudgingHref, submissionHref, VIEWS, viewHref } from './route.ts';

test('every view parses from its own link', () => {
  for (const { view } of VIEWS) assert.equal(parseHash(viewHref(view)).view, view);
});

test('a submission detail, and unknown hashes fall back to the dashboard', () => {
  assert.deepEqual(parseHash(submissionHref('42')), { view: 'submissions', submissionId: '42' });
  assert.deepEqual(parseHash('#/submissions'), { view: 'submissions', submissionId: null });
  assert.deepEqual(parseHash(''), { view: 'dashboard' });
  assert.deepEqual(parseHash('#/nowhere'), { view: 'dashboard' });
  assert.equal(href({ view: 'submissions', submissionId: 'a/b' }), '#/submissions/a%2Fb');
  assert.deepEqual(parseHash('#/submissions/a%2Fb'), { view: 'submissions', submissionId: 'a/b' });
});

test('a rejudging, and the list of them', () => {
  assert.deepEqual(parseHash(rejudgingHref('3')), { view: 'rejudgings', rejudgingId: '3' });
  assert.deepEqual(parseHash('#/rejudgings'), { view: 'rejudgings', rejudgingId: null });
  assert.equal(viewHref('rejudgings'), '#/rejudgings');
});

test("a print job's printable page, and the list of them", () => {
  assert.deepEqual(parseHash(printJobHref('7')), { view: 'print-jobs', printJobId: '7' });
  assert.deepEqual(parseHash('#/print-jobs'), { view: 'print-jobs', printJobId: null });
  assert.equal(viewHref('print-jobs'), '#/print-jobs');
});
