// One server per data folder: a lock file naming its holder (pid, what it is, where it serves).
// Two servers judging one queue would judge every submission twice and fight over the database.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, procStatFields } from '../common/processes.ts';

export const LOCK_FILE_NAME = 'verdict.lock';

/** A lock file too fresh to be judged stale even if unreadable: its writer may be mid-write. */
const FRESH_LOCK_MS = 5000;

interface Holder {
  pid: number;
  /** Which process that pid was (boot and start time): a pid reused after a crash or reboot is not the holder. */
  identity: string | null;
  /** What holds it: "verdict serve", "the desktop app". */
  what: string;
  startedAt: string;
  /** Where it serves, once known. */
  url?: string;
}

/** The data folder is held by another running process. */
class DataFolderLockedError extends Error {
  constructor(dir: string, holder: Holder) {
    super(`the data folder ${dir} is in use by ${holder.what} (pid ${holder.pid}${holder.url ? `, serving ${holder.url}` : ''}, since ${holder.startedAt}); stop it first or use another --data`);
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  /** Records where the holder serves, for the message another process gets. */
  setUrl(url: string): void;
  release(): void;
}

/** This boot's id and the process's start time (in clock ticks since boot), or null off Linux. */
function processIdentity(pid: number): string | null {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const startTime = procStatFields(pid)?.[19];
    return startTime === undefined ? null : `${boot}:${startTime}`;
  } catch {
    return null;
  }
}

function holds(holder: Holder): boolean {
  if (holder.pid === process.pid || !isAlive(holder.pid)) return false;
  return holder.identity === null || processIdentity(holder.pid) === holder.identity;
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

function readHolder(file: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data folder's lock for this process, or throws DataFolderLockedError naming the holder.
 * A lock left by a process that died (kill -9, power loss) is taken over.
 */
export function lockDataFolder(dir: string, what: string): DataFolderLock {
  const file = join(dir, LOCK_FILE_NAME);
  const holder: Holder = { pid: process.pid, identity: processIdentity(process.pid), what, startedAt: new Date().toISOString() };
  const write = (flag: 'wx' | 'w') => writeFileSync(file, JSON.stringify(holder), { flag, mode: 0o600 });
  /** Creates the lock file; false when there is one already. */
  const create = (): boolean => {
    try {
      write('wx');
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return false;
    }
  };
  for (let attempt = 0; !create(); attempt++) {
    const current = readHolder(file);
    if (current && holds(current)) throw new DataFolderLockedError(dir, current);
    if (!current && ageMs(file) < FRESH_LOCK_MS) throw new Error(`the data folder ${dir} is being opened by another process (${file})`);
    if (attempt > 0) throw new Error(`could not take the lock ${file}`);
    rmSync(file, { force: true }); // left by a process that is gone
  }
  let released = false;
  return {
    setUrl(url) {
      holder.url = url;
      if (!released) write('w');
    },
    release() {
      if (released) return;
      released = true;
      if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}
