// Runs one program through the native runner and returns what the runner measured: sent to the
// worker slot's slot host where the placement has one, else a one-shot runner under node-pty.
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import pty from 'node-pty';
import { runnerBinaryPath } from '../../common/paths.ts';
import type { RunnerExit, SlotHost } from './slotHost.ts';

export interface Bind {
  src: string;
  dst: string;
  writable?: boolean;
}

export interface RunSpec {
  /** Command line as seen inside the sandbox (absolute executable path). */
  argv: string[];
  /** Working directory inside the sandbox ('/box'), or a host folder when not sandboxed. */
  cwd: string;
  /** Host folder shown writable at /box (sandboxed runs). */
  box?: string;
  /** Instead of `box`: a fresh tmpfs of this many KiB at /box (test runs: nothing outlives the run, and disk use is capped). */
  boxTmpfsKb?: number;
  binds?: Bind[];
  stdinPath?: string;
  stdoutPath: string;
  stderrPath: string;
  /** Where a one-shot runner writes its result (a slot host's runs send theirs back with the reply). */
  resultPath: string;
  cpuMs: number;
  wallMs: number;
  /** Address-space limit in KiB; 0 for none (runtimes with their own heap limit). */
  memKb: number;
  /** Largest file the program may write (its output), in bytes. */
  fileSizeBytes: number;
  processes: number;
  env: string[];
  /** Stack limit in KiB; 0 = unlimited, undefined = leave as is. */
  stackKb?: number;
  /** Bytes of output forwarded live to the pty at most. */
  tailBytes?: number;
  /** Memory of all the run's processes together, in KiB: enforced where the placement has a memory cgroup. */
  groupMemKb?: number;
  /** Interactive runs: the interactor (trusted, unsandboxed) is connected to the program's stdin and
   *  stdout, which then do not go to files (stdinPath and stdoutPath are not used). */
  interactor?: InteractorSpec;
  /** Contestant code (programs and compilers): the system-call filter (no namespaces, mounts,
   *  ptrace, bpf, perf, keyrings, modules, inotify…); a program's also refuses file locks. Judge
   *  code (validators) runs without it. */
  seccomp?: 'compiler' | 'program';
  sandbox: SandboxPlacement | null;
}

export interface InteractorSpec {
  /** Host command line (absolute executable path). */
  argv: string[];
  cwd: string;
  stderrPath: string;
  cpuMs: number;
}

/** Where a sandboxed run is placed: the empty mount point for its root, its slot's slot host, its uid. */
export interface SandboxPlacement {
  rootDir: string;
  /** The worker slot's slot host, which forks the slot's runs (in the slot's network namespace as
   *  root, born in its memory cgroup); null: a one-shot runner per run. */
  host: SlotHost | null;
  uid: number | null;
  /** The worker slot's memory cgroup (v1), which each of its runs uses in turn; null where there is none. */
  cgroupDir: string | null;
  /** The slot's memory cgroup for compiles: what a compiler writes (a binary on a tmpfs /tmp) stays
   *  charged to its group, and must not count against the tests' cap. */
  buildCgroupDir: string | null;
  /** The slot's folder for its test runs' stdout and stderr (shared memory where there is room). */
  ioDir: string;
}

export interface RunMeasurement {
  exitCode: number;
  signal: number;
  cpuMs: number;
  wallMs: number;
  memoryKb: number;
  /** The runner stopped the program at the wall-clock limit (counted from its exec). */
  wallTimeout: boolean;
  /** The runner stopped the program when its measured CPU time passed the limit. */
  cpuTimeout: boolean;
  /** When stopped at the wall-clock limit: how long the program waited for a CPU (the machine's doing). */
  runDelayMs: number;
  sandbox: 'full' | 'userns' | 'none';
  /** The kernel killed a process of the run because their memory together reached groupMemKb. */
  memoryKilled: boolean;
  /** Peak memory of the run's processes together (memory cgroup), KiB; 0 without one. */
  groupMemoryKb: number;
  /** Interactive runs: how the interactor ended, and whether it ended while the program still ran. */
  interactor?: { exitCode: number; signal: number; cpuMs: number; exitedFirst: boolean; killed: boolean };
}

/** The runner could not set the run up (a judge-side failure: JE, never the contestant's fault). */
export class RunnerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunnerError';
  }
}

/** Time spent synchronously starting each run (ms): sending its request to the slot host, or
 *  pty.spawn of a one-shot runner. The event-loop block a run costs. */
const spawnBlockSamples: number[] = [];
const MAX_SAMPLES = 10_000;

export function spawnStats(): { runs: number; spawnBlockMsP50: number; spawnBlockMsP99: number; spawnBlockMsMax: number } {
  const sorted = [...spawnBlockSamples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
  return { runs: sorted.length, spawnBlockMsP50: at(0.5), spawnBlockMsP99: at(0.99), spawnBlockMsMax: sorted.at(-1) ?? 0 };
}

function runnerArgs(spec: RunSpec, resultFile: boolean): string[] {
  const args = [
    '--cpu-ms', String(spec.cpuMs),
    '--wall-ms', String(spec.wallMs),
    '--mem-kb', String(spec.memKb),
    '--fsize', String(spec.fileSizeBytes),
    '--nproc', String(spec.processes),
    '--stdout', spec.stdoutPath,
    '--stderr', spec.stderrPath,
    '--cwd', spec.cwd,
    '--tail-bytes', String(spec.tailBytes ?? 64 * 1024),
  ];
  if (resultFile) args.push('--result', spec.resultPath);
  if (spec.stdinPath) args.push('--stdin', spec.stdinPath);
  if (spec.interactor) {
    const [command, ...rest] = spec.interactor.argv;
    args.push('--interactor', command);
    for (const arg of rest) args.push('--interactor-arg', arg);
    args.push('--interactor-cwd', spec.interactor.cwd, '--interactor-stderr', spec.interactor.stderrPath, '--interactor-cpu-ms', String(spec.interactor.cpuMs));
  }
  if (spec.stackKb !== undefined) args.push('--stack-kb', String(spec.stackKb));
  if (spec.seccomp) args.push('--seccomp', spec.seccomp);
  for (const entry of spec.env) args.push('--env', entry);
  if (spec.sandbox) {
    args.push('--sandbox', 'full', '--root', spec.sandbox.rootDir);
    if (spec.boxTmpfsKb) args.push('--box-tmpfs-kb', String(spec.boxTmpfsKb));
    else if (spec.box) args.push('--box', spec.box);
    if (spec.sandbox.uid !== null) args.push('--uid', String(spec.sandbox.uid), '--gid', String(spec.sandbox.uid));
    if (spec.sandbox.cgroupDir && spec.groupMemKb) args.push('--cgroup', spec.sandbox.cgroupDir, '--cgroup-mem-kb', String(spec.groupMemKb));
    for (const bind of spec.binds ?? []) args.push('--bind', `${bind.src}:${bind.dst}${bind.writable ? ':rw' : ''}`);
  } else {
    args.push('--sandbox', 'none');
  }
  args.push('--', ...spec.argv);
  return args;
}

function recordBlock(ms: number): void {
  if (spawnBlockSamples.length >= MAX_SAMPLES) spawnBlockSamples.shift();
  spawnBlockSamples.push(ms);
}

/**
 * Runs the runner for `spec`. `onData` receives the live tail of the program's output (display only:
 * the graded output is in spec.stdoutPath). `signal` kills the run (the runner then reports a kill).
 */
export async function runInPty(spec: RunSpec, onData?: (chunk: string) => void, signal?: AbortSignal): Promise<RunMeasurement> {
  const host = spec.sandbox?.host;
  let exit: RunnerExit;
  try {
    exit = host ? await host.run(runnerArgs(spec, false), onData, signal, recordBlock) : await runOneShot(runnerArgs(spec, true), spec.resultPath, onData, signal);
  } catch (error) {
    throw new RunnerError(signal?.aborted ? 'run cancelled' : (error as Error).message);
  }
  if (signal?.aborted) throw new RunnerError('run cancelled');
  const text = exit.result;
  if (text === undefined) throw new RunnerError(`runner exited without a result (exit ${exit.exitCode}, signal ${exit.signal})`);
  let parsed: Partial<RunMeasurement> & { error?: string };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new RunnerError(`runner wrote an unreadable result (exit ${exit.exitCode}, signal ${exit.signal})`);
  }
  if (parsed.error) throw new RunnerError(parsed.error.trim());
  return parsed as RunMeasurement;
}

/** A runner of its own under node-pty, for this run only (no slot host: validators, sandbox level `none`). */
function runOneShot(args: string[], resultPath: string, onData?: (chunk: string) => void, signal?: AbortSignal): Promise<RunnerExit> {
  // A result file left by an earlier run must never be mistaken for this one's.
  rmSync(resultPath, { force: true });
  return new Promise((resolve) => {
    const spawnStart = performance.now();
    const child = pty.spawn(runnerBinaryPath(), args, {
      name: 'xterm-256color',
      cols: 120,
      rows: 30,
      cwd: '/',
      env: { PATH: '/usr/bin:/bin', TERM: 'xterm-256color' },
    });
    recordBlock(performance.now() - spawnStart);
    // Data must be drained even without a listener, or the runner would block writing its tail.
    child.onData((chunk) => onData?.(chunk));
    const abort = () => {
      // Killing the runner is enough: its PDEATHSIG takes down the namespace's init, and the
      // kernel then kills every process of the run.
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    signal?.addEventListener('abort', abort, { once: true });
    child.onExit(({ exitCode, signal: sig }) => {
      signal?.removeEventListener('abort', abort);
      const ended = { exitCode, signal: sig ?? 0 };
      readFile(resultPath, 'utf8').then(
        (result) => resolve({ result, ...ended }),
        () => resolve(ended), // no result file: the runner was killed, or could not write it
      );
    });
  });
}
