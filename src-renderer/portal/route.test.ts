import assert from 'node:assert/strict';
import { test } from 'node:test';
import { href, parseHash, tabOf, type Route } from './route.ts';

test('every view survives its own link, a submission page among them', () => {
  const routes: Route[] = [
    { view: 'problems' },
    { view: 'problem', problemId: 'hello' },
    { view: 'submit', problemId: null },
    { view: 'submit', problemId: 'sum' },
    { view: 'submissions' },
    { view: 'submission', submissionId: '12' },
    { view: 'scoreboard' },
    { view: 'clarifications' },
    { view: 'print' },
  ];
  for (const route of routes) assert.deepEqual(parseHash(href(route)), route);
});

test("a submission's page sits under the My submissions tab", () => {
  assert.equal(href({ view: 'submission', submissionId: '7' }), '#/submissions/7');
  assert.equal(tabOf(parseHash('#/submissions/7')), 'submissions');
  assert.deepEqual(parseHash('#/nonsense'), { view: 'problems' });
});
