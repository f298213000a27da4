// The projector's scoreboard (/api/public/scoreboard) during the freeze: the public view whoever
// asks (a judge's browser too), a verdict the freeze hides shows nowhere in it, not even in its
// ETag, and it holds nothing more than a team's own portal scoreboard does.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PortalSubmission, ScoreboardView } from '../shared/portalApi.ts';
import { PortalClient, basic, eventually, testServer } from '../test-support/http.ts';

const HELLO = 'print("Hello, World!")\n';
let server: Awaited<ReturnType<typeof testServer>>;

before(async () => {
  server = await testServer({ workers: 1 });
  // "Now" falls in the last hour: the freeze.
  const contest = server.context.store.contest.get()!;
  server.context.store.contest.setTimes({ startTime: Date.now() - (contest.durationMs - contest.freezeMs) - 60_000 });
});
after(async () => {
  await server.close();
});

const publicBoard = (headers: Record<string, string> = {}) => new PortalClient(server.url).get<ScoreboardView>('/api/public/scoreboard', headers);
const helloCell = (board: ScoreboardView, teamId: string) => board.rows.find((r) => r.teamId === teamId)!.problems.find((p) => p.problemId === 'hello')!;

test('a verdict in the freeze stays hidden from the public board and its ETag, for anonymous callers and judges alike', async () => {
  const team = new PortalClient(server.url);
  const sent = await team.post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source: HELLO }, basic('team1', 'team1-pass'));
  assert.equal(sent.status, 202);
  const etagBefore = (await publicBoard()).headers.get('etag');
  await eventually(async () => (server.context.store.submissions.get(sent.body.id)?.verdict === 'AC' ? true : undefined), 60_000, 'the verdict');

  const anonymous = await publicBoard();
  assert.equal(anonymous.status, 200);
  assert.equal(anonymous.headers.get('etag'), etagBefore, 'the ETag moved on a verdict the board hides');
  assert.equal(anonymous.body.frozen, true);
  assert.deepEqual(helloCell(anonymous.body, 'team1'), { ...helloCell(anonymous.body, 'team1'), solved: false, pending: 1 });
  assert.equal(anonymous.body.rows.find((r) => r.teamId === 'team1')!.solved, 0);

  // A judge's logged-in browser on the projector gets the public board too, not the judges'.
  const asJudge = await publicBoard(basic('judge', 'judge-pass'));
  assert.deepEqual(asJudge.body, anonymous.body);
  const judgesBoard = await new PortalClient(server.url).get<ScoreboardView>('/api/portal/scoreboard', basic('judge', 'judge-pass'));
  assert.equal(helloCell(judgesBoard.body, 'team1').solved, true);

  // Nothing a team's own portal does not show: the same board, field for field.
  const teamsBoard = await new PortalClient(server.url).get<ScoreboardView>('/api/portal/scoreboard', basic('team2', 'team2-pass'));
  assert.deepEqual(anonymous.body, teamsBoard.body);

  // An unchanged board costs a 304.
  assert.equal((await publicBoard({ 'if-none-match': etagBefore! })).status, 304);
});
