// Keeps a judgehost running for the core: starts it, watches it with a heartbeat, and replaces one
// that exits or stops answering (killing it first: its runs die with it). Jobs it had in flight come
// back as judge faults, which the worker pool judges again. Restarts back off; when they keep
// failing the supervisor says so (`health()`), and judging waits while submissions keep queueing.
import type { Logger } from 'pino';
import { log } from '../common/log.ts';
import type { JudgeBackend } from './workerPool.ts';
import { judgeFaultResult, type JudgeResult } from '../common/results.ts';
import type { SandboxInfo } from '../common/sandboxInfo.ts';
import { JudgehostClient, type JobListener, type JudgehostOptions } from './judgehostClient.ts';
import type { HostStats, JudgeJob, LanguageInfo } from '../common/judgehostProtocol.ts';

/** How often the judgehost is asked whether it still answers. */
const HEARTBEAT_INTERVAL_MS = 1000;
/** A judgehost silent this long is taken for stopped (SIGSTOP, a deadlock) and replaced. */
const HEARTBEAT_TIMEOUT_MS = 4000;
/** A judgehost that has not said it is ready within this time (language probes included) has failed to start. */
const START_TIMEOUT_MS = 60_000;
/** Restart delays: the first restart is at once, then doubling up to the cap. */
const RESTART_DELAYS_MS = [0, 500, 1000, 2000, 4000, 8000, 15_000, 30_000];
/** This many failures within the window and the judgehost is reported failed (restarts go on at the slowest pace). */
const FAILURES_BEFORE_FAILED = 5;
const FAILURE_WINDOW_MS = 120_000;

export type JudgehostStatus = 'running' | 'restarting' | 'failed' | 'stopped';

export interface JudgehostHealth {
  status: JudgehostStatus;
  /** Process id of the running judgehost, if one runs. */
  pid: number | null;
  /** Judgehosts started after the first one. */
  restarts: number;
  /** The last failure: when, and why (exit, kill, heartbeat, failed start). */
  lastFailure: { at: number; reason: string } | null;
}

export class JudgehostSupervisor implements JudgeBackend {
  readonly sandbox: SandboxInfo;
  readonly languages: LanguageInfo[];
  private readonly options: JudgehostOptions;
  private readonly log: Logger;
  private host: JudgehostClient | null;
  private status: JudgehostStatus = 'running';
  private restarts = 0;
  private failures: { at: number; reason: string }[] = [];
  private readonly heartbeat: NodeJS.Timeout;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<() => void>();

  private constructor(host: JudgehostClient, options: JudgehostOptions, logger: Logger) {
    this.host = host;
    this.sandbox = host.sandbox;
    this.languages = host.languages;
    this.options = options;
    this.log = logger;
    this.watch(host);
    this.heartbeat = setInterval(() => this.checkHeartbeat(), HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref();
  }

  /** Starts the first judgehost; its failure to start is the caller's error (nothing to supervise yet). */
  static async start(options: JudgehostOptions = {}): Promise<JudgehostSupervisor> {
    const logger = log.child({ component: 'judgehost' });
    const host = await startWithTimeout(options);
    logger.info({ hostPid: host.pid, sandbox: host.sandbox.level }, 'judgehost started');
    return new JudgehostSupervisor(host, options, logger);
  }

  /** Judging can proceed: a judgehost runs and answers. */
  get available(): boolean {
    return this.status === 'running' && this.host !== null && this.host.running;
  }

  get pid(): number | undefined {
    return this.host?.pid;
  }

  health(): JudgehostHealth {
    return { status: this.status, pid: this.host?.pid ?? null, restarts: this.restarts, lastFailure: this.failures.at(-1) ?? null };
  }

  /** Calls `listener` whenever the health changes (a judgehost died, or a new one is ready). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  judge(job: JudgeJob, slot: number, listener: JobListener = {}): Promise<JudgeResult> {
    if (!this.available) return Promise.resolve(judgeFaultResult(`no judgehost is running (${this.status})`));
    return this.host!.judge(job, slot, listener);
  }

  cancel(jobId: string): void {
    this.host?.cancel(jobId);
  }

  stats(): Promise<HostStats> {
    if (!this.host) return Promise.resolve({ runs: 0, spawnBlockMsP50: 0, spawnBlockMsP99: 0, spawnBlockMsMax: 0 });
    return this.host.stats();
  }

  /** Stops supervising and closes the judgehost (its runs are stopped). */
  async close(): Promise<void> {
    this.status = 'stopped';
    clearInterval(this.heartbeat);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const host = this.host;
    this.host = null;
    await host?.close();
  }

  private watch(host: JudgehostClient): void {
    host.whenExited((reason) => {
      if (this.stopped || this.host !== host) return;
      this.host = null;
      this.failed(reason, host.pid);
    });
  }

  private checkHeartbeat(): void {
    const host = this.host;
    if (!host || !host.running) return;
    const silentMs = Date.now() - host.lastPongAt;
    if (silentMs > HEARTBEAT_TIMEOUT_MS) {
      // The exit that follows the kill reports the failure and restarts.
      host.kill(`the judgehost stopped answering (no heartbeat for ${Math.round(silentMs / 1000)} s)`);
      return;
    }
    host.ping();
  }

  private failed(reason: string, pid: number | undefined): void {
    const at = Date.now();
    this.failures = [...this.failures.filter((f) => at - f.at < FAILURE_WINDOW_MS), { at, reason }];
    this.status = this.failures.length >= FAILURES_BEFORE_FAILED ? 'failed' : 'restarting';
    const delayMs = RESTART_DELAYS_MS[Math.min(this.failures.length - 1, RESTART_DELAYS_MS.length - 1)];
    const fields = { hostPid: pid, reason, failuresInWindow: this.failures.length, restartInMs: delayMs };
    if (this.status === 'failed') this.log.error(fields, 'judgehost keeps failing: judging waits until one starts');
    else this.log.warn(fields, 'judgehost failed: restarting it');
    this.changed();
    this.restartTimer = setTimeout(() => void this.restart(), delayMs);
  }

  private get stopped(): boolean {
    return this.status === 'stopped';
  }

  private async restart(): Promise<void> {
    this.restartTimer = null;
    if (this.stopped) return;
    let host: JudgehostClient;
    try {
      host = await startWithTimeout(this.options);
    } catch (error) {
      if (!this.stopped) this.failed((error as Error).message, undefined);
      return;
    }
    if (this.stopped) {
      await host.close();
      return;
    }
    // A replacement must protect runs as the first one did: judging never silently loses its sandbox.
    if (host.sandbox.level !== this.sandbox.level || host.sandbox.memoryCgroup !== this.sandbox.memoryCgroup) {
      await host.close();
      this.failed(`a new judgehost came up with a weaker sandbox (${host.sandbox.description})`, host.pid);
      return;
    }
    this.host = host;
    this.restarts++;
    this.status = 'running';
    this.watch(host);
    this.log.info({ hostPid: host.pid, restarts: this.restarts }, 'judgehost restarted');
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function startWithTimeout(options: JudgehostOptions): Promise<JudgehostClient> {
  return JudgehostClient.start({ startTimeoutMs: START_TIMEOUT_MS, ...options });
}
