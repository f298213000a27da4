// Whether the judge is in working order, for /health and the judges' console.
import type { ServerContext } from './context.ts';

/** Why the judge is not in working order, in words for the organiser; empty when it is. */
export function healthProblems(ctx: ServerContext): string[] {
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
  return problems;
}
