// Verdict's own temporary folders carry their owner's pid (`<tmp>/verdict-<what>-<pid>-XXXXXX`), so
// the folders of a process that died without cleaning up (kill -9, power loss) can be told apart
// and removed by the next one to start. They live in the system's temp folder, or, for scratch that
// is rewritten on every test run, in its shared-memory folder (a tmpfs) where there is room.
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from './processes.ts';
import { readdirOrEmpty } from './quietFs.ts';

const OWNED = /^verdict-[a-z]+-(\d+)-[^-]+$/;
/** A tmpfs on almost every Linux machine: files there cost no disk journal (ext4 truncates a file
 *  in 0.1-0.2 ms, a tmpfs in microseconds). */
const SHARED_MEMORY_DIR = '/dev/shm';
/** statfs's f_type of a tmpfs. */
const TMPFS_MAGIC = 0x01021994;

function ownedDirIn(base: string, what: string): string {
  if (!/^[a-z]+$/.test(what)) throw new Error(`temp folder kind must be lower-case letters, got '${what}'`);
  return mkdtempSync(join(base, `verdict-${what}-${process.pid}-`));
}

/** A fresh private folder `<tmp>/verdict-<what>-<pid>-XXXXXX` (mode 0700). */
export function ownedTempDir(what: string): string {
  return ownedDirIn(tmpdir(), what);
}

/**
 * A fresh private folder in shared memory when it is a tmpfs with at least `minFreeBytes` free (a
 * container's 64 MiB /dev/shm is not), else null: the caller then uses the disk. What is written
 * there is memory, charged to the writer's memory cgroup.
 */
export function ownedMemoryTempDir(what: string, minFreeBytes: number): string | null {
  try {
    const fs = statfsSync(SHARED_MEMORY_DIR);
    if (fs.type !== TMPFS_MAGIC || fs.bavail * fs.bsize < minFreeBytes) return null;
    return ownedDirIn(SHARED_MEMORY_DIR, what);
  } catch {
    return null; // no /dev/shm, or not writable
  }
}

/** The folders Verdict's temp folders may be in. */
export function tempRoots(): string[] {
  return [tmpdir(), SHARED_MEMORY_DIR];
}

/** Removes the temp folders of Verdict processes that are gone; returns how many. */
export function sweepDeadTempDirs(): number {
  let removed = 0;
  for (const root of tempRoots()) {
    for (const name of readdirOrEmpty(root)) {
      const owner = OWNED.exec(name);
      if (!owner || isAlive(Number(owner[1]))) continue;
      rmSync(join(root, name), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
