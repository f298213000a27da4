// Live updates: an EventSource on the server's event stream. The stream only says *what* changed;
// the caller re-fetches. When the stream drops (the server restarts, the network blinks) this opens
// it again itself, soon and then at most every RECONNECT_MAX_MS (EventSource's own retries give up
// on some failures and left a restarted server unseen for up to a minute); after `maxErrors` failed
// attempts in a row it also re-fetches everything every `pollMs` until the stream is back, so a
// network that never lets a stream through (a buffering proxy) still sees changes.

/**
 * 'retrying': the stream is down and being opened again (shown as "Connection lost — retrying…");
 * 'polling': no stream at all (a browser without EventSource), only the re-fetches every `pollMs`.
 */
export type LiveMode = 'connecting' | 'live' | 'retrying' | 'polling';

/** The first reconnect waits this long; each failure after it doubles the wait, up to RECONNECT_MAX_MS. */
export const RECONNECT_FIRST_MS = 500;
/** The longest wait between two attempts: a restarted server is seen within this long of answering. */
export const RECONNECT_MAX_MS = 4_000;

export interface LiveOptions {
  url: string;
  /** The event types to listen to. */
  events: readonly string[];
  onEvent(type: string): void;
  /** Something may have been missed (a reconnect, a poll tick): re-fetch everything. */
  onResync(): void;
  onMode(mode: LiveMode): void;
  pollMs?: number;
  maxErrors?: number;
}

/** The wait before reconnect attempt `failures` (1 after the first failure): doubling, capped. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.max(0, failures - 1));
}

/** Starts listening; returns the function that stops it all. */
export function connectLive(options: LiveOptions): () => void {
  const pollMs = options.pollMs ?? 10_000;
  const maxErrors = options.maxErrors ?? 3;
  let source: EventSource | null = null;
  let failures = 0;
  let everOpened = false;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let mode: LiveMode | null = null;

  const setMode = (next: LiveMode): void => {
    if (next !== mode) {
      mode = next;
      options.onMode(next);
    }
  };

  const startPolling = (): void => {
    pollTimer ??= setInterval(() => options.onResync(), pollMs);
  };

  const stopTimers = (): void => {
    if (pollTimer !== null) clearInterval(pollTimer);
    if (retryTimer !== null) clearTimeout(retryTimer);
    pollTimer = retryTimer = null;
  };

  /** The stream failed: closed here (not left to EventSource's own retries), opened again after a capped wait. */
  const retryLater = (): void => {
    if (stopped) return;
    failures++;
    setMode('retrying');
    if (failures >= maxErrors) startPolling();
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      openStream();
    }, reconnectDelayMs(failures));
  };

  const openStream = (): void => {
    if (stopped) return;
    if (typeof EventSource === 'undefined') {
      setMode('polling');
      return startPolling();
    }
    let stream: EventSource;
    try {
      stream = new EventSource(options.url, { withCredentials: true });
    } catch {
      return retryLater();
    }
    source = stream;
    stream.onopen = () => {
      if (source !== stream) return;
      const missedSomething = everOpened || failures > 0;
      everOpened = true;
      failures = 0;
      stopTimers();
      setMode('live');
      if (missedSomething) options.onResync();
    };
    stream.onerror = () => {
      if (source !== stream) return;
      stream.close();
      source = null;
      retryLater();
    };
    for (const type of options.events) stream.addEventListener(type, () => options.onEvent(type));
  };

  setMode('connecting');
  openStream();

  return () => {
    stopped = true;
    stopTimers();
    source?.close();
    source = null;
  };
}
