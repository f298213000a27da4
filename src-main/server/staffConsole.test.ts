// The staff's console features over real HTTP: the balloon list (locations, colours, first to solve,
// deliveries that outlive a restart), per-problem statistics and judging verification (who and when,
// kept by judgement, so a rejudge needs verifying again).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BalloonView, ConsoleSubmission, ProblemStats, SubmissionDetail } from '../shared/judgeApi.ts';
import type { PortalSubmission } from '../shared/portalApi.ts';
import { PortalClient, eventually, testServer } from '../test-support/http.ts';

const HELLO = 'print("Hello, World!")\n';
const dataDir = mkdtempSync(join(tmpdir(), 'verdict-staff-test-'));
let server: Awaited<ReturnType<typeof testServer>>;
let judge: PortalClient;

async function start(): Promise<void> {
  server = await testServer({ workers: 1, dataDir });
  judge = new PortalClient(server.url);
  assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
}

before(start);
after(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = <T>(method: string, ...args: unknown[]) => judge.post<T>(`/api/console/${method}`, args);

async function submitAs(team: string, source: string): Promise<string> {
  const client = new PortalClient(server.url);
  assert.equal((await client.login(team, `${team}-pass`)).status, 200);
  const answer = await client.post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source });
  assert.equal(answer.status, 202);
  const id = answer.body.id;
  await eventually(async () => (server.context.store.submissions.get(id)?.status === 'judged' ? true : undefined), 60_000, `submission ${id} judged`);
  return id;
}

describe('balloons', () => {
  let wrong: string;
  let first: string;
  let second: string;

  test("each team's first AC on a problem owes a balloon, with the team's location and the problem's colour", async () => {
    wrong = await submitAs('team2', 'print("Hello World")\n');
    first = await submitAs('team2', HELLO);
    second = await submitAs('team3', HELLO);
    await submitAs('team2', HELLO); // a second AC of team2: no second balloon
    const balloons = (await call<BalloonView[]>('listBalloons')).body;
    assert.deepEqual(
      balloons.map((b) => [b.submissionId, b.teamName, b.location, b.label, b.color, b.rgb, b.firstToSolve, b.delivered]),
      [
        [first, 'Off By One', 'Hall A, desk 2', 'A', 'green', '#2e9e44', true, null],
        [second, 'The Recursive Rabbits', 'Hall A, desk 3', 'A', 'green', '#2e9e44', false, null],
      ],
    );
    assert.equal((await call('setBalloonDelivered', wrong, true)).status, 404);
  });

  test('a delivery names the judge and survives a restart; it can be taken back', async () => {
    assert.equal((await call('setBalloonDelivered', first, true)).status, 200);
    await server.close();
    await start();
    const balloons = (await call<BalloonView[]>('listBalloons')).body;
    const delivered = balloons.find((b) => b.submissionId === first)!.delivered;
    assert.equal(delivered?.by, 'judge');
    assert.ok(delivered.at > 0);
    assert.equal(balloons.find((b) => b.submissionId === second)!.delivered, null);
    assert.equal((await call('setBalloonDelivered', first, false)).status, 200);
    assert.equal((await call<BalloonView[]>('listBalloons')).body.find((b) => b.submissionId === first)!.delivered, null);
  });

  test("the problem's statistics count these submissions", async () => {
    const stats = (await call<ProblemStats[]>('getProblemStats')).body;
    const hello = stats.find((s) => s.problemId === 'hello')!;
    assert.deepEqual([hello.submissions, hello.teamsTried, hello.teamsSolved], [4, 2, 2]);
    assert.deepEqual(hello.verdicts, { WA: 1, AC: 3 });
    assert.equal(hello.firstSolve?.teamId, 'team2');
    assert.equal(hello.histogram.buckets.reduce((n, b) => n + b.accepted + b.rejected + b.pending, 0), 4);
    assert.equal(stats.find((s) => s.problemId === 'sum')!.submissions, 0);
  });

  test('a verification names the judge, shows in the list and the detail, and a rejudge needs a new one', async () => {
    assert.equal((await call('setVerified', wrong, true)).status, 200);
    const listed = (await call<ConsoleSubmission[]>('listSubmissions')).body.find((s) => s.id === wrong)!;
    assert.equal(listed.verified?.by, 'judge');
    const detail = (await call<SubmissionDetail>('getSubmission', wrong)).body;
    assert.deepEqual(detail.submission.verified, listed.verified);
    assert.equal((await call<ConsoleSubmission[]>('listSubmissions')).body.find((s) => s.id === first)!.verified, null);

    assert.equal((await call('rejudgeSubmission', wrong)).status, 200);
    await eventually(async () => (server.context.store.submissions.get(wrong)?.status === 'judged' ? true : undefined), 60_000, 'the rejudge');
    assert.equal((await call<SubmissionDetail>('getSubmission', wrong)).body.submission.verified, null);
    assert.equal((await call('setVerified', 'no-such', true)).status, 404);
  });
});
