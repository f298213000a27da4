// Test helpers for hostile-program and sandbox tests: finding processes a run left behind, a
// listener that notices any connection, and a harness that runs host-compiled programs through
// the native runner directly (runInPty), where the test can read every file the run wrote.
import { execFileSync } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { EventEmitter, once } from 'node:events';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runnerBinaryPath } from '../common/paths.ts';
import { procStatFields } from '../common/processes.ts';
import { runInPty, type RunMeasurement, type RunSpec } from '../judgehost/runner/runInPty.ts';
import { Sandbox } from '../judgehost/runner/sandbox.ts';
import { sandboxProcesses } from './fixtures.ts';

export const isRoot = process.getuid?.() === 0;

/** A C program that prints the answer "ok" of the tiny problems used by these tests. */
export const AC_C = String.raw`#include <stdio.h>
int main(void) { puts("ok"); return 0; }
`;

export interface ProcInfo {
  pid: number;
  uid: number;
  cmd: string;
}

function readPpid(pid: number): number | null {
  const fields = procStatFields(pid);
  return fields ? Number(fields[1]) : null;
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

type Ancestry = 'owner' | 'other-runner' | 'orphan' | 'unknown';

/** Where a process hangs in the tree: under `owner`, under some other runner, or under neither. */
function ancestry(pid: number, owner: number, runnerName: string): Ancestry {
  let underRunner = false;
  let p = readPpid(pid);
  for (let hops = 0; hops < 64; hops++) {
    if (p === null) return 'unknown'; // something on the way ended while we looked
    if (p === owner) return 'owner';
    if (p <= 1) return underRunner ? 'other-runner' : 'orphan';
    if (readCmdline(p).includes(runnerName)) underRunner = true;
    p = readPpid(p);
  }
  return 'unknown';
}

/**
 * Sandbox-uid processes that belong to `owner` (a judgehost pid, or this test process for direct
 * runs) or to nobody: a process under some *other* live runner is another test's run in progress
 * (other test files may judge concurrently on this machine with the same slot uids) and is ignored.
 * A process that escaped its run has no runner above it any more, so it is always reported.
 * With `strict`, only processes still under `owner` are listed.
 */
function leftoverProcesses(owner: number, strict = false): ProcInfo[] {
  const runnerName = basename(runnerBinaryPath());
  return sandboxProcesses().filter(({ pid }) => {
    const where = ancestry(pid, owner, runnerName);
    return where === 'owner' || (!strict && where === 'orphan');
  });
}

/** Polls until no process of `owner`'s runs is left (or `timeoutMs` passes); returns what is left. */
export async function waitForNoLeftovers(owner: number, timeoutMs = 1000): Promise<ProcInfo[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = leftoverProcesses(owner);
    if (left.length === 0 || Date.now() >= deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Samples the largest number of sandboxed processes under `owner` alive at once while `work` runs. */
export async function sampleProcesses<T>(owner: number, work: Promise<T>, everyMs = 50): Promise<{ value: T; maxProcesses: number }> {
  let maxProcesses = 0;
  const timer = setInterval(() => {
    maxProcesses = Math.max(maxProcesses, leftoverProcesses(owner, true).length);
  }, everyMs);
  try {
    const value = await work;
    return { value, maxProcesses };
  } finally {
    clearInterval(timer);
  }
}

/** Awaits `work` and reports how long it took. */
export async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work;
  return { value, ms: performance.now() - start };
}

/** A TCP and a UDP listener on 127.0.0.1 (same port number) that count whatever reaches them. */
export interface Tripwire {
  port: number;
  /** TCP connections accepted plus UDP datagrams received, not counting settled()'s own. */
  hits(): number;
  /**
   * Resolves once a connection and a datagram sent from here now have arrived: whatever reached the
   * listeners before (each queue is first in, first out) has been counted by then.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** What settled() sends, told apart from anything else that arrives. */
const SETTLE_MARK = 'tripwire-settle';
/** A connection to the tripwire that sends nothing is closed after this long. */
const SILENT_CONNECTION_MS = 1000;

export async function tripwire(): Promise<Tripwire> {
  let hits = 0;
  let udpBound = true;
  const marks = new EventEmitter();
  const server: Server = createServer((socket) => {
    hits++;
    socket.once('data', (data) => {
      socket.destroy();
      if (data.toString() !== SETTLE_MARK) return;
      hits--;
      marks.emit('tcp');
    });
    socket.on('error', () => {});
    // One that sends nothing must not hold close().
    socket.setTimeout(SILENT_CONNECTION_MS, () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const udp: UdpSocket = createSocket('udp4');
  udp.on('message', (data) => {
    if (data.toString() === SETTLE_MARK) marks.emit('udp');
    else hits++;
  });
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(port, '127.0.0.1', () => resolve());
  }).catch(() => {
    /* the UDP port may be taken: TCP alone still tells */
    udpBound = false;
  });
  return {
    port,
    hits: () => hits,
    async settled() {
      const arrived = [once(marks, 'tcp')];
      const client = connect(port, '127.0.0.1', () => client.end(SETTLE_MARK));
      if (udpBound) {
        arrived.push(once(marks, 'udp'));
        const sender = createSocket('udp4');
        sender.send(SETTLE_MARK, port, '127.0.0.1', () => sender.close());
      }
      await Promise.all(arrived);
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => {
        try {
          udp.close(() => resolve());
        } catch {
          resolve();
        }
      });
    },
  };
}

/** Six children each touch 200 MiB (under a 256 MiB per-process limit): 1.2 GiB together. Prints
 *  how many children were killed (by a memory cgroup). */
export const FORKING_MEMORY_HOG_C = String.raw`#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  for (int i = 0; i < 6; i++) {
    if (fork() == 0) {
      volatile char *p = malloc(200L << 20);
      if (!p) return 3;
      for (long k = 0; k < (200L << 20); k += 4096) p[k] = 1;
      sleep(1);
      return 0;
    }
  }
  int status, killed = 0;
  while (wait(&status) > 0) if (WIFSIGNALED(status)) killed++;
  printf("killed=%d\n", killed);
  return 0;
}
`;

/** A C string literal for `text` (ASCII paths). */
export function cString(text: string): string {
  return JSON.stringify(text);
}

// ---------------------------------------------------------------------------------------------
// Direct runs through the native runner, as the judge makes them, without the judgehost.

export interface DirectRunOptions {
  /** Contents of stdin. */
  stdin?: string | Buffer;
  cpuMs?: number;
  wallMs?: number;
  memKb?: number;
  fileSizeBytes?: number;
  processes?: number;
  stackKb?: number;
  /** Memory of the run's processes together (a memory cgroup, where the sandbox has one). */
  groupMemKb?: number;
  env?: string[];
  signal?: AbortSignal;
}

export interface DirectRunResult {
  measurement: RunMeasurement;
  stdout: Buffer;
  stderr: string;
  /** What the program left in its box (host folder, still present until the next run). */
  boxDir: string;
}

/**
 * Runs programs compiled on the host, one at a time, in worker slot `slot` of a private Sandbox,
 * with the same placement and options the judge uses for a test run.
 */
export class DirectRunner {
  readonly sandbox: Sandbox;
  readonly slot: number;
  readonly dir: string;
  readonly progDir: string;
  private runs = 0;

  private constructor(sandbox: Sandbox, slot: number) {
    this.sandbox = sandbox;
    this.slot = slot;
    this.dir = mkdtempSync(join(tmpdir(), 'verdict-direct-'));
    chmodSync(this.dir, 0o711);
    this.progDir = join(this.dir, 'prog');
    mkdirSync(this.progDir, { mode: 0o755 });
  }

  static async create(slot: number): Promise<DirectRunner> {
    return new DirectRunner(await Sandbox.create(), slot);
  }

  /** Compiles a C program with the host's gcc into the folder shown at /prog; returns its path there. */
  compileC(name: string, source: string): string {
    const src = join(this.dir, `${name}.c`);
    writeFileSync(src, source);
    execFileSync('gcc', ['-std=gnu17', '-O2', '-o', join(this.progDir, name), src, '-lm'], { stdio: ['ignore', 'ignore', 'pipe'] });
    return `/prog/${name}`;
  }

  async spec(argv: string[], options: DirectRunOptions = {}): Promise<RunSpec> {
    const n = ++this.runs;
    const io = join(this.dir, `io-${n}`);
    mkdirSync(io, { mode: 0o700 });
    const boxDir = join(this.dir, `box-${n}`);
    mkdirSync(boxDir, { mode: 0o755 });
    const uid = this.sandbox.uidFor(this.slot);
    if (uid !== null) chownSync(boxDir, uid, uid);
    let stdinPath: string | undefined;
    if (options.stdin !== undefined) {
      stdinPath = join(io, 'stdin');
      writeFileSync(stdinPath, options.stdin);
    }
    const placement = await this.sandbox.placement(this.slot);
    return {
      argv,
      cwd: placement ? '/box' : boxDir,
      box: boxDir,
      binds: [{ src: this.progDir, dst: '/prog' }],
      stdinPath,
      stdoutPath: join(io, 'stdout'),
      stderrPath: join(io, 'stderr'),
      resultPath: join(io, 'result.json'),
      cpuMs: options.cpuMs ?? 1000,
      wallMs: options.wallMs ?? 3000,
      memKb: options.memKb ?? 256 * 1024,
      fileSizeBytes: options.fileSizeBytes ?? 8 * 1024 * 1024,
      processes: options.processes ?? 32,
      stackKb: options.stackKb ?? 0,
      groupMemKb: options.groupMemKb,
      env: options.env ?? ['PATH=/usr/bin:/bin', 'LANG=C.UTF-8', 'HOME=/box', 'TMPDIR=/box'],
      sandbox: placement,
    };
  }

  async run(argv: string[], options: DirectRunOptions = {}): Promise<DirectRunResult> {
    const spec = await this.spec(argv, options);
    const measurement = await runInPty(spec, undefined, options.signal);
    return {
      measurement,
      stdout: readFileSync(spec.stdoutPath),
      stderr: readFileSync(spec.stderrPath, 'utf8'),
      boxDir: spec.box!,
    };
  }

  dispose(): void {
    this.sandbox.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
