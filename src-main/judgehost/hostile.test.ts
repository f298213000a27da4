// Hostile programs, judged for real (gcc, g++, python3) through the whole engine: each must get
// its verdict in bounded time, leave no process behind, and leave the engine able to judge the
// next submission normally.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JudgeEngine } from '../judging/engine.ts';
import { projectRoot } from '../common/paths.ts';
import type { JudgeResult } from '../common/results.ts';
import type { Verdict } from '../common/types.ts';
import type { JudgeJob } from '../common/judgehostProtocol.ts';
import { tinyProblem, type TinyProblem } from '../test-support/fixtures.ts';
import { AC_C, cString, FORKING_MEMORY_HOG_C, isRoot, sampleProcesses, timed, tripwire, waitForNoLeftovers } from '../test-support/hostile.ts';

// Program uids (and so the leftover check) exist only when the judge runs as root. Never run these
// programs unsandboxed: as root, a fork bomb or a file-writing program would hit the machine itself.
const skip = !isRoot
  ? 'needs root: the sandbox switches programs to their own uids only when the judge runs as root'
  : process.env.VERDICT_SANDBOX === 'none'
    ? 'the sandbox is disabled (VERDICT_SANDBOX=none)'
    : false;

const ANSWER = 'ok\n';
/** Upper bound for a run stopped by the wall-clock limit (2 s at a 1 s limit) plus compiling, under load. */
const BACKSTOP_BOUND_MS = 8000;

describe('hostile programs', { skip }, () => {
  let engine: JudgeEngine;
  let hostPid: number;
  let problem: TinyProblem;

  before(async () => {
    engine = await JudgeEngine.start({ workers: 2 });
    hostPid = engine.host.pid!;
    assert.equal(engine.host.sandbox.level, 'full', `the judgehost runs without the full sandbox: ${engine.host.sandbox.description}`);
    problem = tinyProblem({ tests: { '1': ['', ANSWER] }, timeLimitMs: 1000 });
  });

  after(async () => {
    await engine?.close();
    problem?.dispose();
  });

  function describeResult(result: JudgeResult): string {
    const t = result.tests[0];
    const run = t ? ` test: ${t.verdict} ${t.message} (cpu ${t.timeMs} ms, wall ${t.wallMs} ms, ${t.memoryKb} KiB, exit ${t.exitCode}, signal ${t.signal})` : '';
    return `${result.verdict}${result.error ? ` error: ${result.error}` : ''}${run}${result.compile.ok ? '' : ` compile: ${result.compile.output.slice(0, 500)}`}`;
  }

  /** Judges `job`, asserting the verdict is one of `expected`; returns the result and the time taken. */
  async function judgeExpecting(job: JudgeJob, expected: Verdict | Verdict[]): Promise<{ result: JudgeResult; ms: number }> {
    const { value: result, ms } = await timed(engine.judge(job));
    const allowed = Array.isArray(expected) ? expected : [expected];
    assert.ok(allowed.includes(result.verdict), `expected ${allowed.join(' or ')}, got ${describeResult(result)}`);
    return { result, ms };
  }

  /** (b) nothing of the submission survives, and (c) the engine still judges a plain AC as AC. */
  async function assertCleanAndHealthy(): Promise<void> {
    const left = await waitForNoLeftovers(hostPid, 1000);
    assert.deepEqual(left, [], `processes of the submission survived judging: ${JSON.stringify(left)}`);
    const normal = await engine.judge(problem.job('main.c', AC_C, 'c'));
    assert.equal(normal.verdict, 'AC', `a normal submission after the hostile one: ${describeResult(normal)}`);
  }

  test('fork bomb: a bounded verdict (TLE or RTE), capped at RLIMIT_NPROC processes, none left', async () => {
    const source = String.raw`#include <unistd.h>
int main(void) { while (1) fork(); }
`;
    const { value, maxProcesses } = await sampleProcesses(hostPid, judgeExpecting(problem.job('main.c', source, 'c'), ['TLE', 'RTE']));
    assert.ok(value.ms < 15_000, `judging took ${Math.round(value.ms)} ms`);
    // The sampler saw the bomb go off (so the leftover check below can see processes at all)...
    assert.ok(maxProcesses > 1, `never saw more than ${maxProcesses} process of the run`);
    // ...and never more processes than the per-uid limit (DEFAULT_PROCESSES = 32).
    assert.ok(maxProcesses <= 32, `saw ${maxProcesses} processes of one run at once`);
    await assertCleanAndHealthy();
  });

  test('sleeps forever: TLE at the wall-clock limit (the time limit plus a second, counted from its exec)', async () => {
    const source = String.raw`#include <unistd.h>
int main(void) { sleep(1000); return 0; }
`;
    const { result, ms } = await judgeExpecting(problem.job('main.c', source, 'c'), 'TLE');
    const t = result.tests[0];
    assert.match(t.message, /wall-clock/);
    assert.ok(t.timeMs < 100, `a sleeping program used ${t.timeMs} ms of CPU`);
    assert.ok(t.wallMs >= 2000 && t.wallMs < 3000, `stopped at ${t.wallMs} ms (expected 1000 + 1000)`);
    assert.ok(ms < BACKSTOP_BOUND_MS, `judging took ${Math.round(ms)} ms`);
    await assertCleanAndHealthy();
  });

  test('ignores SIGTERM/SIGXCPU, tries to raise RLIMIT_CPU, busy-loops: TLE', async () => {
    const source = String.raw`#include <signal.h>
#include <sys/resource.h>
int main(void) {
  for (int s = 1; s < 32; s++) signal(s, SIG_IGN);
  struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };
  setrlimit(RLIMIT_CPU, &rl);
  volatile unsigned long x = 0;
  for (;;) x++;
}
`;
    const { result, ms } = await judgeExpecting(problem.job('main.c', source, 'c'), 'TLE');
    assert.ok(result.tests[0].timeMs >= 1000 || result.tests[0].wallMs >= 2900, describeResult(result));
    assert.ok(ms < BACKSTOP_BOUND_MS, `judging took ${Math.round(ms)} ms`);
    await assertCleanAndHealthy();
  });

  test(
    'CPU work offloaded to detached processes is counted: 3 x 0.8 s of CPU at a 1 s limit is TLE',
    async () => {
      // Each worker stays under the per-process RLIMIT_CPU; together they use 2.4 s of CPU within
      // the 3 s wall-clock backstop, and the parent exits while they still exist.
      const source = String.raw`#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
static double cpu_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}
int main(void) {
  int done[2];
  pipe(done);
  for (int i = 0; i < 3; i++) {
    pid_t middle = fork();
    if (middle == 0) {
      if (fork() == 0) {
        volatile unsigned long x = 0;
        while (cpu_ms() < 800) x++;
        write(done[1], "d", 1);
        for (;;) pause();
      }
      _exit(0);
    }
    waitpid(middle, 0, 0);
  }
  char c;
  for (int i = 0; i < 3; i++) read(done[0], &c, 1);
  puts("ok");
  return 0;
}
`;
      const { ms } = await judgeExpecting(problem.job('main.c', source, 'c'), 'TLE');
      assert.ok(ms < BACKSTOP_BOUND_MS, `judging took ${Math.round(ms)} ms`);
      await assertCleanAndHealthy();
    },
  );

  test('daemonized grandchild (double fork + setsid) is killed; the parent gets AC', async () => {
    const marker = `hostile-daemon-${process.pid}-${Date.now()}`;
    const source = String.raw`#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  pid_t child = fork();
  if (child == 0) {
    if (fork() == 0) {
      setsid();
      for (int s = 1; s < 32; s++) signal(s, SIG_IGN);
      close(0); close(1); close(2);
      execl("/bin/sh", "sh", "-c", "sleep 1000; echo ${marker}", (char *)0);
      for (;;) pause();
    }
    _exit(0);
  }
  waitpid(child, 0, 0);
  usleep(200000); /* the grandchild is up and running before the parent ends */
  puts("ok");
  return 0;
}
`;
    await judgeExpecting(problem.job('main.c', source, 'c'), 'AC');
    const left = await waitForNoLeftovers(hostPid, 1000);
    assert.deepEqual(left, [], `the daemon survived: ${JSON.stringify(left)}`);
    await assertCleanAndHealthy();
  });

  test('output flood (infinite printf) with a 1 MiB output limit: OLE', async () => {
    const source = String.raw`#include <stdio.h>
int main(void) { for (;;) printf("flood flood flood flood flood flood\n"); }
`;
    const { ms } = await judgeExpecting(problem.job('main.c', source, 'c', { outputLimitMb: 1 }), 'OLE');
    assert.ok(ms < BACKSTOP_BOUND_MS, `judging took ${Math.round(ms)} ms`);
    await assertCleanAndHealthy();
  });

  test('output flood that ignores SIGXFSZ and exits 0 when writes fail: OLE', async () => {
    const source = String.raw`#include <signal.h>
#include <string.h>
#include <unistd.h>
int main(void) {
  signal(SIGXFSZ, SIG_IGN);
  char buf[4096];
  memset(buf, 'x', sizeof buf);
  while (write(1, buf, sizeof buf) > 0) {}
  return 0;
}
`;
    await judgeExpecting(problem.job('main.c', source, 'c', { outputLimitMb: 1 }), 'OLE');
    await assertCleanAndHealthy();
  });

  test('network: connecting to a listener on the host and to 1.1.1.1:53 fails (TCP and UDP)', async () => {
    const wire = await tripwire();
    try {
      const source = String.raw`#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
static int reach(int type, const char *ip, int port) {
  int s = socket(AF_INET, type, 0);
  if (s < 0) { fprintf(stderr, "socket: %s\n", strerror(errno)); return 0; }
  struct timeval tv = { 0, 500000 };
  setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  inet_pton(AF_INET, ip, &a.sin_addr);
  int ok;
  if (type == SOCK_STREAM) ok = connect(s, (struct sockaddr *)&a, sizeof a) == 0 && write(s, "leak", 4) == 4;
  else ok = sendto(s, "leak", 4, 0, (struct sockaddr *)&a, sizeof a) == 4;
  fprintf(stderr, "%s %s:%d -> %s\n", type == SOCK_STREAM ? "tcp" : "udp", ip, port, ok ? "reached" : strerror(errno));
  close(s);
  return ok;
}
int main(void) {
  int leaks = reach(SOCK_STREAM, "127.0.0.1", ${wire.port}) + reach(SOCK_STREAM, "1.1.1.1", 53) +
              reach(SOCK_DGRAM, "127.0.0.1", ${wire.port}) + reach(SOCK_DGRAM, "1.1.1.1", 53);
  puts(leaks ? "leak" : "ok");
  return 0;
}
`;
      await judgeExpecting(problem.job('main.c', source, 'c'), 'AC');
      await wire.settled();
      assert.equal(wire.hits(), 0, 'the listener on the host was reached from the sandbox');
    } finally {
      await wire.close();
    }
    await assertCleanAndHealthy();
  });

  test("two runs at once cannot talk (abstract unix sockets): each worker slot has its own network namespace", async () => {
    // Whoever binds the name first listens for 1.5 s; the other finds the name taken and sends.
    // Isolated, both bind it (each in its own namespace), hear nothing and print the answer.
    const source = String.raw`#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
int main(void) {
  struct sockaddr_un a; memset(&a, 0, sizeof a); a.sun_family = AF_UNIX;
  memcpy(a.sun_path, "\0verdict-covert", 15);
  socklen_t len = offsetof(struct sockaddr_un, sun_path) + 15;
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  if (bind(s, (struct sockaddr *)&a, len) == 0) {
    listen(s, 1);
    struct pollfd p = { s, POLLIN, 0 };
    if (poll(&p, 1, 1500) > 0) { puts("heard another team's run"); return 0; }
    puts("ok"); return 0;
  }
  int c = socket(AF_UNIX, SOCK_STREAM, 0);
  if (connect(c, (struct sockaddr *)&a, len) == 0) { write(c, "my input is 5 7", 15); puts("told another team's run"); return 0; }
  puts("ok");
  return 0;
}`.replace('#include <poll.h>', '#include <poll.h>\n#include <stddef.h>');
    const [first, second] = await Promise.all([engine.judge(problem.job('talk.c', source, 'c')), engine.judge(problem.job('talk.c', source, 'c'))]);
    assert.equal(first.verdict, 'AC', describeResult(first));
    assert.equal(second.verdict, 'AC', describeResult(second));
    await assertCleanAndHealthy();
  });

  test('two runs at once cannot talk through locks on the system files both see (flock, POSIX and open-file-description locks)', async () => {
    // Each run probes for the other's locks, takes its own, and looks again for 1.5 s. A lock one run
    // holds on /etc/passwd is seen by the other unless locking is refused.
    const source = String.raw`#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>
int main(void) {
  int a = open("/etc/passwd", O_RDONLY), b = open("/etc/group", O_RDONLY), c = open("/etc/hosts", O_RDONLY);
  int seen = 0, held = 0;
  for (int round = 0; round < 15; round++) {
    if (flock(a, LOCK_EX | LOCK_NB) == 0) held |= 1; else if (errno == EWOULDBLOCK) seen |= 1;
    struct flock q = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
    if (fcntl(b, F_GETLK, &q) == 0 && q.l_type != F_UNLCK) seen |= 2;
    struct flock r = { .l_type = F_RDLCK, .l_whence = SEEK_SET };
    if (fcntl(b, F_SETLK, &r) == 0) held |= 2;
    struct flock o = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
    if (fcntl(c, F_OFD_GETLK, &o) == 0 && o.l_type != F_UNLCK) seen |= 4;
    struct flock p = { .l_type = F_RDLCK, .l_whence = SEEK_SET };
    if (fcntl(c, F_OFD_SETLK, &p) == 0) held |= 4;
    usleep(100000);
  }
  if (seen & 1) puts("saw another run's flock");
  if (seen & 2) puts("saw another run's POSIX lock");
  if (seen & 4) puts("saw another run's OFD lock");
  if (held) printf("held locks %d\n", held);
  if (!seen && !held) puts("ok");
  return 0;
}`;
    const [first, second] = await Promise.all([engine.judge(problem.job('locks.c', source, 'c')), engine.judge(problem.job('locks.c', source, 'c'))]);
    assert.equal(first.verdict, 'AC', describeResult(first));
    assert.equal(second.verdict, 'AC', describeResult(second));
    await assertCleanAndHealthy();
  });

  test('the kernel surface is closed: no user or other namespaces, mount, ptrace, bpf, perf, keyrings, inotify, io_uring', async () => {
    // Each attempt that succeeds is named on stdout; a sealed sandbox prints only the answer.
    const source = String.raw`#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>
static int child(void *arg) { (void)arg; return 0; }
static char stack[64 * 1024];
int main(void) {
  int open = 0;
  if (unshare(CLONE_NEWUSER) == 0) { puts("unshare(user)"); open++; }
  if (unshare(CLONE_NEWNET) == 0) { puts("unshare(net)"); open++; }
  int pid = clone(child, stack + sizeof stack, CLONE_NEWUSER | SIGCHLD, 0);
  if (pid > 0) { puts("clone(user)"); open++; }
  if (mount("none", "/box", "tmpfs", 0, 0) == 0) { puts("mount"); open++; }
  if (ptrace(PTRACE_TRACEME, 0, 0, 0) == 0) { puts("ptrace"); open++; }
  if (syscall(SYS_bpf, 0, 0, 0) >= 0) { puts("bpf"); open++; }
  if (syscall(SYS_perf_event_open, 0, 0, -1, -1, 0) >= 0) { puts("perf"); open++; }
  if (syscall(SYS_keyctl, 0, 0) >= 0) { puts("keyctl"); open++; }
  if (syscall(SYS_inotify_init1, 0) >= 0) { puts("inotify"); open++; }
  if (syscall(SYS_io_uring_setup, 1, stack) >= 0) { puts("io_uring"); open++; }
  if (!open) puts("ok");
  return 0;
}`;
    await judgeExpecting(problem.job('surface.c', source, 'c'), 'AC');
    await assertCleanAndHealthy();
  });

  test("reading the test's answer file, /etc/shadow and the judge's source tree fails", async () => {
    const answerPath = join(problem.dir, 'data', 'secret', '1.ans');
    const inputPath = join(problem.dir, 'data', 'secret', '1.in');
    const secrets = [answerPath, inputPath, '/etc/shadow', join(projectRoot, 'package.json'), `/proc/1/root${answerPath}`, '/proc/1/environ'];
    const folders = [problem.dir, join(problem.dir, 'data', 'secret'), projectRoot, '/root'];
    const source = String.raw`#include <dirent.h>
#include <stdio.h>
static int leaks = 0;
static void try_file(const char *path) {
  FILE *f = fopen(path, "r");
  if (f) { fprintf(stderr, "opened %s\n", path); leaks++; fclose(f); }
}
static void try_dir(const char *path) {
  DIR *d = opendir(path);
  if (d) { fprintf(stderr, "listed %s\n", path); leaks++; closedir(d); }
}
int main(void) {
${secrets.map((p) => `  try_file(${cString(p)});`).join('\n')}
${folders.map((p) => `  try_dir(${cString(p)});`).join('\n')}
  /* Control: what the sandbox does show must stay readable, or the test proves nothing. */
  FILE *control = fopen("/etc/passwd", "r");
  if (!control) { puts("control failed"); return 0; }
  fclose(control);
  puts(leaks ? "leak" : "ok");
  return 0;
}
`;
    await judgeExpecting(problem.job('main.c', source, 'c'), 'AC');
    await assertCleanAndHealthy();
  });

  test('creating files outside /box fails (/tmp, /, /prog, /etc, /root, /usr, /dev, the problem folder)', async () => {
    const marker = `verdict-hostile-${process.pid}-${Date.now()}`;
    const hostFolders = ['/tmp', '/', '/etc', '/root', '/usr', '/dev', problem.dir, join(problem.dir, 'data', 'secret')];
    const targets = [...hostFolders, '/prog', '/box/..'];
    const source = String.raw`#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
static int leaks = 0;
static void try_create(const char *dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/${marker}", dir);
  int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  if (fd >= 0) { fprintf(stderr, "created %s\n", path); leaks++; write(fd, "leak", 4); close(fd); }
  snprintf(path, sizeof path, "%s/${marker}.d", dir);
  if (mkdir(path, 0755) == 0) { fprintf(stderr, "made %s\n", path); leaks++; }
}
int main(void) {
${targets.map((p) => `  try_create(${cString(p)});`).join('\n')}
  /* Control: /box is writable. */
  int fd = open("/box/${marker}", O_CREAT | O_WRONLY, 0644);
  if (fd < 0) { puts("control failed"); return 0; }
  close(fd);
  puts(leaks ? "leak" : "ok");
  return 0;
}
`;
    await judgeExpecting(problem.job('main.c', source, 'c'), 'AC');
    const created = hostFolders.flatMap((dir) => [join(dir, marker), join(dir, `${marker}.d`)]).filter((path) => existsSync(path));
    assert.deepEqual(created, [], 'files appeared on the host');
    await assertCleanAndHealthy();
  });

  test('killing its parent, pid 1 and everything (kill -1) does not break judging: AC', async () => {
    const source = String.raw`#include <signal.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
  kill(getppid(), SIGKILL);
  kill(1, SIGKILL);
  kill(-1, SIGKILL);
  usleep(100000);
  puts("ok");
  return 0;
}
`;
    await judgeExpecting(problem.job('main.c', source, 'c'), 'AC');
    await assertCleanAndHealthy();
  });

  test('stopping its parent (SIGSTOP) does not hang judging: AC', async () => {
    const source = String.raw`#include <signal.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
  kill(getppid(), SIGSTOP);
  kill(1, SIGSTOP);
  usleep(100000);
  puts("ok");
  return 0;
}
`;
    const { ms } = await judgeExpecting(problem.job('main.c', source, 'c'), 'AC');
    assert.ok(ms < BACKSTOP_BOUND_MS, `judging took ${Math.round(ms)} ms`);
    await assertCleanAndHealthy();
  });

  test('stopping itself (SIGSTOP) is a bounded TLE', async () => {
    const source = String.raw`#include <signal.h>
int main(void) { raise(SIGSTOP); return 0; }
`;
    const { ms } = await judgeExpecting(problem.job('main.c', source, 'c'), 'TLE');
    assert.ok(ms < BACKSTOP_BOUND_MS, `judging took ${Math.round(ms)} ms`);
    await assertCleanAndHealthy();
  });

  test('closes stdout, then sleeps 10 s: a bounded TLE', async () => {
    const source = String.raw`#include <unistd.h>
int main(void) { close(1); close(2); sleep(10); return 0; }
`;
    const { result, ms } = await judgeExpecting(problem.job('main.c', source, 'c'), 'TLE');
    assert.match(result.tests[0].message, /wall-clock/);
    assert.ok(ms < BACKSTOP_BOUND_MS, `judging took ${Math.round(ms)} ms`);
    await assertCleanAndHealthy();
  });

  test('memory hog (malloc + touch 1 GiB in 1 MiB pieces) at a 64 MiB limit: MLE', async () => {
    const source = String.raw`#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  for (int i = 0; i < 1024; i++) {
    char *p = malloc(1 << 20);
    memset(p, 1, 1 << 20); /* no NULL check: the typical contestant crash */
  }
  puts("ok");
  return 0;
}
`;
    const { result } = await judgeExpecting(problem.job('main.c', source, 'c', { memoryLimitMb: 64 }), 'MLE');
    assert.ok(result.tests[0].memoryKb <= 64 * 1024, `peak ${result.tests[0].memoryKb} KiB above the address-space limit`);
    await assertCleanAndHealthy();
  });

  test('forking memory hog (six children of 200 MiB, each under the 256 MiB limit): MLE, the machine never sees 1.2 GiB', async (t) => {
    if (!engine.host.sandbox.memoryCgroup) {
      t.skip(`no memory cgroup on this machine (${engine.host.sandbox.description}): a forking program can use NPROC times the limit`);
      return;
    }
    const { result } = await judgeExpecting(problem.job('main.c', FORKING_MEMORY_HOG_C, 'c', { memoryLimitMb: 256 }), 'MLE');
    assert.match(result.tests[0].message, /processes together/);
    await assertCleanAndHealthy();
  });

  test('Python allocating 1 GiB at a 64 MiB limit: MLE (MemoryError)', async () => {
    await judgeExpecting(problem.job('main.py', 'data = bytearray(1 << 30)\nprint("ok")\n', 'python', { memoryLimitMb: 64 }), 'MLE');
    await assertCleanAndHealthy();
  });

  test('C++ #include of the answer file at compile time: CE (the compiler is sandboxed too)', async () => {
    // The answer is a valid C++ string literal, so the program would compile and be accepted if
    // the compiler could read it.
    const secret = tinyProblem({ tests: { '1': ['', '"the secret answer"\n'] }, timeLimitMs: 1000 });
    try {
      const answerPath = join(secret.dir, 'data', 'secret', '1.ans');
      const source = `#include <cstdio>
const char *leaked =
#include ${cString(answerPath)}
;
int main() { std::printf("\\"%s\\"\\n", leaked); }
`;
      const { result } = await judgeExpecting(secret.job('main.cpp', source, 'cpp'), 'CE');
      assert.match(result.compile.output, /No such file or directory/);
      assert.ok(!result.compile.output.includes('the secret answer'), 'the compiler output shows the answer');
    } finally {
      secret.dispose();
    }
    await assertCleanAndHealthy();
  });

  test('recursion 1e6 deep: AC (the stack is unlimited, --stack-kb 0)', async () => {
    const source = String.raw`#include <stdio.h>
__attribute__((noinline)) static long depth(long n) {
  volatile char frame[64];
  frame[0] = (char)n;
  if (n == 0) return 0;
  return depth(n - 1) + frame[0]; /* used after the call: a real frame per level */
}
int main(void) {
  long r = depth(1000000);
  puts(r == 42 ? "unexpected" : "ok");
  return 0;
}
`;
    const { result } = await judgeExpecting(problem.job('main.c', source, 'c'), 'AC');
    // 1e6 frames of at least 64 bytes: well past the usual 8 MiB stack.
    assert.ok(result.tests[0].memoryKb > 64 * 1024, `peak ${result.tests[0].memoryKb} KiB: the recursion was optimised away?`);
    await assertCleanAndHealthy();
  });

  test("Python os.system('rm -rf /box/..') and friends are harmless: AC", async () => {
    assert.equal(engine.host.sandbox.level, 'full', 'destructive programs run only inside the full sandbox');
    // Guarded twice: the program itself refuses to run unless it sees the sandbox (a sandbox uid,
    // pid <= 3 in its own PID namespace).
    const source = `import os, sys
if os.getuid() < 62000 or os.getpid() > 3:
    print("not sandboxed")
    sys.exit(0)
os.system("rm -rf /box/.. 2>/dev/null")
os.system("rm -rf /prog /etc/hostname /etc/passwd /usr/bin/python3 2>/dev/null")
os.system("rm -rf /box/../box 2>/dev/null")
for path in ("/etc/passwd", "/prog/main.py", "/usr/bin/python3"):
    if not os.path.exists(path):
        print("removed", path)
        sys.exit(0)
print("ok")
`;
    await judgeExpecting(problem.job('main.py', source, 'python'), 'AC');
    for (const path of ['/etc/hostname', '/etc/passwd', '/usr/bin/python3']) assert.ok(existsSync(path), `${path} is gone from the host`);
    await assertCleanAndHealthy();
  });
});

describe('three at once to a pool of one', { skip }, () => {
  test('AC, TLE and WA submitted together all finish with their verdicts', async () => {
    const engine = await JudgeEngine.start({ workers: 1 });
    assert.equal(engine.pool.workers, 1);
    const problem = tinyProblem({ tests: { '1': ['', ANSWER] }, timeLimitMs: 1000 });
    try {
      const tle = String.raw`int main(void) { volatile unsigned long x = 0; for (;;) x++; }
`;
      const wa = String.raw`#include <stdio.h>
int main(void) { puts("not ok"); return 0; }
`;
      const { value: results, ms } = await timed(
        Promise.all([
          engine.judge(problem.job('main.c', AC_C, 'c')),
          engine.judge(problem.job('main.c', tle, 'c')),
          engine.judge(problem.job('main.c', wa, 'c')),
        ]),
      );
      assert.deepEqual(
        results.map((r) => r.verdict),
        ['AC', 'TLE', 'WA'],
        results.map((r) => `${r.verdict} ${r.error ?? ''}`).join('; '),
      );
      assert.ok(ms < 15_000, `three jobs took ${Math.round(ms)} ms`);
      const left = await waitForNoLeftovers(engine.host.pid!, 1000);
      assert.deepEqual(left, []);
    } finally {
      await engine.close();
      problem.dispose();
    }
  });
});
