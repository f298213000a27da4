// The core's structured log (pino): JSON lines to stderr, and, while a contest is served, to a
// rotating file in its data folder. Components log through children made when they start
// (`log.child({ component: 'judgehost' })`), never at import time, so `--log-level` reaches them.
import { once } from 'node:events';
import { join } from 'node:path';
import pino, { type Level, type Logger } from 'pino';
import pinoRoll from 'pino-roll';

export const LOG_LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];
/** A log file is rolled over at this size, and this many old ones are kept (about 50 MB in all). */
const LOG_FILE_SIZE = '10m';
const LOG_FILES_KEPT = 4;
/** Under Node's test runner only warnings and errors reach stderr (the tests start hundreds of
 *  servers); the log files get everything the level lets through. */
const STDERR_LEVEL: Level = process.env.NODE_TEST_CONTEXT ? 'warn' : 'trace';

const destinations = pino.multistream([{ level: STDERR_LEVEL, stream: process.stderr }]);

export const log: Logger = pino(
  { level: parseLevel(process.env.VERDICT_LOG_LEVEL) ?? 'info', base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
  destinations,
);

function parseLevel(value: string | undefined): Level | undefined {
  return LOG_LEVELS.includes(value as Level) ? (value as Level) : undefined;
}

/** Sets the level of every logger made from now on (the CLI's `--log-level`); throws on an unknown name. */
export function setLogLevel(value: string): void {
  const level = parseLevel(value);
  if (!level) throw new Error(`unknown log level '${value}' (one of ${LOG_LEVELS.join(', ')})`);
  log.level = level;
}

/**
 * Also writes the log to `<dir>/logs/verdict.N.log`, rolled over by size, until the returned
 * function is called (it flushes and closes the file).
 */
export async function logToFolder(dir: string): Promise<() => void> {
  const file = await pinoRoll({ file: join(dir, 'logs', 'verdict.log'), size: LOG_FILE_SIZE, limit: { count: LOG_FILES_KEPT }, mkdir: true, mode: 0o600 });
  if ((file as unknown as { fd: number }).fd < 0) await once(file, 'ready');
  // A full disk must not take the judge down with its log: lines that cannot be written are dropped.
  let reported = false;
  file.on('error', (error: Error) => {
    if (!reported) process.stderr.write(`verdict: the log file in ${dir} cannot be written (${error.message}); logging to stderr only until it can\n`);
    reported = true;
  });
  destinations.add({ level: 'trace', stream: file });
  // pino's types leave out the id that add() gives each stream: remove() needs it.
  const id = (destinations as unknown as { lastId: number }).lastId;
  return () => {
    destinations.remove(id);
    file.flushSync();
    file.end();
  };
}
