// Coalesces bursts of "something changed" into one call: the first trigger starts a window of
// `ms`; triggers inside it are folded in; a trigger while the call runs queues one more run after
// it. So a busy stream never starves the refresh (unlike a pure trailing debounce), calls never
// overlap, and the last answer is always the newest.

export interface Coalesced {
  (): void;
  /** Drops a pending run (e.g. on logout). */
  cancel(): void;
}

export function coalesce(run: () => Promise<unknown>, ms: number): Coalesced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  let cancelled = false;

  // fire never rejects (run's failures are caught in it), so the timer drops its promise safely.
  const schedule = (): void => {
    timer = setTimeout(() => void fire(), ms);
  };

  const fire = async (): Promise<void> => {
    timer = null;
    if (cancelled) return;
    running = true;
    try {
      await run();
    } catch {
      // The caller's run reports its own errors; one failure must not stop later refreshes.
    } finally {
      running = false;
    }
    if (again && !cancelled) {
      again = false;
      schedule();
    }
  };

  const trigger = (() => {
    cancelled = false;
    if (running) again = true;
    else if (timer === null) schedule();
  }) as Coalesced;
  trigger.cancel = () => {
    cancelled = true;
    again = false;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return trigger;
}
