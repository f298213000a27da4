// React hooks the views share: the route from the hash, one shared ticker, the contest clock.
import { useMemo, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { readClock, type ClockReading } from './clock.ts';
import { parseHash, type Route } from './route.ts';
import { useConsole } from './store/index.ts';

function subscribeHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash);
  return useMemo(() => parseHash(hash), [hash]);
}

// One ticker for the whole page; a component re-renders only when the value it derives changes.
const tickListeners = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | null = null;

function subscribeTick(listener: () => void): () => void {
  tickListeners.add(listener);
  ticker ??= setInterval(() => {
    for (const l of tickListeners) l();
  }, 250);
  return () => {
    tickListeners.delete(listener);
    if (tickListeners.size === 0 && ticker !== null) {
      clearInterval(ticker);
      ticker = null;
    }
  };
}

/** Local time, rounded down to `granularityMs` (so a view redraws at most that often). */
export function useNow(granularityMs = 1000): number {
  return useSyncExternalStore(subscribeTick, () => Math.floor(Date.now() / granularityMs) * granularityMs);
}

/** The server's time now (local clock corrected by the snapshot's offset), at `granularityMs`. */
export function useServerNow(granularityMs = 1000): number {
  const offset = useConsole((s) => s.clockOffsetMs);
  return useNow(granularityMs) + Math.round(offset);
}

type Primitive = string | number | boolean | null;

/** A value derived from the contest clock now (null reading: no snapshot yet). */
export function useClockValue<T extends Primitive>(select: (reading: ClockReading | null) => T): T {
  const { clock, offset } = useConsole(useShallow((s) => ({ clock: s.clock, offset: s.clockOffsetMs })));
  return useSyncExternalStore(subscribeTick, () => select(clock ? readClock(clock, offset, Date.now()) : null));
}
