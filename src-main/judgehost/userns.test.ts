// The sandbox without root: the judgehost runs as an unprivileged user and isolates programs with
// user, PID, mount and network namespaces. Runs where the tests run as root (so that they can
// drop to another user); skipped, with the reason, elsewhere.
//
// That user must reach Node and the project's files. In a clone inside a folder only root may enter
// (/root/x/main with /root 0700) it cannot: this file then runs itself again in a private mount
// namespace, with the project (and Node, when outside it) bind-mounted below a world-traversable
// temp folder, and passes when that run passes.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { JudgeEngine } from '../judging/engine.ts';
import { processesWith, tinyProblem, type TinyProblem } from '../test-support/fixtures.ts';

/** The conventional unprivileged account. */
const NOBODY = 65_534;
const isRoot = process.getuid?.() === 0;
const skip = !isRoot ? 'needs root to start the judgehost as another user' : false;

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const judgehostEntry = fileURLToPath(new URL('./main.ts', import.meta.url));
/** Set in the run inside the mount namespace (which must not start another one). */
const INNER_RUN = 'VERDICT_USERNS_TEST_INNER';
/** Bound on the run in the mount namespace: a C compile and one judging. */
const INNER_RUN_TIMEOUT_MS = 120_000;

/** Whether the unprivileged user can run Node and read the judgehost's files. */
function nobodyReaches(): boolean {
  const check = spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -r "$2"', 'sh', process.execPath, judgehostEntry], { uid: NOBODY, gid: NOBODY });
  return check.status === 0;
}
const direct = isRoot && (nobodyReaches() || process.env[INNER_RUN] === '1');

let engine: JudgeEngine;
let problem: TinyProblem;

before(async () => {
  if (skip || !direct) return;
  assert.ok(nobodyReaches(), `user ${NOBODY} cannot run ${process.execPath} or read ${judgehostEntry}, even in the mount namespace (is ${tmpdir()} world-traversable?)`);
  problem = tinyProblem({ tests: { '1': ['', 'safe\n'] } });
  chmodSync(problem.dir, 0o755);
  engine = await JudgeEngine.start({ workers: 1, host: { uid: NOBODY, gid: NOBODY } });
});
after(async () => {
  await engine?.close();
  problem?.dispose();
});

if (isRoot && !direct) {
  test('an unprivileged judgehost sandboxes with user namespaces (project bind-mounted where that user can reach it)', async () => {
    const canMount = spawnSync('unshare', ['--mount', '--propagation', 'private', 'true']).status === 0;
    assert.ok(canMount, `user ${NOBODY} cannot reach ${projectRoot}, and no mount namespace can be made to show it elsewhere (unshare --mount failed)`);
    const open = mkdtempSync(join(tmpdir(), 'verdict-userns-'));
    chmodSync(open, 0o755);
    const project = join(open, 'project');
    const node = join(open, 'node'); // Node too, wherever it is installed
    mkdirSync(project);
    writeFileSync(node, '');
    const innerTest = join(project, relative(projectRoot, fileURLToPath(import.meta.url)));
    // The bind mounts live only in the new namespace: outside it, `project` and `node` stay empty.
    const script = 'mount --bind "$1" "$2" && mount --bind "$3" "$4" && exec "$4" --test-reporter=tap "$5"';
    // Not a child of the outer test runner: without NODE_TEST_CONTEXT it reports in plain TAP.
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    try {
      const run = await new Promise<{ code: unknown; output: string }>((resolve) => {
        execFile(
          'unshare',
          ['--mount', '--propagation', 'private', '/bin/sh', '-c', script, 'sh', projectRoot, project, process.execPath, node, innerTest],
          { env: { ...env, [INNER_RUN]: '1' }, timeout: INNER_RUN_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
          (error, stdout, stderr) => resolve({ code: error ? (error.code ?? error.signal) : 0, output: stdout + stderr }),
        );
      });
      assert.equal(run.code, 0, run.output);
      assert.match(run.output, /^# pass 1$/m, run.output);
      assert.match(run.output, /^# skipped 0$/m, run.output);
    } finally {
      // Not recursive: should a bind mount be visible here after all, this fails instead of emptying the project.
      rmdirSync(project);
      rmSync(node);
      rmdirSync(open);
    }
  });
} else {
  test('an unprivileged judgehost sandboxes with user namespaces', { skip }, async () => {
    assert.equal(engine.host.sandbox.level, 'userns');
    const answer = join(problem.dir, 'data', 'secret', '1.ans');
    const secret = join(problem.dir, 'judge-only.txt');
    writeFileSync(secret, 'judge eyes only\n', { mode: 0o644 });
    // World-readable files outside the sandbox's root must still be out of reach.
    const job = problem.job(
      'peek.c',
      `#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>
int main(void){
  int leaks = 0;
  if (fopen("${answer}", "r")) leaks++;
  if (fopen("${secret}", "r")) leaks++;
  if (fopen("/tmp/verdict-userns-write-probe", "w")) leaks++;
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(53) };
  inet_pton(AF_INET, "1.1.1.1", &a.sin_addr);
  if (s >= 0 && connect(s, (struct sockaddr*)&a, sizeof a) == 0) leaks++;
  if (fork() == 0) { setsid(); execl("/bin/sleep", "sleep", "31.4159", (char*)0); return 0; }
  puts(leaks ? "leak" : "safe");
  return 0;
}`,
      'c',
    );
    const result = await engine.judge(job);
    assert.equal(result.verdict, 'AC', JSON.stringify(result.tests));
    assert.deepEqual(processesWith('31.4159'), [], 'the setsid grandchild died with the run');
  });
}
