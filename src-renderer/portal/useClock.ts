// The contest clock in components. One shared ticker for the whole page; a component re-renders
// only when the value it picks (a string, a number) changes, not on every tick.
import { useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { contestClock, type ContestClock } from './clock.ts';
import { usePortal } from './store.ts';

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

type Primitive = string | number | boolean | null;

/** A value derived from the contest clock now (null clock: no overview yet). */
export function useClockValue<T extends Primitive>(select: (clock: ContestClock | null) => T): T {
  const { overview, offset } = usePortal(useShallow((s) => ({ overview: s.overview, offset: s.clockOffsetMs })));
  return useSyncExternalStore(subscribe, () => select(overview ? contestClock(overview, offset, Date.now()) : null));
}

/** Local time, ticking (for countdowns such as a queue wait). */
export function useNow(granularityMs = 1000): number {
  return useSyncExternalStore(subscribe, () => Math.floor(Date.now() / granularityMs) * granularityMs);
}

export interface SubmitBlocker {
  reason: string;
  /** Already said by the notices on every page (contest not started, over). */
  shownEverywhere: boolean;
}

/** Why this account cannot submit now, or null when it can. */
export function useSubmitBlocker(): SubmitBlocker | null {
  const hasTeam = usePortal((s) => s.me?.team != null);
  const state = useClockValue((clock) => clock?.state ?? null);
  if (!hasTeam) return { reason: 'This account is not a team’s: it cannot submit.', shownEverywhere: false };
  switch (state) {
    case null:
      return { reason: 'Waiting for the contest’s details…', shownEverywhere: false };
    case 'unscheduled':
    case 'before':
      return { reason: 'The contest has not started yet: submitting opens when it starts.', shownEverywhere: true };
    case 'over':
      return { reason: 'The contest is over: submissions are closed.', shownEverywhere: true };
    default:
      return null;
  }
}
