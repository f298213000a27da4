// Whether a process still runs, for the files and folders Verdict processes mark with their pid
// (temp folders, uid-block claims, cgroups, the data folder's lock); and the scheduling group of a
// process that must yield the CPU to the server.
import { readFileSync, writeFileSync } from 'node:fs';

/** Whether a process with this pid runs (EPERM: it runs, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses):
 * [0] state, [1] parent pid, [3] session, [11] utime, [12] stime, [16] nice, [19] start time (clock
 * ticks since boot). Null when there is no such process, or no /proc.
 */
export function procStatFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * Gives the scheduling group of a session leader's session (Linux's sched_autogroup) a niceness. Where
 * the kernel groups processes by session (the default of most distributions) the CPU is shared between
 * sessions first and by niceness only within one: a nice 19 process in the server's session takes the
 * server's whole share whenever the server idles, ahead of any other session. A process that is to use
 * only what others leave is started as a session of its own (`detached`) and its group niced here.
 * False where the kernel has no autogroups or refused: the process then yields by its own niceness only.
 */
export function setSessionNiceness(pid: number, niceness: number): boolean {
  // Only a session's leader: any other process's file is its session's, the server's own perhaps.
  if (procStatFields(pid)?.[3] !== String(pid)) return false;
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(niceness));
    return true;
  } catch {
    return false;
  }
}
