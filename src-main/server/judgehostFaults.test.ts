// Fault injection on a served contest: the judgehost killed, stopped, a runner killed mid-test. Every
// submission still gets its own verdict (a judge fault is never the contestant's), nothing the dead
// judgehost ran survives it, and /health tells the truth meanwhile.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PortalSubmission } from '../shared/portalApi.ts';
import { readdirOrEmpty, readFileOrEmpty } from '../common/quietFs.ts';
import { tempRoots } from '../common/tempFolders.ts';
import { running } from '../test-support/fixtures.ts';
import { PortalClient, basic, eventually, testServer } from '../test-support/http.ts';

const HELLO_AC = 'print("Hello, World!")\n';
const HELLO_WA = 'print("Hello World")\n';
/** Slow enough that a judging is in flight whenever the test strikes. */
const HELLO_SLOW_AC = 'import time\ntime.sleep(0.3)\nprint("Hello, World!")\n';

interface Health {
  ok: boolean;
  reason?: string;
  judging: number;
  judgehost: { status: string; restarts: number; pid: number | null; lastFailure: { reason: string } | null };
}

/** Every process below `pid` (children through /proc, recursively). */
function descendants(pid: number): number[] {
  const found: number[] = [];
  const visit = (p: number) => {
    for (const tid of readdirOrEmpty(`/proc/${p}/task`)) {
      const children = readFileOrEmpty(`/proc/${p}/task/${tid}/children`).split(' ').filter(Boolean).map(Number);
      for (const child of children) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}

/** The pid of a process below `pid` whose command line has `text` (a run's program), if any. */
function runningProgram(pid: number, text: string): number | undefined {
  return descendants(pid).find((p) => readFileOrEmpty(`/proc/${p}/cmdline`).includes(text) && !readFileOrEmpty(`/proc/${p}/cmdline`).includes('verdict-runner'));
}

const parentOf = (pid: number): number => Number(/^PPid:\s+(\d+)/m.exec(readFileOrEmpty(`/proc/${pid}/status`))?.[1] ?? 0);

/** Left behind by a judgehost that is gone: its workspace, its memory cgroups. */
function leftoversOf(pid: number): string[] {
  const workspaces = tempRoots().flatMap((root) => readdirOrEmpty(root)).filter((name) => name.startsWith(`verdict-host-${pid}-`) || name.startsWith(`verdict-io-${pid}-`));
  const cgroupParent = readFileOrEmpty('/proc/self/cgroup')
    .split('\n')
    .find((l) => l.split(':')[1]?.split(',').includes('memory'))
    ?.split(':')
    .slice(2)
    .join(':');
  const cgroups = cgroupParent === undefined ? [] : readdirOrEmpty(join('/sys/fs/cgroup/memory', cgroupParent)).filter((name) => name.startsWith(`verdict-${pid}-`));
  return [...workspaces, ...cgroups];
}

async function submitAll(url: string, sources: string[]): Promise<{ id: string; source: string }[]> {
  const submitted: { id: string; source: string }[] = [];
  for (const [i, source] of sources.entries()) {
    // Five teams share the load: each stays within its own submission rate limit.
    const team = `team${(i % 5) + 1}`;
    const client = new PortalClient(url);
    const answer = await client.post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source }, basic(team, `${team}-pass`));
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    submitted.push({ id: answer.body.id, source });
  }
  return submitted;
}

async function verdictsOf(url: string, count: number): Promise<Map<string, string>> {
  const judge = new PortalClient(url);
  const list = await eventually(
    async () => {
      const all = (await judge.get<{ id: string; judgement_type_id: string | null; submission_id: string; current?: boolean }[]>('/api/contests/sample/judgements', basic('judge', 'judge-pass'))).body;
      const done = all.filter((j) => j.judgement_type_id !== null && j.current !== false);
      return done.length >= count ? done : undefined;
    },
    120_000,
    `${count} judgements`,
  );
  return new Map(list.map((j) => [j.submission_id, j.judgement_type_id!]));
}

/** The JSON lines of the server's log files in its data folder. */
function logLines(dataDir: string): Record<string, unknown>[] {
  const dir = join(dataDir, 'logs');
  return readdirOrEmpty(dir).flatMap((name) =>
    readFileOrEmpty(join(dir, name))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  );
}

const expected = (source: string) => (source === HELLO_WA ? 'WA' : 'AC');

test('kill -9 of the judgehost three times during 30 submissions: every verdict right, none JE, nothing left running', { timeout: 240_000 }, async () => {
  const server = await testServer({ workers: 2 });
  try {
    const judge = new PortalClient(server.url);
    const health = async () => (await judge.get<Health>('/health', basic('judge', 'judge-pass'))).body;
    const sources = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? HELLO_WA : i % 3 === 1 ? HELLO_SLOW_AC : HELLO_AC));
    const submitted = await submitAll(server.url, sources);
    const killed: { pid: number; children: number[] }[] = [];
    // Each kill strikes other submissions than the last (three strikes on one submission are JE by design).
    const struck = new Set<string>();
    for (let kill = 1; kill <= 3; kill++) {
      const before = await eventually(async () => {
        const h = await health();
        const inFlight = server.context.judging.running().map((l) => l.submissionId);
        if (h.judgehost.status !== 'running' || inFlight.length === 0 || inFlight.some((id) => struck.has(id))) return undefined;
        for (const id of inFlight) struck.add(id);
        return h;
      }, 60_000, 'a judging in flight');
      const pid = before.judgehost.pid!;
      const children = descendants(pid);
      process.kill(pid, 'SIGKILL');
      killed.push({ pid, children });
      const after = await eventually(async () => {
        const h = await health();
        return h.judgehost.restarts === kill && h.judgehost.status === 'running' ? h : undefined;
      }, 30_000, `restart ${kill}`);
      assert.notEqual(after.judgehost.pid, pid);
      assert.match(after.judgehost.lastFailure!.reason, /SIGKILL/);
    }
    const verdicts = await verdictsOf(server.url, submitted.length);
    for (const s of submitted) assert.equal(verdicts.get(s.id), expected(s.source), `submission ${s.id}`);
    // Nothing the killed judgehosts ran survives them.
    for (const { pid, children } of killed) {
      await eventually(async () => (children.every((c) => !running(c)) ? true : undefined), 10_000, `the processes of judgehost ${pid} to be gone`);
      assert.deepEqual(leftoversOf(pid), [], `leftovers of judgehost ${pid}`);
    }
    const final = await health();
    assert.equal(final.ok, true);
    assert.equal(final.judgehost.restarts, 3);
    // The data folder's log tells what happened, each failure with its reason.
    const logged = await eventually(async () => {
      const lines = logLines(server.dataDir);
      return lines.filter((l) => l.msg === 'judgehost restarted').length === 3 ? lines : undefined;
    }, 10_000, 'three restarts in the log');
    const failures = logged.filter((l) => l.msg === 'judgehost failed: restarting it');
    assert.deepEqual(failures.map((l) => l.hostPid), killed.map((k) => k.pid));
    for (const failure of failures) assert.match(String(failure.reason), /SIGKILL/);
  } finally {
    await server.close();
  }
});

test('a stopped judgehost (SIGSTOP) is noticed within 5 s, replaced, and its judging done again', { timeout: 120_000 }, async () => {
  const server = await testServer({ workers: 1 });
  try {
    const judge = new PortalClient(server.url);
    const health = async () => judge.get<Health>('/health', basic('judge', 'judge-pass'));
    const submitted = await submitAll(server.url, [HELLO_SLOW_AC, HELLO_WA, HELLO_AC]);
    const inFlight = await eventually(async () => {
      const h = (await health()).body;
      return h.judging > 0 ? h : undefined;
    }, 60_000, 'a judging in flight');
    const pid = inFlight.judgehost.pid!;
    process.kill(pid, 'SIGSTOP');
    const stoppedAt = Date.now();
    // While no judgehost answers, /health says so.
    const down = await eventually(async () => {
      const answer = await health();
      return answer.status === 503 ? answer.body : undefined;
    }, 10_000, '/health to report the stopped judgehost');
    assert.equal(down.ok, false);
    assert.match(down.reason!, /judgehost/);
    const replaced = await eventually(async () => {
      const h = (await health()).body;
      return h.judgehost.restarts === 1 && h.judgehost.status === 'running' ? h : undefined;
    }, 20_000, 'the stopped judgehost to be replaced');
    assert.match(replaced.judgehost.lastFailure!.reason, /stopped answering/);
    assert.ok(!running(pid), 'the stopped judgehost is killed');
    const noticedMs = Date.now() - stoppedAt;
    assert.ok(noticedMs < 15_000, `replaced after ${noticedMs} ms`);
    const verdicts = await verdictsOf(server.url, submitted.length);
    for (const s of submitted) assert.equal(verdicts.get(s.id), expected(s.source), `submission ${s.id}`);
  } finally {
    await server.close();
  }
});

test('a runner killed in the middle of a test: the submission is judged again, not blamed', { timeout: 120_000 }, async () => {
  const server = await testServer({ workers: 1 });
  try {
    const judge = new PortalClient(server.url);
    const [submission] = await submitAll(server.url, [HELLO_SLOW_AC]);
    const hostPid = server.context.engine.host.pid!;
    // The runner of the test in progress: the slot host's child above the program's init.
    const runner = await eventually(async () => {
      const program = runningProgram(hostPid, '/prog/main.py');
      return program === undefined ? undefined : parentOf(parentOf(program));
    }, 60_000, 'a test run in progress');
    assert.equal(readFileOrEmpty(`/proc/${runner}/comm`).trim(), 'verdict-run');
    process.kill(runner, 'SIGKILL');
    const verdicts = await verdictsOf(server.url, 1);
    assert.equal(verdicts.get(submission.id), 'AC');
    // The same judgehost judged it again: a runner's death is not the judgehost's.
    assert.equal((await judge.get<Health>('/health', basic('judge', 'judge-pass'))).body.judgehost.restarts, 0);
  } finally {
    await server.close();
  }
});

test('a submission whose judging fails on the judge side three times is JE, with the causes kept for the judges', { timeout: 120_000 }, async () => {
  const server = await testServer({ workers: 1 });
  try {
    const slow = 'import time\ntime.sleep(2)\nprint("Hello, World!")\n';
    const [submission] = await submitAll(server.url, [slow]);
    for (let strike = 1; strike <= 3; strike++) {
      const pid = await eventually(async () => {
        // Struck only once the judging is at the judgehost (the pool has handed it to a worker slot).
        const atHost = server.context.engine.pool.workerStates().some((w) => w.jobId !== null);
        return atHost && server.context.engine.host.health().status === 'running' ? server.context.engine.host.pid : undefined;
      }, 60_000, `judging attempt ${strike}`);
      process.kill(pid, 'SIGKILL');
      await eventually(async () => (server.context.engine.host.health().restarts === strike ? true : undefined), 30_000, `restart ${strike}`);
    }
    const verdicts = await verdictsOf(server.url, 1);
    assert.equal(verdicts.get(submission.id), 'JE');
    const row = server.context.store.submissions.get(submission.id)!;
    const judgement = server.context.store.judgements.get(row.judgementId!)!;
    assert.match(judgement.error ?? '', /3 times.*SIGKILL.*SIGKILL.*SIGKILL/);
    // And the log says which submission got JE, and why.
    const logged = await eventually(async () => logLines(server.dataDir).find((l) => l.msg === 'judging error'), 10_000, 'the JE in the log');
    assert.equal(logged.submissionId, submission.id);
    assert.match(String(logged.cause), /3 times/);
  } finally {
    await server.close();
  }
});

test('restarts that keep failing: /health 503 with the reason, submissions still accepted, judging resumes once a judgehost starts', { timeout: 120_000 }, async () => {
  // The judgehost's temp folder vanishes (a removed mount, a wiped /tmp): every new judgehost fails to start.
  const hostTmp = mkdtempSync(join(tmpdir(), 'verdict-fault-tmp-'));
  const server = await testServer({ workers: 1, judgehost: { env: { ...process.env, TMPDIR: hostTmp } } });
  try {
    const judge = new PortalClient(server.url);
    rmSync(hostTmp, { recursive: true, force: true });
    process.kill(server.context.engine.host.pid!, 'SIGKILL');
    const failed = await eventually(async () => {
      const answer = await judge.get<Health>('/health', basic('judge', 'judge-pass'));
      return answer.body.judgehost.status === 'failed' ? answer : undefined;
    }, 60_000, 'the judgehost to be reported failed');
    assert.equal(failed.status, 503);
    assert.equal(failed.body.ok, false);
    assert.match(failed.body.reason!, /judging is stopped: the judgehost keeps failing.*failed to start: ENOENT/);
    // The judges' console says the same (its dashboard shows these in red).
    const snapshot = await server.console.getSnapshot();
    assert.equal(snapshot.pool.judgehost.status, 'failed');
    assert.match(snapshot.pool.problems.join('\n'), /judgehost keeps failing/);
    // Contestants can still submit: their submissions wait in the queue.
    const [waiting] = await submitAll(server.url, [HELLO_AC]);
    assert.equal(server.context.store.submissions.get(waiting.id)!.status === 'judged', false);
    mkdirSync(hostTmp);
    const verdicts = await verdictsOf(server.url, 1);
    assert.equal(verdicts.get(waiting.id), 'AC');
    const healthy = await judge.get<Health>('/health', basic('judge', 'judge-pass'));
    assert.equal(healthy.status, 200);
    assert.equal(healthy.body.judgehost.status, 'running');
  } finally {
    await server.close();
    rmSync(hostTmp, { recursive: true, force: true });
  }
});

test('a slot host killed in the middle of a test: the submission is judged again, the next one by a new slot host', { timeout: 120_000 }, async () => {
  const server = await testServer({ workers: 1 });
  try {
    const judge = new PortalClient(server.url);
    const [slow] = await submitAll(server.url, [HELLO_SLOW_AC]);
    const hostPid = server.context.engine.host.pid!;
    const slotHost = await eventually(async () => {
      const program = runningProgram(hostPid, '/prog/main.py');
      return program === undefined ? undefined : parentOf(parentOf(parentOf(program)));
    }, 60_000, 'a test run in progress');
    assert.match(readFileOrEmpty(`/proc/${slotHost}/cmdline`), /verdict-runner\0--slot-host/);
    process.kill(slotHost, 'SIGKILL');
    assert.equal((await verdictsOf(server.url, 1)).get(slow.id), 'AC');
    const [next] = await submitAll(server.url, [HELLO_WA]);
    assert.equal((await verdictsOf(server.url, 2)).get(next.id), 'WA');
    // Nothing of the dead slot host's run is left, and its death was not the judgehost's.
    assert.ok(!running(slotHost));
    const slotHosts = descendants(hostPid).filter((pid) => readFileOrEmpty(`/proc/${pid}/cmdline`).includes('--slot-host'));
    assert.ok(slotHosts.length >= 1 && !slotHosts.includes(slotHost), `slot hosts now: ${slotHosts.join(', ')}`);
    assert.equal((await judge.get<Health>('/health', basic('judge', 'judge-pass'))).body.judgehost.restarts, 0);
  } finally {
    await server.close();
  }
});
