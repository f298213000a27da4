// The core's handle on a judgehost child process: starts it, sends it jobs, routes its events.
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { judgeFaultResult, type JudgeProgress, type JudgeResult } from '../common/results.ts';
import type { SandboxInfo } from '../common/sandboxInfo.ts';
import type { FromHost, HostStats, JudgeJob, LanguageInfo, ToHost } from '../common/judgehostProtocol.ts';

/** Scheduling priority of the judgehost and everything it runs (0 normal, 19 lowest). */
const JUDGEHOST_NICENESS = 10;

export interface JobListener {
  onProgress?: (progress: JudgeProgress) => void;
  onOutput?: (data: string) => void;
}

interface PendingJob {
  listener: JobListener;
  resolve: (result: JudgeResult) => void;
}

export interface JudgehostOptions {
  /** Entry script of the host; defaults to main.ts beside this file (Node 22 strips its types). */
  entry?: string;
  /** Runtime to start it with; in Electron, the Electron binary with ELECTRON_RUN_AS_NODE. */
  execPath?: string;
  env?: NodeJS.ProcessEnv;
  /** Run the judgehost as this user (a root judge can hand judging to an unprivileged account;
   *  its sandbox then uses user namespaces instead of a uid switch). */
  uid?: number;
  gid?: number;
  /** A host not ready within this time is killed and the start fails. */
  startTimeoutMs?: number;
}

export class JudgehostClient {
  readonly sandbox: SandboxInfo;
  readonly languages: LanguageInfo[];
  private readonly child: ChildProcess;
  private readonly pending = new Map<string, PendingJob>();
  private statsWaiters: ((stats: HostStats) => void)[] = [];
  private exited = false;
  /** Why the host ended, when that is known better than its exit status: the core killed it (it
   *  stopped answering), or the host said why it stops. */
  private killReason: string | null = null;
  private readonly exitListeners = new Set<(reason: string) => void>();
  /** When the host last answered a heartbeat (or started). */
  lastPongAt = Date.now();
  private pingSeq = 0;

  private constructor(child: ChildProcess, ready: Extract<FromHost, { type: 'ready' }>) {
    this.child = child;
    this.sandbox = ready.sandbox;
    this.languages = ready.languages;
    child.on('message', (message: FromHost) => this.onMessage(message));
    child.on('exit', (code, signal) => this.onExit(code, signal));
  }

  static start(options: JudgehostOptions = {}): Promise<JudgehostClient> {
    const entry = options.entry ?? fileURLToPath(new URL('../judgehost/main.ts', import.meta.url));
    const child = fork(entry, [], {
      execPath: options.execPath ?? process.execPath,
      // Every pty spawn forks the host, at a cost that grows with its resident memory: a small
      // young generation keeps the host small (about 10 MB less, a tenth of a ms per spawn).
      execArgv: ['--max-semi-space-size=1'],
      env: options.env ?? process.env,
      serialization: 'advanced',
      uid: options.uid,
      gid: options.gid,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // Judging yields the CPU to the process serving people: a long queue must never make the
    // portal or the console slow. (Niceness does not change the CPU time a program is charged.)
    if (child.pid) {
      try {
        setPriority(child.pid, JUDGEHOST_NICENESS);
      } catch {
        /* not permitted: judging then competes on equal terms */
      }
    }
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(error);
      };
      const timer = options.startTimeoutMs
        ? setTimeout(() => fail(new Error(`the judgehost was not ready within ${options.startTimeoutMs! / 1000} s`)), options.startTimeoutMs)
        : undefined;
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(new Error(`judgehost exited during start-up (code ${code}, signal ${signal})`));
      child.once('exit', onExit);
      child.once('error', fail);
      child.on('message', function first(message: FromHost) {
        if (message.type === 'fatal') fail(new Error(`judgehost failed to start: ${message.message}`));
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        child.off('message', first);
        child.off('exit', onExit);
        child.off('error', fail);
        resolve(new JudgehostClient(child, message));
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.exited;
  }

  /** Judges one job in worker slot `slot`. Resolves with a result (JE for judge-side failures), never rejects. */
  judge(job: JudgeJob, slot: number, listener: JobListener = {}): Promise<JudgeResult> {
    if (this.exited) return Promise.resolve(judgeFaultResult('the judgehost is not running'));
    return new Promise((resolve) => {
      this.pending.set(job.id, { listener, resolve });
      this.send({ type: 'judge', job, slot });
    });
  }

  cancel(jobId: string): void {
    this.send({ type: 'cancel', jobId });
  }

  stats(): Promise<HostStats> {
    return new Promise((resolve) => {
      this.statsWaiters.push(resolve);
      this.send({ type: 'stats' });
    });
  }

  /** Sends a heartbeat; the answer moves `lastPongAt`. */
  ping(): void {
    this.send({ type: 'ping', seq: ++this.pingSeq });
  }

  /** Kills the host at once (SIGKILL works on a stopped process too); its runs die with it. */
  kill(reason: string): void {
    if (this.exited) return;
    this.killReason = reason;
    this.child.kill('SIGKILL');
  }

  /** Calls `listener` with a reason when the host has exited, for whatever cause. */
  whenExited(listener: (reason: string) => void): void {
    this.exitListeners.add(listener);
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }

  private send(message: ToHost): void {
    // A send that fails means the host just died: its exit event follows and settles everything.
    if (!this.exited && this.child.connected) this.child.send(message, () => {});
  }

  private onMessage(message: FromHost): void {
    switch (message.type) {
      case 'progress':
        this.pending.get(message.jobId)?.listener.onProgress?.(message.progress);
        break;
      case 'output':
        this.pending.get(message.jobId)?.listener.onOutput?.(message.data);
        break;
      case 'done': {
        const job = this.pending.get(message.jobId);
        this.pending.delete(message.jobId);
        job?.resolve(message.result);
        break;
      }
      case 'stats':
        this.statsWaiters.shift()?.(message.stats);
        break;
      case 'pong':
        this.lastPongAt = Date.now();
        break;
      case 'fatal':
        // The host is about to exit on its own: its reason is the one to report.
        this.killReason ??= `the judgehost stopped: ${message.message}`;
        break;
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exited = true;
    const reason = this.killReason ?? (signal ? `the judgehost was killed by ${signal}` : `the judgehost exited with code ${code}`);
    // Jobs in flight when the host dies are the judge's failure, not the contestant's: judged again.
    for (const job of this.pending.values()) job.resolve(judgeFaultResult(reason));
    this.pending.clear();
    for (const waiter of this.statsWaiters.splice(0)) waiter({ runs: 0, spawnBlockMsP50: 0, spawnBlockMsP99: 0, spawnBlockMsMax: 0 });
    for (const listener of this.exitListeners) listener(reason);
  }
}
