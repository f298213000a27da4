// The awards and the resolver over real HTTP: only judges get the resolver's script (it holds the frozen
// results), and only once the contest is over; teams and the public keep seeing the frozen board and no
// awards until the judges release the results. The medal counts the judges set are what the CLICS awards
// give, and they outlive a restart.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ClicsAward } from '../clics/schemas.ts';
import type { AwardsView, ConsoleClock, ResolverView, ScoreboardView } from '../shared/judgeApi.ts';
import type { PortalSubmission } from '../shared/portalApi.ts';
import { PortalClient, eventually, testServer } from '../test-support/http.ts';

const HELLO = 'print("Hello, World!")\n';
const WRONG = 'print("Hello World")\n';
const MINUTE_MS = 60_000;
const dataDir = mkdtempSync(join(tmpdir(), 'verdict-resolver-test-'));
let server: Awaited<ReturnType<typeof testServer>>;
let judge: PortalClient;
let team: PortalClient;
let contestId: string;

async function start(): Promise<void> {
  server = await testServer({ workers: 1, dataDir });
  judge = new PortalClient(server.url);
  assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
  team = new PortalClient(server.url);
  assert.equal((await team.login('team1', 'team1-pass')).status, 200);
  contestId = server.context.store.contest.get()!.id;
}

before(start);
after(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = <T>(method: string, ...args: unknown[]) => judge.post<T>(`/api/console/${method}`, args);

async function submitAs(name: string, source: string): Promise<string> {
  const client = name === 'team1' ? team : new PortalClient(server.url);
  if (client !== team) assert.equal((await client.login(name, `${name}-pass`)).status, 200);
  const answer = await client.post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source });
  assert.equal(answer.status, 202);
  const id = answer.body.id;
  await eventually(async () => (server.context.store.submissions.get(id)?.status === 'judged' ? true : undefined), 60_000, `submission ${id} judged`);
  return id;
}

const pendingOf = (board: ScoreboardView, teamId: string) => board.rows.find((r) => r.teamId === teamId)!.problems.find((c) => c.problemId === 'hello')!;

test('a contest with a frozen hour: the resolver is refused while it runs, then reveals the freeze to judges only', async () => {
  await submitAs('team3', HELLO);
  await submitAs('team2', WRONG);
  // Into the freeze: the last hour began a minute ago. team1 and team2 solve there.
  const { clock } = (await call<{ clock: ConsoleClock }>('getSnapshot')).body;
  await call('setContestTimes', { startTime: Date.now() - (clock.durationMs - clock.freezeMs) - MINUTE_MS, durationMs: clock.durationMs, freezeMs: clock.freezeMs });
  await submitAs('team1', HELLO);
  await submitAs('team2', HELLO);

  const early = await call<{ error: string }>('getResolver');
  assert.equal(early.status, 409);
  assert.match(early.body.error, /has not ended/);
  assert.equal((await call('endContestNow')).status, 200);

  // Nobody but a judge gets the script, or the awards through the console.
  const anonymous = new PortalClient(server.url);
  for (const method of ['getResolver', 'getAwards']) {
    assert.equal((await team.post(`/api/console/${method}`, [])).status, 403, `a team's ${method}`);
    assert.equal((await anonymous.post(`/api/console/${method}`, [])).status, 401, `an anonymous ${method}`);
  }
  assert.equal((await team.post('/api/console/setMedalCounts', [{ gold: 1, silver: 0, bronze: 0 }])).status, 403);
  // The team's and the public boards still hide the freeze, and the awards are nobody's yet.
  const teamBoard = (await team.get<ScoreboardView>('/api/portal/scoreboard')).body;
  assert.equal(teamBoard.frozen, true);
  assert.deepEqual([pendingOf(teamBoard, 'team1').solved, pendingOf(teamBoard, 'team1').pending], [false, 1]);
  const publicBoard = (await anonymous.get<ScoreboardView>('/api/public/scoreboard')).body;
  assert.deepEqual(publicBoard.rows.map((r) => r.teamId), teamBoard.rows.map((r) => r.teamId));
  assert.equal(pendingOf(publicBoard, 'team2').pending, 1);
  assert.deepEqual((await team.get<ClicsAward[]>(`/api/contests/${contestId}/awards`)).body, []);
  assert.deepEqual((await anonymous.get<ClicsAward[]>(`/api/contests/${contestId}/awards`)).body, []);

  const resolver = await call<ResolverView>('getResolver');
  assert.equal(resolver.status, 200);
  const script = resolver.body;
  assert.equal(script.released, false);
  // It starts from the board the public sees, and ends at the judges' (hidden teams left out).
  assert.deepEqual(script.frozen.map((r) => [r.teamId, r.rank]), publicBoard.rows.map((r) => [r.teamId, r.rank]));
  const reveals = script.steps.filter((s) => s.kind === 'reveal');
  assert.deepEqual(reveals.map((s) => [s.teamId, s.solved]).sort(), [['team1', true], ['team2', true]]);
  const judgesBoard = (await call<ScoreboardView>('getScoreboard', 'judges')).body;
  const hidden = new Set(server.context.store.contest.teams().filter((t) => t.hidden).map((t) => t.id));
  const last = reveals.at(-1)!;
  assert.ok(last.kind === 'reveal');
  assert.deepEqual(last.order, judgesBoard.rows.filter((r) => !hidden.has(r.teamId)).map((r) => ({ teamId: r.teamId, rank: r.rank })));
  // team3 solved first (before the freeze): the winner, shown last, after every reveal.
  const shown = script.steps.at(-1)!;
  assert.ok(shown.kind === 'award');
  assert.equal(shown.teamId, 'team3');
  assert.deepEqual(shown.awards.map((a) => a.id), ['winner', 'gold-medal', 'first-to-solve-hello', 'group-winner-participants']);
});

test('the medal counts the judges set are the CLICS awards, checked, and kept through a restart', async () => {
  assert.equal((await call('setMedalCounts', { gold: -1, silver: 0, bronze: 0 })).status, 400);
  assert.equal((await call('setMedalCounts', { gold: 1, silver: 1 })).status, 400);
  assert.equal((await call('setMedalCounts', { gold: 1, silver: 1, bronze: 0 })).status, 200);
  const medals = async () => {
    const awards = (await judge.get<ClicsAward[]>(`/api/contests/${contestId}/awards`)).body;
    return Object.fromEntries(awards.filter((a) => a.id.endsWith('-medal')).map((a) => [a.id, a.team_ids]));
  };
  // team3 first; team1 and team2 both solved in the freeze: team1 a minute or so earlier, or tied.
  const set = await medals();
  assert.deepEqual(set['gold-medal'], ['team3']);
  assert.equal(set['silver-medal'].length >= 1, true);
  assert.deepEqual(set['bronze-medal'], []);
  const view = (await call<AwardsView>('getAwards')).body;
  assert.deepEqual(view.medalCounts, { gold: 1, silver: 1, bronze: 0 });
  assert.equal(view.medalCountsSet, true);
  assert.deepEqual(view.awards.find((a) => a.id === 'gold-medal')!.teams.map((t) => t.id), ['team3']);

  await server.close();
  await start();
  assert.deepEqual(await medals(), set);
  assert.deepEqual((await call<AwardsView>('getAwards')).body.medalCounts, { gold: 1, silver: 1, bronze: 0 });

  // Back to the defaults (4 each): everyone who solved something has a medal.
  assert.equal((await call('setMedalCounts', null)).status, 200);
  assert.deepEqual((await medals())['gold-medal'].sort(), ['team1', 'team2', 'team3']);
  assert.equal((await call<AwardsView>('getAwards')).body.medalCountsSet, false);
});

test('after the release the teams see the awards, and the resolver still runs for the judges only', async () => {
  assert.equal((await call('setThawed', true)).status, 200);
  const awards = (await team.get<ClicsAward[]>(`/api/contests/${contestId}/awards`)).body;
  assert.deepEqual(awards.find((a) => a.id === 'winner')!.team_ids, ['team3']);
  const script = (await call<ResolverView>('getResolver')).body;
  assert.equal(script.released, true);
  assert.ok(script.steps.some((s) => s.kind === 'reveal'));
  assert.equal((await team.post('/api/console/getResolver', [])).status, 403);
});
