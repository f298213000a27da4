// The sandbox and the native runner, checked from inside: real programs (compiled with the host's
// gcc) run through runInPty exactly as the judge runs a test, and report what they can see and do.
// A last group checks that judged submissions get the same sandbox.
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JudgeEngine } from '../judging/engine.ts';
import { readdirOrEmpty, readFileOrEmpty } from '../common/quietFs.ts';
import { RunnerError } from './runner/runInPty.ts';
import { tinyProblem } from '../test-support/fixtures.ts';
import { eventually } from '../test-support/http.ts';
import { DirectRunner, FORKING_MEMORY_HOG_C, isRoot, waitForNoLeftovers } from '../test-support/hostile.ts';

/** Worker slot of the direct runs: away from the engines' slots 0 and 1 (RLIMIT_NPROC is per uid). */
const SLOT = 7;

/** A slot host's run's program and what it started: its processes below the runner and init. */
function programsUnder(pid: number, depth = 1): number[] {
  const found: number[] = [];
  for (const tid of readdirOrEmpty(`/proc/${pid}/task`)) {
    for (const child of readFileOrEmpty(`/proc/${pid}/task/${tid}/children`).split(' ').filter(Boolean).map(Number)) {
      if (depth >= 3) found.push(child);
      found.push(...programsUnder(child, depth + 1));
    }
  }
  return found;
}

/** Polls `probe` until it returns a non-empty list (5 s at most). */
async function eventuallyValue<T>(probe: () => T[]): Promise<T[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = probe();
    if (value.length > 0) return value;
    if (Date.now() >= deadline) throw new Error('nothing seen within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** "key=value" lines of a program's output. */
function keyValues(stdout: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stdout.toString('utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

const PROGRAMS: Record<string, string> = {
  identity: String.raw`#define _GNU_SOURCE
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>
int main(void) {
  gid_t groups[64];
  printf("uid=%d\neuid=%d\ngid=%d\negid=%d\ngroups=%d\n", (int)getuid(), (int)geteuid(), (int)getgid(), (int)getegid(), getgroups(64, groups));
  printf("no_new_privs=%d\n", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
  printf("setuid0=%d\n", setuid(0));
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  while (f && fgets(line, sizeof line, f)) {
    if (strncmp(line, "CapEff:", 7) && strncmp(line, "CapPrm:", 7)) continue;
    char *v = line + 7;
    while (*v == ' ' || *v == '\t') v++;
    v[strcspn(v, "\n")] = 0;
    printf("%.6s=%s\n", line, v);
  }
  return 0;
}
`,
  proc: String.raw`#include <ctype.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  pid_t child = fork();
  if (child == 0) { pause(); _exit(0); }
  usleep(50000);
  DIR *d = opendir("/proc");
  int n = 0;
  char pids[4096] = "";
  struct dirent *e;
  while (d && (e = readdir(d))) {
    if (!isdigit((unsigned char)e->d_name[0])) continue;
    n++;
    strcat(pids, e->d_name);
    strcat(pids, ",");
  }
  printf("count=%d\npids=%s\npid=%d\nchild=%d\n", n, pids, (int)getpid(), (int)child);
  kill(child, SIGKILL);
  waitpid(child, 0, 0);
  return 0;
}
`,
  net: String.raw`#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
int main(void) {
  FILE *f = fopen("/proc/net/dev", "r");
  char line[512];
  int n = 0;
  printf("ifaces=");
  while (f && fgets(line, sizeof line, f)) {
    char *colon = strchr(line, ':');
    if (!colon) continue;
    *colon = 0;
    char *name = line;
    while (*name == ' ') name++;
    printf("%s%s", n++ ? "," : "", name);
  }
  printf("\n");
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  strcpy(ifr.ifr_name, "lo");
  if (s >= 0 && ioctl(s, SIOCGIFFLAGS, &ifr) == 0) printf("lo_up=%d\n", (ifr.ifr_flags & IFF_UP) ? 1 : 0);
  else printf("lo_up=error %s\n", strerror(errno));
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int l = socket(AF_INET, SOCK_STREAM, 0);
  int b = bind(l, (struct sockaddr *)&a, sizeof a);
  printf("bind=%s\n", b == 0 ? "ok" : strerror(errno));
  socklen_t len = sizeof a;
  if (b == 0) { listen(l, 1); getsockname(l, (struct sockaddr *)&a, &len); }
  else a.sin_port = htons(80);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  int r = connect(c, (struct sockaddr *)&a, sizeof a);
  printf("connect=%s\n", r == 0 ? "ok" : strerror(errno));
  return 0;
}
`,
  readonly: String.raw`#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
static const char *dirs[] = { "/", "/tmp", "/etc", "/usr", "/usr/bin", "/bin", "/lib", "/prog", "/dev", "/proc", "/box", 0 };
static const char *hidden[] = { "/.old", "/work", "/root", "/home", "/tmp", 0 };
int main(void) {
  for (int i = 0; dirs[i]; i++) {
    char path[256];
    snprintf(path, sizeof path, "%s/probe-file", strcmp(dirs[i], "/") ? dirs[i] : "");
    int fd = open(path, O_CREAT | O_WRONLY, 0644);
    printf("create %s=%s\n", dirs[i], fd >= 0 ? "ok" : strerror(errno));
    if (fd >= 0) close(fd);
  }
  for (int i = 0; hidden[i]; i++) {
    struct stat st;
    printf("exists %s=%s\n", hidden[i], stat(hidden[i], &st) == 0 ? "yes" : "no");
  }
  char cwd[256];
  printf("cwd=%s\n", getcwd(cwd, sizeof cwd) ? cwd : "?");
  return 0;
}
`,
  forkhog: FORKING_MEMORY_HOG_C,
  nproc: String.raw`#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
  int n = 0, err = 0;
  for (int i = 0; i < 100; i++) {
    pid_t p = fork();
    if (p == 0) { pause(); _exit(0); }
    if (p < 0) { err = errno; break; }
    n++;
  }
  printf("children=%d\nerror=%s\n", n, err == EAGAIN ? "EAGAIN" : strerror(err));
  fflush(stdout);
  if (argc > 1 && !strcmp(argv[1], "hold")) sleep(100);
  return 0;
}
`,
  cpu: String.raw`#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
static double cpu_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}
int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "busy")) { volatile unsigned long x = 0; while (cpu_ms() < 300) x++; }
  else usleep(300000);
  printf("cpu=%.0f\n", cpu_ms());
  return 0;
}
`,
  memory: String.raw`#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  size_t n = (size_t)100 << 20;
  char *p = malloc(n);
  if (!p) { puts("malloc failed"); return 1; }
  memset(p, 1, n);
  __asm__ volatile("" : : "r"(p) : "memory"); /* the stores must happen */
  printf("touched=%d\n", p[n / 2] + p[n - 1]);
  return 0;
}
`,
  bytes: String.raw`#include <stdio.h>
int main(void) {
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) fwrite(buf, 1, n, stdout);
  static const char tail[] = { 'x', '\r', '\n', 'y', '\0', 'z', (char)0xff, ' ', '\t', 'e', 'n', 'd' };
  fwrite(tail, 1, sizeof tail, stdout);
  fputs("to stderr\n", stderr);
  return 0;
}
`,
  status: String.raw`#include <signal.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
  if (!strcmp(argv[1], "exit3")) return 3;
  if (!strcmp(argv[1], "segv")) raise(SIGSEGV);
  if (!strcmp(argv[1], "sleep")) sleep(100);
  return 0;
}
`,
  limits: String.raw`#include <stdio.h>
#include <sys/resource.h>
static void show(const char *name, int res) {
  struct rlimit rl;
  getrlimit(res, &rl);
  printf("%s=", name);
  if (rl.rlim_cur == RLIM_INFINITY) printf("inf/"); else printf("%llu/", (unsigned long long)rl.rlim_cur);
  if (rl.rlim_max == RLIM_INFINITY) printf("inf\n"); else printf("%llu\n", (unsigned long long)rl.rlim_max);
}
int main(void) {
  show("cpu", RLIMIT_CPU);
  show("as", RLIMIT_AS);
  show("fsize", RLIMIT_FSIZE);
  show("nproc", RLIMIT_NPROC);
  show("stack", RLIMIT_STACK);
  show("core", RLIMIT_CORE);
  return 0;
}
`,
  env: String.raw`#include <stdio.h>
extern char **environ;
int main(void) {
  for (char **e = environ; *e; e++) printf("%s\n", *e);
  return 0;
}
`,
};

describe('sandbox: runs through the native runner', () => {
  let runner: DirectRunner;
  const prog: Record<string, string> = {};

  before(async () => {
    runner = await DirectRunner.create(SLOT);
    for (const [name, source] of Object.entries(PROGRAMS)) prog[name] = runner.compileC(name, source);
  });

  after(() => runner?.dispose());

  /** Tests of isolation need a sandbox; where there is none (not root, no user namespaces) they are skipped. */
  function needsSandbox(t: TestContext): boolean {
    if (runner.sandbox.info.level !== 'none') return true;
    t.skip('no sandbox on this machine');
    return false;
  }

  async function assertNoLeftovers(): Promise<void> {
    const left = await waitForNoLeftovers(process.pid, 1000);
    assert.deepEqual(left, [], `processes of the run survived: ${JSON.stringify(left)}`);
  }

  test('the program runs as the slot\'s unprivileged uid, without capabilities or a way back', { skip: isRoot ? false : 'uids are switched only when the judge runs as root' }, async () => {
    const { measurement, stdout } = await runner.run([prog.identity]);
    assert.equal(measurement.sandbox, 'full');
    const kv = keyValues(stdout);
    const uid = runner.sandbox.uidFor(SLOT);
    assert.ok(Number(kv.uid) >= 62_000, `uid ${kv.uid}`);
    assert.deepEqual(
      { uid: kv.uid, euid: kv.euid, gid: kv.gid, egid: kv.egid, groups: kv.groups },
      { uid: String(uid), euid: String(uid), gid: String(uid), egid: String(uid), groups: '0' },
    );
    assert.equal(kv.no_new_privs, '1');
    assert.equal(kv.setuid0, '-1', 'setuid(0) succeeded');
    assert.equal(kv.CapEff, '0000000000000000');
    assert.equal(kv.CapPrm, '0000000000000000');
  });

  test('/proc shows only the run\'s own processes', async (t) => {
    if (!needsSandbox(t)) return;
    const { stdout } = await runner.run([prog.proc]);
    const kv = keyValues(stdout);
    const pids = kv.pids.split(',').filter(Boolean);
    assert.ok(Number(kv.count) <= 3, `numeric /proc entries: ${kv.pids}`);
    assert.equal(kv.pid, '2', 'the program is pid 2 of its own PID namespace (init is 1)');
    assert.ok(pids.includes(kv.pid) && pids.includes(kv.child), `own pids ${kv.pid}, ${kv.child} not in ${kv.pids}`);
    await assertNoLeftovers();
  });

  test('the network namespace has only a downed loopback: no interface, no loopback connection', async (t) => {
    if (!needsSandbox(t)) return;
    const { stdout } = await runner.run([prog.net]);
    const kv = keyValues(stdout);
    assert.equal(kv.ifaces, 'lo', `interfaces: ${kv.ifaces}`);
    assert.equal(kv.lo_up, '0', 'loopback is up');
    assert.notEqual(kv.connect, 'ok', `connecting on 127.0.0.1 worked (bind: ${kv.bind})`);
  });

  test("runs are in their slot host's network namespace, which is not the judge's", { skip: isRoot ? false : 'slot hosts hold network namespaces only as root' }, async () => {
    const hostPid = await runner.sandbox.slotHost(SLOT).pid();
    const slotNet = readlinkSync(`/proc/${hostPid}/ns/net`);
    assert.notEqual(slotNet, readlinkSync('/proc/self/ns/net'));
    // A run's processes, seen from outside while it sleeps: in the slot's namespace.
    const controller = new AbortController();
    const run = runner.run([prog.nproc, 'hold'], { signal: controller.signal, wallMs: 10_000 });
    const seen = await eventuallyValue(() => programsUnder(hostPid).map((pid) => readlinkSync(`/proc/${pid}/ns/net`)));
    controller.abort();
    await assert.rejects(run, RunnerError);
    assert.deepEqual([...new Set(seen)], [slotNet]);
    await assertNoLeftovers();
  });

  test('a slot host killed in the middle of a run: that run fails on the judge side, the next run works', async (t) => {
    if (!needsSandbox(t)) return;
    const host = runner.sandbox.slotHost(SLOT);
    const before = await host.pid();
    const run = runner.run([prog.nproc, 'hold'], { wallMs: 10_000 });
    // Struck once the run's program is up (its processes are below the slot host).
    await eventuallyValue(() => programsUnder(before));
    process.kill(before, 'SIGKILL');
    await assert.rejects(run, (error: unknown) => error instanceof RunnerError && /slot host ended/.test(error.message));
    await assertNoLeftovers();
    const next = await runner.run([prog.cpu, 'sleep']);
    assert.equal(next.measurement.exitCode, 0);
    assert.notEqual(await host.pid(), before, 'a new slot host serves the next run');
  });

  test("a cancelled run ends that run only: its slot host serves the next one", async () => {
    const host = runner.sandbox.slotHost(SLOT);
    const before = await host.pid();
    const controller = new AbortController();
    const run = runner.run([prog.nproc, 'hold'], { signal: controller.signal, wallMs: 10_000 });
    setTimeout(() => controller.abort(), 200);
    await assert.rejects(run, (error: unknown) => error instanceof RunnerError && /cancelled/.test(error.message));
    const next = await runner.run([prog.cpu, 'sleep']);
    assert.equal(next.measurement.exitCode, 0);
    assert.equal(await host.pid(), before);
  });

  test('the root file system is read-only except /box; host folders are not there', async (t) => {
    if (!needsSandbox(t)) return;
    const { stdout, boxDir } = await runner.run([prog.readonly]);
    const kv = keyValues(stdout);
    const created = Object.entries(kv).filter(([k, v]) => k.startsWith('create ') && v === 'ok').map(([k]) => k.slice('create '.length));
    assert.deepEqual(created, ['/box'], stdout.toString());
    assert.equal(kv['create /'], 'Read-only file system');
    assert.equal(kv.cwd, '/box');
    for (const hidden of ['/.old', '/work', '/root', '/home', '/tmp']) assert.equal(kv[`exists ${hidden}`], 'no', `${hidden} is visible`);
    // The file written to /box is in the host's box folder, owned by the program's uid.
    const probe = join(boxDir, 'probe-file');
    assert.ok(existsSync(probe));
    const uid = runner.sandbox.uidFor(SLOT);
    if (uid !== null) assert.equal(statSync(probe).uid, uid);
  });

  test('RLIMIT_NPROC caps the processes of a run (8: the program and 7 children)', async (t) => {
    if (!needsSandbox(t)) return;
    const { stdout, measurement } = await runner.run([prog.nproc], { processes: 8 });
    const kv = keyValues(stdout);
    assert.equal(measurement.exitCode, 0);
    if (isRoot) {
      // Exact when the program has a uid of its own; in a user namespace the judge's other processes count too.
      assert.equal(kv.children, '7', stdout.toString());
    } else {
      assert.ok(Number(kv.children) < 8, stdout.toString());
    }
    assert.equal(kv.error, 'EAGAIN');
    await assertNoLeftovers();
  });

  test('CPU time is measured exactly: 300 ms busy is ~300 ms, 300 ms asleep is ~0 ms of CPU', async () => {
    const busy = await runner.run([prog.cpu, 'busy']);
    assert.ok(busy.measurement.cpuMs >= 250 && busy.measurement.cpuMs <= 450, `busy: ${JSON.stringify(busy.measurement)}`);
    assert.ok(Number(keyValues(busy.stdout).cpu) >= 300);
    const asleep = await runner.run([prog.cpu, 'sleep']);
    assert.ok(asleep.measurement.cpuMs < 50, `asleep: ${JSON.stringify(asleep.measurement)}`);
    assert.ok(asleep.measurement.wallMs >= 280, `asleep: ${JSON.stringify(asleep.measurement)}`);
    assert.equal(asleep.measurement.wallTimeout, false);
  });

  test('peak memory is measured: touching 100 MiB reports 100..120 MiB', async () => {
    const { measurement, stdout } = await runner.run([prog.memory]);
    assert.equal(measurement.exitCode, 0, stdout.toString());
    assert.ok(measurement.memoryKb >= 100 * 1024 && measurement.memoryKb <= 120 * 1024, `memoryKb ${measurement.memoryKb}`);
  });

  test('stdin and stdout go through files byte for byte (\\r, \\0, 0xff, no final newline); stderr apart', async () => {
    const input = Buffer.from([0x61, 0x0d, 0x0a, 0x00, 0x62, 0xfe, 0x20, 0x0a, 0x0a]);
    const { stdout, stderr, measurement } = await runner.run([prog.bytes], { stdin: input });
    assert.equal(measurement.exitCode, 0);
    const tail = Buffer.from([0x78, 0x0d, 0x0a, 0x79, 0x00, 0x7a, 0xff, 0x20, 0x09, 0x65, 0x6e, 0x64]);
    assert.deepEqual(stdout, Buffer.concat([input, tail]));
    assert.equal(stderr, 'to stderr\n');
  });

  test('exit codes, signals and the wall-clock backstop are reported', async () => {
    const exited = await runner.run([prog.status, 'exit3']);
    assert.deepEqual([exited.measurement.exitCode, exited.measurement.signal, exited.measurement.wallTimeout], [3, 0, false]);
    const crashed = await runner.run([prog.status, 'segv']);
    assert.deepEqual([crashed.measurement.exitCode, crashed.measurement.signal], [-1, 11]);
    const slept = await runner.run([prog.status, 'sleep'], { wallMs: 500 });
    assert.equal(slept.measurement.wallTimeout, true);
    assert.equal(slept.measurement.signal, 9);
    assert.ok(slept.measurement.wallMs >= 500 && slept.measurement.wallMs < 1500, `wallMs ${slept.measurement.wallMs}`);
    await assertNoLeftovers();
  });

  test('rlimits are applied: CPU (a backstop a whole second above the limit, +1 s hard), address space, file size, processes, stack, core', async () => {
    const { stdout } = await runner.run([prog.limits], { cpuMs: 1500, memKb: 64 * 1024, fileSizeBytes: 12345, processes: 9 });
    const kv = keyValues(stdout);
    assert.equal(kv.cpu, '3/4');
    assert.equal(kv.as, `${64 * 1024 * 1024}/${64 * 1024 * 1024}`);
    assert.equal(kv.fsize, '12345/12345');
    assert.equal(kv.nproc, '9/9');
    assert.equal(kv.stack, 'inf/inf', '--stack-kb 0 means an unlimited stack');
    assert.equal(kv.core, '0/0');
    const small = keyValues((await runner.run([prog.limits], { stackKb: 1024 })).stdout);
    assert.equal(small.stack, `${1024 * 1024}/${1024 * 1024}`);
  });

  test('the environment is exactly the one given (nothing of the judge leaks)', async () => {
    const env = ['PATH=/usr/bin:/bin', 'HOME=/box', 'ONLY_THIS=1'];
    const { stdout } = await runner.run([prog.env], { env });
    assert.deepEqual(stdout.toString().split('\n').filter(Boolean).sort(), [...env].sort());
  });

  test('a memory cgroup caps the run\'s processes together: six children of 200 MiB under a 300 MiB cap', async (t) => {
    if (!runner.sandbox.info.memoryCgroup) {
      t.skip(`no memory cgroup here (${runner.sandbox.info.description}): memory is capped per process only`);
      return;
    }
    const capped = await runner.run([prog.forkhog], { groupMemKb: 300 * 1024, wallMs: 10_000 });
    assert.equal(capped.measurement.memoryKilled, true, JSON.stringify(capped.measurement));
    assert.ok(Number(keyValues(capped.stdout).killed) >= 4, capped.stdout.toString());
    assert.ok(capped.measurement.groupMemoryKb <= 300 * 1024, `group peak ${capped.measurement.groupMemoryKb} KiB`);
    // The same program under a cap that fits: nothing killed, the peak is the children's sum.
    const fits = await runner.run([prog.forkhog], { groupMemKb: 1536 * 1024, wallMs: 10_000 });
    assert.equal(fits.measurement.memoryKilled, false, JSON.stringify(fits.measurement));
    assert.equal(keyValues(fits.stdout).killed, '0');
    assert.ok(fits.measurement.groupMemoryKb >= 6 * 200 * 1024, `group peak ${fits.measurement.groupMemoryKb} KiB`);
    await assertNoLeftovers();
    // The slot's group is reused run after run: only its slot host is left in it between runs (a
    // run's runner and init leave it just after the result, while the kernel tears the run's
    // namespaces down), and its peak is counted per run.
    const cgroup = (await runner.sandbox.placement(SLOT))!.cgroupDir!;
    const hostOnly = `${await runner.sandbox.slotHost(SLOT).pid()}\n`;
    await eventually(async () => (readFileSync(join(cgroup, 'cgroup.procs'), 'utf8') === hostOnly ? true : undefined), 5000, 'only the slot host left in the slot\'s group');
    const small = await runner.run([prog.cpu, 'sleep'], { groupMemKb: 300 * 1024 });
    assert.equal(small.measurement.memoryKilled, false, 'an earlier run\'s kill is not this one\'s');
    assert.ok(small.measurement.groupMemoryKb < 100 * 1024, `peak ${small.measurement.groupMemoryKb} KiB: the earlier runs' peak is not this one's`);
  });

  test('aborting a run kills it and everything it started', async () => {
    const controller = new AbortController();
    const start = performance.now();
    // Forks children that wait forever, then sleeps itself.
    const run = runner.run([prog.nproc, 'hold'], { signal: controller.signal, wallMs: 10_000 });
    setTimeout(() => controller.abort(), 300);
    await assert.rejects(run, (error: unknown) => error instanceof RunnerError && /cancelled/.test(error.message));
    assert.ok(performance.now() - start < 3000);
    await assertNoLeftovers();
  });
});

const engineSkip = !isRoot ? 'needs root' : process.env.VERDICT_SANDBOX === 'none' ? 'the sandbox is disabled (VERDICT_SANDBOX=none)' : false;

describe('sandbox: judged submissions get the same sandbox', { skip: engineSkip }, () => {
  let engine: JudgeEngine;

  before(async () => {
    engine = await JudgeEngine.start({ workers: 2 });
  });

  after(async () => {
    await engine?.close();
  });

  test('a submission sees its uid, its own /proc, a read-only /prog, no network and only its environment', async () => {
    const problem = tinyProblem({ tests: { '1': ['', 'ok\n'] }, timeLimitMs: 1000 });
    try {
      const source = String.raw`#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
int main(void) {
  int bad = 0;
  if (getuid() < 62000) { printf("uid %d\n", (int)getuid()); bad++; }
  if (getpid() != 2) { printf("pid %d\n", (int)getpid()); bad++; }
  DIR *d = opendir("/proc");
  struct dirent *e;
  int n = 0;
  while (d && (e = readdir(d))) n += isdigit((unsigned char)e->d_name[0]) ? 1 : 0;
  if (n > 3) { printf("proc entries %d\n", n); bad++; }
  if (open("/prog/x", O_CREAT | O_WRONLY, 0644) >= 0 || errno != EROFS) { printf("/prog writable (%s)\n", strerror(errno)); bad++; }
  if (access("/prog/main", X_OK) != 0) { puts("/prog/main missing"); bad++; }
  const char *home = getenv("HOME");
  if (!home || strcmp(home, "/box") || getenv("VERDICT_SANDBOX") || getenv("NODE_OPTIONS") || getenv("USER")) { puts("environment"); bad++; }
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(53);
  a.sin_addr.s_addr = htonl(0x01010101);
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(s, (struct sockaddr *)&a, sizeof a) == 0) { puts("network"); bad++; }
  if (!bad) puts("ok");
  return 0;
}
`;
      const result = await engine.judge(problem.job('main.c', source, 'c'));
      assert.equal(result.verdict, 'AC', JSON.stringify(result.tests[0] ?? result));
      const left = await waitForNoLeftovers(engine.host.pid!, 1000);
      assert.deepEqual(left, []);
    } finally {
      problem.dispose();
    }
  });

  // With sched_autogroup the CPU is shared between sessions before niceness counts, and each slot host
  // is a session of its own (its pty): a judged program at nice 10 took half of a contended CPU from the
  // server, and a burst of submissions waited for it.
  test("a judged program yields to the server: its session's scheduling group has the judgehost's niceness", { skip: existsSync('/proc/self/autogroup') ? false : 'this kernel does not group processes by session (no /proc/self/autogroup)' }, async () => {
    const problem = tinyProblem({ tests: { '1': ['', 'process 10 group 10\n'] }, timeLimitMs: 1000 });
    try {
      const source = String.raw`#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
int main(void) {
  char line[128] = "";
  FILE *f = fopen("/proc/self/autogroup", "r");
  if (!f || !fgets(line, sizeof line, f)) { puts("no /proc/self/autogroup"); return 0; }
  const char *group = strstr(line, "nice ");
  printf("process %d group %s", getpriority(PRIO_PROCESS, 0), group ? group + 5 : line);
  return 0;
}
`;
      const result = await engine.judge(problem.job('main.c', source, 'c'));
      assert.equal(result.verdict, 'AC', JSON.stringify(result.tests[0] ?? result));
    } finally {
      problem.dispose();
    }
  });
});
