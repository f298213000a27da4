import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PortalSubmission } from '../../src-main/shared/portalApi.ts';
import { problemStates, problemStateText, type ProblemState } from './problemStates.ts';

let next = 1;
function submission(problemId: string, status: PortalSubmission['status'], verdict: PortalSubmission['verdict']): PortalSubmission {
  const id = String(next++);
  return { id, problemId, languageId: 'python', fileName: 'a.py', submittedAt: 0, contestTimeMs: 0, status, verdict, queuePosition: null, estimatedWaitMs: null, testsDone: null, testsTotal: null, timeMs: null, score: null, maxScore: null, groups: null };
}

test("a problem is solved once any of the team's submissions is accepted, whatever came before or is still judged", () => {
  const states = problemStates([submission('a', 'judged', 'WA'), submission('a', 'judged', 'AC'), submission('a', 'queued', null)]);
  assert.deepEqual(states.get('a'), { state: 'solved' });
});

test('without an accepted one: being judged while any is, else tried as many times as judged', () => {
  const states = problemStates([
    submission('a', 'judged', 'WA'),
    submission('a', 'judging', null),
    submission('b', 'judged', 'WA'),
    submission('b', 'judged', 'CE'),
    // A judging error reads as still judging.
    submission('c', 'judged', 'JE'),
  ]);
  assert.deepEqual(states.get('a'), { state: 'pending' });
  assert.deepEqual(states.get('b'), { state: 'tried', tries: 2 });
  assert.deepEqual(states.get('c'), { state: 'pending' });
  assert.equal(states.get('d'), undefined);
});

test('each state has words of its own', () => {
  const states: ProblemState[] = [{ state: 'solved' }, { state: 'pending' }, { state: 'tried', tries: 1 }, { state: 'tried', tries: 3 }, { state: 'untried' }];
  const texts = states.map(problemStateText);
  assert.deepEqual(texts, ['Solved', 'Being judged', 'Tried once', 'Tried 3 times', 'Not tried']);
});
