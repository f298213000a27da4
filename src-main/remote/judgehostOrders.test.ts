// A judge's orders to remote judgehosts, with real processes on loopback (a redis-server, the
// server with --queue judging only remotely, two `verdict judgehost` processes): the console lists
// them with their calibration; a paused judgehost takes no judging while the other does, and takes
// again once resumed; a drained one finishes its judging, reports it, and exits 0, listed as gone.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Verdict } from '../common/types.ts';
import type { ConsoleSnapshot, JudgehostView } from '../shared/judgeApi.ts';
import { basic, eventually, PortalClient, testServer } from '../test-support/http.ts';
import { started, startJudgehost, stop, type Judgehost } from '../test-support/remoteJudgehosts.ts';
import { redisForTestFile } from '../test-support/redis.ts';

const redis = redisForTestFile('verdict-orders-');
const { scratch } = redis;

/** Resolves once the judgehost has printed `text` (a judge's order reached it). */
async function said(judgehost: Judgehost, text: string): Promise<void> {
  await eventually(async () => (judgehost.output().includes(text) ? true : undefined), 10_000, `judgehost ${judgehost.name} to say '${text}'`);
}

/** A slow right answer naps this long on each of the problem's tests (no CPU time: its time limit holds). */
const SLOW_TEST_NAP_S = 0.5;
const QUICK = 'a, b = map(int, input().split())\nprint(a + b)\n';
const SLOW = `import time\ntime.sleep(${SLOW_TEST_NAP_S})\n${QUICK}`;

test('a paused judgehost takes no judging while the other does, and takes again resumed; a drained one finishes its judging, reports it and exits 0', { timeout: 180_000 }, async () => {
  const server = await testServer({ queue: redis.url, workers: 0 });
  const judge = new PortalClient(server.url);
  const team = new PortalClient(server.url);
  const hosts: Judgehost[] = [];
  try {
    assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
    assert.equal((await team.login('team1', 'team1-pass')).status, 200);
    const call = async <T>(method: string, ...args: unknown[]): Promise<T> => {
      const answer = await judge.post<T>(`/api/console/${method}`, args);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body;
    };
    const listed = async (name: string): Promise<JudgehostView> => (await call<ConsoleSnapshot>('getSnapshot')).judgehosts.find((j) => j.name === name)!;
    const submit = async (source: string): Promise<string> => {
      const answer = await team.post<{ id: string }>('/api/portal/submissions', { problemId: 'sum', languageId: 'python', fileName: 'sum.py', source });
      assert.equal(answer.status, 202);
      return answer.body.id;
    };
    const verdictOf = (id: string) =>
      eventually(async () => {
        const s = server.context.store.submissions.get(id);
        return s?.status === 'judged' ? (s.verdict as Verdict) : undefined;
      }, 90_000, `submission ${id} judged`);

    const [paused, other] = ['jh-paused', 'jh-other'].map((name) => startJudgehost({ server: server.url, queue: redis.url, name, cacheDir: join(scratch, `cache-${name}`) }));
    hosts.push(paused, other);
    await Promise.all(hosts.map(started));
    await eventually(async () => (server.context.engine.pool.workers === 2 ? true : undefined), 10_000, 'two remote workers');

    // Listed with what their heartbeats say, each calibrated, the factor against the server's own judgehost.
    const local = (await call<ConsoleSnapshot>('getSnapshot')).judgehosts.find((j) => j.local)!;
    const referenceMs = local.calibrationMs;
    assert.ok(referenceMs !== null && referenceMs > 0, `the server timed the reference workload: ${local.calibrationError}`);
    for (const h of hosts) {
      const view = await listed(h.name);
      assert.equal(view.state, 'live');
      assert.equal(view.workers, 1);
      assert.equal(view.sandbox, server.context.engine.host.sandbox.level);
      assert.deepEqual(view.languages, local.languages, 'the same machine: the same languages');
      assert.ok(view.languages.includes('c') && view.languages.includes('python'), view.languages.join());
      assert.ok(view.calibrationMs !== null && view.calibrationMs > 0);
      assert.equal(view.speedFactor, view.calibrationMs / referenceMs);
      assert.ok(view.lastHeartbeatAt !== null);
    }

    // A judgehost half as fast again as the server (its heartbeat says so; no workers, so the pool stays as it is) is flagged.
    const slowBeat = { name: 'jh-slow', workers: 0, busy: 0, sandbox: 'full', calibrationMs: referenceMs * 1.5 };
    const beat = await fetch(`${server.url}/api/judgehost/heartbeat`, { method: 'POST', headers: { ...basic('judgehost1', 'judgehost1-pass'), 'content-type': 'application/json' }, body: JSON.stringify(slowBeat) });
    assert.deepEqual(await beat.json(), { mode: 'active' });
    const slowView = await listed('jh-slow');
    assert.equal(slowView.speedFactor, 1.5);
    assert.equal(slowView.offSpeed, true);

    // Paused: its worker leaves the pool at once; it hears so with its next heartbeat.
    await call('setJudgehostMode', `remote:${paused.name}`, 'paused');
    assert.equal(server.context.engine.pool.workers, 1);
    assert.equal((await listed(paused.name)).state, 'paused');
    await said(paused, 'paused by a judge');
    const whilePaused = [await submit(QUICK), await submit(SLOW), await submit(QUICK)];
    for (const id of whilePaused) assert.equal(await verdictOf(id), 'AC');
    assert.equal((await listed(paused.name)).judged, 0, 'the paused judgehost judged nothing');
    assert.equal((await listed(other.name)).judged, whilePaused.length);

    // Resumed: both take judgings again (slow ones, so the other is busy while the resumed one takes its turn).
    await call('setJudgehostMode', `remote:${paused.name}`, 'active');
    await said(paused, 'resumed by a judge');
    await eventually(async () => (server.context.engine.pool.workers === 2 ? true : undefined), 5000, 'two remote workers again');
    const afterResume = [await submit(SLOW), await submit(SLOW), await submit(SLOW)];
    for (const id of afterResume) assert.equal(await verdictOf(id), 'AC');
    assert.ok(((await listed(paused.name)).judged ?? 0) > 0, 'the resumed judgehost judged');

    // Drained while judging: it finishes that judging, reports it, and exits 0.
    const drained = other;
    const judgedBefore = (await listed(drained.name)).judged ?? 0;
    const slow = [await submit(SLOW), await submit(SLOW)];
    const busy = await eventually(async () => {
      const view = await listed(drained.name);
      return view.submissionIds.length > 0 ? view.submissionIds[0] : undefined;
    }, 30_000, `${drained.name} judging`);
    await call('setJudgehostMode', `remote:${drained.name}`, 'draining');
    assert.equal(server.context.engine.pool.workers, 1, 'its worker left the pool at once');
    // Its process stops once its judging is reported: it cannot be called back.
    const callBack = await judge.post<{ error: string }>('/api/console/setJudgehostMode', [`remote:${drained.name}`, 'active']);
    assert.equal(callBack.status, 409);
    assert.match(callBack.body.error, /is draining/);
    assert.equal(await drained.exit, '0', drained.output());
    assert.match(drained.output(), /drained by a judge/);
    assert.ok(slow.includes(busy));
    for (const id of slow) assert.equal(await verdictOf(id), 'AC');
    const after = await listed(drained.name);
    assert.ok((after.judged ?? 0) > judgedBefore, 'it reported the judging it had');
    // Silent now: listed as gone, with when, not dropped.
    const gone = await eventually(async () => {
      const view = await listed(drained.name);
      return view.state === 'gone' ? view : undefined;
    }, 15_000, `${drained.name} gone`);
    assert.ok(gone.goneAt !== null);
    assert.deepEqual(gone.submissionIds, []);
  } finally {
    await Promise.all(hosts.map(stop));
    await server.close();
  }
});

test("a judge's pause outlives the server's restart: the local judgehost stays paused, a remote one is paused again when it beats", { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(scratch, 'data-'));
  let server = await testServer({ queue: redis.url, workers: 0, dataDir });
  const kept = startJudgehost({ server: server.url, queue: redis.url, name: 'jh-kept', cacheDir: join(scratch, 'cache-kept') });
  try {
    await started(kept);
    const judge = async () => {
      const client = new PortalClient(server.url);
      assert.equal((await client.login('judge', 'judge-pass')).status, 200);
      return async (mode: string, id: string) => assert.equal((await client.post('/api/console/setJudgehostMode', [id, mode])).status, 200);
    };
    let order = await judge();
    await eventually(async () => (server.context.engine.pool.workers === 1 && server.context.engine.hasWorkers ? true : undefined), 10_000, 'the remote worker');
    await order('paused', 'local');
    await order('paused', 'remote:jh-kept');
    await said(kept, 'paused by a judge');

    // Restarted on the same port, as a judge restarting the server would: the judgehost beats on and reconnects.
    const port = new URL(server.url).port;
    await server.close();
    server = await testServer({ queue: redis.url, workers: 0, dataDir, port: Number(port) });
    assert.equal(server.context.engine.local.paused, true, 'the local judgehost is paused from the start');
    const listed = await eventually(async () => server.context.remoteJudging!.judgehostList().find((j) => j.name === 'jh-kept'), 10_000, 'jh-kept back');
    assert.equal(listed.state, 'paused');
    assert.equal(server.context.engine.hasWorkers, false);

    // A submission waits (no judgement started: the intake wakes the judging service before it answers).
    const team = new PortalClient(server.url);
    assert.equal((await team.login('team1', 'team1-pass')).status, 200);
    const answer = await team.post<{ id: string }>('/api/portal/submissions', { problemId: 'sum', languageId: 'python', fileName: 'sum.py', source: QUICK });
    assert.equal(answer.status, 202);
    assert.equal(server.context.store.submissions.get(answer.body.id)!.status, 'queued');
    assert.deepEqual(server.context.store.judgements.list({ submissionId: answer.body.id }), []);

    // Resumed, it judges; resuming takes it off the kept pauses too.
    order = await judge();
    await order('active', 'remote:jh-kept');
    await said(kept, 'resumed by a judge');
    await eventually(async () => (server.context.store.submissions.get(answer.body.id)!.status === 'judged' ? true : undefined), 60_000, 'the verdict');
    assert.equal(server.context.store.submissions.get(answer.body.id)!.verdict, 'AC');
    assert.equal(server.context.store.settings.get('paused-judgehosts'), '["local"]');
  } finally {
    await stop(kept);
    await server.close();
  }
});
