// React event handlers that start async work (a form's submit, a button's action).

/**
 * A handler for React that runs `work` and drops its promise: React ignores what a handler returns,
 * so a rejection there would go unhandled. The work reports its own failures (perform() in the
 * console, a form's error line in both pages); a failure it lets through is logged, not lost.
 */
export function asyncHandler<A extends unknown[]>(work: (...args: A) => Promise<unknown>): (...args: A) => void {
  return (...args) => {
    work(...args).catch((error: unknown) => console.error('an event handler failed', error));
  };
}
