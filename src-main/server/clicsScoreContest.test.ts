// CLICS conformance of a score contest (contest.yaml `scoreboard_type: score`) over real HTTP, against
// Verdict's own schemas (clics/schemas.ts) as clicsConformance.test.ts checks a pass-fail one: the contest
// without a penalty time, problems with their max_score, judgements with their score, the scoreboard's
// score shape for the public and the judges, the event feed, and an exported contest package.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as S from '../clics/schemas.ts';
import { resourcePath } from '../common/paths.ts';
import { exportContestPackage } from '../export/contestPackage.ts';
import { assertCollection, assertConforms, assertFeed, integrityProblems } from '../test-support/clicsCheck.ts';
import { basic, eventually, PortalClient, testServer } from '../test-support/http.ts';

describe('CLICS conformance of a score contest', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  const scratch = mkdtempSync(join(tmpdir(), 'verdict-clics-score-'));
  const judge = basic('judge', 'judge-pass');
  const get = async <T>(path: string, headers: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(server.url + path, { headers });
    assert.equal(response.status, 200, path);
    return (await response.json()) as T;
  };

  before(async () => {
    const contestDir = join(scratch, 'contest');
    cpSync(resourcePath('sample-contest'), contestDir, { recursive: true });
    const yaml = join(contestDir, 'contest.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^penalty_time:.*$/m, 'scoreboard_type: score'));
    server = await testServer({ contestDir, workers: 1 });
    for (const [username, source] of [['team1', 'print("Hello, World!")\n'], ['team2', 'print("Hello World")\n']]) {
      const portal = new PortalClient(server.url);
      await portal.login(username, `${username}-pass`);
      assert.equal((await portal.post('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source })).status, 202);
    }
    await eventually(async () => {
      const judgements = await get<S.ClicsJudgement[]>('/api/contests/sample/judgements', judge);
      return judgements.length === 2 && judgements.every((j) => j.end_time !== null) ? true : undefined;
    }, 60_000, 'both submissions judged');
  });
  after(async () => {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('the contest, problems, judgements and scoreboard have the score fields, and conform', async () => {
    const contest = await get<S.ClicsContest>('/api/contests/sample');
    assertConforms(S.Contest, contest, 'the contest');
    assert.equal(contest.scoreboard_type, 'score');
    assert.ok(!('penalty_time' in contest), 'a score contest has no penalty time');

    const problems = await get<S.ClicsProblem[]>('/api/contests/sample/problems');
    assertCollection('problems', problems, '/problems');
    assert.equal(problems.find((p) => p.id === 'hello')?.max_score, 1, 'a pass-fail problem read for judging: an AC scores 1');

    const judgements = await get<S.ClicsJudgement[]>('/api/contests/sample/judgements', judge);
    assertCollection('judgements', judgements, '/judgements');
    const submissions = await get<S.ClicsSubmission[]>('/api/contests/sample/submissions', judge);
    const teamOf = new Map(submissions.map((s) => [s.id, s.team_id]));
    assert.deepEqual(judgements.map((j) => [teamOf.get(j.submission_id), j.judgement_type_id, j.score]).sort(), [
      ['team1', 'AC', 1],
      ['team2', 'WA', 0],
    ]);

    for (const headers of [{}, judge]) {
      const board = await get<S.ClicsScoreboard>('/api/contests/sample/scoreboard', headers);
      assertConforms(S.Scoreboard, board, 'the scoreboard');
      const team1 = board.rows[0];
      assert.equal(team1.team_id, 'team1');
      assert.equal(team1.rank, 1);
      assert.ok('score' in team1.score && team1.score.score === 1 && team1.score.time !== null);
      const hello = team1.problems.find((p) => p.problem_id === 'hello')!;
      assert.ok('score' in hello && hello.score === 1 && hello.time !== undefined && hello.num_judged === 1);
      const team2 = board.rows.find((r) => r.team_id === 'team2')!;
      assert.deepEqual([team2.rank, team2.score], [2, { score: 0, time: null }]);
    }
  });

  test('the event feed conforms and refers only to what exists; an exported package conforms', async () => {
    const response = await fetch(`${server.url}/api/contests/sample/event-feed?stream=false`, { headers: judge });
    const feed = assertFeed(await response.text(), 'the feed');
    assert.deepEqual(integrityProblems(feed), []);
    assert.equal(feed.findLast((e) => e.type === 'contest')?.data?.scoreboard_type, 'score');
    assert.ok(feed.some((e) => e.type === 'judgements' && e.data?.score === 1));

    const out = join(scratch, 'package');
    await exportContestPackage(server.context.store, out, { now: server.context.now() });
    const read = (name: string): unknown => JSON.parse(readFileSync(join(out, name), 'utf8'));
    assertConforms(S.Contest, read('contest.json'), 'contest.json');
    assertConforms(S.Scoreboard, read('scoreboard.json'), 'scoreboard.json');
    assertCollection('problems', read('problems.json'), 'problems.json');
    assertCollection('judgements', read('judgements.json'), 'judgements.json');
    assert.equal((read('scoreboard.json') as S.ClicsScoreboard).rows[0].team_id, 'team1');
  });
});
