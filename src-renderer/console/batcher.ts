// Folds event batches into at most one store update per interval: the core already batches every
// EVENT_BATCH_INTERVAL_MS, but batches can queue up behind a busy main thread (or arrive in bursts
// after a reconnect), and each store update may redraw.
import { realTimers, type Timers } from './timers.ts';

export interface Throttle<T> {
  push(items: readonly T[]): void;
  /** Delivers what is waiting now. */
  flush(): void;
  cancel(): void;
}

export function createThrottle<T>(
  deliver: (items: T[]) => void,
  intervalMs: number,
  options: { now?: () => number; timers?: Timers } = {},
): Throttle<T> {
  const now = options.now ?? (() => Date.now());
  const timers = options.timers ?? realTimers;
  let waiting: T[] = [];
  let timer: unknown = null;
  let last = -Infinity;

  const flush = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (waiting.length === 0) return;
    const items = waiting;
    waiting = [];
    last = now();
    deliver(items);
  };

  return {
    push(items) {
      if (items.length === 0) return;
      for (const item of items) waiting.push(item);
      if (timer !== null) return;
      // The first batch after a quiet spell goes out on the next turn; later ones wait out the interval.
      const delay = Math.max(0, last + intervalMs - now());
      timer = timers.setTimeout(flush, delay);
    },
    flush,
    cancel() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      waiting = [];
    },
  };
}
