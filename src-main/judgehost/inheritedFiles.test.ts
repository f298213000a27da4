// Files that whoever starts the judge holds open must never reach a program or a compiler. Started
// as `( exec 100>>file 200<secret; verdict judge … )`, a program once appended to the 0600 file and
// read the secret, and `#include "/proc/self/fd/200"` put the secret into the compile output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { helloFiles, writePackage } from '../test-support/packages.ts';

const bin = fileURLToPath(new URL('../../bin/verdict.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'verdict-inherited-fds-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 'the-judges-secret-7f3a';
const secretFile = join(dir, 'secret');
const appendFile = join(dir, 'append-only');
writeFileSync(secretFile, SECRET);
writeFileSync(appendFile, '');
// Readable by anyone who can reach it; the sandbox's root does not show this folder, so only an
// inherited descriptor could lead to it (reopening /proc/self/fd/N checks the file's mode, not the path).
chmodSync(secretFile, 0o644);
chmodSync(appendFile, 0o600);
const problem = writePackage(join(dir, 'hello'), helloFiles());
/** What the hello package wants printed. */
const GREETING = helloFiles()['data/secret/1.ans'].trim();

/** Runs `verdict judge --json` from a shell that holds fd 100 (append) and fd 200 (read) open. */
function judgeWithOpenFiles(source: string, name: string): { verdict: string; compile: { output: string }; raw: string } {
  const file = join(dir, name);
  writeFileSync(file, source);
  const script = `exec 100>>"$1" 200<"$2"; exec "$3" "$4" judge --json --problem "$5" "$6"`;
  const run = spawnSync('bash', ['-c', script, 'bash', appendFile, secretFile, process.execPath, bin, problem, file], { encoding: 'utf8', timeout: 60_000 });
  assert.ok(run.stdout, `verdict judge printed nothing: ${run.stderr}`);
  return { ...JSON.parse(run.stdout), raw: run.stdout + run.stderr };
}

test('a program gets no descriptor of the judge: it can neither append to nor read what the judge holds open', { timeout: 90_000 }, () => {
  const program = `
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
  char buf[64] = {0};
  int leaked = 0;
  if (write(100, "pwned\\n", 6) >= 0) leaked = 1;
  if (read(200, buf, sizeof buf - 1) > 0) leaked = 1;
  for (int fd = 3; fd < 1024; fd++) if (fcntl_ok(fd)) leaked = 1;
  puts(leaked ? "leaked" : "GREETING");
  return 0;
}`.replace('GREETING', GREETING).replace('#include <unistd.h>', '#include <unistd.h>\n#include <fcntl.h>\nstatic int fcntl_ok(int fd) { return fcntl(fd, F_GETFD) >= 0; }');
  const result = judgeWithOpenFiles(program, 'probe.c');
  assert.equal(result.verdict, 'AC', `a program saw a descriptor it should not have: ${result.raw}`);
  assert.equal(readFileSync(appendFile, 'utf8'), '', 'the program appended to the judge\'s file');
});

test('a compiler gets no descriptor of the judge: #include "/proc/self/fd/200" cannot show the secret', { timeout: 90_000 }, () => {
  const result = judgeWithOpenFiles('#include "/proc/self/fd/200"\nint main(void) { return 0; }\n', 'include.c');
  assert.equal(result.verdict, 'CE');
  assert.ok(!result.raw.includes(SECRET), 'the secret reached the compile output');
});
