// A submit-answer problem in a served contest: the portal says the problem takes an answer file, a
// team submits the answer itself (language id 'answer', nothing compiled or run) and it is judged by
// the problem's validator; a program's language is refused for it, and 'answer' for other problems.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ANSWER_LANGUAGE_ID } from '../common/types.ts';
import type { PortalOverview, PortalProblem, PortalSubmission } from '../shared/portalApi.ts';
import { PortalClient, basic, eventually, sampleContestWith, testServer } from '../test-support/http.ts';
import { assertFeed, integrityProblems } from '../test-support/clicsCheck.ts';

const contestDir = mkdtempSync(join(tmpdir(), 'verdict-answer-contest-'));
let server: Awaited<ReturnType<typeof testServer>>;
let team: PortalClient;

before(async () => {
  sampleContestWith(contestDir, 'magicsquare', { label: 'M', name: 'Magic Square' });
  server = await testServer({ contestDir });
  team = new PortalClient(server.url);
  assert.equal((await team.login('team1', 'team1-pass')).status, 200);
});
after(async () => {
  await server?.close();
  rmSync(contestDir, { recursive: true, force: true });
});

async function problem(id: string): Promise<PortalProblem> {
  return eventually(async () => {
    const overview = await team.get<PortalOverview>('/api/portal/overview');
    const found = overview.body.problems.find((p) => p.id === id);
    return found && found.submitAnswer !== null ? found : undefined;
  }, 20_000, `problem ${id} to be read`);
}

test('the portal says which problem takes an answer file', async () => {
  assert.equal((await problem('magicsquare')).submitAnswer, true);
  assert.equal((await problem('sum')).submitAnswer, false);
});

test('an answer file submitted through the portal is judged by the problem\'s validator', async () => {
  await problem('magicsquare');
  const submit = async (fileName: string, text: string) => {
    const answer = await team.post<PortalSubmission>('/api/portal/submissions', { problemId: 'magicsquare', languageId: ANSWER_LANGUAGE_ID, fileName, source: text });
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    assert.equal(answer.body.fileName, fileName, 'an answer file keeps its name: no language extension is added');
    return eventually(async () => {
      const list = await team.get<PortalSubmission[]>('/api/portal/submissions');
      return list.body.find((s) => s.id === answer.body.id)?.verdict ?? undefined;
    }, 30_000, `the verdict of ${fileName}`);
  };
  assert.equal(await submit('square.txt', '6 1 8\n7 5 3\n2 9 4\n'), 'AC');
  assert.equal(await submit('rows.txt', '1 2 3\n4 5 6\n7 8 9\n'), 'WA');
});

test('a program is refused for a submit-answer problem, and an answer file for any other', async () => {
  await problem('magicsquare');
  const program = await team.post<{ error: string }>('/api/portal/submissions', { problemId: 'magicsquare', languageId: 'python', fileName: 'a.py', source: 'print(1)\n' });
  assert.equal(program.status, 400);
  assert.match(program.body.error, /takes an answer file, not a program/);
  const answer = await team.post<{ error: string }>('/api/portal/submissions', { problemId: 'sum', languageId: ANSWER_LANGUAGE_ID, fileName: 'a.txt', source: '3\n' });
  assert.equal(answer.status, 400);
  assert.match(answer.body.error, /takes a program, not an answer file/);
});

test("the Contest API announces the answer language before a submission refers to it", async () => {
  await problem('magicsquare');
  const sent = await team.post<PortalSubmission>('/api/portal/submissions', { problemId: 'magicsquare', languageId: ANSWER_LANGUAGE_ID, fileName: 'feed.txt', source: '2 7 6\n9 5 1\n4 3 8\n' });
  assert.equal(sent.status, 202);
  const judge = basic('judge', 'judge-pass');
  const languages = (await (await fetch(`${server.url}/api/contests/sample/languages`, { headers: judge })).json()) as { id: string }[];
  assert.ok(languages.some((l) => l.id === ANSWER_LANGUAGE_ID), 'the answer language is listed');
  const feed = assertFeed(await (await fetch(`${server.url}/api/contests/sample/event-feed?stream=false`, { headers: judge })).text(), 'the feed');
  assert.ok(feed.some((e) => e.type === 'submissions' && e.data?.language_id === ANSWER_LANGUAGE_ID));
  assert.deepEqual(integrityProblems(feed), []);
});
