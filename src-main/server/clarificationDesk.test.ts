// The judges' clarification desk over real HTTP: claiming a team's question (two judges at once: the
// second is told who has it; the claim reaches every console's events; the answer releases it) and
// the stock answers (the contest folder's clarification-answers.yaml, or the default list).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { DEFAULT_CANNED_ANSWERS } from '../contest/cannedAnswers.ts';
import type { ConsoleClarification, ConsoleEvent } from '../shared/judgeApi.ts';
import type { PortalClarification } from '../shared/portalApi.ts';
import { PortalClient, eventually, testServer } from '../test-support/http.ts';

const contestDir = mkdtempSync(join(tmpdir(), 'verdict-clarification-desk-'));
let server: Awaited<ReturnType<typeof testServer>>;
let judge: PortalClient;
let admin: PortalClient;
let team: PortalClient;

before(async () => {
  cpSync(resourcePath('sample-contest'), contestDir, { recursive: true });
  writeFileSync(join(contestDir, 'clarification-answers.yaml'), '- No comment.\n- Read the input section again.\n');
  server = await testServer({ contestDir });
  [judge, admin, team] = [new PortalClient(server.url), new PortalClient(server.url), new PortalClient(server.url)];
  assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
  assert.equal((await admin.login('admin', 'admin-pass')).status, 200);
  assert.equal((await team.login('team1', 'team1-pass')).status, 200);
});
after(async () => {
  await server?.close();
  rmSync(contestDir, { recursive: true, force: true });
});

const call = <T>(client: PortalClient, method: string, ...args: unknown[]) => client.post<T>(`/api/console/${method}`, args);

async function ask(text: string): Promise<string> {
  const answer = await team.post<PortalClarification>('/api/portal/clarifications', { problemId: 'hello', text });
  assert.equal(answer.status, 201);
  return answer.body.id;
}

test('two judges claim a question at once: one has it, the other is told who', async () => {
  const id = await ask('Is the greeting case-sensitive?');
  const answers = await Promise.all([call<ConsoleClarification>(judge, 'setClarificationClaimed', id, true), call<ConsoleClarification>(admin, 'setClarificationClaimed', id, true)]);
  const won = answers.filter((a) => a.status === 200);
  const lost = answers.filter((a) => a.status === 409);
  assert.equal(won.length, 1, JSON.stringify(answers.map((a) => a.body)));
  assert.equal(lost.length, 1);
  const holder = won[0].body.claimed!.by;
  assert.ok(['judge', 'admin'].includes(holder));
  assert.match((lost[0].body as unknown as { error: string }).error, new RegExp(`^${holder} is answering this question already`));
  const listed = (await call<ConsoleClarification[]>(admin, 'listClarifications')).body.find((c) => c.id === id);
  assert.equal(listed?.claimed?.by, holder);
  // The team never sees who is answering.
  const own = (await team.get<Record<string, unknown>[]>('/api/portal/clarifications')).body.find((c) => c.id === id);
  assert.equal(own && 'claimed' in own, false);
});

test("a claim reaches the other consoles' events, and the answer releases it", async () => {
  const id = await ask('May the output end without a newline?');
  const heard: ConsoleClarification[] = [];
  const stop = server.console.subscribe((events: ConsoleEvent[]) => {
    for (const e of events) if (e.type === 'clarification' && e.clarification.id === id) heard.push(e.clarification);
  });
  try {
    assert.equal((await call(judge, 'setClarificationClaimed', id, true)).status, 200);
    await eventually(async () => (heard.at(-1)?.claimed?.by === 'judge' ? true : undefined), 5000, 'the claim as an event');
    const answer = await call<ConsoleClarification>(admin, 'answerClarification', { replyToId: id, toTeamId: 'team1', problemId: 'hello', text: 'Yes.' });
    assert.equal(answer.status, 200);
    await eventually(async () => (heard.at(-1)?.claimed === null ? true : undefined), 5000, 'the release as an event');
    assert.equal((await call<ConsoleClarification[]>(judge, 'listClarifications')).body.find((c) => c.id === id)?.claimed, null);
    // Answered: nobody can claim it any more.
    assert.equal((await call(judge, 'setClarificationClaimed', id, true)).status, 409);
  } finally {
    stop();
  }
});

test('a judge releases a claim, whoever holds it; then another may claim it', async () => {
  const id = await ask('Is the input empty?');
  assert.equal((await call(judge, 'setClarificationClaimed', id, true)).status, 200);
  const released = await call<ConsoleClarification>(admin, 'setClarificationClaimed', id, false);
  assert.equal(released.status, 200);
  assert.equal(released.body.claimed, null);
  assert.equal((await call<ConsoleClarification>(admin, 'setClarificationClaimed', id, true)).body.claimed?.by, 'admin');
  assert.equal((await call(judge, 'setClarificationClaimed', 'no-such', true)).status, 404);
  assert.equal((await call(judge, 'setClarificationClaimed', id, 'yes')).status, 400);
  // Only judges claim.
  assert.equal((await call(team, 'setClarificationClaimed', id, false)).status, 403);
});

test("the stock answers are the contest folder's; the default list without the file", async () => {
  assert.deepEqual((await call<string[]>(judge, 'listCannedAnswers')).body, ['No comment.', 'Read the input section again.']);
  const plain = await testServer({ workers: 1 });
  try {
    assert.deepEqual(await plain.console.listCannedAnswers(), DEFAULT_CANNED_ANSWERS);
  } finally {
    await plain.close();
  }
});
