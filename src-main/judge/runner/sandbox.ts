// The judgehost's sandbox environment: a private workspace, the empty mount point every run's
// root is built on, one long-lived empty network namespace, and a uid per worker slot.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runnerBinaryPath } from '../../paths.ts';
import type { SandboxPlacement } from './runInPty.ts';

/** Unprivileged uids for programs when the judge runs as root: one per worker slot, so that
 *  concurrent runs never share a process count or can signal each other. */
export const SANDBOX_UID_BASE = 62_000;

/** What protects a run, as reported to users (README "Sandbox"). */
export type SandboxLevel = 'full' | 'userns' | 'none';

export interface SandboxInfo {
  level: SandboxLevel;
  /** One line for humans: which protections hold. */
  description: string;
}

export class Sandbox {
  readonly workspace: string;
  readonly rootDir: string;
  readonly info: SandboxInfo;
  private readonly netnsHolder: ChildProcess | null;

  private constructor(workspace: string, info: SandboxInfo, netnsHolder: ChildProcess | null) {
    this.workspace = workspace;
    this.rootDir = join(workspace, 'root');
    this.info = info;
    this.netnsHolder = netnsHolder;
  }

  /** Prepares the workspace and probes which isolation this machine allows. */
  static async create(options: { disable?: boolean } = {}): Promise<Sandbox> {
    const workspace = mkdtempSync(join(tmpdir(), 'verdict-'));
    // Traversable (programs' uids must reach their bind-mounted box), but not listable.
    chmodSync(workspace, 0o711);
    mkdirSync(join(workspace, 'root'), { mode: 0o755 });
    const isRoot = process.getuid?.() === 0;
    if (options.disable) {
      return new Sandbox(workspace, { level: 'none', description: 'sandbox disabled: rlimits and a process group only' }, null);
    }
    let holder: ChildProcess | null = null;
    if (isRoot) holder = await startNetnsHolder();
    const level: SandboxLevel = isRoot ? 'full' : probeUserNamespaces(workspace) ? 'userns' : 'none';
    const description = {
      full: 'PID, mount and network namespaces, minimal read-only root, unprivileged uid per worker, rlimits',
      userns: 'user, PID, mount and network namespaces, minimal read-only root, rlimits (programs keep the judge\'s uid)',
      none: 'rlimits and a process group only: user namespaces are unavailable and the judge is not root',
    }[level];
    return new Sandbox(workspace, { level, description }, holder);
  }

  /** Placement of a run for worker slot `slot`, or null when runs are not sandboxed. */
  placement(slot: number): SandboxPlacement | null {
    if (this.info.level === 'none') return null;
    return {
      rootDir: this.rootDir,
      netnsPath: this.netnsHolder?.pid ? `/proc/${this.netnsHolder.pid}/ns/net` : null,
      uid: this.info.level === 'full' ? SANDBOX_UID_BASE + slot : null,
    };
  }

  /** The uid that owns a run's writable folders (null: the judge's own). */
  uidFor(slot: number): number | null {
    return this.info.level === 'full' ? SANDBOX_UID_BASE + slot : null;
  }

  dispose(): void {
    this.netnsHolder?.kill('SIGKILL');
    rmSync(this.workspace, { recursive: true, force: true });
  }
}

function startNetnsHolder(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(runnerBinaryPath(), ['--hold-netns'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.stdout!.once('data', () => {
      // The holder must never keep the judgehost alive on its own.
      child.unref();
      (child.stdout as unknown as { unref?: () => void }).unref?.();
      (child.stderr as unknown as { unref?: () => void }).unref?.();
      (child.stdin as unknown as { unref?: () => void }).unref?.();
      resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`network namespace holder failed (exit ${code}): ${stderr.trim()}`)));
    child.once('error', reject);
  });
}

function probeUserNamespaces(workspace: string): boolean {
  const probe = spawnSync(
    runnerBinaryPath(),
    ['--sandbox', 'full', '--root', join(workspace, 'root'), '--result', join(workspace, 'probe.json'), '--', '/bin/true'],
    { encoding: 'utf8' },
  );
  return probe.status === 0;
}
