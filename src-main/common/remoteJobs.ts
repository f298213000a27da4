// What the core and a remote judgehost (`verdict judgehost`) share about judging over the queue
// (BullMQ on Redis): the queue's name, a job's data, and how a judging attempt is named. The store
// stays the one truth; the queue only carries the judgings in flight, and is rebuilt from them.
import type { JudgeProgress, JudgeResult } from './results.ts';

/** The BullMQ queue every judging goes through. */
export const JUDGING_QUEUE = 'verdict-judgings';

/** A Redis key the core sets when it (re)builds the queue: missing later, Redis lost its data. */
export const QUEUE_EPOCH_KEY = 'verdict:queue-epoch';

/**
 * One dispatch of a judging. The source files travel in the job (a few hundred KiB at most, the
 * submission limit): a judging then needs nothing from the server but its package, which the
 * judgehost caches by SHA-256, so a job re-run on another judgehost after a crash costs no round
 * trip. The package is named by content: a judgehost never judges against a stale copy.
 */
export interface RemoteJobData {
  judgementId: string;
  /** Counts the dispatches of this judgement: a result names it, and only the latest attempt's is taken. */
  attempt: number;
  problemId: string;
  packageSha256: string;
  languageId: string;
  /** The submission's files (one, or several: then written as a folder, as the core writes them), base64. */
  files: { fileName: string; base64: string }[];
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
  workers: number;
  busy: number;
  /** Its sandbox level (common/sandboxInfo.ts). */
  sandbox?: string;
  /** The languages it can run. */
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

/** POST judgements/:id/progress: steps of a running attempt, in order. */
export interface ProgressReport {
  attempt: number;
  steps: JudgeProgress[];
}

/** POST judgements/:id/result: the attempt's result (a superseded attempt's is answered 409 and ignored). */
export interface ResultReport {
  attempt: number;
  judgehost: string;
  result: JudgeResult;
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
