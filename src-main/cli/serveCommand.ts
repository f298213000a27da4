// `verdict serve --contest <dir> [--host] [--port] [--workers N] [--data <dir>]`: the headless judge.
import { log } from '../common/log.ts';
import { escapeControls } from './output.ts';
import { serveBanner } from './serveBanner.ts';
import { resourcePath } from '../common/paths.ts';
import { startContestServer } from '../server/contestServer.ts';
import { samplePasswordWarning } from '../server/servingAddress.ts';
import { redactedUrl } from '../common/remoteJobs.ts';

/** A stop that takes longer than this (a stuck connection, a judgehost that will not die) is cut short. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

export interface ServeOptions {
  contest?: string;
  host: string;
  port: number;
  workers?: number;
  /** A Redis URL: remote judgehosts judge too (`verdict judgehost`). */
  queue?: string;
  data?: string;
  allowUnsandboxed: boolean;
  /** --trust-proxy: behind a TLS proxy (X-Forwarded-For/-Proto are believed; the session cookie is Secure over https). */
  trustProxy?: boolean;
}

export async function serveCommand(options: ServeOptions): Promise<number> {
  const contestDir = options.contest ?? resourcePath('sample-contest');
  const server = await startContestServer({
    contestDir,
    host: options.host,
    port: options.port,
    workers: options.workers,
    queue: options.queue,
    dataDir: options.data,
    allowUnsandboxed: options.allowUnsandboxed,
    trustProxy: options.trustProxy,
  });
  const { context } = server;
  const contest = context.store.contest.get()!;
  const sandbox = context.engine.host.sandbox;
  for (const line of serveBanner({ contest: context.contest, name: contest.name, contestId: contest.id, url: server.url, dataDir: context.dataDir, pagesBuilt: context.rendererDir !== null })) console.log(line);
  // Judging only remotely, the pool's one slot is no worker until a judgehost joins.
  const workers = context.engine.hasWorkers ? `${context.engine.pool.workers} workers` : 'no workers until a remote judgehost joins';
  console.log(`verdict: ${workers}, sandbox level ${sandbox.level}: ${sandbox.description}`);
  if (options.queue) console.log(`verdict: remote judgehosts take judgings from the queue at ${redactedUrl(options.queue)} (${options.workers ?? 'one per core'} local workers besides)`);
  if (sandbox.level === 'none') console.log('verdict: warning: judging WITHOUT a sandbox (--allow-unsandboxed): contestants\' programs can reach the network and the judge\'s files');
  for (const warning of context.contest.warnings) console.log(`verdict: warning: ${escapeControls(warning)}`);
  const lanWarning = await samplePasswordWarning(context.contest, options.host);
  if (lanWarning) console.log(`verdict: warning: ${lanWarning}`);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGHUP', () => resolve('SIGHUP'));
  });
  // Stop taking work, stop the judgehost (judgings in flight go back to the queue), close, exit.
  // A second signal, or a stop that hangs, ends the process at once: the store is safe either way.
  console.log(`verdict: stopping (${signal})…`);
  const cutShort = (why: string) => {
    log.error({ why }, 'stop cut short');
    process.exit(1);
  };
  for (const again of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(again, () => cutShort(`a second ${again}`));
  setTimeout(() => cutShort(`still stopping after ${SHUTDOWN_TIMEOUT_MS / 1000} s`), SHUTDOWN_TIMEOUT_MS).unref();
  await server.close();
  console.log('verdict: stopped');
  return 0;
}
