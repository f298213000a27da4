// Live updates: an EventSource on the server's event stream, and polling where that fails.
// The stream only says *what* changed; the caller re-fetches. EventSource reconnects on its own;
// after `maxErrors` failures in a row (or when the browser gives up, or has no EventSource) this
// polls every `pollMs` and tries the stream again every `retryStreamMs`.

export type LiveMode = 'connecting' | 'live' | 'reconnecting' | 'polling';

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
  retryStreamMs?: number;
}

/** Starts listening; returns the function that stops it all. */
export function connectLive(options: LiveOptions): () => void {
  const pollMs = options.pollMs ?? 10_000;
  const maxErrors = options.maxErrors ?? 3;
  const retryStreamMs = options.retryStreamMs ?? 60_000;
  let source: EventSource | null = null;
  let errors = 0;
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
    if (stopped) return;
    setMode('polling');
    pollTimer ??= setInterval(() => options.onResync(), pollMs);
    if (retryTimer === null && typeof EventSource !== 'undefined') {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        openStream();
      }, retryStreamMs);
    }
  };

  const stopPolling = (): void => {
    if (pollTimer !== null) clearInterval(pollTimer);
    if (retryTimer !== null) clearTimeout(retryTimer);
    pollTimer = retryTimer = null;
  };

  const openStream = (): void => {
    if (stopped) return;
    if (typeof EventSource === 'undefined') return startPolling();
    let stream: EventSource;
    try {
      stream = new EventSource(options.url, { withCredentials: true });
    } catch {
      return startPolling();
    }
    source = stream;
    stream.onopen = () => {
      if (source !== stream) return;
      const missedSomething = everOpened || pollTimer !== null;
      everOpened = true;
      errors = 0;
      stopPolling();
      setMode('live');
      if (missedSomething) options.onResync();
    };
    stream.onerror = () => {
      if (source !== stream) return;
      errors++;
      if (stream.readyState === EventSource.CLOSED || errors >= maxErrors) {
        stream.close();
        source = null;
        startPolling();
      } else if (pollTimer === null) {
        setMode('reconnecting');
      }
    };
    for (const type of options.events) stream.addEventListener(type, () => options.onEvent(type));
  };

  setMode('connecting');
  openStream();

  return () => {
    stopped = true;
    stopPolling();
    source?.close();
    source = null;
  };
}
