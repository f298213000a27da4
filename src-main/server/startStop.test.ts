// Starting and stopping a real `verdict serve`: one server per data folder, a taken port, and
// SIGTERM in the middle of judging — each ends with one clear line or a clean stop, nothing left running.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { PortalSubmission } from '../shared/portalApi.ts';
import { LOCK_FILE_NAME } from '../store/dataFolderLock.ts';
import { PortalClient, basic, eventually } from '../test-support/http.ts';

const bin = fileURLToPath(new URL('../../bin/verdict.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'verdict-start-stop-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const newDataDir = () => join(scratch, `data-${++folders}`);

interface Served {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function run(args: string[]): ChildProcess & { text: () => string } {
  const child = spawn(process.execPath, [bin, 'serve', '--workers', '1', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (d) => (text += d));
  child.stderr.on('data', (d) => (text += d));
  return Object.assign(child, { text: () => text });
}

/** Starts `verdict serve` and resolves once it prints its portal address. */
async function serve(dataDir: string, port = 0): Promise<Served> {
  const child = run(['--data', dataDir, '--port', String(port)]);
  const url = await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`verdict serve exited (${child.exitCode}): ${child.text()}`);
    return /portal\s+(http:\/\/\S+)\//.exec(child.text())?.[1];
  }, 60_000, 'verdict serve to listen');
  return { child, url, output: child.text };
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  return child.exitCode;
}

/** Every line of `text` that is not a JSON log line (what the user reads). */
const plainLines = (text: string) => text.split('\n').filter((line) => line && !line.startsWith('{'));

test('a second server on the same data folder is refused with one line naming the holder', { timeout: 90_000 }, async () => {
  const dataDir = newDataDir();
  const first = await serve(dataDir);
  try {
    const second = run(['--data', dataDir, '--port', '0']);
    assert.equal(await exitOf(second), 2);
    const lines = plainLines(second.text());
    assert.equal(lines.length, 1, second.text());
    assert.match(lines[0], new RegExp(`in use by verdict serve \\(pid ${first.child.pid}, serving ${first.url.replaceAll('.', '\\.')}`));
    // The first one is untouched.
    assert.equal((await fetch(`${first.url}/health`)).status, 200);
  } finally {
    first.child.kill('SIGTERM');
    await exitOf(first.child);
  }
  // A lock left by a server killed with -9 does not stand in the way.
  const killed = await serve(dataDir);
  killed.child.kill('SIGKILL');
  await exitOf(killed.child);
  assert.ok(existsSync(join(dataDir, LOCK_FILE_NAME)));
  const next = await serve(dataDir);
  next.child.kill('SIGTERM');
  assert.equal(await exitOf(next.child), 0);
});

test('a taken port: one clear line, a non-zero exit, nothing judged, the data folder free again', { timeout: 90_000 }, async () => {
  const blocker = createServer().listen(0, '127.0.0.1');
  await once(blocker, 'listening');
  const port = (blocker.address() as AddressInfo).port;
  try {
    const dataDir = newDataDir();
    const child = run(['--data', dataDir, '--port', String(port)]);
    assert.equal(await exitOf(child), 2, child.text());
    const lines = plainLines(child.text());
    assert.deepEqual(lines, [`verdict: port ${port} on 127.0.0.1 is already in use (another verdict serve, or another program): choose another with --port`]);
    assert.ok(!existsSync(join(dataDir, LOCK_FILE_NAME)), 'the lock is released');
  } finally {
    blocker.close();
  }
});

test('SIGTERM while judging: a clean stop in bounded time; what was in flight is judged after a restart', { timeout: 120_000 }, async () => {
  const dataDir = newDataDir();
  const first = await serve(dataDir);
  const slow = 'import time\ntime.sleep(0.5)\nprint("Hello, World!")\n';
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const answer = await new PortalClient(first.url).post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source: slow }, basic('team1', 'team1-pass'));
    assert.equal(answer.status, 202);
    ids.push(answer.body.id);
  }
  const judge = new PortalClient(first.url);
  const health = await eventually(async () => {
    const h = (await judge.get<{ judging: number; judgehost: { pid: number } }>('/health', basic('judge', 'judge-pass'))).body;
    return h.judging > 0 ? h : undefined;
  }, 30_000, 'a judging in flight');
  const stopAsked = Date.now();
  first.child.kill('SIGTERM');
  assert.equal(await exitOf(first.child), 0, first.output());
  const stopMs = Date.now() - stopAsked;
  assert.ok(stopMs < 10_000, `stopped in ${stopMs} ms`);
  assert.match(first.output(), /verdict: stopped/);
  await eventually(async () => (existsSync(`/proc/${health.judgehost.pid}`) ? undefined : true), 5000, 'the judgehost to be gone');
  assert.ok(!existsSync(join(dataDir, LOCK_FILE_NAME)), 'the lock is released');

  const second = await serve(dataDir);
  try {
    const again = new PortalClient(second.url);
    const all = await eventually(async () => {
      const list = (await again.get<PortalSubmission[]>('/api/portal/submissions', basic('team1', 'team1-pass'))).body;
      return list.length === ids.length && list.every((s) => s.status === 'judged') ? list : undefined;
    }, 60_000, 'every submission judged after the restart');
    for (const s of all) assert.equal(s.verdict, 'AC', `submission ${s.id}`);
  } finally {
    second.child.kill('SIGTERM');
    await exitOf(second.child);
  }
});

test('SIGTERM with a judge\'s console open (its live stream): a clean stop, the stream ended', { timeout: 90_000 }, async () => {
  const served = await serve(newDataDir());
  const stream = await fetch(`${served.url}/api/console/stream`, { headers: basic('judge', 'judge-pass') });
  assert.equal(stream.status, 200);
  const reader = stream.body!.getReader();
  const ended = (async () => {
    for (;;) if ((await reader.read()).done) return true;
  })();
  served.child.kill('SIGTERM');
  // A stop held by an open stream is cut short (exit 1, "stop cut short") instead of ending cleanly.
  assert.equal(await exitOf(served.child), 0, served.output());
  assert.match(served.output(), /verdict: stopped/);
  assert.equal(await ended, true);
});

test('no sandbox: verdict serve refuses to judge without --allow-unsandboxed, and says what is missing', { timeout: 90_000 }, async () => {
  // VERDICT_SANDBOX=none makes the judgehost build no sandbox, as on a machine that allows none.
  const env = { ...process.env, VERDICT_SANDBOX: 'none' };
  const dataDir = newDataDir();
  const refused = spawn(process.execPath, [bin, 'serve', '--data', dataDir, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  refused.stdout.on('data', (d) => (text += d));
  refused.stderr.on('data', (d) => (text += d));
  assert.equal(await exitOf(refused), 2, text);
  const lines = plainLines(text);
  assert.equal(lines.length, 1, text);
  assert.match(lines[0], /no sandbox.*network.*--allow-unsandboxed/);

  const allowed = spawn(process.execPath, [bin, 'serve', '--data', dataDir, '--port', '0', '--allow-unsandboxed'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  allowed.stdout.on('data', (d) => (out += d));
  allowed.stderr.on('data', (d) => (out += d));
  try {
    const url = await eventually(async () => /portal\s+(http:\/\/\S+)\//.exec(out)?.[1], 60_000, 'verdict serve to listen');
    assert.match(out, /sandbox level none/);
    assert.match(out, /WITHOUT a sandbox/);
    const health = (await new PortalClient(url).get<{ sandbox: { level: string } }>('/health', basic('judge', 'judge-pass'))).body;
    assert.equal(health.sandbox.level, 'none');
  } finally {
    allowed.kill('SIGTERM');
    await exitOf(allowed);
  }
});
