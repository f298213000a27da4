// A remote judgehost (`verdict judgehost`): checks its account with the server, fetches every
// problem's package into its cache, starts a local JudgeEngine and a queue worker with as many
// workers, and tells the server every HEARTBEAT_MS that it is alive (its workers join the server's
// pool: the server dispatches no more judgings than the live judgehosts have workers).
import { log } from '../common/log.ts';
import { JudgeEngine } from '../judging/engine.ts';
import { JudgingWorker } from './judgingWorker.ts';
import { PackageCache } from './packageCache.ts';
import { ServerClient } from './serverClient.ts';

/** How often the server hears from a judgehost (it counts one silent for 6 s as gone). */
const HEARTBEAT_MS = 2000;

export interface JudgehostAgentOptions {
  server: string;
  queue: string;
  user: string;
  password: string;
  workers: number;
  name: string;
  cacheDir: string;
  allowUnsandboxed: boolean;
}

export interface JudgehostAgent {
  engine: JudgeEngine;
  /** Problems whose package could not be fetched at start (they are tried again per judging). */
  unreadable: { id: string; error: string }[];
  close(): Promise<void>;
}

export async function startJudgehostAgent(options: JudgehostAgentOptions): Promise<JudgehostAgent> {
  const server = new ServerClient(options.server, options.user, options.password);
  // The account first: a wrong password stops here, before anything starts.
  const problems = await server.problems();
  const packages = new PackageCache(options.cacheDir, server);
  const unreadable: { id: string; error: string }[] = [];
  await Promise.all(
    problems.map(async (problem) => {
      if (!('sha256' in problem)) return void unreadable.push(problem);
      try {
        await packages.get(problem.sha256);
      } catch (error) {
        unreadable.push({ id: problem.id, error: (error as Error).message });
      }
    }),
  );
  const engine = await JudgeEngine.start({ workers: options.workers, allowUnsandboxed: options.allowUnsandboxed });
  let worker: JudgingWorker;
  try {
    worker = new JudgingWorker({ queueUrl: options.queue, name: options.name, workers: options.workers, engine, packages, server });
  } catch (error) {
    await engine.close();
    throw error;
  }
  const beat = async () => {
    try {
      await server.heartbeat({ name: options.name, workers: options.workers, busy: worker.busy });
    } catch (error) {
      // The server restarting: keep judging what we have, beat again.
      log.warn({ err: error }, 'heartbeat not delivered');
    }
  };
  await beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  return {
    engine,
    unreadable,
    async close() {
      clearInterval(timer);
      await worker.close();
      await engine.close();
    },
  };
}
