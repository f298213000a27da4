// Whether a process still runs, for the files and folders Verdict processes mark with their pid
// (temp folders, uid-block claims, cgroups, the data folder's lock).

/** Whether a process with this pid runs (EPERM: it runs, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
