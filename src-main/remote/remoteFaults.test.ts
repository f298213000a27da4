// Faults of remote judging, with real processes on loopback (redis-server, the contest server,
// `verdict judgehost` processes), each killed with kill -9 while judging: Redis (restarted empty on
// its port), the server (restarted on its data folder), one of three judgehosts judging 100
// submissions. After each, every submission ends with exactly one current judgement and the verdict
// its sample folder names. Each test starts, and kills by pid, only its own processes.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Verdict } from '../common/types.ts';
import { verdictBin } from '../test-support/cli.ts';
import { basic, eventually, PortalClient, testServer } from '../test-support/http.ts';
import { freePort, startRedis } from '../test-support/redis.ts';
import { judgedRight, sampleSubmissions, slowSubmission, startJudgehost, started, stop, submitAll, type Judgehost, type Submission } from '../test-support/remoteJudgehosts.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-remote-faults-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A judgehost of the sample's account, its package cache in this test's folder. */
function remoteJudgehost(server: string, queue: string, name: string): Judgehost {
  return startJudgehost({ server, queue, name, cacheDir: join(scratch, `cache-${name}`) });
}

/**
 * The sample's submissions that do not run out of time (on this loaded machine such a run is judged again as the
 * judge's fault, whoever judges it; the other verdicts do not depend on the load), `count` of them in turn.
 */
function knownVerdicts(count: number): Submission[] {
  const quick = sampleSubmissions().filter((s) => s.expected !== 'TLE');
  return Array.from({ length: count }, (_, i) => quick[i % quick.length]);
}

test('Redis killed (kill -9) while judging and restarted empty on its port: nothing lost, one current judgement each, every verdict right', { timeout: 120_000 }, async () => {
  const first = await startRedis();
  let redis = first;
  const server = await testServer({ queue: first.url, workers: 0 });
  const judgehosts = ['jh-r1', 'jh-r2'].map((name) => remoteJudgehost(server.url, first.url, name));
  try {
    await Promise.all(judgehosts.map(started));
    await eventually(async () => (server.context.engine.pool.workers === 2 ? true : undefined), 10_000, 'two remote workers');
    const slow = slowSubmission();
    const expected = await submitAll(server.url, [slow, slow, ...knownVerdicts(12), slow, slow]);
    // Killed in the middle of a judging (a step reported), with more waiting.
    await eventually(async () => (server.context.judging.running().some((r) => r.progress !== null) ? true : undefined), 30_000, 'a judging in progress');
    const store = server.context.store;
    const judgedCount = () => [...expected.keys()].filter((id) => store.submissions.get(id)!.status === 'judged').length;
    const judgedBefore = judgedCount();
    await first.stop();
    // Down until a verdict arrives meanwhile (results go over HTTP), so the server dispatches judgings to a Redis that is not there.
    await eventually(async () => (judgedCount() > judgedBefore ? true : undefined), 30_000, 'a verdict while Redis is down');
    redis = await startRedis(first.port);
    await judgedRight(server.context.store, expected, 100_000, ['jh-r1', 'jh-r2']);
  } finally {
    await Promise.all(judgehosts.map(stop));
    await server.close();
    await redis.stop();
  }
});

interface ServeProcess {
  child: ChildProcess;
  output: () => string;
}

/** `verdict serve --queue` as a process of its own on `port` (judging only remotely), once it listens. */
function serve(dataDir: string, port: number, queue: string): Promise<ServeProcess> {
  const args = ['serve', '--data', dataDir, '--host', '127.0.0.1', '--port', String(port), '--workers', '0', '--queue', queue];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [verdictBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VERDICT_LOG_LEVEL: 'warn' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (/portal\s+http:\/\//.test(output)) resolve({ child, output: () => output });
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code, signal) => reject(new Error(`verdict serve exited (${signal ?? code}): ${output}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

interface ClicsJudgement {
  id: string;
  submission_id: string;
  judgement_type_id: Verdict | null;
  current: boolean;
  end_time: string | null;
}

/** Over the Contest API (the server is another process): each submission ends with exactly one current judgement, with the verdict expected. */
async function judgedRightOverHttp(url: string, expected: Map<string, Verdict>, timeoutMs: number): Promise<void> {
  const judge = basic('judge', 'judge-pass');
  const currentOf = (all: ClicsJudgement[], id: string) => all.filter((j) => j.submission_id === id && j.current);
  const all = await eventually(
    async () => {
      const answer = await fetch(`${url}/api/contests/sample/judgements`, { headers: judge }).catch(() => null);
      if (answer?.status !== 200) return undefined;
      const judgements = (await answer.json()) as ClicsJudgement[];
      return [...expected.keys()].every((id) => currentOf(judgements, id).some((j) => j.end_time !== null)) ? judgements : undefined;
    },
    timeoutMs,
    'every verdict',
  );
  for (const [id, verdict] of expected) {
    const current = currentOf(all, id);
    assert.equal(current.length, 1, `submission ${id}: exactly one current judgement, not ${JSON.stringify(current)}`);
    assert.equal(current[0].judgement_type_id, verdict, `submission ${id}`);
  }
}

test('the server killed (kill -9) while judging and restarted on its data folder: the judgehosts go on, nothing lost, one current judgement each', { timeout: 120_000 }, async () => {
  const redis = await startRedis();
  const dataDir = join(scratch, 'server-data');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let server = await serve(dataDir, port, redis.url);
  const judgehosts = ['jh-s1', 'jh-s2'].map((name) => remoteJudgehost(url, redis.url, name));
  try {
    // Started before any judgehost: it says it has no worker yet (its pool's one slot is none).
    await eventually(async () => (/verdict: no workers until a remote judgehost joins, sandbox level/.test(server.output()) ? true : undefined), 10_000, 'the workers line');
    await Promise.all(judgehosts.map(started));
    const slow = slowSubmission();
    const expected = await submitAll(url, [slow, slow, ...knownVerdicts(12), slow, slow]);
    // Killed once some verdicts are in and judgings are in progress (the queue's count of them, as judges see it).
    const judgeAuth = basic('judge', 'judge-pass');
    await eventually(async () => ((await new PortalClient(url).get<{ judging: number }>('/health', judgeAuth)).body.judging > 0 ? true : undefined), 30_000, 'a judging in flight');
    await killed(server.child);
    server = await serve(dataDir, port, redis.url);
    await judgedRightOverHttp(url, expected, 100_000);
    for (const j of judgehosts) assert.equal(j.child.exitCode, null, `judgehost ${j.name} still running: ${j.output()}`);
  } finally {
    await Promise.all(judgehosts.map(stop));
    await killed(server.child);
    await redis.stop();
  }
});

test('3 judgehosts judge 100 submissions, one killed (kill -9) midway: every verdict right, one current judgement each, judged by a live one after the kill', { timeout: 180_000 }, async (t) => {
  const redis = await startRedis();
  const server = await testServer({ queue: redis.url, workers: 0 });
  const names = ['jh-1', 'jh-2', 'jh-doomed'];
  const judgehosts = names.map((name) => remoteJudgehost(server.url, redis.url, name));
  const doomed = judgehosts[2];
  try {
    await Promise.all(judgehosts.map(started));
    await eventually(async () => (server.context.engine.pool.workers === 3 ? true : undefined), 10_000, 'three remote workers');
    const submittedAt = Date.now();
    const expected = await submitAll(server.url, knownVerdicts(100));
    const store = server.context.store;
    const judgedCount = () => [...expected.keys()].filter((id) => store.submissions.get(id)!.status === 'judged').length;
    await eventually(async () => (judgedCount() >= 30 ? true : undefined), 100_000, 'a third judged');
    doomed.child.kill('SIGKILL');
    assert.equal(await doomed.exit, 'SIGKILL');
    const killedAt = Date.now();
    const judged = await judgedRight(store, expected, 150_000, names);
    const after = [...judged].filter(([, j]) => j.endTime > killedAt);
    assert.ok(after.length > 0, 'judgings ended after the kill');
    for (const [id, j] of after) assert.notEqual(j.judgehost, 'jh-doomed', `submission ${id} ended after the kill, by a live judgehost`);
    t.diagnostic(`100 submissions on 3 judgehosts, one killed: all judged ${((Date.now() - submittedAt) / 1000).toFixed(1)} s after the first was sent`);
  } finally {
    await Promise.all(judgehosts.map(stop));
    await server.close();
    await redis.stop();
  }
});
