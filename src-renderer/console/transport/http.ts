// JudgeApi in a browser: POST /api/console/<method> with the arguments as a JSON array for every
// request (generated from the contract's JUDGE_REQUESTS), one Server-Sent Events stream of event
// batches shared by all subscribers, and one stream per watched terminal, acknowledged in batches
// after the terminal has parsed the output.
import type { ConsoleEvent, JudgeApi } from '../../../src-main/shared/judgeApi.ts';
import { messageOf } from '../../shared/http.ts';
import { realTimers, type Timers } from '../timers.ts';
import { createAckBatcher } from './ackBatcher.ts';
import type { HttpClient } from './httpClient.ts';
import { requestMethods } from './requests.ts';

/** How the live link is doing, for the top bar. */
export type LinkStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** The part of EventSource used here (injectable for tests). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

type OpenEventSource = (url: string) => EventSourceLike;

/** EventSource.CLOSED: the browser has given up reconnecting (e.g. the server answered 401). */
const CLOSED = 2;
/** After the browser gives up on the event stream, try again this often. */
const STREAM_RETRY_MS = 5_000;
/** ESC c: resets a terminal to its initial state (screen and scrollback cleared). */
export const TERMINAL_RESET = '\x1bc';

export interface HttpJudgeOptions {
  client: HttpClient;
  openEventSource?: OpenEventSource;
  /** Link state changes of the event stream. */
  onStatus?(status: LinkStatus): void;
  /** The event stream came back after a break: events may have been missed, load everything again. */
  onResync?(): void;
  /** Failures nobody awaits (acknowledgements, unreadable events): shown as notices. */
  onError?(message: string): void;
  timers?: Timers;
  ackBatchChars?: number;
  ackBatchMs?: number;
}

const defaultOpen: OpenEventSource = (url) => new EventSource(url, { withCredentials: true });

const consolePath = (method: string): string => `/api/console/${method}`;

export function createHttpJudgeApi(options: HttpJudgeOptions): JudgeApi {
  const { client } = options;
  const open = options.openEventSource ?? defaultOpen;
  const timers = options.timers ?? realTimers;
  const report = (message: string): void => options.onError?.(message);

  const requests = requestMethods((method, args) => client.post(consolePath(method), args));

  // ---- the shared event stream ----
  const listeners = new Set<(events: ConsoleEvent[]) => void>();
  let stream: EventSourceLike | null = null;
  let everOpened = false;
  let retryTimer: unknown = null;
  let status: LinkStatus | null = null;

  const setStatus = (next: LinkStatus): void => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  };

  const openStream = (): void => {
    const source = open(consolePath('stream'));
    stream = source;
    source.onopen = () => {
      if (stream !== source) return;
      const reconnected = everOpened;
      everOpened = true;
      setStatus('live');
      if (reconnected) options.onResync?.();
    };
    source.onerror = () => {
      if (stream !== source) return;
      if (source.readyState !== CLOSED) {
        // The browser reconnects on its own.
        setStatus('reconnecting');
        return;
      }
      source.close();
      stream = null;
      setStatus('offline');
      retryTimer = timers.setTimeout(() => {
        retryTimer = null;
        if (listeners.size > 0 && stream === null) openStream();
      }, STREAM_RETRY_MS);
    };
    source.addEventListener('batch', (event) => {
      if (stream !== source) return;
      let events: unknown;
      try {
        events = JSON.parse(String(event.data));
      } catch (error) {
        report(`An update from the judge’s server could not be read (${messageOf(error)})`);
        return;
      }
      if (!Array.isArray(events)) {
        report('An update from the judge’s server was not a list of events');
        return;
      }
      for (const listener of [...listeners]) listener(events as ConsoleEvent[]);
    });
  };

  const closeStream = (): void => {
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    retryTimer = null;
    stream?.close();
    stream = null;
    everOpened = false;
    status = null;
  };

  return {
    ...requests,

    // The zip is the request's body, streamed to a file by the server (src-main/server/packageUpload.ts).
    importProblem: {
      via: 'upload',
      upload: (fileName, zip) => client.upload(`${consolePath('importProblem')}?name=${encodeURIComponent(fileName)}`, 'application/zip', zip),
    },
    // A plain download: the session cookie goes with it (a GET changes nothing, so it needs no CSRF token).
    problemFiles: { via: 'link', url: (problemId, kind) => `${consolePath('problem-files')}/${encodeURIComponent(problemId)}/${kind}` },
    exportFiles: { via: 'link', url: (jobId, file) => `${consolePath('exports')}/${encodeURIComponent(jobId)}/${file}` },

    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1 && stream === null && retryTimer === null) {
        setStatus('connecting');
        openStream();
      }
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) closeStream();
      };
    },

    watchOutput(submissionId, onData) {
      const acks = createAckBatcher(
        (chars) => {
          client.post(consolePath('ackOutput'), [submissionId, chars]).catch((error: unknown) => {
            if (!stopped) report(`Live output of ${submissionId}: acknowledging failed (${messageOf(error)})`);
          });
        },
        { maxChars: options.ackBatchChars, maxDelayMs: options.ackBatchMs, timers },
      );
      let stopped = false;
      const source = open(`${consolePath('output')}/${encodeURIComponent(submissionId)}`);
      source.addEventListener('output', (event) => {
        if (stopped) return;
        let data: unknown;
        try {
          data = (JSON.parse(String(event.data)) as { data?: unknown }).data;
        } catch {
          data = undefined;
        }
        if (typeof data !== 'string') {
          report(`Live output of ${submissionId}: an unreadable chunk was skipped`);
          return;
        }
        const chars = data.length;
        let acked = false;
        onData(data, () => {
          if (acked) return;
          acked = true;
          acks.add(chars);
        });
      });
      let opened = false;
      source.onopen = () => {
        // After a break the browser reconnects and the core sends its buffer from the start again:
        // clear the terminal (ESC c, a full reset) rather than show it twice.
        if (opened && !stopped) onData(TERMINAL_RESET, () => {});
        opened = true;
      };
      source.onerror = () => {
        // The browser reconnects by itself after a break; a final refusal (the run is over, 204/404)
        // closes the stream for good. Neither is the judge's problem: the status shows the run's end.
        if (!stopped && source.readyState === CLOSED) source.close();
      };
      return () => {
        if (stopped) return;
        stopped = true;
        acks.cancel();
        source.close();
      };
    },
  };
}
