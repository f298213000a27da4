// The console's requests are checked against JudgeApi's parameter types wherever they arrive
// (HTTP and Electron IPC): wrong types, missing or extra arguments are refused, naming the parameter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkJudgeRequest } from './judgeRequests.ts';

test('arguments of the declared types pass through unchanged', () => {
  assert.deepEqual(checkJudgeRequest('setThawed', [true]), { args: [true] });
  assert.deepEqual(checkJudgeRequest('overrideVerdict', ['12', 'AC', 'typo']), { args: ['12', 'AC', 'typo'] });
  const times = { startTime: null, durationMs: 18_000_000, freezeMs: 3_600_000 };
  assert.deepEqual(checkJudgeRequest('setContestTimes', [times]), { args: [times] });
  const answer = { replyToId: null, toTeamId: 't1', problemId: null, text: 'No.' };
  assert.deepEqual(checkJudgeRequest('answerClarification', [answer]), { args: [answer] });
});

test('optional arguments may be left out or sent as null (JSON has no undefined)', () => {
  assert.deepEqual(checkJudgeRequest('listSubmissions', []), { args: [] });
  assert.deepEqual(checkJudgeRequest('listSubmissions', ['7']), { args: ['7'] });
  assert.deepEqual(checkJudgeRequest('listSubmissions', [null, null]), { args: [undefined, undefined] });
});

test('a wrong type, a missing or an extra argument is refused, naming the parameter', () => {
  const problem = (method: Parameters<typeof checkJudgeRequest>[0], args: unknown[]) => {
    const result = checkJudgeRequest(method, args);
    assert.ok('problem' in result, `${method}(${JSON.stringify(args)}) is refused`);
    return result.problem;
  };
  assert.match(problem('setThawed', ['no']), /^setThawed: thawed: /);
  assert.match(problem('setWorkers', [1.5]), /^setWorkers: workers: /);
  assert.match(problem('listSubmissions', [null, 'ten']), /^listSubmissions: limit: /);
  assert.match(problem('getScoreboard', ['everyone']), /^getScoreboard: view: /);
  assert.match(problem('setContestTimes', [{ startTime: 'now', durationMs: 1, freezeMs: 0 }]), /^setContestTimes: times\.startTime: /);
  assert.match(problem('answerClarification', [{ text: 42 }]), /^answerClarification: answer\.text: /);
  assert.match(problem('setLanguageEnabled', ['cpp']), /^setLanguageEnabled: expected the arguments \[languageId, enabled\], got 1/);
  assert.match(problem('pauseJudging', [true]), /^pauseJudging: expected the arguments \[\], got 1/);
  assert.match(problem('getSubmission', ['']), /^getSubmission: id: /);
});
