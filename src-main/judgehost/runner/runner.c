/*
 * verdict-runner: runs one program under limits and reports exactly what it used.
 *
 * Node cannot measure a child's CPU time or peak memory (no rusage of children, and ru_maxrss
 * inherits the parent's size at fork), so every compile and test run goes through this tiny
 * process. The pty it runs under only shows the live tail of the program's stdout/stderr. Graded
 * I/O goes through files, never the pty. The result is written as one JSON object to --result
 * (a slot host's runs: into a pipe the slot host relays), so nothing a program prints can forge it.
 *
 * Two modes, one per-run code path (run_main):
 *   one-shot:  `verdict-runner [options] -- prog args` runs one program (validators, tests, probes).
 *   slot host: `verdict-runner --slot-host --control SOCKET [--cgroup D] [--hold-net] [--cpu N]`,
 *              started once per worker slot by the judgehost under a pty: it joins the slot's memory
 *              cgroup, pins itself to the slot's CPU and makes the slot's network namespace once,
 *              then forks a run (run_main in the child) per request read from the control socket,
 *              so a run costs a fork of this small process instead of a fork of the judgehost, a
 *              namespace join, a cgroup move and a CPU migration. The run's result comes back with
 *              the reply as soon as init reports, before the namespaces' teardown.
 *
 * Process tree (sandbox on):
 *   [slot host (pty session leader)]                    -- forks one runner per request
 *     runner                                            -- watchdog, reporter
 *       `- init    (pid 1 of a fresh PID namespace)     -- mounts, then waits; its exit kills the ns
 *            `- program (pid 2, unprivileged, rlimits)  -- execve(argv)
 * When init exits, the kernel SIGKILLs every process left in the namespace, including ones that
 * called setsid() or double-forked, so nothing of a submission survives its run.
 *
 * Sandbox modes:
 *   full (root):    PID + mount + IPC + UTS namespaces, a minimal read-only root (pivot_root),
 *                   uid/gid switch; the slot host's empty network namespace (a new one per run in
 *                   one-shot mode).
 *   full (no root): the same inside a new user namespace; a new network namespace per run;
 *                   the program keeps the judge's uid (mapped), so file permissions rely on the
 *                   minimal root alone.
 *   none:           rlimits and a process group only (used for trusted judge programs such as
 *                   output validators, and where namespaces are unavailable).
 *
 * Interactive runs (--interactor): the runner also starts the problem's interactor (trusted judge
 * code: no sandbox, a CPU limit, its own process group) with the program's stdout as its stdin and
 * its stdout as the program's stdin, and reports its exit status and whether it ended first.
 *
 * Memory cgroup (--cgroup, root with a cgroup v1 memory hierarchy): RLIMIT_AS bounds each process,
 * so a program that forks could use NPROC times the limit. With --cgroup (the worker slot's own
 * group: creating one per run costs ~0.5 ms) the runner caps the memory of every process of the
 * run together at --cgroup-mem-kb and reports whether the kernel had to kill for memory. A slot
 * host lives in its slot's group, so its runs are born there; a run for another group (compiles
 * use the slot's build group) has its init moved there before the program starts.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif
/* close_range(2) flag (Linux 5.11): mark close-on-exec instead of closing. */
#define CLOSE_RANGE_CLOEXEC_FLAG 4U

#define MAX_BINDS 32
#define MAX_ENV 64
#define MAX_INTERACTOR_ARGS 64
/* How often the watchdog wakes to forward the live tail to the pty (ms). */
#define TAIL_INTERVAL_MS 50
/* Building a run's sandbox (namespaces, mounts, cgroup) that takes longer than this is a judge-side
   failure, reported as such: never a time limit charged to the program. */
#define SETUP_TIMEOUT_MS 20000
/* How much of a run's output is forwarded to the pty at most: the live view is a preview. */
#define DEFAULT_TAIL_BYTES (64 * 1024)

struct bind { const char *src; const char *dst; int writable; };
/* --seccomp: which system-call filter (install_seccomp) a run gets; 0: none (judge code). */
#define SECCOMP_COMPILER 1
#define SECCOMP_PROGRAM 2

static struct {
  long cpu_ms, wall_ms, mem_kb, fsize_bytes, nproc, stack_kb;
  const char *stdin_path, *stdout_path, *stderr_path, *result_path, *cwd, *root;
  const char *box;
  const char *cgroup; long cgroup_mem_kb; /* the slot's memory cgroup, and the run's cap in it */
  char *interactor[MAX_INTERACTOR_ARGS + 1]; int ninteractor; /* argv of the interactor, if any */
  const char *interactor_cwd, *interactor_stderr; long interactor_cpu_ms;
  long box_tmpfs_kb; /* > 0: /box is a fresh tmpfs of this size instead of a bound host folder */
  int sandbox; /* 0 none, 1 full */
  int seccomp; /* SECCOMP_COMPILER, SECCOMP_PROGRAM (also no file locks), or 0 */
  int uid, gid;
  long tail_bytes;
  struct bind binds[MAX_BINDS]; int nbinds;
  char *env[MAX_ENV + 1]; int nenv;
  char **argv;
} opt = { .cpu_ms = 1000, .wall_ms = 0, .mem_kb = 0, .fsize_bytes = 0, .nproc = 0, .stack_kb = -1,
          .uid = -1, .gid = -1, .tail_bytes = DEFAULT_TAIL_BYTES };

/* Set by the slot host, seen by the runs it forks: they are in its network namespace already (no
   namespace of their own needed), and born in its memory cgroup (no move needed for that group). */
static int slot_net_held;
static const char *slot_cgroup;
static int oom_protected; /* the slot host lowered its OOM score (its runs' inits raise theirs back) */

static int err_pipe[2] = { -1, -1 }; /* child -> runner: setup error text */
/* Interactive runs: the interactor's ends of the two pipes (init must not hold them open, or the
   program would never see end-of-file when the interactor exits). */
static int interactor_in = -1, interactor_out = -1;
static int life_pipe[2] = { -1, -1 }; /* only the runner holds the write end: init sees it die */
static int status_pipe[2] = { -1, -1 }; /* init -> runner: how the program ended */
/* A slot host's run writes its result into this pipe (the slot host relays it with its reply)
   instead of a --result file; -1 in one-shot mode. Only the runner holds it: init and the
   interactor's monitor close their copies, the program never has one (close-on-exec). */
static int result_fd = -1;
static int report_pipe[2] = { -1, -1 }; /* interactor's monitor -> runner: how the interactor ended */

/* How a process ended, told by the process that waited for it, with the moment it saw it. For the
   interactor also whether the program's output had closed by then (the program ended, or at least
   stopped talking, first): which of the two ended first decides an interactive verdict. Exit times
   alone cannot tell: a program's output closes when it dies, but the process is seen to end only
   after its teardown, and an interactor answering end-of-file can be gone before that. */
struct end_report { int status; long long end_us; long cpu_ms; int output_watched; int output_closed_first; long maxrss_kb; };
/* Without a pidfd to watch the program's output: the interactor counts as first only this much
   before the program was seen to end. */
#define ENDED_FIRST_MARGIN_US 2000

static void json_str(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') { fputc('\\', f); fputc(c, f); }
    else if (c < 0x20) fprintf(f, "\\u%04x", c);
    else fputc(c, f);
  }
  fputc('"', f);
}

/* Where the result goes: the slot host's pipe, the --result file, or `fallback`. */
static FILE *open_result(FILE *fallback) {
  if (result_fd >= 0) return fdopen(result_fd, "w");
  return opt.result_path ? fopen(opt.result_path, "w") : fallback;
}

static void write_result_error(const char *msg) {
  FILE *f = open_result(stderr);
  if (!f) f = stderr;
  fputs("{\"error\":", f); json_str(f, msg); fputs("}\n", f);
  if (f != stderr) fclose(f);
}

static void die_setup(const char *fmt, ...) {
  char buf[512];
  va_list ap; va_start(ap, fmt); vsnprintf(buf, sizeof buf, fmt, ap); va_end(ap);
  write_result_error(buf);
  exit(2);
}

/* In a child: report a setup failure to the runner through the error pipe, then exit. */
static void child_fail(const char *fmt, ...) {
  char buf[512];
  va_list ap; va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap); va_end(ap);
  if (n > (int)sizeof buf - 1) n = sizeof buf - 1;
  if (err_pipe[1] >= 0) { ssize_t w = write(err_pipe[1], buf, (size_t)n); (void)w; }
  _exit(127);
}

static long long now_us(void) {
  struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static long cpu_ms_of(const struct rusage *ru) {
  return ru->ru_utime.tv_sec * 1000L + ru->ru_utime.tv_usec / 1000L + ru->ru_stime.tv_sec * 1000L + ru->ru_stime.tv_usec / 1000L;
}

/* The CPU time so far of a process (all its threads), from its CPU clock; -1 when it cannot be read. */
static long process_cpu_ms(pid_t pid) {
  clockid_t clock; struct timespec t;
  if (clock_getcpuclockid(pid, &clock) != 0 || clock_gettime(clock, &t) != 0) return -1;
  return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static long now_ms(void) {
  struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static long parse_long(const char *s, const char *name) {
  char *end; errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || *end || v < 0) die_setup("bad value for %s: %s", name, s);
  return v;
}

static void usage(void) {
  die_setup("usage: verdict-runner [--cpu-ms N] [--wall-ms N] [--mem-kb N] [--fsize N] [--nproc N] "
            "[--stdin F] [--stdout F] [--stderr F] [--result F] [--cwd D] [--sandbox full|none] "
            "[--root D] [--box D | --box-tmpfs-kb N] [--bind SRC:DST[:rw]] [--seccomp compiler|program] [--uid N] [--gid N] [--env K=V] "
            "[--cgroup D --cgroup-mem-kb N] [--interactor P [--interactor-arg A]... --interactor-cwd D "
            "--interactor-stderr F --interactor-cpu-ms N] -- prog args");
}

static void parse_args(int argc, char **argv) {
  int i;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) { i++; break; }
    if (i + 1 >= argc) usage();
    const char *v = argv[++i];
    if (!strcmp(a, "--cpu-ms")) opt.cpu_ms = parse_long(v, a);
    else if (!strcmp(a, "--wall-ms")) opt.wall_ms = parse_long(v, a);
    else if (!strcmp(a, "--mem-kb")) opt.mem_kb = parse_long(v, a);
    else if (!strcmp(a, "--stack-kb")) opt.stack_kb = parse_long(v, a);
    else if (!strcmp(a, "--fsize")) opt.fsize_bytes = parse_long(v, a);
    else if (!strcmp(a, "--nproc")) opt.nproc = parse_long(v, a);
    else if (!strcmp(a, "--tail-bytes")) opt.tail_bytes = parse_long(v, a);
    else if (!strcmp(a, "--stdin")) opt.stdin_path = v;
    else if (!strcmp(a, "--stdout")) opt.stdout_path = v;
    else if (!strcmp(a, "--stderr")) opt.stderr_path = v;
    else if (!strcmp(a, "--result")) opt.result_path = v;
    else if (!strcmp(a, "--cwd")) opt.cwd = v;
    else if (!strcmp(a, "--root")) opt.root = v;
    else if (!strcmp(a, "--box")) opt.box = v;
    else if (!strcmp(a, "--box-tmpfs-kb")) opt.box_tmpfs_kb = parse_long(v, a);
    else if (!strcmp(a, "--cgroup")) opt.cgroup = v;
    else if (!strcmp(a, "--seccomp")) {
      if (!strcmp(v, "compiler")) opt.seccomp = SECCOMP_COMPILER;
      else if (!strcmp(v, "program")) opt.seccomp = SECCOMP_PROGRAM;
      else usage();
    }
    else if (!strcmp(a, "--interactor") || !strcmp(a, "--interactor-arg")) {
      if (opt.ninteractor >= MAX_INTERACTOR_ARGS) die_setup("too many interactor arguments");
      if (!strcmp(a, "--interactor") && opt.ninteractor > 0) die_setup("--interactor given twice");
      if (!strcmp(a, "--interactor-arg") && opt.ninteractor == 0) die_setup("--interactor-arg before --interactor");
      opt.interactor[opt.ninteractor++] = (char *)v;
    }
    else if (!strcmp(a, "--interactor-cwd")) opt.interactor_cwd = v;
    else if (!strcmp(a, "--interactor-stderr")) opt.interactor_stderr = v;
    else if (!strcmp(a, "--interactor-cpu-ms")) opt.interactor_cpu_ms = parse_long(v, a);
    else if (!strcmp(a, "--cgroup-mem-kb")) opt.cgroup_mem_kb = parse_long(v, a);
    else if (!strcmp(a, "--uid")) opt.uid = (int)parse_long(v, a);
    else if (!strcmp(a, "--gid")) opt.gid = (int)parse_long(v, a);
    else if (!strcmp(a, "--sandbox")) {
      if (!strcmp(v, "full")) opt.sandbox = 1;
      else if (!strcmp(v, "none")) opt.sandbox = 0;
      else usage();
    } else if (!strcmp(a, "--env")) {
      if (opt.nenv >= MAX_ENV) die_setup("too many --env");
      opt.env[opt.nenv++] = (char *)v;
    } else if (!strcmp(a, "--bind")) {
      if (opt.nbinds >= MAX_BINDS) die_setup("too many --bind");
      char *s = strdup(v), *c1 = strchr(s, ':');
      if (!c1) die_setup("--bind needs SRC:DST");
      *c1 = 0;
      char *c2 = strchr(c1 + 1, ':');
      int rw = 0;
      if (c2) { *c2 = 0; rw = !strcmp(c2 + 1, "rw"); }
      opt.binds[opt.nbinds++] = (struct bind){ s, c1 + 1, rw };
    } else usage();
  }
  if (i >= argc) usage();
  opt.argv = argv + i;
  opt.env[opt.nenv] = NULL;
  opt.interactor[opt.ninteractor] = NULL;
  if (!opt.wall_ms) opt.wall_ms = opt.cpu_ms * 2 + 1000;
  if (opt.cgroup && opt.cgroup_mem_kb <= 0) die_setup("--cgroup needs --cgroup-mem-kb");
}

/* ---------- the run's memory cgroup (cgroup v1 memory controller) ---------- */

static const char *cg_dir;
/* The group's count of kernel memory kills before this run (a slot's group outlives its runs). */
static long cg_kills_before;

static void cg_write(const char *file, const char *value, int optional) {
  char path[600]; snprintf(path, sizeof path, "%s/%s", cg_dir, file);
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0 && optional && errno == ENOENT) return;
  if (fd < 0 || write(fd, value, strlen(value)) < 0) {
    int e = errno;
    if (fd >= 0) close(fd);
    die_setup("memory cgroup %s: %s", path, strerror(e));
  }
  close(fd);
}

static long cg_read_number(const char *file, const char *key) {
  char path[600]; snprintf(path, sizeof path, "%s/%s", cg_dir, file);
  char buf[1024]; int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  ssize_t n = read(fd, buf, sizeof buf - 1); close(fd);
  if (n <= 0) return -1;
  buf[n] = 0;
  if (!key) return strtol(buf, NULL, 10);
  size_t klen = strlen(key);
  char *line = buf;
  while (line) {
    if (!strncmp(line, key, klen) && line[klen] == ' ') return strtol(line + klen + 1, NULL, 10);
    line = strchr(line, '\n');
    if (line) line++;
  }
  return -1;
}

/* Sets the run's memory cap (swap included where the kernel accounts it) and starts its peak anew. */
static void cg_prepare(void) {
  cg_dir = opt.cgroup;
  char bytes[32]; snprintf(bytes, sizeof bytes, "%ld", opt.cgroup_mem_kb * 1024L);
  /* memsw must stay >= the limit: raise it first when growing, lower it last when shrinking. */
  cg_write("memory.memsw.limit_in_bytes", "-1", 1);
  cg_write("memory.limit_in_bytes", bytes, 0);
  cg_write("memory.memsw.limit_in_bytes", bytes, 1);
  cg_write("memory.max_usage_in_bytes", "0", 0);
  cg_kills_before = cg_read_number("memory.oom_control", "oom_kill");
}

/* After the run: whether the kernel killed for memory during it, and the peak (KiB). */
static void cg_finish(int *oom_killed, long *peak_kb) {
  long kills = cg_read_number("memory.oom_control", "oom_kill");
  long peak = cg_read_number("memory.max_usage_in_bytes", NULL);
  *oom_killed = kills > cg_kills_before;
  *peak_kb = peak > 0 ? peak / 1024 : 0;
}

/* ---------- sandbox construction (runs in init, pid 1 of the new namespace) ---------- */

static void mkdir_p(const char *path, mode_t mode) {
  char buf[4096];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++) {
    if (*p == '/') { *p = 0; mkdir(buf, mode); *p = '/'; }
  }
  mkdir(buf, mode);
}

static void bind_into(const char *newroot, const char *src, const char *dst, int writable) {
  char target[4096];
  struct stat st;
  if (lstat(src, &st) < 0) return; /* optional system paths (e.g. /lib64) may not exist */
  snprintf(target, sizeof target, "%s%s", newroot, dst);
  if (S_ISLNK(st.st_mode)) {
    /* /bin -> usr/bin on merged-usr systems: recreate the link instead of mounting. */
    char link[4096]; ssize_t n = readlink(src, link, sizeof link - 1);
    if (n < 0) child_fail("readlink %s: %s", src, strerror(errno));
    link[n] = 0;
    char parent[4096]; snprintf(parent, sizeof parent, "%s", target);
    char *slash = strrchr(parent, '/'); if (slash) { *slash = 0; mkdir_p(parent, 0755); }
    if (symlink(link, target) < 0 && errno != EEXIST) child_fail("symlink %s: %s", target, strerror(errno));
    return;
  }
  if (S_ISDIR(st.st_mode)) mkdir_p(target, 0755);
  else {
    char parent[4096]; snprintf(parent, sizeof parent, "%s", target);
    char *slash = strrchr(parent, '/'); if (slash) { *slash = 0; mkdir_p(parent, 0755); }
    int fd = open(target, O_CREAT | O_WRONLY, 0644); if (fd >= 0) close(fd);
  }
  if (mount(src, target, NULL, MS_BIND | MS_REC, NULL) < 0)
    child_fail("bind %s: %s", src, strerror(errno));
  unsigned long fl = MS_BIND | MS_REMOUNT | MS_NOSUID | MS_NODEV | (writable ? 0 : MS_RDONLY);
  if (mount(NULL, target, NULL, fl, NULL) < 0) {
    /* In a user namespace, locked flags of the original mount must be kept: retry without nodev. */
    fl &= ~MS_NODEV;
    if (mount(NULL, target, NULL, fl, NULL) < 0) child_fail("remount %s: %s", target, strerror(errno));
  }
}

static void build_root(void) {
  const char *r = opt.root;
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) child_fail("make / private: %s", strerror(errno));
  if (mount("verdict", r, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=755") < 0)
    child_fail("tmpfs root %s: %s", r, strerror(errno));
  static const char *system_dirs[] = { "/usr", "/bin", "/lib", "/lib64", "/lib32", "/sbin", "/etc", NULL };
  for (int i = 0; system_dirs[i]; i++) bind_into(r, system_dirs[i], system_dirs[i], 0);
  for (int i = 0; i < opt.nbinds; i++) bind_into(r, opt.binds[i].src, opt.binds[i].dst, opt.binds[i].writable);
  if (opt.box_tmpfs_kb > 0) {
    /* A size-capped, private /box: a program cannot fill the judge's disk with many small files,
       and nothing it writes outlives the run. */
    char box[4096], data[128];
    snprintf(box, sizeof box, "%s/box", r); mkdir(box, 0755);
    snprintf(data, sizeof data, "size=%ldk,nr_inodes=4096,mode=0755,uid=%d,gid=%d", opt.box_tmpfs_kb,
             opt.uid >= 0 ? opt.uid : (int)getuid(), opt.gid >= 0 ? opt.gid : (int)getgid());
    if (mount("box", box, "tmpfs", MS_NOSUID | MS_NODEV, data) < 0) child_fail("tmpfs /box: %s", strerror(errno));
  } else if (opt.box) bind_into(r, opt.box, "/box", 1);

  char path[4096];
  /* A minimal /dev: only harmless character devices. */
  snprintf(path, sizeof path, "%s/dev", r); mkdir(path, 0755);
  static const char *devs[] = { "/dev/null", "/dev/zero", "/dev/urandom", "/dev/random", NULL };
  for (int i = 0; devs[i]; i++) {
    char t[4096]; snprintf(t, sizeof t, "%s%s", r, devs[i]);
    int fd = open(t, O_CREAT | O_WRONLY, 0666); if (fd >= 0) close(fd);
    if (mount(devs[i], t, NULL, MS_BIND, NULL) < 0) child_fail("bind %s: %s", devs[i], strerror(errno));
  }
  /* /proc of the new PID namespace: the program sees only itself. */
  snprintf(path, sizeof path, "%s/proc", r); mkdir(path, 0555);
  if (mount("proc", path, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, "hidepid=2") < 0 &&
      mount("proc", path, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
    child_fail("mount proc: %s", strerror(errno));
  snprintf(path, sizeof path, "%s/.old", r); mkdir(path, 0700);
  if (syscall(SYS_pivot_root, r, path) < 0) child_fail("pivot_root: %s", strerror(errno));
  if (chdir("/") < 0) child_fail("chdir /: %s", strerror(errno));
  if (umount2("/.old", MNT_DETACH) < 0) child_fail("umount old root: %s", strerror(errno));
  rmdir("/.old");
  /* The tmpfs root itself becomes read-only: writes go to /box only. */
  if (mount(NULL, "/", NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) < 0)
    child_fail("remount / read-only: %s", strerror(errno));
}

static void set_limit(int res, rlim_t soft, rlim_t hard) {
  struct rlimit rl = { soft, hard };
  if (setrlimit(res, &rl) < 0) child_fail("setrlimit %d: %s", res, strerror(errno));
}

/* ---------- seccomp: the kernel surface a program or compiler may not touch ---------- */

#if defined(__x86_64__)
#define NATIVE_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif
#ifndef __X32_SYSCALL_BIT
#define __X32_SYSCALL_BIT 0x40000000
#endif

/* Refused with EPERM (not killed: runtimes probe some of these and must carry on). */
static const long DENIED_SYSCALLS[] = {
  SYS_unshare, SYS_setns, SYS_mount, SYS_umount2, SYS_pivot_root, SYS_chroot,
  SYS_ptrace, SYS_process_vm_readv, SYS_process_vm_writev,
  SYS_bpf, SYS_perf_event_open, SYS_userfaultfd,
  SYS_keyctl, SYS_add_key, SYS_request_key,
  SYS_init_module, SYS_finit_module, SYS_delete_module, SYS_kexec_load,
  SYS_reboot, SYS_swapon, SYS_swapoff, SYS_acct, SYS_quotactl, SYS_syslog, SYS_vhangup,
  SYS_settimeofday, SYS_clock_settime, SYS_adjtimex, SYS_clock_adjtime,
  SYS_open_by_handle_at, SYS_name_to_handle_at, SYS_lookup_dcookie,
  /* Watching files shared with other runs (/etc, the toolchain) is a channel between teams. */
  SYS_inotify_init, SYS_inotify_init1, SYS_fanotify_init,
  /* A run stays on its worker slot's CPU: a neighbour cannot take another slot's CPU. */
  SYS_sched_setaffinity,
#ifdef SYS_kexec_file_load
  SYS_kexec_file_load,
#endif
#ifdef SYS_io_uring_setup
  SYS_io_uring_setup, SYS_io_uring_enter, SYS_io_uring_register,
#endif
#ifdef SYS_fsopen
  SYS_fsopen, SYS_fsconfig, SYS_fsmount, SYS_fspick, SYS_move_mount, SYS_open_tree,
#endif
#ifdef SYS_mount_setattr
  SYS_mount_setattr,
#endif
#ifdef SYS_iopl
  SYS_iopl, SYS_ioperm,
#endif
};

/* A program may not lock files: every run sees the same /etc and toolchain files, and a lock one
   run holds is seen by another (flock, POSIX and open-file-description locks alike), a channel
   between teams. Refused with ENOLCK ("no locks available"), which runtimes treat as locking not
   supported. Compilers keep locks (toolchains may lock their own caches; what a compiler does is
   not the team's code). */
#ifndef F_OFD_GETLK
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#endif
static const unsigned LOCKING_FCNTL_COMMANDS[] = { F_GETLK, F_SETLK, F_SETLKW, F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW };

/* clone() flags that would make new namespaces: a program gets no user namespace (and so no
   capabilities inside one), no mount or network namespace of its own. */
#define NAMESPACE_CLONE_FLAGS (CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP | 0x00000080 /* CLONE_NEWTIME */)

static void install_seccomp(void) {
#ifdef NATIVE_AUDIT_ARCH
  struct sock_filter f[160]; unsigned n = 0;
#define STMT(code, k) (f[n++] = (struct sock_filter)BPF_STMT(code, k))
#define JUMP(code, k, jt, jf) (f[n++] = (struct sock_filter)BPF_JUMP(code, k, jt, jf))
  const unsigned deny = SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA);
  /* Another architecture's system calls (i386's int 0x80 on x86_64) would bypass the numbers below. */
  STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_AUDIT_ARCH, 1, 0);
  STMT(BPF_RET | BPF_K, deny);
  STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  JUMP(BPF_JMP | BPF_JGE | BPF_K, __X32_SYSCALL_BIT, 0, 1);
  STMT(BPF_RET | BPF_K, deny);
  for (size_t i = 0; i < sizeof DENIED_SYSCALLS / sizeof *DENIED_SYSCALLS; i++) {
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)DENIED_SYSCALLS[i], 0, 1);
    STMT(BPF_RET | BPF_K, deny);
  }
#ifdef SYS_clone3
  /* clone3's flags are in memory, out of the filter's reach: ENOSYS makes libc fall back to clone. */
  JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone3, 0, 1);
  STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (ENOSYS & SECCOMP_RET_DATA));
#endif
  if (opt.seccomp == SECCOMP_PROGRAM) {
    const unsigned no_locks = SECCOMP_RET_ERRNO | (ENOLCK & SECCOMP_RET_DATA);
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_flock, 0, 1);
    STMT(BPF_RET | BPF_K, no_locks);
    const unsigned ncmds = sizeof LOCKING_FCNTL_COMMANDS / sizeof *LOCKING_FCNTL_COMMANDS;
    /* fcntl: its command (args[1]) is one of the locking ones -> refused; else on to the rest. */
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_fcntl, 0, ncmds + 3);
    STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[1]));
    for (unsigned i = 0; i < ncmds; i++) JUMP(BPF_JMP | BPF_JEQ | BPF_K, LOCKING_FCNTL_COMMANDS[i], ncmds - i, 0);
    STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    STMT(BPF_RET | BPF_K, no_locks);
    /* The accumulator holds args[1] now: load the number again for the checks below. */
    STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  }
  JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 0, 3);
  STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])); /* the flags' low 32 bits */
  JUMP(BPF_JMP | BPF_JSET | BPF_K, NAMESPACE_CLONE_FLAGS, 0, 1);
  STMT(BPF_RET | BPF_K, deny);
  STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
#undef STMT
#undef JUMP
  struct sock_fprog prog = { (unsigned short)n, f };
  if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0) child_fail("seccomp: %s", strerror(errno));
#endif
}

/* Runs in the program process just before execve. */
static void exec_program(int in_fd, int out_fd, int errf_fd) {
  if (in_fd >= 0 && dup2(in_fd, 0) < 0) child_fail("dup2 stdin: %s", strerror(errno));
  if (out_fd >= 0 && dup2(out_fd, 1) < 0) child_fail("dup2 stdout: %s", strerror(errno));
  if (errf_fd >= 0 && dup2(errf_fd, 2) < 0) child_fail("dup2 stderr: %s", strerror(errno));
  /* The program gets 0-2 and nothing else: the originals go now, and anything else left open is
     closed at exec (the error pipe stays usable until then). */
  if (in_fd > 2) close(in_fd);
  if (out_fd > 2) close(out_fd);
  if (errf_fd > 2) close(errf_fd);
  syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC_FLAG);
  if (opt.cwd && chdir(opt.cwd) < 0) child_fail("chdir %s: %s", opt.cwd, strerror(errno));

  /* The runner stops the program when its measured CPU time passes the limit. RLIMIT_CPU (whole
     seconds, checked by the kernel at its own pace) is only a backstop a second above it, so that it
     never decides a verdict: SIGXCPU at the first whole second past limit + 1 s, SIGKILL a second later. */
  rlim_t cpu_s = (rlim_t)((opt.cpu_ms + 999) / 1000) + 1;
  set_limit(RLIMIT_CPU, cpu_s, cpu_s + 1);
  if (opt.mem_kb > 0) set_limit(RLIMIT_AS, (rlim_t)opt.mem_kb * 1024, (rlim_t)opt.mem_kb * 1024);
  if (opt.stack_kb >= 0) {
    rlim_t s = opt.stack_kb ? (rlim_t)opt.stack_kb * 1024 : RLIM_INFINITY;
    struct rlimit rl = { s, s };
    setrlimit(RLIMIT_STACK, &rl); /* best effort: the hard limit may be lower */
  }
  if (opt.fsize_bytes > 0) set_limit(RLIMIT_FSIZE, (rlim_t)opt.fsize_bytes, (rlim_t)opt.fsize_bytes);
  set_limit(RLIMIT_CORE, 0, 0);
  set_limit(RLIMIT_MEMLOCK, 0, 0);
  set_limit(RLIMIT_MSGQUEUE, 0, 0);

  if (opt.gid >= 0) {
    if (setgroups(0, NULL) < 0) child_fail("setgroups: %s", strerror(errno));
    if (setresgid(opt.gid, opt.gid, opt.gid) < 0) child_fail("setgid: %s", strerror(errno));
  }
  /* RLIMIT_NPROC counts processes of the real uid: set it after choosing the uid's identity but
     before becoming it (the limit is checked on fork, not here). */
  if (opt.nproc > 0) set_limit(RLIMIT_NPROC, (rlim_t)opt.nproc, (rlim_t)opt.nproc);
  if (opt.uid >= 0 && setresuid(opt.uid, opt.uid, opt.uid) < 0) child_fail("setuid: %s", strerror(errno));
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) child_fail("no_new_privs: %s", strerror(errno));
  if (opt.seccomp) install_seccomp();

  sigset_t none; sigemptyset(&none); sigprocmask(SIG_SETMASK, &none, NULL);
  for (int s = 1; s < NSIG; s++) signal(s, SIG_DFL);
  execve(opt.argv[0], opt.argv, opt.env);
  child_fail("cannot execute %s: %s", opt.argv[0], strerror(errno));
}

/* pid 1 of the namespace: build the root, start the program, forward its status, exit. */
static int init_main(int in_fd, int out_fd, int errf_fd, int setup_fd) {
  close(err_pipe[0]); close(status_pipe[0]);
  if (result_fd >= 0) close(result_fd);
  if (interactor_in >= 0) close(interactor_in);
  if (interactor_out >= 0) close(interactor_out);
  if (setup_fd >= 0) {
    /* Wait until the runner has written our uid/gid maps (non-root mode) or put us in the memory
       cgroup: the program must not start before. */
    char c; if (read(setup_fd, &c, 1) != 1) child_fail("the runner's setup failed");
    close(setup_fd);
  }
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  /* The runner may have died before PDEATHSIG was set (getppid() is 0 in a new PID namespace,
     so it cannot tell): a hung-up life pipe says so. */
  close(life_pipe[1]);
  struct pollfd life = { life_pipe[0], POLLIN, 0 };
  if (poll(&life, 1, 0) > 0 && (life.revents & (POLLHUP | POLLERR))) _exit(1);
  close(life_pipe[0]);
  if (oom_protected) {
    /* The slot host and its runners are spared by the memory cgroup's OOM killer (see
       slot_host_main); the program is not. */
    int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, "0", 1) < 0) child_fail("oom_score_adj: %s", strerror(errno));
    close(fd);
  }
  if (opt.sandbox) build_root();
  else setpgid(0, 0); /* no PID namespace: a process group lets the watchdog kill the program too */
  pid_t pid = fork();
  if (pid < 0) child_fail("fork: %s", strerror(errno));
  if (pid == 0) exec_program(in_fd, out_fd, errf_fd);
  close(err_pipe[1]); err_pipe[1] = -1;
  if (in_fd >= 0) close(in_fd);
  if (out_fd >= 0) close(out_fd);
  if (errf_fd >= 0) close(errf_fd);
  struct end_report end = { 0, 0, 0, 0, 0, 0 };
  long program_clock_ms = 0;
  for (;;) {
    siginfo_t si; si.si_pid = 0;
    if (waitid(P_ALL, 0, &si, WEXITED | WNOWAIT) < 0) { if (errno == EINTR) continue; _exit(126); }
    if (si.si_pid == pid) {
      /* Still a zombie: its CPU clock holds the exact time of all its threads (rusage is sampled at
         ticks and scaled, and can read tens of ms low). */
      program_clock_ms = process_cpu_ms(pid);
      while (waitpid(pid, &end.status, 0) < 0 && errno == EINTR) {}
      break;
    }
    while (waitpid(si.si_pid, NULL, 0) < 0 && errno == EINTR) {} /* an adopted orphan */
  }
  end.end_us = now_us();
  if (opt.sandbox) {
    /* Kill and reap what the program left behind *before* reporting: a reaped process's CPU time
       is added to ours (and so to the runner's wait4), which makes CPU spent in detached workers
       count against the limit. */
    kill(-1, SIGKILL);
    while (waitpid(-1, NULL, __WALL) > 0 || errno == EINTR) {}
  }
  /* Everything reaped (the program, what it reaped, orphans) against the program's exact clock. */
  struct rusage children; getrusage(RUSAGE_CHILDREN, &children);
  long reaped_ms = cpu_ms_of(&children);
  end.maxrss_kb = children.ru_maxrss;
  end.cpu_ms = program_clock_ms > reaped_ms ? program_clock_ms : reaped_ms;
  ssize_t n = write(status_pipe[1], &end, sizeof end); (void)n;
  _exit(0);
}

/* ---------- live tail: copies new output to the pty, bounded ---------- */

struct tail { int fd; long sent; };

static void tail_forward(struct tail *t, long *budget) {
  if (t->fd < 0 || *budget <= 0) return;
  char buf[8192];
  for (;;) {
    long want = *budget < (long)sizeof buf ? *budget : (long)sizeof buf;
    if (want <= 0) break;
    ssize_t n = read(t->fd, buf, (size_t)want);
    if (n <= 0) break;
    ssize_t w = write(1, buf, (size_t)n); (void)w;
    t->sent += n; *budget -= n;
  }
}

/* The first child of a process (init's only child is the program), or -1. */
static pid_t first_child(pid_t pid) {
  char path[64]; snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)pid, (int)pid);
  FILE *f = fopen(path, "re");
  if (!f) return -1;
  int child = -1;
  if (fscanf(f, "%d", &child) != 1) child = -1;
  fclose(f);
  return child;
}

/* CPU time so far of every process below `pid` (a run's processes, all descendants of its init), in
   ms: what a run stopped at the wall-clock limit had used, children included (wait4 will not see
   them: init dies first). Depth-bounded: a run has at most --nproc processes. */
static long descendants_cpu_ms(pid_t pid, int depth) {
  if (depth > 64) return 0;
  char path[64]; snprintf(path, sizeof path, "/proc/%d/task/%d/children", (int)pid, (int)pid);
  FILE *f = fopen(path, "re");
  if (!f) return 0;
  long total = 0; int child;
  while (fscanf(f, "%d", &child) == 1) {
    long own = process_cpu_ms(child);
    if (own > 0) total += own;
    total += descendants_cpu_ms(child, depth + 1);
  }
  fclose(f);
  return total;
}

/* Peak resident memory of a program the runner is about to stop (wait4 will not see it: init dies first). */
static long peak_sampled_kb = 0;
static void sample_peak_memory(pid_t pid) {
  if (pid <= 0) return;
  char path[64]; snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
  FILE *f = fopen(path, "re");
  if (!f) return;
  char line[256];
  while (fgets(line, sizeof line, f)) if (sscanf(line, "VmHWM: %ld kB", &peak_sampled_kb) == 1) break;
  fclose(f);
}

/* Time a process's threads spent runnable but waiting for a CPU (schedstat's run_delay), in ms: the
   part of its wall-clock time the machine, not the program, is to blame for. 0 when unknown. */
static long run_delay_ms(pid_t pid) {
  char dir_path[64]; snprintf(dir_path, sizeof dir_path, "/proc/%d/task", (int)pid);
  DIR *dir = opendir(dir_path);
  if (!dir) return 0;
  unsigned long long total_ns = 0;
  struct dirent *e;
  while ((e = readdir(dir))) {
    if (e->d_name[0] == '.') continue;
    char path[384]; snprintf(path, sizeof path, "%s/%s/schedstat", dir_path, e->d_name);
    FILE *f = fopen(path, "re");
    if (!f) continue;
    unsigned long long run_ns, delay_ns;
    if (fscanf(f, "%llu %llu", &run_ns, &delay_ns) == 2) total_ns += delay_ns;
    fclose(f);
  }
  closedir(dir);
  return (long)(total_ns / 1000000);
}

static int pidfd_open_(pid_t pid) { return (int)syscall(SYS_pidfd_open, pid, 0); }

static int open_or_die(const char *path, int flags, const char *what) {
  int fd = open(path, flags | O_CLOEXEC, 0600);
  if (fd < 0) die_setup("cannot open %s %s: %s", what, path, strerror(errno));
  return fd;
}

static void write_map(pid_t pid, const char *file, const char *content) {
  char path[128]; snprintf(path, sizeof path, "/proc/%d/%s", pid, file);
  int fd = open(path, O_WRONLY);
  if (fd < 0 || write(fd, content, strlen(content)) < 0) die_setup("write %s: %s", path, strerror(errno));
  close(fd);
}

/* Only descriptors 0-2 may reach a program, a compiler or a slot host: whoever started the
   judge may hold files open without close-on-exec (a shell's `exec 100>>file`), and libuv and
   node-pty pass such descriptors on to every child. Called first thing, before the runner opens its own. */
static void close_inherited_fds(void) {
  if (result_fd >= 0) {
    /* A slot host's run: its result pipe stays (kernels without close_range keep the rest, as
       below, minus the pipe). */
    if (result_fd > 3) syscall(SYS_close_range, 3U, (unsigned)result_fd - 1, 0U);
    if (syscall(SYS_close_range, (unsigned)result_fd + 1, ~0U, 0U) == 0) return;
  } else if (syscall(SYS_close_range, 3U, ~0U, 0U) == 0) return;
  /* Kernels before 5.9: close what /proc lists (its own descriptor is closed on the way, harmlessly). */
  int fds[1024]; int n = 0;
  DIR *dir = opendir("/proc/self/fd");
  if (dir) {
    struct dirent *e;
    while ((e = readdir(dir)) && n < 1024) { int fd = atoi(e->d_name); if (fd > 2 && fd != dirfd(dir) && fd != result_fd) fds[n++] = fd; }
    closedir(dir);
    for (int i = 0; i < n; i++) close(fds[i]);
  } else {
    for (int fd = 3; fd < 65536; fd++) if (fd != result_fd) close(fd);
  }
}

/* Puts process `pid` in the (v1) cgroup at `dir`: 0, or -1 with errno set. */
static int join_cgroup(const char *dir, pid_t pid) {
  char path[600], line[32];
  snprintf(path, sizeof path, "%s/cgroup.procs", dir);
  int len = snprintf(line, sizeof line, "%d\n", (int)pid);
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  int ok = write(fd, line, (size_t)len) == len;
  int saved = errno;
  close(fd);
  errno = saved;
  return ok ? 0 : -1;
}

/* A slot host's runs are born in its slot's memory cgroup; the interactor is judge code, and its
   memory must not count against the program's cap: its monitor moves to the parent group (the
   judgehost's) before starting it. Best effort: should that fail, it stays in the slot's group. */
static void leave_slot_cgroup(void) {
  char parent[600]; snprintf(parent, sizeof parent, "%s", slot_cgroup);
  char *slash = strrchr(parent, '/');
  if (!slash) return;
  *slash = 0;
  join_cgroup(parent, getpid());
}

/* Starts the interactor under a monitor process (its own process group) that waits for it and
   reports how and when it ended. The interactor's stdin/stdout are the pipes to the program, its
   stderr a file; every other copy of the pipes is closed, so each side sees end-of-file when the
   other one is gone. */
static pid_t start_interactor(int program_in, int program_out, int errf_fd) {
  int err = open(opt.interactor_stderr ? opt.interactor_stderr : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (err < 0) die_setup("cannot open interactor stderr %s: %s", opt.interactor_stderr, strerror(errno));
  if (pipe2(report_pipe, O_CLOEXEC) < 0) die_setup("pipe: %s", strerror(errno));
  pid_t monitor = fork();
  if (monitor < 0) die_setup("fork (interactor): %s", strerror(errno));
  if (monitor == 0) {
    if (err_pipe[1] >= 0) close(err_pipe[1]);
    if (result_fd >= 0) close(result_fd);
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (slot_cgroup) leave_slot_cgroup();
    close(report_pipe[0]); close(program_out); close(errf_fd);
    pid_t child = fork();
    if (child < 0) _exit(127);
    if (child == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      close(program_in);
      if (dup2(interactor_in, 0) < 0 || dup2(interactor_out, 1) < 0 || dup2(err, 2) < 0) _exit(127);
      if (opt.interactor_cwd && chdir(opt.interactor_cwd) < 0) _exit(127);
      if (opt.interactor_cpu_ms > 0) {
        rlim_t sec = (rlim_t)((opt.interactor_cpu_ms + 999) / 1000);
        struct rlimit rl = { sec, sec + 1 }; setrlimit(RLIMIT_CPU, &rl);
      }
      signal(SIGPIPE, SIG_DFL); signal(SIGHUP, SIG_DFL);
      execv(opt.interactor[0], opt.interactor);
      _exit(127);
    }
    close(interactor_out); close(err);
    /* Who stopped talking first: the program (its output closed: it ended, or crashed) or the
       interactor (its output closed: it decided). The monitor holds a reader of each pipe and polls
       them for a hang-up only (events 0: never their data). Exit times cannot tell: a dying
       process closes its files before it is seen to end, and under load that gap is longer than a
       program's crash after end-of-file. Once the program is gone, the monitor drains what the
       interactor still writes to it (as the Kattis runner keeps that pipe open): the interactor
       then reads end-of-file and decides, instead of dying of SIGPIPE (a judge error at random,
       depending on when it wrote). The reader of the program's output is dropped when the
       interactor ends, so that a program writing to a gone interactor fails with EPIPE. */
    struct end_report end = { 0, 0, 0, 0, 0, 0 }; struct rusage ru;
    /* Each hang-up seen at once: as root the monitor (which only waits) runs real-time, so busy
       programs cannot delay its wake-up. */
    struct sched_param realtime = { .sched_priority = 1 };
    if (sched_setscheduler(0, SCHED_FIFO, &realtime) < 0) { int e = nice(-10); (void)e; }
    int child_fd = pidfd_open_(child);
    int program_output = interactor_in, interactor_output = program_in;
    if (child_fd >= 0) {
      end.output_watched = 1;
      int program_closed = 0, interactor_closed = 0;
      for (;;) {
        /* The interactor's output is read (and dropped) only once the program, its reader, is gone. */
        struct pollfd p[3] = { { child_fd, POLLIN, 0 }, { program_closed ? -1 : program_output, 0, 0 }, { interactor_closed ? -1 : interactor_output, program_closed ? POLLIN : 0, 0 } };
        int r = poll(p, 3, -1);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) { end.output_watched = 0; break; }
        int program_now = (p[1].revents & POLLHUP) != 0, interactor_now = 0;
        if (p[2].revents & POLLIN) {
          char drop[4096];
          ssize_t n = read(interactor_output, drop, sizeof drop);
          interactor_now = n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN);
        } else if (p[2].revents & (POLLHUP | POLLERR)) interactor_now = 1;
        /* Both in one wake-up: a tie, taken as the program first (its crash then counts). */
        if (program_now && !interactor_closed) end.output_closed_first = 1;
        if (program_now) program_closed = 1;
        if (interactor_now) interactor_closed = 1;
        if (p[0].revents & POLLIN) break;
      }
    }
    if (interactor_output >= 0) close(interactor_output);
    close(interactor_in);
    while (wait4(child, &end.status, 0, &ru) < 0) if (errno != EINTR) _exit(126);
    end.end_us = now_us();
    end.cpu_ms = cpu_ms_of(&ru);
    ssize_t w = write(report_pipe[1], &end, sizeof end); (void)w;
    _exit(0);
  }
  close(err); close(report_pipe[1]);
  return monitor;
}

/* 1: read all, 0: end-of-file before the first byte, -1: error or a short message. */
static int read_full(int fd, void *buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(fd, (char *)buf + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return r == 0 && got == 0 ? 0 : -1;
    got += (size_t)r;
  }
  return 1;
}

static int write_full(int fd, const char *buf, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, buf, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    buf += w; n -= (size_t)w;
  }
  return 0;
}

/* A run ends when its init is gone (namespaces torn down): after the result is out, when init had
   reported in time. */
static void reap_init(pid_t init_pid, int reaped) {
  if (!reaped) while (wait4(init_pid, NULL, __WALL, NULL) < 0 && errno == EINTR) {}
}

/* One run: parse its options, build its sandbox, run it, write its result file. */
static int run_main(int argc, char **argv) {
  close_inherited_fds();
  parse_args(argc, argv);
  signal(SIGPIPE, SIG_IGN);
  signal(SIGHUP, SIG_IGN); /* the pty closing must not kill the reporter before it reports */

  int in_fd, out_fd;
  if (opt.ninteractor > 0) {
    /* to_program: interactor -> program; from_program: program -> interactor. */
    int to_program[2], from_program[2];
    if (pipe2(to_program, O_CLOEXEC) < 0 || pipe2(from_program, O_CLOEXEC) < 0) die_setup("pipe: %s", strerror(errno));
    in_fd = to_program[0]; interactor_out = to_program[1];
    out_fd = from_program[1]; interactor_in = from_program[0];
    opt.stdout_path = NULL; /* nothing to tail: the program talks to the interactor */
  } else {
    in_fd = opt.stdin_path ? open_or_die(opt.stdin_path, O_RDONLY, "stdin") : open_or_die("/dev/null", O_RDONLY, "stdin");
    out_fd = opt.stdout_path ? open_or_die(opt.stdout_path, O_WRONLY | O_CREAT | O_TRUNC, "stdout") : open_or_die("/dev/null", O_WRONLY, "stdout");
  }
  int errf_fd = opt.stderr_path ? open_or_die(opt.stderr_path, O_WRONLY | O_CREAT | O_TRUNC, "stderr") : open_or_die("/dev/null", O_WRONLY, "stderr");
  /* The program's fds must survive execve; the runner's own copies are closed in init. */
  fcntl(in_fd, F_SETFD, 0); fcntl(out_fd, F_SETFD, 0); fcntl(errf_fd, F_SETFD, 0);
  struct tail tails[2] = { { -1, 0 }, { -1, 0 } };
  if (opt.tail_bytes > 0) {
    if (opt.stdout_path) tails[0].fd = open(opt.stdout_path, O_RDONLY | O_CLOEXEC);
    if (opt.stderr_path) tails[1].fd = open(opt.stderr_path, O_RDONLY | O_CLOEXEC);
  }

  if (pipe2(err_pipe, O_CLOEXEC) < 0 || pipe2(status_pipe, O_CLOEXEC) < 0 || pipe2(life_pipe, O_CLOEXEC) < 0)
    die_setup("pipe: %s", strerror(errno));

  int as_root = geteuid() == 0;
  int flags = SIGCHLD;
  if (opt.sandbox) {
    if (!opt.root) die_setup("--sandbox full needs --root");
    flags |= CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS;
    if (as_root) {
      /* A slot host's runs share its empty namespace (made once: a new one per run is slow and
         serialised on some kernels); runs of different slots never share one. */
      if (!slot_net_held) flags |= CLONE_NEWNET;
    } else {
      flags |= CLONE_NEWUSER | CLONE_NEWNET;
      opt.uid = -1; opt.gid = -1; /* only our own uid is mapped */
    }
  }

  if (opt.cgroup) cg_prepare();
  /* Born in the slot host's group already; any other group (the slot's build group) needs a move. */
  int move_to_cgroup = opt.cgroup && !(slot_cgroup && !strcmp(slot_cgroup, opt.cgroup));
  int sync_pipe[2] = { -1, -1 };
  if ((flags & CLONE_NEWUSER) || move_to_cgroup) { if (pipe2(sync_pipe, O_CLOEXEC) < 0) die_setup("pipe: %s", strerror(errno)); }

  uid_t ruid = getuid(); gid_t rgid = getgid();
  long start = now_ms();
  pid_t init_pid = (pid_t)syscall(SYS_clone, flags, NULL, NULL, NULL, NULL);
  if (init_pid < 0) die_setup("clone (namespaces): %s", strerror(errno));
  if (init_pid == 0) {
    if (sync_pipe[1] >= 0) close(sync_pipe[1]);
    return init_main(in_fd, out_fd, errf_fd, sync_pipe[0]);
  }
  if (sync_pipe[1] >= 0) {
    close(sync_pipe[0]);
    if (flags & CLONE_NEWUSER) {
      char map[64];
      write_map(init_pid, "setgroups", "deny");
      snprintf(map, sizeof map, "%u %u 1\n", ruid, ruid); write_map(init_pid, "uid_map", map);
      snprintf(map, sizeof map, "%u %u 1\n", rgid, rgid); write_map(init_pid, "gid_map", map);
    }
    if (move_to_cgroup) {
      /* init's children (the program and all it starts) are born in the cgroup. */
      if (join_cgroup(cg_dir, init_pid) < 0) {
        int e = errno;
        kill(init_pid, SIGKILL); waitpid(init_pid, NULL, __WALL);
        die_setup("memory cgroup %s: %s", cg_dir, strerror(e));
      }
    }
    ssize_t w = write(sync_pipe[1], "x", 1); (void)w;
    close(sync_pipe[1]);
  }
  if (!opt.sandbox) setpgid(init_pid, init_pid);
  pid_t monitor_pid = -1;
  if (opt.ninteractor > 0) {
    monitor_pid = start_interactor(in_fd, out_fd, errf_fd);
    close(interactor_in); close(interactor_out);
  }
  close(err_pipe[1]); close(status_pipe[1]); close(life_pipe[0]);
  close(in_fd); close(out_fd); close(errf_fd);

  int pidfd = pidfd_open_(init_pid);
  /* Until the program execs, the sandbox is being set up: that time is never the program's. The
     error pipe's end-of-file says it exec'd (init closed its end after the fork; the program's
     closed at exec); data on it means it never did. */
  long deadline = start + SETUP_TIMEOUT_MS;
  int watch_exec = 1, setup_timed_out = 0;
  long exec_ms = 0;
  pid_t program = -1; /* the program's pid as the runner sees it, once it exec'd */
  long cpu_seen_ms = 0;
  if (pidfd < 0) { /* no pidfd (Linux < 5.3): the clock starts now, and only the rlimit watches CPU */
    watch_exec = 0; exec_ms = start; deadline = start + opt.wall_ms;
  }
  int wall_killed = 0, cpu_killed = 0;
  long run_delay = 0; /* when stopped at the wall-clock limit: how long it waited for a CPU */
  long budget = opt.tail_bytes;
  /* The interactor's monitor: reaped when it ends (its report says how and when the interactor did). */
  int monitor_fd = monitor_pid > 0 ? pidfd_open_(monitor_pid) : -1;
  int monitor_done = 0;
  long long killed_us = 0;
  /* init reports how the program ended once everything of the run is dead and reaped: the result
     can go out then, and init's own exit (the namespaces' teardown) is waited for after that. */
  struct end_report prog_end = { 0, 0, 0, 0, 0, 0 };
  int have_status = 0;
  for (;;) {
    if (program > 0) {
      long used = process_cpu_ms(program);
      if (used > cpu_seen_ms) cpu_seen_ms = used;
      if (cpu_seen_ms > opt.cpu_ms) {
        sample_peak_memory(program);
        kill(opt.sandbox ? init_pid : -init_pid, SIGKILL); cpu_killed = 1; killed_us = now_us(); break;
      }
    }
    long left = deadline - now_ms();
    if (left <= 0) {
      if (watch_exec) setup_timed_out = 1;
      else {
        wall_killed = 1; sample_peak_memory(program); run_delay = run_delay_ms(program);
        long all = descendants_cpu_ms(init_pid, 0);
        if (all > cpu_seen_ms) cpu_seen_ms = all;
      }
      kill(opt.sandbox ? init_pid : -init_pid, SIGKILL); killed_us = now_us(); break;
    }
    int timeout = left < TAIL_INTERVAL_MS ? (int)left : TAIL_INTERVAL_MS;
    /* Near the CPU limit, look again before the program can pass it by much (one thread's worth). */
    if (program > 0 && opt.cpu_ms - cpu_seen_ms < timeout) timeout = (int)(opt.cpu_ms - cpu_seen_ms) + 1;
    if (pidfd >= 0) {
      struct pollfd p[4] = { { pidfd, POLLIN, 0 }, { monitor_done ? -1 : monitor_fd, POLLIN, 0 }, { watch_exec ? err_pipe[0] : -1, POLLIN, 0 }, { status_pipe[0], POLLIN, 0 } };
      int r = poll(p, 4, timeout);
      tail_forward(&tails[0], &budget); tail_forward(&tails[1], &budget);
      if (r > 0 && (p[1].revents & POLLIN) && !monitor_done) {
        while (waitpid(monitor_pid, NULL, 0) < 0 && errno == EINTR) {}
        monitor_done = 1;
      }
      if (r > 0 && watch_exec && p[2].revents) {
        watch_exec = 0;
        if (!(p[2].revents & POLLIN)) { /* end-of-file without an error: the program is running */
          exec_ms = now_ms();
          deadline = exec_ms + opt.wall_ms;
          program = first_child(init_pid);
        }
      }
      if (r > 0 && p[3].revents) { have_status = read_full(status_pipe[0], &prog_end, sizeof prog_end) == 1; if (have_status) break; }
      if (r > 0 && (p[0].revents & POLLIN)) break;
    } else {
      int st; pid_t w = waitpid(init_pid, &st, WNOHANG | __WALL);
      (void)w;
      if (kill(init_pid, 0) < 0) break;
      usleep((useconds_t)timeout * 1000);
      tail_forward(&tails[0], &budget); tail_forward(&tails[1], &budget);
    }
  }
  long wall = exec_ms ? now_ms() - exec_ms : 0;
  struct rusage ru = { 0 };
  int init_reaped = !have_status;
  if (init_reaped) {
    while (wait4(init_pid, NULL, __WALL, &ru) < 0 && errno == EINTR) {}
    /* init may have reported before it was stopped. */
    have_status = read(status_pipe[0], &prog_end, sizeof prog_end) == (ssize_t)sizeof prog_end;
  }
  if (setup_timed_out) die_setup("the sandbox was not ready within %d s", SETUP_TIMEOUT_MS / 1000);
  int interactor_killed = 0;
  if (monitor_pid > 0 && !monitor_done) {
    /* The program is gone, so the interactor reads end-of-file: give it until the deadline (and
       at least a second) to decide, then stop it. */
    long until = deadline > now_ms() + 1000 ? deadline : now_ms() + 1000;
    for (;;) {
      if (waitpid(monitor_pid, NULL, WNOHANG) == monitor_pid) break;
      if (now_ms() >= until) {
        kill(-monitor_pid, SIGKILL); interactor_killed = 1;
        while (waitpid(monitor_pid, NULL, 0) < 0 && errno == EINTR) {}
        break;
      }
      if (monitor_fd >= 0) { struct pollfd p = { monitor_fd, POLLIN, 0 }; poll(&p, 1, 20); }
      else usleep(5000);
    }
  }
  if (monitor_pid > 0) kill(-monitor_pid, SIGKILL); /* anything the interactor left behind */
  if (!opt.sandbox) kill(-init_pid, SIGKILL); /* stragglers of an unsandboxed run */
  int memory_killed = 0; long group_peak_kb = 0;
  if (cg_dir) cg_finish(&memory_killed, &group_peak_kb);
  tail_forward(&tails[0], &budget); tail_forward(&tails[1], &budget);

  char errbuf[512] = { 0 };
  ssize_t en = read(err_pipe[0], errbuf, sizeof errbuf - 1);
  if (en > 0) { errbuf[en] = 0; write_result_error(errbuf); reap_init(init_pid, init_reaped); return 2; }
  int prog_status = prog_end.status;

  /* init's report is exact (see init_main); a run the runner stopped has only what it saw meanwhile. */
  long cpu_ms = have_status ? prog_end.cpu_ms : cpu_seen_ms;
  if (cpu_seen_ms > cpu_ms) cpu_ms = cpu_seen_ms;
  long reaped_rss_kb = init_reaped ? ru.ru_maxrss : prog_end.maxrss_kb;
  long memory_kb = reaped_rss_kb > peak_sampled_kb ? reaped_rss_kb : peak_sampled_kb;
  int exit_code = -1, sig = 0;
  if (have_status) {
    if (WIFEXITED(prog_status)) exit_code = WEXITSTATUS(prog_status);
    else if (WIFSIGNALED(prog_status)) sig = WTERMSIG(prog_status);
  } else {
    sig = SIGKILL; /* killed by the watchdog before the program finished */
  }
  FILE *f = open_result(stdout);
  if (!f) { reap_init(init_pid, init_reaped); return 3; }
  fprintf(f, "{\"exitCode\":%d,\"signal\":%d,\"cpuMs\":%ld,\"wallMs\":%ld,\"memoryKb\":%ld,"
             "\"wallTimeout\":%s,\"cpuTimeout\":%s,\"runDelayMs\":%ld,\"sandbox\":\"%s\",\"memoryKilled\":%s,\"groupMemoryKb\":%ld",
          exit_code, sig, cpu_ms, wall, memory_kb, wall_killed ? "true" : "false", cpu_killed ? "true" : "false", run_delay,
          opt.sandbox ? (as_root ? "full" : "userns") : "none", memory_killed ? "true" : "false", group_peak_kb);
  if (monitor_pid > 0) {
    struct end_report ie = { 0, 0, 0, 0, 0, 0 };
    int have_report = !interactor_killed && read(report_pipe[0], &ie, sizeof ie) == (ssize_t)sizeof ie;
    /* The program ended when init saw it end, or when the watchdog killed it. */
    long long program_end = have_status ? prog_end.end_us : killed_us;
    int first = have_report && (ie.output_watched ? !ie.output_closed_first : program_end == 0 || ie.end_us + ENDED_FIRST_MARGIN_US <= program_end);
    fprintf(f, ",\"interactor\":{\"exitCode\":%d,\"signal\":%d,\"cpuMs\":%ld,\"exitedFirst\":%s,\"killed\":%s}",
            have_report && WIFEXITED(ie.status) ? WEXITSTATUS(ie.status) : -1,
            have_report && WIFSIGNALED(ie.status) ? WTERMSIG(ie.status) : (have_report ? 0 : SIGKILL), ie.cpu_ms,
            first ? "true" : "false", have_report ? "false" : "true");
  }
  fputs("}\n", f);
  if (f != stdout) fclose(f);
  reap_init(init_pid, init_reaped);
  return 0;
}

/* ---------- slot host: one per worker slot, forks a runner per request ---------- */

/* A request is a little-endian u32 byte count, then NUL-terminated strings: "run", a token, then
   the runner's arguments (as the one-shot runner takes them); or "kill" (the run in progress). */
#define MAX_REQUEST_BYTES (1 << 20)
#define MAX_REQUEST_STRINGS 4096
/* A run's result JSON is a few hundred bytes (an error message at most a few KiB). */
#define RESULT_MAX_BYTES (64 * 1024)

/* Reads one request into a malloc'd buffer; its strings go to strs (at most MAX_REQUEST_STRINGS).
   Returns their count, 0 at end-of-file, -1 on a malformed request. */
static int read_request(int fd, char **buffer, char **strs) {
  unsigned char head[4];
  int r = read_full(fd, head, sizeof head);
  if (r <= 0) return r;
  uint32_t n = head[0] | head[1] << 8 | head[2] << 16 | (uint32_t)head[3] << 24;
  if (n == 0 || n > MAX_REQUEST_BYTES) return -1;
  char *buf = malloc(n);
  if (!buf || read_full(fd, buf, n) != 1 || buf[n - 1] != 0) { free(buf); return -1; }
  int count = 0;
  for (char *p = buf; p < buf + n && count < MAX_REQUEST_STRINGS; p += strlen(p) + 1) strs[count++] = p;
  *buffer = buf;
  return count;
}

static void host_fail(const char *fmt, ...) {
  char buf[512];
  va_list ap; va_start(ap, fmt); vsnprintf(buf, sizeof buf, fmt, ap); va_end(ap);
  fprintf(stderr, "slot host: %s\n", buf);
  exit(1);
}

/* Forks the runner of one request, which writes its result into `result_w`; in the child this
   never returns. */
static pid_t fork_run(int nargs, char **args, int result_w) {
  fflush(NULL); /* nothing buffered may be written twice */
  pid_t host = getpid();
  pid_t pid = fork();
  if (pid != 0) return pid;
  result_fd = result_w;
  /* The run dies with its slot host (and, through init's own PDEATHSIG, everything of the run). */
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != host) _exit(1);
  prctl(PR_SET_NAME, "verdict-run", 0, 0, 0);
  char **argv = calloc((size_t)nargs + 2, sizeof *argv);
  if (!argv) _exit(1);
  argv[0] = "verdict-runner";
  for (int i = 0; i < nargs; i++) argv[i + 1] = args[i];
  /* run_main closes every descriptor above 2 but the result pipe first (the control socket). */
  _exit(run_main(nargs + 1, argv));
}

/* `verdict-runner --slot-host --control SOCKET [--cgroup D] [--hold-net] [--cpu N]`. After each run
   it writes an end marker with the request's token to the pty (all the run's live output is before
   it), then its reply to the control socket: "result <the run's JSON>", or "done <exit code>
   <signal>" when the runner ended without a result. It ends with its control socket (or its
   parent: PDEATHSIG). */
static int slot_host_main(int argc, char **argv) {
  const char *control = NULL, *cgroup = NULL; int hold_net = 0, cpu = -1;
  for (int i = 2; i < argc; i++) {
    if (!strcmp(argv[i], "--hold-net")) hold_net = 1;
    else if (!strcmp(argv[i], "--control") && i + 1 < argc) control = argv[++i];
    else if (!strcmp(argv[i], "--cgroup") && i + 1 < argc) cgroup = argv[++i];
    else if (!strcmp(argv[i], "--cpu") && i + 1 < argc) cpu = atoi(argv[++i]);
    else host_fail("unknown option %s", argv[i]);
  }
  if (!control) host_fail("--control is required");
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  signal(SIGPIPE, SIG_IGN);
  if (cpu >= 0) {
    /* The slot host sits on its slot's CPU, and so does every run it forks, with all a program
       starts (the system-call filter denies sched_setaffinity): a program that fills its CPU with
       busy children cannot slow another worker slot's run. Pinned once here, no run migrates. */
    cpu_set_t one; CPU_ZERO(&one); CPU_SET(cpu, &one);
    if (sched_setaffinity(0, sizeof one, &one) < 0) host_fail("pin to CPU %d: %s", cpu, strerror(errno));
  }
  if (hold_net) {
    if (unshare(CLONE_NEWNET) < 0) host_fail("unshare net: %s", strerror(errno));
    slot_net_held = 1;
  }
  if (cgroup) {
    if (join_cgroup(cgroup, getpid()) < 0) host_fail("memory cgroup %s: %s", cgroup, strerror(errno));
    slot_cgroup = cgroup;
    /* A run that reaches its cap should lose one of its own processes to the OOM killer, not the
       slot host or its runner (init gives the program the default back). Best effort: a container
       may refuse (no CAP_SYS_RESOURCE); the program is then still by far the likeliest victim. */
    int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
    oom_protected = fd >= 0 && write(fd, "-1000", 5) == 5;
    if (fd >= 0) close(fd);
  }
  /* A path socket works from any network namespace (abstract ones would not). */
  int ctl = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  if (strlen(control) >= sizeof addr.sun_path) host_fail("control socket path too long");
  strcpy(addr.sun_path, control);
  if (ctl < 0 || connect(ctl, (struct sockaddr *)&addr, sizeof addr) < 0) host_fail("connect %s: %s", control, strerror(errno));

  static char result[RESULT_MAX_BYTES];
  char *strs[MAX_REQUEST_STRINGS];
  /* The last run's runner: it reports before its init's exit (the namespaces' teardown), and is
     reaped before the next run starts, so that runs of a slot never overlap. */
  pid_t previous = -1;
  for (;;) {
    char *buf = NULL;
    int n = read_request(ctl, &buf, strs);
    if (n == 0) return 0; /* the judgehost closed the channel */
    if (n < 0) host_fail("malformed request");
    if (!strcmp(strs[0], "kill")) { free(buf); continue; } /* no run in progress (it just ended) */
    if (strcmp(strs[0], "run") || n < 2) host_fail("unknown request %s", strs[0]);
    char marker[160];
    int marker_len = snprintf(marker, sizeof marker, "\033]verdict-run-end;%.100s\007", strs[1]);
    if (previous > 0) { while (waitpid(previous, NULL, 0) < 0 && errno == EINTR) {} previous = -1; }
    int result_pipe[2] = { -1, -1 };
    pid_t child = pipe2(result_pipe, O_CLOEXEC) < 0 ? -1 : fork_run(n - 2, strs + 2, result_pipe[1]);
    free(buf);
    if (child < 0) {
      char reply[64]; int len = snprintf(reply, sizeof reply, "fail fork: %d\n", errno);
      if (result_pipe[0] >= 0) { close(result_pipe[0]); close(result_pipe[1]); }
      if (write_full(1, marker, (size_t)marker_len) < 0 || write_full(ctl, reply, (size_t)len) < 0) return 1;
      continue;
    }
    close(result_pipe[1]);
    /* Until the runner closes the result pipe: it wrote its result, or died (killed: no result). */
    size_t got = 0; int closed = 0, overflow = 0;
    for (;;) {
      struct pollfd p[2] = { { result_pipe[0], POLLIN, 0 }, { closed ? -1 : ctl, POLLIN, 0 } };
      if (poll(p, 2, -1) < 0) { if (errno == EINTR) continue; host_fail("poll: %s", strerror(errno)); }
      if (p[0].revents) {
        ssize_t r = read(result_pipe[0], result + got, sizeof result - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
        if (got == sizeof result) { overflow = 1; kill(child, SIGKILL); break; }
      }
      if (p[1].revents) {
        char *kbuf = NULL;
        int k = read_request(ctl, &kbuf, strs);
        /* A kill, or the judgehost gone: the runner's death takes its whole run down (PDEATHSIG). */
        if (k <= 0 || !strcmp(strs[0], "kill")) kill(child, SIGKILL);
        else host_fail("a request while a run is in progress");
        if (k <= 0) closed = 1;
        free(kbuf);
      }
    }
    close(result_pipe[0]);
    if (closed) return 0;
    /* The judgehost ends a run when it has both: the run's live output is all before the marker. */
    if (write_full(1, marker, (size_t)marker_len) < 0) return 1;
    if (!overflow && got > 0 && result[got - 1] == '\n') {
      previous = child;
      if (write_full(ctl, "result ", 7) < 0 || write_full(ctl, result, got) < 0) return 1;
    } else {
      int status = 0;
      while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
      char reply[64];
      int len = snprintf(reply, sizeof reply, "done %d %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1, WIFSIGNALED(status) ? WTERMSIG(status) : 0);
      if (write_full(ctl, reply, (size_t)len) < 0) return 1;
    }
  }
}

/* The pty that starts the runner makes it a session leader, and where the kernel groups processes by
   session for scheduling (sched_autogroup, on by default in most distributions) the CPU is shared
   between sessions first and by niceness only within one: a program judged at nice 10 would take
   half of a contended CPU from the server all the same. The session's group takes the niceness the
   runner was started with, so that judging yields to the server as its niceness says. It changes
   nothing a program is charged (CPU time); a program kept waiting for a CPU is the machine's fault
   (runDelayMs). Kernels without autogroups have no such file: nothing to do. */
static void session_takes_niceness(void) {
  if (getsid(0) != getpid()) return;
  errno = 0;
  int niceness = getpriority(PRIO_PROCESS, 0);
  if (errno != 0 || niceness <= 0) return;
  int fd = open("/proc/self/autogroup", O_WRONLY | O_CLOEXEC);
  if (fd < 0) return;
  /* Refused (at most once per 100 ms without CAP_SYS_ADMIN): judging then competes as before. */
  (void)dprintf(fd, "%d", niceness);
  close(fd);
}

int main(int argc, char **argv) {
  session_takes_niceness();
  if (argc >= 2 && !strcmp(argv[1], "--slot-host")) {
    close_inherited_fds();
    return slot_host_main(argc, argv);
  }
  return run_main(argc, argv);
}
