// Remote judgehosts over BullMQ, with real processes on loopback: a real redis-server, the contest
// server (verdict serve --queue, judging only remotely), and `verdict judgehost` processes. Verdicts
// come out right, a killed judgehost's judging is re-run on another, and only judgehost accounts
// with the right password get in.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ConsoleSnapshot, SubmissionDetail } from '../shared/judgeApi.ts';
import { basic, eventually, PortalClient, testServer } from '../test-support/http.ts';
import { startRedis, type TestRedis } from '../test-support/redis.ts';
import { judgedRight, sampleSubmissions, slowSubmission, startJudgehost, started, stop, submitAll, type Judgehost, type Submission } from '../test-support/remoteJudgehosts.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-remote-'));
let redis: TestRedis;
before(async () => {
  redis = await startRedis();
});
after(async () => {
  await redis.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** A judgehost of the sample's account (or the one given), its package cache in this test's folder. */
function remoteJudgehost(serverUrl: string, name: string, password?: string): Judgehost {
  return startJudgehost({ server: serverUrl, queue: redis.url, name, cacheDir: join(scratch, `cache-${name}`), password });
}

test('two remote judgehosts judge the sample submissions right', { timeout: 120_000 }, async () => {
  const server = await testServer({ queue: redis.url, workers: 0 });
  const judgehosts = [remoteJudgehost(server.url, 'jh-a'), remoteJudgehost(server.url, 'jh-b')];
  try {
    await Promise.all(judgehosts.map(started));
    // Both have joined the pool (their heartbeats): two remote workers, none local.
    await eventually(async () => (server.context.engine.pool.workers === 2 ? true : undefined), 10_000, 'two remote workers');
    // No time limit run out: on a loaded machine (2 cores, shared) such a run is judged again as the judge's fault,
    // whoever judges it; the other verdicts do not depend on the load.
    const all = sampleSubmissions().filter((s) => s.expected !== 'TLE');
    const python = all.filter((s) => s.languageId === 'python');
    // And a program of two files: they travel in the job and are written out as the server writes them.
    const twoFiles: Submission = { problemId: 'hello', languageId: 'python', fileName: 'greeting.py', source: 'TEXT = "Hello, World!"\n', otherFiles: [{ fileName: 'main.py', source: 'from greeting import TEXT\nprint(TEXT)\n' }], expected: 'AC' };
    const expected = await submitAll(server.url, [...[...all, ...python, ...python, ...python].slice(0, 29), twoFiles]);
    assert.equal(expected.size, 30);
    const judgedBy = await judgedRight(server.context.store, expected, 100_000, ['jh-a', 'jh-b']);
    // The console's submission detail names the judgehost too.
    const judge = new PortalClient(server.url);
    assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
    const [someId, { judgehost: someJudgehost }] = [...judgedBy][0];
    const detail = await judge.post<SubmissionDetail>('/api/console/getSubmission', [someId]);
    assert.equal(detail.body.judgehost, someJudgehost);
    for (const j of judgehosts) assert.doesNotMatch(j.output(), /error/i, j.output());
  } finally {
    await Promise.all(judgehosts.map(stop));
    await server.close();
  }
});

test('a judgehost killed while judging: its judging runs on another, with the right verdict', { timeout: 120_000 }, async () => {
  const server = await testServer({ queue: redis.url, workers: 0 });
  const first = remoteJudgehost(server.url, 'jh-doomed');
  let second: Judgehost | null = null;
  try {
    await started(first);
    await eventually(async () => (server.context.engine.pool.workers === 1 ? true : undefined), 10_000, 'the remote worker');
    // Slow judgings first (a right answer after a nap on each test, using no CPU), then a few quick ones.
    const quick = sampleSubmissions().filter((s) => s.languageId === 'python' && s.expected !== 'TLE');
    const slow = slowSubmission();
    const expected = await submitAll(server.url, [slow, slow, ...quick.slice(0, 4)]);
    // Killed once it is in the middle of a judging (a step reported).
    const interrupted = await eventually(async () => server.context.judging.running().find((r) => r.progress !== null), 30_000, 'a judging in progress');
    first.child.kill('SIGKILL');
    assert.equal(await first.exit, 'SIGKILL');
    second = remoteJudgehost(server.url, 'jh-rescue');
    await started(second);
    const judgedBy = await judgedRight(server.context.store, expected, 90_000, ['jh-doomed', 'jh-rescue']);
    // The judging cut short counts as the rescuer's: its result is the one recorded.
    assert.equal(judgedBy.get(interrupted.submissionId)?.judgehost, 'jh-rescue');
  } finally {
    await stop(first);
    if (second) await stop(second);
    await server.close();
  }
});

test('judging only remotely with no judgehost live: no judging starts, /health and the console say so; one joins and judges it', { timeout: 90_000 }, async () => {
  const server = await testServer({ queue: redis.url, workers: 0 });
  let late: Judgehost | null = null;
  try {
    const before = await fetch(`${server.url}/health`);
    assert.equal(before.status, 503);
    assert.match(((await before.json()) as { reason: string }).reason, /no judgehost is live/);
    const hello = sampleSubmissions().find((s) => s.problemId === 'hello' && s.languageId === 'python' && s.expected === 'AC')!;
    const tokenBefore = server.context.store.events.since(null).at(-1)?.token ?? null;
    const expected = await submitAll(server.url, [hello]);
    const [id] = expected.keys();
    // The intake wakes the judging service before the submission's answer goes out: a judging started would be in the store now.
    const store = server.context.store;
    assert.equal(store.submissions.get(id)!.status, 'queued');
    assert.deepEqual(store.judgements.list({ submissionId: id }), []);
    assert.deepEqual(store.events.since(tokenBefore).filter((e) => e.type === 'judgements'), []);
    const judge = new PortalClient(server.url);
    assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
    const snapshot = await judge.post<ConsoleSnapshot>('/api/console/getSnapshot', []);
    assert.ok(snapshot.body.pool.problems.some((p) => /no judgehost is live/.test(p)), JSON.stringify(snapshot.body.pool.problems));

    late = remoteJudgehost(server.url, 'jh-late');
    await started(late);
    await judgedRight(server.context.store, expected, 60_000, ['jh-late']);
    const judgements = store.events.since(tokenBefore).filter((e) => e.type === 'judgements');
    assert.deepEqual(judgements.map((e) => e.op), ['create', 'update'], 'one judgement, started once a judgehost was live');
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
  } finally {
    if (late) await stop(late);
    await server.close();
  }
});

test('a wrong judgehost password is refused with a clear message; a team account cannot use the judgehost routes', { timeout: 60_000 }, async () => {
  const server = await testServer({ queue: redis.url, workers: 0 });
  try {
    const refused = remoteJudgehost(server.url, 'jh-wrong', 'not-the-password');
    assert.equal(await refused.exit, '2');
    assert.match(refused.output(), /refused judgehost account 'judgehost1': wrong user name or password/);

    const team = basic('team1', 'team1-pass');
    const json = { 'content-type': 'application/json' };
    const heartbeat = await fetch(`${server.url}/api/judgehost/heartbeat`, { method: 'POST', headers: { ...team, ...json }, body: JSON.stringify({ name: 'x', workers: 4, busy: 0 }) });
    assert.equal(heartbeat.status, 403);
    const result = await fetch(`${server.url}/api/judgehost/judgements/1/result`, { method: 'POST', headers: { ...team, ...json }, body: JSON.stringify({ attempt: 1, judgehost: 'x', result: { verdict: 'AC', tests: [], compile: { ok: true, output: '', timeMs: 0 }, timeMs: 0, memoryKb: 0 } }) });
    assert.equal(result.status, 403);
    assert.equal(server.context.engine.pool.workers, 1, 'no remote workers joined: the pool keeps its least size');
    assert.equal(server.context.remoteJudging?.capacity, 0);

    // The judgehost account itself: a result for no judging in flight is refused as superseded.
    const judgehost = basic('judgehost1', 'judgehost1-pass');
    const stale = await fetch(`${server.url}/api/judgehost/judgements/1/result`, { method: 'POST', headers: { ...judgehost, ...json }, body: JSON.stringify({ attempt: 1, judgehost: 'x', result: { verdict: 'AC', tests: [], compile: { ok: true, output: '', timeMs: 0 }, timeMs: 0, memoryKb: 0 } }) });
    assert.equal(stale.status, 409);
  } finally {
    await server.close();
  }
});
