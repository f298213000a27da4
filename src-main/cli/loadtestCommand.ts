// `verdict loadtest --url <url> --teams N --submissions M`: load a running contest server.
import { resourcePath } from '../common/paths.ts';
import { checkTarget, loginTeams, runLoad, sourcesFromContest } from '../load/loadtest.ts';

export interface LoadtestOptions {
  url: string;
  teams: number;
  submissions: number;
  contest?: string;
  json: boolean;
  /** Usernames and passwords; `{n}` is the team number (defaults match the sample contest). */
  userPattern: string;
  passwordPattern: string;
  timeoutSeconds: number;
}

export async function loadtestCommand(options: LoadtestOptions): Promise<number> {
  checkTarget(options.url);
  const fill = (pattern: string, n: number) => pattern.replaceAll('{n}', String(n));
  const url = options.url.replace(/\/$/, '');
  const sessions = await loginTeams(url, options.teams, (n) => ({ username: fill(options.userPattern, n), password: fill(options.passwordPattern, n) }));
  const report = await runLoad({
    url,
    sessions,
    submissions: options.submissions,
    sources: sourcesFromContest(options.contest ?? resourcePath('sample-contest')),
    verdictTimeoutMs: options.timeoutSeconds * 1000,
    waitForVerdicts: true,
  });
  if (options.json) console.log(JSON.stringify(report));
  else {
    console.log(`teams logged in: ${report.teamsLoggedIn}`);
    console.log(`submissions: ${report.submitted} sent, ${report.acknowledged} acknowledged, ${report.errors.length} errors, ${report.lost} lost`);
    console.log(`ack latency ms: p50 ${report.ackMs.p50}  p95 ${report.ackMs.p95}  p99 ${report.ackMs.p99}  max ${report.ackMs.max}`);
    console.log(`verdicts: ${report.verdicts}/${report.acknowledged}${report.lastVerdictMs !== null ? `, last after ${report.lastVerdictMs} ms` : ' (gave up waiting)'}`);
    for (const e of report.errors.slice(0, 5)) console.log(`error: ${e.status} ${e.message}`);
  }
  return report.errors.length === 0 && report.lost === 0 && report.allVerdictsArrived ? 0 : 1;
}
