// A remote judgehost (`verdict judgehost`): checks its account with the server and its Redis, fetches
// every problem's package into its cache, starts a local JudgeEngine (timing the reference workload,
// judging/calibration.ts), checks its sandbox and languages, joins with a first heartbeat (refused
// when a live judgehost has its name), starts a queue worker with as many workers, and tells the server every
// HEARTBEAT_MS that it is alive, with its sandbox level, languages, calibration and running judgings
// (its workers join the server's pool: the server dispatches no more judgings than the live active
// judgehosts have workers). The heartbeat's answer carries a judge's order: paused, it takes no new
// judging; draining, it finishes the running ones, reports them, and stops (`drained` resolves).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { log } from '../common/log.ts';
import { isWeakerSandbox } from '../common/sandboxInfo.ts';
import { QueueError, redactedUrl, type HeartbeatAnswer, type JudgehostHeartbeat, type JudgehostMode } from '../common/remoteJobs.ts';
import { JudgeEngine } from '../judging/engine.ts';
import { JudgingWorker } from './judgingWorker.ts';
import { PackageCache } from './packageCache.ts';
import { ServerClient } from './serverClient.ts';

/** How often the server hears from a judgehost (it counts one silent for 6 s as gone). */
const HEARTBEAT_MS = 2000;
/**
 * A judgehost restarted at once after a crash finds its old self still listed under its name: it tries this long
 * (longer than the server waits before counting a silent judgehost gone) before it says the name is taken.
 */
const NAME_TAKEN_WAIT_MS = 8000;
const NAME_TAKEN_RETRY_MS = 1000;

export interface JudgehostAgentOptions {
  server: string;
  queue: string;
  user: string;
  password: string;
  workers: number;
  name: string;
  cacheDir: string;
  allowUnsandboxed: boolean;
  /** Join even with a sandbox weaker than the server's (`--allow-weaker-sandbox`). */
  allowWeakerSandbox: boolean;
  /** Judge only these languages (`--languages`); every one available here when absent. */
  languages?: string[];
  /** Told when a judge's order changes what it does (the command prints it). */
  onMode?: (mode: JudgehostMode) => void;
}

export interface JudgehostAgent {
  engine: JudgeEngine;
  /** Problems whose package could not be fetched at start (they are tried again per judging). */
  unreadable: { id: string; error: string }[];
  /** The languages it takes judgings in. */
  languages: string[];
  /** Resolves once a judge drained it: its judgings are reported and it has closed. */
  drained: Promise<void>;
  close(): Promise<void>;
}

export async function startJudgehostAgent(options: JudgehostAgentOptions): Promise<JudgehostAgent> {
  const server = new ServerClient(options.server, options.user, options.password);
  // The account first: a wrong password stops here, before anything starts.
  const { problems, sandbox: serverSandbox } = await server.problems();
  // Then Redis, before any package is fetched or the engine started: a Redis it cannot use (unreachable, a wrong
  // password) stops it here, not its queue workers' endless retries while the server counts its workers.
  await checkQueue(options.queue);
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
  const engine = await JudgeEngine.start({ workers: options.workers, allowUnsandboxed: options.allowUnsandboxed, calibrate: true });
  const calibration = engine.local.calibration;
  if (calibration && 'error' in calibration) log.warn({ why: calibration.error }, 'no calibration: the server cannot compare this judgehost\'s speed');
  let languages: string[];
  let fixed: Omit<JudgehostHeartbeat, 'busy' | 'judgementIds'>;
  let worker: JudgingWorker;
  let first: HeartbeatAnswer;
  try {
    const level = engine.host.sandbox.level;
    if (isWeakerSandbox(level, serverSandbox) && !options.allowWeakerSandbox) {
      throw new JudgehostSetupError(
        `this judgehost's sandbox (${level}: ${engine.host.sandbox.description}) is weaker than the server's (${serverSandbox}): its programs would be held less than the server's are. Run it as root, or join anyway with --allow-weaker-sandbox`,
      );
    }
    languages = judgedLanguages(engine, options.languages);
    fixed = {
      name: options.name,
      instance: randomUUID(),
      workers: options.workers,
      sandbox: engine.host.sandbox.level,
      languages,
      calibrationMs: calibration && 'medianMs' in calibration ? calibration.medianMs : null,
    };
    // Before taking any job: a name another live judgehost has stops it here.
    first = await firstHeartbeat(server, { ...fixed, busy: 0, judgementIds: [] });
    worker = new JudgingWorker({ queueUrl: options.queue, name: options.name, workers: options.workers, languages, engine, packages, server });
  } catch (error) {
    await engine.close();
    throw error;
  }
  let mode: JudgehostMode = 'active';
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      // Beating on while the running judgings finish: the server shows it draining, not gone.
      await worker.close();
      clearInterval(timer);
      await engine.close();
    })();
    return closing;
  };
  let drainedNow = () => {};
  const drained = new Promise<void>((resolve) => (drainedNow = resolve));
  const obey = async (wanted: JudgehostMode) => {
    if (wanted === mode || closing) return;
    mode = wanted;
    options.onMode?.(wanted);
    if (wanted === 'paused') await worker.pause();
    else if (wanted === 'active') await worker.resume();
    else {
      // Drained for maintenance: the running judgings finish and report (close waits for them), then it stops.
      await close();
      drainedNow();
    }
  };
  const beat = async () => {
    try {
      const answer = await server.heartbeat({ ...fixed, busy: worker.busy, judgementIds: worker.judgementIds });
      await obey(answer.mode);
    } catch (error) {
      // The server restarting: keep judging what we have, beat again.
      log.warn({ err: error }, 'heartbeat not delivered');
    }
  };
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  // A judgehost a judge paused stays paused when it comes back.
  await obey(first.mode);
  return { engine, unreadable, languages, drained, close };
}

/** Connects to Redis once, giving up at the first failure. */
async function checkQueue(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
  // The first error says why (a wrong password, a refused connection); the connection's closing follows it.
  let cause: Error | null = null;
  redis.on('error', (error: Error) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new QueueError(`cannot use the queue at ${redactedUrl(url)}: ${(cause ?? (error as Error)).message}`);
  } finally {
    redis.disconnect();
  }
}

/** This machine cannot judge as asked (a sandbox weaker than the server's, not allowed; a language asked for it lacks): the judgehost does not start. */
class JudgehostSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JudgehostSetupError';
  }
}

/** The languages it takes judgings in: those asked for, each available here, or every available one. */
function judgedLanguages(engine: JudgeEngine, wanted: string[] | undefined): string[] {
  if (wanted === undefined) return engine.availableLanguageIds;
  for (const id of wanted) {
    const language = engine.languages.find((l) => l.id === id);
    if (!language?.available) throw new JudgehostSetupError(`--languages: ${id} is not available on this judgehost${language ? `: ${language.detail}` : ''}`);
  }
  return wanted;
}

/** The first heartbeat, tried again while the name is taken, for as long as a crashed predecessor of that name can stay listed. */
async function firstHeartbeat(server: ServerClient, beat: JudgehostHeartbeat): Promise<HeartbeatAnswer> {
  const deadline = Date.now() + NAME_TAKEN_WAIT_MS;
  for (;;) {
    try {
      return await server.heartbeat(beat);
    } catch (error) {
      if ((error as Error).name !== 'JudgehostNameTakenError' || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, NAME_TAKEN_RETRY_MS));
    }
  }
}
