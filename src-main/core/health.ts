// Whether the judge is in working order, for /health and the judges' console.
import { statfsSync } from 'node:fs';
import type { CoreContext } from './context.ts';

/** Below this much free space in the data folder the database may fail to take a submission. */
const LOW_DISK_BYTES = 8 * 1024 * 1024;

/** Why the judge is not in working order, in words for the organiser; empty when it is. */
export function healthProblems(ctx: Pick<CoreContext, 'engine' | 'dataDir'>): string[] {
  const problems: string[] = [];
  const judgehost = ctx.engine.host.health();
  if (judgehost.status !== 'running') {
    const why = judgehost.lastFailure ? `: ${judgehost.lastFailure.reason}` : '';
    problems.push(
      judgehost.status === 'failed'
        ? `judging is stopped: the judgehost keeps failing${why} (submissions are still accepted and queued)`
        : `judging waits for a new judgehost${why}`,
    );
  }
  if (!ctx.engine.hasWorkers) {
    problems.push(
      ctx.engine.local.paused
        ? 'no judgehost takes judgings: the local one is paused by a judge (resume it under Judgehosts) and no remote one is live and active; submissions are still accepted and queued'
        : 'no judgehost is live: judging waits until a remote judgehost joins (verdict judgehost); submissions are still accepted and queued',
    );
  }
  const free = freeBytes(ctx.dataDir);
  if (free !== null && free < LOW_DISK_BYTES) {
    problems.push(`the data folder's disk is full (${Math.floor(free / 1024)} KiB free in ${ctx.dataDir}): submissions are refused until space is freed`);
  }
  return problems;
}

function freeBytes(dir: string): number | null {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}
