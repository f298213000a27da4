// kill -9 of a real `verdict serve` in the middle of a contest: after a restart every acknowledged
// submission is there, and every judging that was in flight is re-queued and finishes.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { PortalSubmission } from '../shared/portalApi.ts';
import { readdirOrEmpty } from '../common/quietFs.ts';
import { tempRoots } from '../common/tempFolders.ts';
import { PortalClient, basic, eventually } from '../test-support/http.ts';

const bin = fileURLToPath(new URL('../../bin/verdict.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'verdict-crash-test-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `verdict serve` on a free loopback port and resolves with its URL once it listens. */
function serve(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--data', dataDir, '--port', '0', '--workers', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /portal\s+(http:\/\/\S+)\//.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`verdict serve exited (${code}): ${out}`)));
  });
}

test('after kill -9 mid-contest, nothing acknowledged is lost and in-flight judgings finish', { timeout: 120_000 }, async () => {
  const first = await serve();
  const client = new PortalClient(first.url);
  assert.equal((await client.login('team1', 'team1-pass')).status, 200);
  // Slow submissions keep the single worker busy, so some are queued or judging at the kill.
  const slow = 'import time\ntime.sleep(0.4)\nprint("Hello, World!")\n';
  const acknowledged: string[] = [];
  for (let i = 0; i < 8; i++) {
    const answer = await client.post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source: slow }, { 'idempotency-key': `crash-${i}` });
    assert.equal(answer.status, 202);
    acknowledged.push(answer.body.id);
  }
  await eventually(async () => ((await client.get<{ judging: number }>('/health', basic('judge', 'judge-pass'))).body.judging > 0 ? true : undefined), 10_000, 'a judging in flight');
  const firstPid = first.child.pid!;
  const leftBehind = () => tempRoots().flatMap((root) => readdirOrEmpty(root)).filter((name) => name.includes(`-${firstPid}-`) && name.startsWith('verdict-'));
  assert.ok(leftBehind().length > 0, 'the running server has temp folders of its own');
  first.child.kill('SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));

  const second = await serve();
  try {
    // What the killed server left in the temp folder is swept when the next one starts.
    assert.deepEqual(leftBehind(), []);
    const again = new PortalClient(second.url);
    assert.equal((await again.login('team1', 'team1-pass')).status, 200);
    const all = await eventually(async () => {
      const list = await again.get<PortalSubmission[]>('/api/portal/submissions');
      return list.body.length >= acknowledged.length && list.body.every((s) => s.status === 'judged') ? list.body : undefined;
    }, 60_000, 'every submission judged after the restart');
    for (const id of acknowledged) {
      const s = all.find((x) => x.id === id);
      assert.ok(s, `acknowledged submission ${id} is gone`);
      assert.equal(s.verdict, 'AC', `submission ${id}`);
    }
    // A retry after the crash with a key used before is still the same submission.
    const retry = await again.post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source: slow }, { 'idempotency-key': 'crash-0' });
    assert.equal(retry.body.id, acknowledged[0]);
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  }
});
