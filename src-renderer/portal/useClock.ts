// The contest clock in components, on the page's one ticker (shared/ticker.ts): a component
// re-renders only when the value it picks (a string, a number) changes, not on every tick.
import { useShallow } from 'zustand/react/shallow';
import { useTicking } from '../shared/ticker.ts';
import type { ContestReading } from '../shared/clock.ts';
import { contestClock } from './clock.ts';
import { usePortal } from './store.ts';

/** A value derived from the contest clock now (null clock: no overview yet). */
export function useClockValue<T extends string | number | boolean | null>(select: (clock: ContestReading | null) => T): T {
  const { overview, offset } = usePortal(useShallow((s) => ({ overview: s.overview, offset: s.clockOffsetMs })));
  return useTicking(() => select(overview ? contestClock(overview, offset, Date.now()) : null));
}

export interface SubmitBlocker {
  reason: string;
  /** Already said by the notices on every page (contest not started, over). */
  shownEverywhere: boolean;
}

/** Why this account cannot submit now, or null when it can. */
export function useSubmitBlocker(): SubmitBlocker | null {
  const hasTeam = usePortal((s) => s.me?.team != null);
  const phase = useClockValue((clock) => clock?.phase ?? null);
  if (!hasTeam) return { reason: 'This account is not a team’s: it cannot submit.', shownEverywhere: false };
  switch (phase) {
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
