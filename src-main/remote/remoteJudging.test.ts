// Remote judgehosts over BullMQ, with real processes on loopback: a real redis-server, the contest
// server (verdict serve --queue, judging only remotely), and `verdict judgehost` processes. Verdicts
// come out right, a killed judgehost's judging is re-run on another, and only judgehost accounts
// with the right password get in.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { JudgingSources } from '../common/judgehostHttp.ts';
import { judgingQueueName, type RemoteJobData } from '../common/remoteJobs.ts';
import type { ConsoleSnapshot, SubmissionDetail } from '../shared/judgeApi.ts';
import { basic, eventually, PortalClient, testServer } from '../test-support/http.ts';
import { redisForTestFile, startRedis } from '../test-support/redis.ts';
import { judgedRight, sampleSubmissions, slowSubmission, startJudgehost, started, stop, submitAll, type Judgehost, type Submission } from '../test-support/remoteJudgehosts.ts';

/** The ticking program naps this many tenths of a second on each test (well within its 1 s time limit: it uses no CPU). */
const CHATTY_TICKS = 10;
/** A judgehost hears a kill within a check-in (1 s) and says so in its next heartbeat (2 s), with room for a loaded machine: under the 7 s the 7 tests left take at the least. */
const KILL_HEARD_MS = 6000;

const redis = redisForTestFile('verdict-remote-');
const { scratch } = redis;

/** A judgehost of the sample's account (or the one given), its package cache in this test's folder. */
function remoteJudgehost(serverUrl: string, name: string, options: { password?: string; languages?: string[]; options?: string[]; env?: Record<string, string> } = {}): Judgehost {
  return startJudgehost({ server: serverUrl, queue: redis.url, name, cacheDir: join(scratch, `cache-${name}`), ...options });
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
    // And a program of two files: the judgehost fetches both and writes them out as the server writes them.
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

test('a judgehost without a language never takes its judgings: they wait, the others go on, and one that has it judges them; a second judgehost of the same name is refused', { timeout: 150_000 }, async () => {
  const server = await testServer({ queue: redis.url, workers: 0 });
  const compiled = remoteJudgehost(server.url, 'jh-compiled', { languages: ['c', 'cpp'] });
  let all: Judgehost | null = null;
  try {
    await started(compiled);
    assert.match(compiled.output(), /languages c, cpp,/);
    // A second process given a live judgehost's name is refused before it takes anything.
    const twin = remoteJudgehost(server.url, 'jh-compiled');
    assert.equal(await twin.exit, '2');
    assert.match(twin.output(), /a judgehost named 'jh-compiled' is already judging for this server: give each judgehost its own --name/);
    await eventually(async () => (server.context.engine.pool.workers === 1 ? true : undefined), 10_000, 'the remote worker');
    const store = server.context.store;
    const quick = sampleSubmissions().filter((s) => s.expected !== 'TLE');
    const python = quick.filter((s) => s.languageId === 'python');
    const compiledOnes = quick.filter((s) => s.languageId === 'c' || s.languageId === 'cpp');
    // The Python ones first: ahead in the queue, they are passed over, and the C and C++ ones behind them are judged.
    const pythonFirst = await submitAll(server.url, python.slice(0, 3));
    const compiledFirst = await submitAll(server.url, compiledOnes.slice(0, 4));
    await judgedRight(store, compiledFirst, 90_000, ['jh-compiled']);
    for (const id of pythonFirst.keys()) {
      assert.equal(store.submissions.get(id)!.status, 'queued', `submission ${id} waits for a judgehost with Python`);
      assert.deepEqual(store.judgements.list({ submissionId: id }), [], `no judging of submission ${id} started`);
    }

    all = remoteJudgehost(server.url, 'jh-all');
    await started(all);
    // Both live: a mix, Python and compiled; every Python one goes to the judgehost that has it.
    const mixed = await submitAll(server.url, [...python.slice(0, 3), ...compiledOnes.slice(0, 3)]);
    const judgedBy = await judgedRight(store, new Map([...pythonFirst, ...mixed]), 120_000, ['jh-compiled', 'jh-all']);
    const pythonIds = new Set([...pythonFirst.keys(), ...[...mixed.keys()].slice(0, 3)]);
    for (const id of pythonIds) assert.equal(judgedBy.get(id)!.judgehost, 'jh-all', `Python submission ${id} judged where Python is`);
    assert.doesNotMatch(compiled.output(), /error/i, compiled.output());
  } finally {
    await stop(compiled);
    if (all) await stop(all);
    await server.close();
  }
});

test("a remote judging's live output reaches the console's terminal, and a judge's kill stops it on the judgehost within seconds", { timeout: 120_000 }, async () => {
  const server = await testServer({ queue: redis.url, workers: 0 });
  const judgehost = remoteJudgehost(server.url, 'jh-chatty');
  try {
    await started(judgehost);
    await eventually(async () => (server.context.engine.pool.workers === 1 ? true : undefined), 10_000, 'the remote worker');
    // The accepted mean, after a second of ticks on stderr per test: about 9 s for its 8 tests, each well in its time limit.
    const mean = sampleSubmissions().find((s) => s.problemId === 'mean' && s.languageId === 'python' && s.expected === 'AC')!;
    const ticking = `import sys, time
for i in range(${CHATTY_TICKS}):
    sys.stderr.write("tick %d\\n" % i)
    sys.stderr.flush()
    time.sleep(0.1)
${mean.source}`;
    const [id] = (await submitAll(server.url, [{ ...mean, fileName: 'ticking_mean.py', source: ticking }])).keys();
    const judge = new PortalClient(server.url);
    assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
    const output = await eventually(async () => (server.context.judging.running().some((r) => r.submissionId === id) ? judge.sse(`/api/console/output/${id}`) : undefined), 30_000, 'the judging to start');
    await eventually(async () => (/tick \d/.test(output.frames.join('')) ? true : undefined), 30_000, "the program's ticks on the console's terminal");
    output.close();

    assert.equal((await judge.post('/api/console/killRun', [id])).status, 200);
    await eventually(async () => (server.context.store.judgements.list({ submissionId: id }).some((j) => j.verdict === 'JE') ? true : undefined), 10_000, 'the JE');
    // The judgehost hears it at its next report (a check-in each second at most): idle long before the 7 tests left would end.
    await eventually(async () => (server.context.remoteJudging!.judgehostList().find((j) => j.name === 'jh-chatty')?.judgementIds.length === 0 ? true : undefined), KILL_HEARD_MS, 'the judgehost to stop the killed judging');
  } finally {
    await stop(judgehost);
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

test('a Redis with a password: the server and the judgehosts use it with the right one; a wrong one stops either at start, exit 2, the password not shown', { timeout: 120_000 }, async () => {
  const locked = await startRedis(undefined, 'redis-secret');
  const wrongUrl = locked.url.replace('redis-secret', 'not-the-secret');
  try {
    await assert.rejects(testServer({ queue: wrongUrl, workers: 0 }), (error: Error) => error.name === 'QueueError' && /cannot use the queue at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+.*WRONGPASS/.test(error.message));
    const server = await testServer({ queue: locked.url, workers: 0 });
    const cacheDir = join(scratch, 'cache-locked');
    const refused = startJudgehost({ server: server.url, queue: wrongUrl, name: 'jh-wrong-redis', cacheDir });
    const judgehost = startJudgehost({ server: server.url, queue: locked.url, name: 'jh-locked', cacheDir: join(scratch, 'cache-locked-right') });
    try {
      assert.equal(await refused.exit, '2');
      assert.match(refused.output(), /cannot use the queue at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/?: WRONGPASS/);
      assert.doesNotMatch(refused.output(), /not-the-secret/);
      assert.equal(server.context.remoteJudging!.judgehostList().some((j) => j.name === 'jh-wrong-redis'), false, 'it never joined');
      await started(judgehost);
      const hello = sampleSubmissions().find((s) => s.problemId === 'hello' && s.languageId === 'python' && s.expected === 'AC')!;
      await judgedRight(server.context.store, await submitAll(server.url, [hello]), 60_000, ['jh-locked']);
    } finally {
      await stop(refused);
      await stop(judgehost);
      await server.close();
    }
  } finally {
    await locked.stop();
  }
});

test("a queue job names its judging and holds no source: the judgehost account fetches the current attempt's files, a replaced attempt's are refused (409), a team's credentials too (403)", { timeout: 60_000 }, async () => {
  const server = await testServer({ queue: redis.url, workers: 0 });
  const python = new Queue<RemoteJobData>(judgingQueueName('python'), { connection: { url: redis.url } });
  const control = new Redis(redis.url);
  const judgehost = basic('judgehost1', 'judgehost1-pass');
  // This test is the judgehost: it beats (so the server dispatches to the queue) but takes no job, and reads the queue itself.
  const beat = () => fetch(`${server.url}/api/judgehost/heartbeat`, { method: 'POST', headers: { ...judgehost, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'jh-reader', workers: 1, busy: 0, languages: ['python'] }) });
  assert.equal((await beat()).status, 200);
  const beating = setInterval(() => void beat(), 1000);
  const waitingJob = (notAttempt?: number) =>
    eventually(async () => (await python.getWaiting()).find((job) => job.data.attempt !== notAttempt), 15_000, 'a waiting job on the python queue');
  const sourcesOf = (judgementId: string, attempt: number, headers = judgehost) => fetch(`${server.url}/api/judgehost/judgements/${judgementId}/sources?attempt=${attempt}`, { headers });
  try {
    const marker = `secret-${Date.now()}`;
    const main = { fileName: 'main.py', source: `from helper import MARK\nprint(MARK)  # ${marker}\n` };
    const helper = { fileName: 'helper.py', source: `MARK = "${marker}"\n` };
    await submitAll(server.url, [{ problemId: 'hello', languageId: 'python', ...main, otherFiles: [helper], expected: 'WA' }]);
    const job = await waitingJob();
    // Names only: nothing of the source in Redis, neither as text nor as base64.
    const stored = JSON.stringify(job.data);
    assert.deepEqual(Object.keys(job.data).sort(), ['attempt', 'judgementId', 'languageId', 'packageSha256', 'problemId', 'runAllTests', 'timeLimitMs']);
    for (const form of [marker, Buffer.from(helper.source).toString('base64'), Buffer.from(main.source).toString('base64')]) assert.ok(!stored.includes(form), stored);

    const { judgementId, attempt } = job.data;
    const fetched = await sourcesOf(judgementId, attempt);
    assert.equal(fetched.status, 200);
    assert.equal(fetched.headers.get('cache-control'), 'no-store');
    const files = ((await fetched.json()) as JudgingSources).files.map((f) => ({ fileName: f.fileName, source: Buffer.from(f.base64, 'base64').toString() }));
    assert.deepEqual(files, [helper, main]);
    assert.equal((await sourcesOf(judgementId, attempt, basic('team1', 'team1-pass'))).status, 403);
    assert.equal((await sourcesOf(judgementId, attempt + 1)).status, 409, 'an attempt that was never dispatched');
    assert.equal((await sourcesOf(judgementId, -1)).status, 400);

    // Redis loses its data: the server dispatches the judging again, a new attempt; the replaced one's files are refused.
    await control.flushall();
    const again = await waitingJob(attempt);
    assert.equal(again.data.judgementId, judgementId);
    assert.ok(again.data.attempt > attempt);
    const replaced = await sourcesOf(judgementId, attempt);
    assert.equal(replaced.status, 409);
    assert.match(await replaced.text(), /not the current attempt/);
    assert.equal((await sourcesOf(judgementId, again.data.attempt)).status, 200);
  } finally {
    clearInterval(beating);
    control.disconnect();
    await python.close();
    await server.close();
  }
});

test('a wrong judgehost password is refused with a clear message; a team account cannot use the judgehost routes', { timeout: 60_000 }, async () => {
  const server = await testServer({ queue: redis.url, workers: 0 });
  try {
    const refused = remoteJudgehost(server.url, 'jh-wrong', { password: 'not-the-password' });
    assert.equal(await refused.exit, '2');
    assert.match(refused.output(), /refused judgehost account 'judgehost1': wrong user name or password/);
    const unknown = remoteJudgehost(server.url, 'jh-cobol', { languages: ['c', 'cobol'] });
    assert.equal(await unknown.exit, '2');
    assert.match(unknown.output(), /--languages: unknown language 'cobol' \(known: c, /);


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

    // A judgehost whose sandbox is weaker than the server's refuses to join, unless allowed.
    const level = server.context.engine.host.sandbox.level;
    const unsandboxed = { env: { VERDICT_SANDBOX: 'none' }, options: ['--allow-unsandboxed'] };
    const weaker = remoteJudgehost(server.url, 'jh-weaker', unsandboxed);
    assert.equal(await weaker.exit, '2');
    assert.match(weaker.output(), new RegExp(`sandbox \\(none: .*\\) is weaker than the server's \\(${level}\\).*--allow-weaker-sandbox`));
    const allowed = remoteJudgehost(server.url, 'jh-allowed', { ...unsandboxed, options: [...unsandboxed.options, '--allow-weaker-sandbox'] });
    try {
      await started(allowed);
      const listed = await eventually(async () => server.context.remoteJudging!.judgehostList().find((j) => j.name === 'jh-allowed'), 10_000, 'jh-allowed listed');
      assert.equal(listed.sandbox, 'none', 'the console shows its sandbox level');
    } finally {
      await stop(allowed);
    }
  } finally {
    await server.close();
  }
});
