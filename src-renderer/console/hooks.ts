// React hooks the views share: the route from the hash, and the contest clock on the page's one
// ticker (shared/ticker.ts).
import { useShallow } from 'zustand/react/shallow';
import { useHashRoute } from '../shared/useHashRoute.ts';
import { useNow, useTicking } from '../shared/ticker.ts';
import { readClock, type ClockReading } from './clock.ts';
import { parseHash, type Route } from './route.ts';
import { useConsole } from './store/index.ts';

export function useRoute(): Route {
  return useHashRoute(parseHash);
}

/** The server's time now (local clock corrected by the snapshot's offset), at `granularityMs`. */
export function useServerNow(granularityMs = 1000): number {
  const offset = useConsole((s) => s.clockOffsetMs);
  return useNow(granularityMs) + Math.round(offset);
}

/** A value derived from the contest clock now (null reading: no snapshot yet). */
export function useClockValue<T extends string | number | boolean | null>(select: (reading: ClockReading | null) => T): T {
  const { clock, offset } = useConsole(useShallow((s) => ({ clock: s.clock, offset: s.clockOffsetMs })));
  return useTicking(() => select(clock ? readClock(clock, offset, Date.now()) : null));
}
