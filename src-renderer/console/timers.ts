// Timers behind an interface, so the event throttle, the acknowledgement batcher and the stream's
// reconnects can run on a clock driven by hand in tests (manualClock.ts).

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
