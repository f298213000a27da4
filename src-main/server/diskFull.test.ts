// The data folder's disk fills up during a contest (a real tmpfs, in a private mount namespace so it
// vanishes with the server): submissions are refused with 503 and a clear message, nothing that was
// acknowledged is lost, /health says why, and everything resumes when space returns.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { PortalSubmission } from '../shared/portalApi.ts';
import { PortalClient, basic, eventually } from '../test-support/http.ts';

const bin = fileURLToPath(new URL('../../bin/verdict.js', import.meta.url));
/** Room enough for the sample contest's database and log, and little more. */
const TMPFS_SIZE = '16m';

const canMount =
  process.getuid?.() === 0 && spawnSync('unshare', ['--mount', '--propagation', 'private', 'true']).status === 0
    ? false
    : 'needs root and mount namespaces (unshare --mount)';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-disk-full-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const submit = (url: string, team: string, source: string) =>
  new PortalClient(url).post<PortalSubmission & { error?: string }>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source }, basic(team, `${team}-pass`));

test('a full disk: submissions refused with 503, nothing acknowledged lost, recovery when space returns', { skip: canMount, timeout: 120_000 }, async () => {
  const dataDir = join(scratch, 'data');
  // The server sees a small tmpfs at dataDir; the test reaches it through /proc/<pid>/root.
  const script = `mkdir -p '${dataDir}' && mount -t tmpfs -o size=${TMPFS_SIZE},mode=0700 tmpfs '${dataDir}' && exec "$0" "$@"`;
  const child: ChildProcess = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, process.execPath, bin, 'serve', '--data', dataDir, '--port', '0', '--workers', '1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  try {
    const url = await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`verdict serve exited: ${out}`);
      return /portal\s+(http:\/\/\S+)\//.exec(out)?.[1];
    }, 60_000, 'verdict serve to listen');
    const inServer = join(`/proc/${child.pid}/root`, dataDir);
    const slow = 'import time\ntime.sleep(0.5)\nprint("Hello, World!")\n';
    const acknowledged: string[] = [];
    for (const team of ['team1', 'team2', 'team3']) {
      const answer = await submit(url, team, slow);
      assert.equal(answer.status, 202);
      acknowledged.push(answer.body.id);
    }
    // Fill the disk to the last byte while those are judged.
    const filler = join(inServer, 'filler');
    for (let chunk = 0; ; chunk++) {
      try {
        writeFileSync(filler, Buffer.alloc(256 * 1024), { flag: 'a' });
      } catch (error) {
        assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
        break;
      }
      assert.ok(chunk < 1000, 'the tmpfs never filled');
    }
    const refused = await submit(url, 'team4', 'print("Hello, World!")\n');
    assert.equal(refused.status, 503, JSON.stringify(refused.body));
    assert.match(refused.body.error!, /disk is full/);
    const health = await fetch(`${url}/health`);
    assert.equal(health.status, 503);
    assert.match(((await health.json()) as { reason: string }).reason, /disk is full/);
    assert.equal(child.exitCode, null, 'the server keeps running');

    rmSync(filler);
    const accepted = await eventually(async () => {
      const answer = await submit(url, 'team4', 'print("Hello, World!")\n');
      return answer.status === 202 ? answer : undefined;
    }, 20_000, 'submissions accepted again');
    acknowledged.push(accepted.body.id);
    assert.equal((await fetch(`${url}/health`)).status, 200);
    // Every acknowledged submission is judged, and rightly.
    const judge = new PortalClient(url);
    const judgements = await eventually(async () => {
      const all = (await judge.get<{ submission_id: string; judgement_type_id: string | null; current: boolean }[]>('/api/contests/sample/judgements', basic('judge', 'judge-pass'))).body;
      const done = all.filter((j) => j.current && j.judgement_type_id !== null);
      return acknowledged.every((id) => done.some((j) => j.submission_id === id)) ? done : undefined;
    }, 60_000, 'every acknowledged submission judged');
    for (const id of acknowledged) assert.equal(judgements.find((j) => j.submission_id === id)!.judgement_type_id, 'AC', `submission ${id}`);
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
});
