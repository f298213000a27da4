// A cap on concurrent scrypt checks of credentials not yet known to be good (wrong passwords,
// unknown usernames, a hash-only account's first login): they run on libuv's small thread pool,
// which file I/O and other teams' logins share, so guessing must never occupy all of it.
// Beyond the queue bound a check is refused at once (BusyError, a 503) instead of piling up.

/** At most this many checks at once: libuv has 4 threads by default; the rest stay free. */
export const CHECKS_AT_ONCE = 2;
/** Checks waiting beyond this are refused (~30 ms each, two at a time: about half a second of queue). */
export const CHECKS_QUEUED_MAX = 32;

export class BusyError extends Error {
  constructor() {
    super('too many password checks under way: retry in a moment');
    this.name = 'BusyError';
  }
}

export class CheckGate {
  private readonly atOnce: number;
  private readonly queuedMax: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Checks started so far (for tests and benches: how much hashing the requests cost). */
  started = 0;

  constructor(atOnce = CHECKS_AT_ONCE, queuedMax = CHECKS_QUEUED_MAX) {
    this.atOnce = atOnce;
    this.queuedMax = queuedMax;
  }

  /** Runs `check` when a place is free; rejects with BusyError when too many are waiting already. */
  async run<T>(check: () => Promise<T>): Promise<T> {
    if (this.running >= this.atOnce) {
      if (this.waiting.length >= this.queuedMax) throw new BusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    // A place is ours here (handed over by the one that finished, or taken above).
    this.started++;
    try {
      return await check();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
