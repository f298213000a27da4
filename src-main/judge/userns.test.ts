// The sandbox without root: the judgehost runs as an unprivileged user and isolates programs with
// user, PID, mount and network namespaces. Runs where the tests run as root (so that they can
// drop to another user); skipped, with the reason, elsewhere.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { JudgeEngine } from './engine.ts';
import { processesWith, tinyProblem, type TinyProblem } from '../test-support/fixtures.ts';

/** The conventional unprivileged account. */
const NOBODY = 65_534;
const skip = process.getuid?.() !== 0 ? 'needs root to start the judgehost as another user' : false;

let engine: JudgeEngine;
let problem: TinyProblem;

before(async () => {
  if (skip) return;
  problem = tinyProblem({ tests: { '1': ['', 'safe\n'] } });
  chmodSync(problem.dir, 0o755);
  engine = await JudgeEngine.start({ workers: 1, host: { uid: NOBODY, gid: NOBODY } });
});
after(async () => {
  await engine?.close();
  problem?.dispose();
});

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
