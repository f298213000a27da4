// What the core and a remote judgehost (`verdict judgehost`) share about judging over the queue
// (BullMQ on Redis): the queue's name, a job's data, and how a judging attempt is named. The store
// stays the one truth; the queue only carries the judgings in flight, and is rebuilt from them.
import type { JudgeProgress, JudgeResult } from './results.ts';
import { ANSWER_LANGUAGE_ID } from './types.ts';

/**
 * The BullMQ queue a judging in this language goes through: one queue per language, so a judgehost
 * takes jobs only from the queues of the languages it has (BullMQ has no per-worker job filter).
 */
export function judgingQueueName(languageId: string): string {
  return `verdict-judgings-${languageId}`;
}

/** The languages whose queues a judgehost with these languages takes jobs from: an answer file (submit-answer) needs no compiler. */
export function queueLanguages(languages: readonly string[]): string[] {
  return [...languages, ANSWER_LANGUAGE_ID];
}

/** A job's lock lasts this long unless its judgehost renews it (at half of it, while the job runs). */
export const JOB_LOCK_MS = 10_000;
/** How often the queue looks for jobs whose lock expired: a killed judgehost's job runs elsewhere within about 15 s. */
export const STALLED_CHECK_MS = 5_000;
/** A job that stalled more often than this fails (the server then counts a judge fault and judges it again). */
export const MAX_STALLED = 2;

/** A Redis key the core sets when it (re)builds the queue: missing later, Redis lost its data. */
export const QUEUE_EPOCH_KEY = 'verdict:queue-epoch';

/**
 * One dispatch of a judging: names only. The judgehost fetches the submission's files for this
 * attempt (GET judgements/:id/sources, refused once the attempt is superseded), so Redis never holds
 * a contestant's source; the package is named by content, cached by SHA-256: a judgehost never
 * judges against a stale copy.
 */
export interface RemoteJobData {
  judgementId: string;
  /** Counts the dispatches of this judgement: a result names it, and only the latest attempt's is taken. */
  attempt: number;
  problemId: string;
  packageSha256: string;
  languageId: string;
  /** The time limit per test, the contest's time factor applied. */
  timeLimitMs: number;
  runAllTests: boolean;
}

/** The BullMQ job id of an attempt: its judgement and attempt (ids are unique in a queue, so a rebuild never doubles one). */
export function remoteJobId(judgementId: string, attempt: number): string {
  return `j${judgementId}-a${attempt}`;
}

/** POST heartbeat: a judgehost is alive, with this many workers (the core's capacity for the queue). */
export interface JudgehostHeartbeat {
  name: string;
  /** A random id per `verdict judgehost` process: a second process given a live one's name is refused. */
  instance?: string;
  workers: number;
  busy: number;
  /** Its sandbox level (common/sandboxInfo.ts). */
  sandbox?: string;
  /** The languages it can run (it takes jobs of these and answer files only). */
  languages?: string[];
  /** Median CPU time of the reference workload here (judging/calibration.ts): the server's speed factor compares it. */
  calibrationMs?: number | null;
  /** The judgements it is judging now. */
  judgementIds?: string[];
}

/** What a judge told a judgehost to do: judge, take nothing new (paused), or finish and exit (draining). */
export type JudgehostMode = 'active' | 'paused' | 'draining';

/** What a judge sees of a judgehost: live (judging), paused, draining (then it exits), gone (not heard from). */
export type JudgehostState = 'live' | 'paused' | 'draining' | 'gone';

/** The server's answer to a heartbeat: the mode the judgehost is to be in. */
export interface HeartbeatAnswer {
  mode: JudgehostMode;
}

/** A progress report carries at most this much of the program's live output (the newest; the rest is skipped with a notice). */
export const MAX_REPORTED_OUTPUT_CHARS = 64 * 1024;

/** POST judgements/:id/progress: steps of a running attempt, in order, and its program's output since the last report (none: a check-in). */
export interface ProgressReport {
  attempt: number;
  steps: JudgeProgress[];
  output?: string;
}

/** POST judgements/:id/result: the attempt's result (a superseded attempt's is answered 409 and ignored), and its program's output not reported yet. */
export interface ResultReport {
  attempt: number;
  judgehost: string;
  result: JudgeResult;
  output?: string;
}

/** The queue cannot be used at start (Redis unreachable, a wrong password): `verdict serve` or `verdict judgehost` says so and exits 2. */
export class QueueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueError';
  }
}

/** A Redis URL (redis://[:password@]host:port[/db]) checked, or why it is not one. */
export function checkQueueUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `not a URL: '${value}' (want redis://[:password@]host:port[/db])`;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return `want a redis:// URL, got '${url.protocol}'`;
  if (url.hostname === '') return 'the Redis URL names no host';
  if (url.pathname !== '' && url.pathname !== '/' && !/^\/\d+$/.test(url.pathname)) return `the Redis database must be a number, got '${url.pathname.slice(1)}'`;
  return null;
}

/** The URL without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a URL that cannot be read)';
  }
}
