// The judgehost's sandbox environment: a private workspace, the empty mount point every run's
// root is built on, a slot host per worker slot (which holds the slot's empty network namespace as
// root), a uid per worker slot, and (where the machine has a cgroup v1 memory controller) memory
// cgroups per worker slot.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runnerBinaryPath } from '../../common/paths.ts';
import { readdirOrEmpty, readFileOrEmpty } from '../../common/quietFs.ts';
import { isAlive } from '../../common/processes.ts';
import { ownedMemoryTempDir, ownedTempDir, sweepDeadTempDirs } from '../../common/tempFolders.ts';
import type { SandboxPlacement } from './runInPty.ts';
import { SlotHost } from './slotHost.ts';
import type { SandboxInfo, SandboxLevel } from '../../common/sandboxInfo.ts';

/** Unprivileged uids for programs when the judge runs as root: one per worker slot, so that
 *  concurrent runs never share a process count (RLIMIT_NPROC is per uid) or can signal each other.
 *  Each judgehost on the machine claims its own block (the app and a `verdict judge` may run at once). */
export const SANDBOX_UID_BASE = 62_000;
export const UID_BLOCK_SIZE = 64;
export const UID_BLOCKS = 15;
/** Where judgehosts record which uid block they hold (one file per block, holding the owner's pid).
 *  One place for the whole machine, whatever a judgehost's TMPDIR: /run (blocks are only used as root). */
const UID_BLOCK_DIR = existsSync('/run') ? '/run/verdict-uid-blocks' : join(tmpdir(), 'verdict-uid-blocks');

/** Claims a free uid block (exclusive create of its file; a block whose owner died is taken over). */
function claimUidBlock(): { block: number; release: () => void } {
  mkdirSync(UID_BLOCK_DIR, { recursive: true, mode: 0o755 });
  for (let block = 0; block < UID_BLOCKS; block++) {
    const file = join(UID_BLOCK_DIR, String(block));
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(file, String(process.pid), { flag: 'wx' });
        return { block, release: () => rmSync(file, { force: true }) };
      } catch {
        const owner = Number(readFileOrEmpty(file));
        if (owner && isAlive(owner)) break;
        rmSync(file, { force: true }); // stale: its judgehost is gone
      }
    }
  }
  throw new Error(`all ${UID_BLOCKS} sandbox uid blocks are in use by running judgehosts`);
}

/** Test runs' output goes to shared memory only where this much of it is free (bytes): a slot's
 *  stdout and stderr each reach at most a problem's output limit, and a full tmpfs would make a
 *  correct program fail to write. */
const RUN_IO_MIN_FREE_BYTES = 1024 ** 3;

/** How long dispose waits for the slot hosts' processes to leave the memory cgroups it removes (ms). */
const DISPOSE_WAIT_MS = 2000;
/** How often dispose looks again meanwhile (ms). */
const DISPOSE_POLL_MS = 5;

export interface SandboxOptions {
  disable?: boolean;
}

export class Sandbox {
  readonly workspace: string;
  readonly rootDir: string;
  readonly info: SandboxInfo;
  /** Where test runs' stdout and stderr go, a folder per worker slot: shared memory where there is
   *  room (rewritten on every test: on a disk, each truncation costs a journal transaction). */
  private readonly runIoDir: string;
  private readonly uidBlock: { block: number; release: () => void } | null;
  private readonly cgroupDir: string | null;
  private readonly slotCgroups = new Set<string>();
  /** Each worker slot's slot host, started at its first run. As root it holds the slot's network
   *  namespace: concurrent runs of different slots never share one (abstract unix sockets live in
   *  the network namespace). */
  private readonly slotHosts = new Map<number, SlotHost>();

  private constructor(workspace: string, info: SandboxInfo, uidBlock: { block: number; release: () => void } | null, cgroupDir: string | null) {
    this.workspace = workspace;
    this.rootDir = join(workspace, 'root');
    this.info = info;
    this.uidBlock = uidBlock;
    this.cgroupDir = cgroupDir;
    this.runIoDir = ownedMemoryTempDir('io', RUN_IO_MIN_FREE_BYTES) ?? join(workspace, 'io');
  }

  /** Prepares the workspace and probes which isolation this machine allows. */
  static async create(options: SandboxOptions = {}): Promise<Sandbox> {
    sweepDeadOwners();
    const workspace = ownedTempDir('host');
    // Traversable (programs' uids must reach their bind-mounted box), but not listable.
    chmodSync(workspace, 0o711);
    mkdirSync(join(workspace, 'root'), { mode: 0o755 });
    const isRoot = process.getuid?.() === 0;
    if (options.disable) {
      return new Sandbox(workspace, { level: 'none', memoryCgroup: false, description: 'sandbox disabled: rlimits and a process group only' }, null, null);
    }
    const level: SandboxLevel = isRoot ? 'full' : probeUserNamespaces(workspace) ? 'userns' : 'none';
    const cgroupDir = level === 'full' ? createMemoryCgroup() : null;
    const description = {
      full: `PID, mount and network namespaces, minimal read-only root, unprivileged uid per worker, rlimits${cgroupDir ? ', a memory cgroup per worker slot' : ' (no memory cgroup: memory is capped per process)'}`,
      userns: 'user, PID, mount and network namespaces, minimal read-only root, rlimits (programs keep the judge\'s uid; memory is capped per process)',
      none: 'rlimits and a process group only: user namespaces are unavailable and the judge is not root',
    }[level];
    const sandbox = new Sandbox(workspace, { level, memoryCgroup: cgroupDir !== null, description }, level === 'full' ? claimUidBlock() : null, cgroupDir);
    // As root, slot hosts make network namespaces and join memory cgroups: the first one starts
    // now, so that a machine where that fails says so at start.
    if (isRoot) {
      try {
        await sandbox.slotHost(0).pid();
      } catch (error) {
        sandbox.dispose();
        throw error;
      }
    }
    return sandbox;
  }

  /** Placement of a run for worker slot `slot`, or null when runs are not sandboxed. */
  async placement(slot: number): Promise<SandboxPlacement | null> {
    if (this.info.level === 'none') return null;
    return {
      rootDir: this.rootDir,
      host: this.slotHost(slot),
      uid: this.uidFor(slot),
      cgroupDir: this.slotCgroup(`slot-${slot}`),
      buildCgroupDir: this.slotCgroup(`slot-${slot}-build`),
      ioDir: this.slotIoDir(slot),
    };
  }

  /** A slot's folder for its test runs' output (the slot judges one submission at a time). */
  private slotIoDir(slot: number): string {
    const dir = join(this.runIoDir, `slot-${slot}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  /** A slot's slot host (started at its first run). Without root it holds no network namespace:
   *  the runner then makes one per run, inside the run's user namespace. */
  slotHost(slot: number): SlotHost {
    let host = this.slotHosts.get(slot);
    if (!host) {
      host = new SlotHost({
        slot,
        controlDir: join(this.workspace, 'control'),
        cgroupDir: this.slotCgroup(`slot-${slot}`),
        holdNetwork: this.info.level === 'full',
        cpu: this.cpuFor(slot),
      });
      this.slotHosts.set(slot, host);
    }
    return host;
  }

  /** A memory cgroup of a slot, made at its first run (a slot runs one program at a time). */
  private slotCgroup(name: string): string | null {
    if (!this.cgroupDir) return null;
    const dir = join(this.cgroupDir, name);
    if (this.slotCgroups.has(dir)) return dir;
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    this.slotCgroups.add(dir);
    return dir;
  }

  /** The CPU a slot's runs are pinned to: slots take the CPUs this process may use in turn. */
  private cpuFor(slot: number): number | null {
    const cpus = allowedCpus();
    return cpus.length > 1 ? cpus[slot % cpus.length] : null;
  }

  /** The uid that owns a run's writable folders (null: the judge's own). */
  uidFor(slot: number): number | null {
    if (!this.uidBlock) return null;
    if (slot >= UID_BLOCK_SIZE) throw new Error(`worker slot ${slot} is beyond the ${UID_BLOCK_SIZE} a judgehost supports`);
    return SANDBOX_UID_BASE + this.uidBlock.block * UID_BLOCK_SIZE + slot;
  }

  dispose(): void {
    for (const host of this.slotHosts.values()) host.dispose();
    // The slot hosts (and their runs) must have left the memory cgroups before these can go.
    if (this.cgroupDir) removeCgroup(this.cgroupDir, DISPOSE_WAIT_MS);
    this.uidBlock?.release();
    rmSync(this.runIoDir, { recursive: true, force: true });
    rmSync(this.workspace, { recursive: true, force: true });
  }
}

/** The CPUs this process may run on (Cpus_allowed_list of /proc/self/status), e.g. "0-3,6". */
function allowedCpus(): number[] {
  const list = /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileOrEmpty('/proc/self/status'))?.[1] ?? '';
  return list.split(',').filter(Boolean).flatMap((range) => {
    const [from, to = from] = range.split('-').map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

/** Removes what judgehosts (and servers) that died without cleaning up left: their temp folders
 *  (workspaces with every run's files) and their uid-block claims. */
function sweepDeadOwners(): void {
  sweepDeadTempDirs();
  for (const block of readdirOrEmpty(UID_BLOCK_DIR)) {
    const owner = Number(readFileOrEmpty(join(UID_BLOCK_DIR, block)));
    if (owner && !isAlive(owner)) rmSync(join(UID_BLOCK_DIR, block), { force: true });
  }
}

function probeUserNamespaces(workspace: string): boolean {
  const probe = spawnSync(
    runnerBinaryPath(),
    ['--sandbox', 'full', '--root', join(workspace, 'root'), '--result', join(workspace, 'probe.json'), '--', '/bin/true'],
    { encoding: 'utf8' },
  );
  return probe.status === 0;
}

/** Memory cgroups this process made (several sandboxes may live in one process: tests). */
let cgroupsCreated = 0;

/** Where the cgroup v1 memory controller is mounted, or null (cgroup v2 only, or none). */
function memoryHierarchy(): string | null {
  for (const line of readFileOrEmpty('/proc/self/mounts').split('\n')) {
    const [, mountPoint, type, options] = line.split(' ');
    if (type === 'cgroup' && options?.split(',').includes('memory')) return mountPoint;
  }
  return null;
}

/**
 * A memory cgroup of this judgehost's own (`verdict-<pid>-<n>` under the cgroup it runs in), checked by
 * creating a child and capping it as the runner will; null where that cannot be done. Groups left by
 * judgehosts that died are removed on the way.
 */
function createMemoryCgroup(): string | null {
  const mount = memoryHierarchy();
  const line = readFileOrEmpty('/proc/self/cgroup').split('\n').find((l) => l.split(':')[1]?.split(',').includes('memory'));
  if (!mount || !line) return null;
  const parent = join(mount, line.split(':').slice(2).join(':'));
  for (const name of readdirOrEmpty(parent)) {
    const owner = /^verdict-(\d+)-\d+$/.exec(name);
    if (owner && !isAlive(Number(owner[1]))) removeCgroup(join(parent, name));
  }
  const dir = join(parent, `verdict-${process.pid}-${++cgroupsCreated}`);
  try {
    mkdirSync(dir);
    const probe = join(dir, 'probe');
    mkdirSync(probe);
    writeFileSync(join(probe, 'memory.limit_in_bytes'), String(64 * 1024 * 1024));
    rmdirSync(probe);
    return dir;
  } catch {
    removeCgroup(dir);
    return null;
  }
}

/** Removes a (no longer used) cgroup and its child groups: cgroups go with rmdir, never unlink.
 *  Processes still leaving them (killed, not yet exited) are waited for up to `waitMs`. */
function removeCgroup(dir: string, waitMs = 0): void {
  const deadline = performance.now() + waitMs;
  for (;;) {
    for (const name of readdirOrEmpty(dir)) {
      if (name.startsWith('slot-') || name === 'probe') {
        try {
          rmdirSync(join(dir, name));
        } catch {
          /* a run still going (a killed judgehost's runs die with it), or gone */
        }
      }
    }
    try {
      rmdirSync(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EBUSY' || performance.now() >= deadline) return;
    }
    // A short synchronous pause: dispose runs at exit, when nothing else is left to do.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, DISPOSE_POLL_MS);
  }
}
