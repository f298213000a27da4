// An interactive problem in a served contest: the portal tells the team it is interactive (and
// shows no sample files, which are the interactor's), and a submission through the portal is judged
// against the interactor.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { PortalOverview, PortalProblem, PortalSubmission } from '../shared/portalApi.ts';
import { PortalClient, eventually, sampleContestWith, testServer } from '../test-support/http.ts';

const contestDir = mkdtempSync(join(tmpdir(), 'verdict-interactive-contest-'));
let server: Awaited<ReturnType<typeof testServer>>;
let team: PortalClient;

before(async () => {
  sampleContestWith(contestDir, 'guess', { label: 'D', name: 'Guess the Number' });
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
    return found && found.interactive !== null ? found : undefined;
  }, 20_000, `problem ${id} to be read`);
}

test('the portal says which problem is interactive, and shows no sample files for it', async () => {
  const guess = await problem('guess');
  assert.equal(guess.interactive, true);
  assert.deepEqual(guess.samples, []);
  const sum = await problem('sum');
  assert.equal(sum.interactive, false);
  assert.ok(sum.samples.length > 0);
});

test('submissions through the portal are judged against the interactor', async () => {
  const submit = async (fileName: string, text: string) => {
    const answer = await team.post<PortalSubmission>('/api/portal/submissions', { problemId: 'guess', languageId: 'python', fileName, source: text });
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    return eventually(async () => {
      const list = await team.get<PortalSubmission[]>('/api/portal/submissions');
      return list.body.find((s) => s.id === answer.body.id)?.verdict ?? undefined;
    }, 30_000, `the verdict of ${fileName}`);
  };
  const binary = 'lo, hi = 1, 1000\nwhile True:\n    g = (lo + hi) // 2\n    print(g, flush=True)\n    r = input()\n    if r == "correct":\n        break\n    if r == "higher":\n        lo = g + 1\n    else:\n        hi = g - 1\n';
  assert.equal(await submit('binary.py', binary), 'AC');
  assert.equal(await submit('one.py', 'while True:\n    print(1, flush=True)\n    input()\n'), 'WA');
});
