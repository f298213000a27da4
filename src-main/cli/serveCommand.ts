// `verdict serve --contest <dir> [--host] [--port] [--workers N] [--data <dir>]`: the headless judge.
import { resourcePath } from '../paths.ts';
import { startContestServer } from '../server/contestServer.ts';

export interface ServeOptions {
  contest?: string;
  host: string;
  port: number;
  workers?: number;
  data?: string;
}

export async function serveCommand(options: ServeOptions): Promise<number> {
  const contestDir = options.contest ?? resourcePath('sample-contest');
  const server = await startContestServer({ contestDir, host: options.host, port: options.port, workers: options.workers, dataDir: options.data });
  const { context } = server;
  const contest = context.store.getContest()!;
  console.log(`verdict: ${contest.name} (${context.contest.problems.length} problems, ${context.contest.teams.length} teams)`);
  console.log(`verdict: contestants' portal  ${server.url}/`);
  console.log(`verdict: contest API          ${server.url}/api/contests/${contest.id}`);
  console.log(`verdict: ${context.engine.pool.workers} workers, sandbox: ${context.engine.host.sandbox.description}`);
  if (!context.rendererDir) console.log('verdict: the portal pages are not built: run `npm run build` to serve them');
  for (const warning of context.contest.warnings) console.log(`verdict: warning: ${warning}`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('verdict: stopping…');
  await server.close();
  return 0;
}
