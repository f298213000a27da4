// One ticker for the whole page, four times a second; a component re-renders only when the value it
// reads (a string, a number) changes, not on every tick.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  ticker ??= setInterval(() => {
    for (const l of listeners) l();
  }, 250);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && ticker !== null) {
      clearInterval(ticker);
      ticker = null;
    }
  };
}

/** `read()` again on every tick. */
export function useTicking<T extends string | number | boolean | null>(read: () => T): T {
  return useSyncExternalStore(subscribe, read);
}

/** Local time, rounded down to `granularityMs` (so a view redraws at most that often). */
export function useNow(granularityMs = 1000): number {
  return useTicking(() => Math.floor(Date.now() / granularityMs) * granularityMs);
}
