// A running contest: contest folder + store + judging + HTTP. What `verdict serve` and the desktop
// app start, and what the server tests start on a loopback port.
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ConsoleService } from '../console/consoleService.ts';
import { restorePausedJudgehosts } from '../console/judgehostViews.ts';
import { JudgingService } from '../judging/judgingService.ts';
import { loadContest } from '../contest/loadContest.ts';
import type { ContestDefinition } from '../contest/model.ts';
import { ProblemCatalogue, timeLimitOf } from '../contest/problemCatalogue.ts';
import { PackageArchives } from '../judging/packageArchives.ts';
import { ScoreboardService } from '../store/scoreboardService.ts';
import { isOffSpeed, speedFactor } from '../judging/calibration.ts';
import { JudgeEngine } from '../judging/engine.ts';
import type { JudgehostOptions } from '../judging/judgehostClient.ts';
import type { RemoteJudging } from '../judging/remoteJudging.ts';
import { projectRoot } from '../common/paths.ts';
import { timeFactorOf } from '../common/timeFactors.ts';
import { loadLanguageDefinitions } from '../common/languages.ts';
import { queueLanguages } from '../common/remoteJobs.ts';
import { lockDataFolder, type DataFolderLock } from '../store/dataFolderLock.ts';
import { isStorageFailure } from '../store/storageFailure.ts';
import { Store, storeFileIn } from '../store/store.ts';
import { log, logToFolder } from '../common/log.ts';
import { sweepDeadTempDirs } from '../common/tempFolders.ts';
import { AccountDirectory } from './accounts.ts';
import type { PasswordHasherOptions } from './passwordHasher.ts';
import { Authenticator } from './auth.ts';
import { startClicsSync, syncLanguages } from '../core/clicsSync.ts';
import { startLiveFanout } from '../core/liveFanout.ts';
import { SubmissionIntake } from '../core/submissionIntake.ts';
import type { ServerContext } from './context.ts';
import { createHttpServer } from './httpServer.ts';
import { LiveHub } from './liveHub.ts';
import { RateLimiter } from './rateLimit.ts';

export interface ContestServerOptions {
  contestDir: string;
  /** Folder for the database; default: per user, per contest. */
  dataDir?: string;
  host?: string;
  port?: number;
  workers?: number;
  /** A Redis URL: remote judgehosts (`verdict judgehost`) judge too, over this BullMQ queue; `workers` may then be 0. */
  queue?: string;
  /** The export worker's entry (the desktop app's bundled one); default: beside the export service. */
  exportWorker?: string;
  /** How to start the judgehost (the desktop app runs the bundled one with Electron's own Node). */
  judgehost?: JudgehostOptions;
  /** Start the contest now when contest.yaml sets no start time (the sample contest). Default true. */
  startUnscheduled?: boolean;
  /** Judge even where no sandbox can be built (otherwise starting fails with UnsandboxedError). */
  allowUnsandboxed?: boolean;
  /** How to start the password-hashing process (the desktop app runs the bundled one with Electron's own Node). */
  passwordHasher?: PasswordHasherOptions;
  /** What holds the data folder, named to a second process that tries to open it. */
  holder?: string;
  /** Behind a TLS proxy: client address from X-Forwarded-For, https from X-Forwarded-Proto (one proxy hop). Default false. */
  trustProxy?: boolean;
  now?: () => number;
}

export interface ContestServer {
  url: string;
  context: ServerContext;
  /** The judges' console requests and events (served over HTTP; the desktop app calls it over IPC). */
  console: ConsoleService;
  http: FastifyInstance;
  close(): Promise<void>;
}

/** Per-team submission rate: a burst of 10, then 20 a minute (a team rarely needs more). */
const SUBMISSIONS_BURST = 10;
const SUBMISSIONS_PER_MINUTE = 20;
const CLARIFICATIONS_BURST = 5;
const CLARIFICATIONS_PER_MINUTE = 6;
/**
 * Connections the kernel holds for the server to accept (capped by net.core.somaxconn, 4096 on current kernels).
 * Node's default of 511 overflows when a contest's browsers all connect at once (the start, a restart): each
 * connection dropped is retried by its browser a second or three later, the tail of every burst.
 */
const LISTEN_BACKLOG = 4096;
/** How often the contest state (started, frozen, ended) is re-checked for the event feed. */
const STATE_TICK_MS = 1000;

export function defaultDataDir(contestId: string): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'verdict', contestId);
}

function builtRendererDir(): string | null {
  const dir = join(projectRoot, 'out', 'renderer');
  return existsSync(join(dir, 'portal', 'index.html')) ? dir : null;
}

/** The port is taken: one line for the organiser, nothing started. */
class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(`port ${port} on ${host} is already in use (another verdict serve, or another program): choose another with --port`);
    this.name = 'PortInUseError';
  }
}

/**
 * Starts a contest in this order: lock the data folder, open the store, start the judgehost, listen,
 * and only then judge. Whatever fails on the way is undone (nothing judged, nothing left running).
 */
export async function startContestServer(options: ContestServerOptions): Promise<ContestServer> {
  const now = options.now ?? Date.now;
  const contest: ContestDefinition = await loadContest(options.contestDir);
  const dataDir = options.dataDir ?? defaultDataDir(contest.id);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataFolder(dataDir, options.holder ?? 'verdict serve');
  // Undone in reverse order when starting fails half-way, and by close().
  const undo: (() => void | Promise<void>)[] = [() => lock.release()];
  const unwind = async () => {
    for (const step of undo.splice(0).reverse()) await step();
  };
  try {
    return await startLocked(options, contest, dataDir, lock, undo, unwind, now);
  } catch (error) {
    await unwind();
    throw error;
  }
}

async function startLocked(
  options: ContestServerOptions,
  contest: ContestDefinition,
  dataDir: string,
  lock: DataFolderLock,
  undo: (() => void | Promise<void>)[],
  unwind: () => Promise<void>,
  now: () => number,
): Promise<ContestServer> {
  const logger = log.child({ component: 'server' });
  undo.push(await logToFolder(dataDir));
  // What a server or judgehost that was killed left in the temp folder (sources, unpacked packages, workspaces).
  const swept = sweepDeadTempDirs();
  if (swept) logger.info({ folders: swept }, 'removed temp folders left by Verdict processes that died');
  const store = Store.open(storeFileIn(dataDir));
  undo.push(() => store.close());
  // Passwords are hashed in the background by the AccountDirectory: opening never waits for them.
  store.contest.import(contest, { hashPasswords: false });
  if (store.contest.get()!.startTime === null && options.startUnscheduled !== false) store.contest.setTimes({ startTime: now() });

  let closed = false;
  // Set once the core is built: a submit-answer problem read adds the answer "language" to the CLICS languages.
  let announceLanguages = () => {};
  const problems = new ProblemCatalogue(contest.problems, (problem, pkg) => {
    if (!closed && pkg.submitAnswer) announceLanguages();
    if (!closed) store.contest.setProblemInfo(problem.id, { timeLimitMs: timeLimitOf(pkg), testDataCount: pkg.testCases.length, scoring: pkg.scoring, maxScore: pkg.maxScore });
  });
  undo.push(() => problems.dispose());
  // After the judgehost has stopped: judgings it had in flight go back to the queue, for the next start.
  undo.push(() => void store.judgements.recoverInFlight());
  const packageArchives = new PackageArchives();
  undo.push(() => packageArchives.dispose());
  // Only with --queue is bullmq loaded at all.
  let remoteJudging: RemoteJudging | null = null;
  if (options.queue !== undefined) {
    const { RemoteJudging } = await import('../judging/remoteJudging.ts');
    const languageIds = queueLanguages(loadLanguageDefinitions().map((l) => l.id));
    const remote = await RemoteJudging.start(options.queue, languageIds, async (problemId) => (await packageArchives.of(await problems.get(problemId))).sha256);
    undo.push(() => remote.close());
    remoteJudging = remote;
  }
  // With remote judgehosts, the local one times the reference workload: their speed factors are against it.
  const engine = await JudgeEngine.start({ workers: options.workers, host: options.judgehost, allowUnsandboxed: options.allowUnsandboxed, remote: remoteJudging ?? undefined, calibrate: remoteJudging !== null });
  undo.push(() => engine.close());
  if (remoteJudging) watchSpeeds(remoteJudging, engine);
  const judging = new JudgingService(store, engine, problems);
  undo.push(() => judging.stop());
  const scoreboard = new ScoreboardService(store);
  const accounts = new AccountDirectory(store, contest.accounts, options.passwordHasher);
  undo.push(() => accounts.stop());
  const live = new LiveHub();

  const context: ServerContext = {
    store,
    contest,
    engine,
    judging,
    intake: new SubmissionIntake(store, () => judging.pump()),
    problems,
    scoreboard,
    accounts,
    auth: new Authenticator(store, accounts),
    live,
    limits: {
      submissions: new RateLimiter(SUBMISSIONS_BURST, SUBMISSIONS_PER_MINUTE),
      clarifications: new RateLimiter(CLARIFICATIONS_BURST, CLARIFICATIONS_PER_MINUTE),
    },
    dataDir,
    packageArchives,
    remoteJudging,
    rendererDir: builtRendererDir(),
    now,
  };
  // The contest folder as last read (a judge's import reads it again) says each language's time factor.
  judging.timeFactorOf = (languageId) => timeFactorOf(context.contest.languageTimeFactors, languageId);
  // Languages and awards in the store (and the event feed) before anyone can submit or read them.
  undo.push(startClicsSync(context));
  announceLanguages = () => {
    try {
      syncLanguages(context);
    } catch (error) {
      // A contest closed for updates takes no new language; the package is read all the same.
      logger.warn({ err: error }, 'could not announce the answer language of a submit-answer problem');
    }
  };

  // Store events and judging progress drive everything live: the streams and the scoreboard signals.
  undo.push(startLiveFanout(context, live));
  const stateTick = setInterval(() => {
    try {
      store.contest.refreshState(now());
    } catch (error) {
      // A full disk: the state change is written on a later tick, once there is space again.
      if (!isStorageFailure(error)) throw error;
    }
  }, STATE_TICK_MS);
  stateTick.unref();
  undo.push(() => clearInterval(stateTick));

  const consoleService = new ConsoleService(context, options.exportWorker);
  undo.push(() => consoleService.close());
  // A print command still running records how it went before the store closes.
  undo.push(() => consoleService.printDesk.idle());
  const http = await createHttpServer(context, consoleService, { trustProxy: options.trustProxy === true });
  undo.push(async () => {
    // Streams first: an open live stream would otherwise hold the HTTP server's close.
    live.close();
    await http.close();
  });
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 7800;
  let address: string;
  try {
    address = await http.listen({ host, port, backlog: LISTEN_BACKLOG });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(host, port);
    throw error;
  }
  const url = address.replace('[::1]', 'localhost');
  lock.setUrl(url);
  logger.info({ url, dataDir, contest: contest.id, workers: engine.pool.workers, sandbox: engine.host.sandbox.level }, 'serving');

  // Listening: now judge (what was in flight when the judge last stopped is re-queued first).
  restorePausedJudgehosts(context);
  const recovered = judging.start();
  if (recovered) logger.info({ recovered }, 're-queued judgings that were in flight when the judge last stopped');
  void problems.preloadAll();

  return {
    url,
    context,
    console: consoleService,
    http,
    async close() {
      closed = true;
      await unwind();
      logger.info('stopped');
    },
  };
}

/** Logs the local judgehost's calibration, and each remote judgehost that joins with a speed factor off by more than the tolerance. */
function watchSpeeds(remote: RemoteJudging, engine: JudgeEngine): void {
  const calibration = engine.local.calibration;
  const referenceMs = calibration && 'medianMs' in calibration ? calibration.medianMs : null;
  const speedLog = log.child({ component: 'judgehost-speed' });
  if (calibration && 'error' in calibration) speedLog.warn({ why: calibration.error }, 'the local judgehost has no calibration: remote judgehosts\' speed cannot be compared');
  else speedLog.info({ referenceMs, runsMs: calibration?.runsMs }, 'the local judgehost timed the reference workload');
  remote.onJoin = (beat) => {
    const factor = speedFactor(beat.calibrationMs ?? null, referenceMs);
    const rounded = factor === null ? null : Number(factor.toFixed(2));
    if (isOffSpeed(factor)) speedLog.warn({ judgehost: beat.name, speedFactor: rounded, calibrationMs: beat.calibrationMs, referenceMs }, 'a remote judgehost runs at a different speed from the server\'s: time limits do not mean the same there');
    else speedLog.info({ judgehost: beat.name, speedFactor: rounded }, 'a remote judgehost joined');
  };
}
